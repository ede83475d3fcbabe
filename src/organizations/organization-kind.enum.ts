import { registerEnumType } from '@nestjs/graphql';

export enum OrganizationKind {
  GOVERNMENT = 'GOVERNMENT',
  SECRETARIAT = 'SECRETARIAT',
  AGENCY = 'AGENCY',
  INSPECTORATE = 'INSPECTORATE',
  DISTRICT = 'DISTRICT',
  SUBDISTRICT = 'SUBDISTRICT',
  TECHNICAL_UNIT = 'TECHNICAL_UNIT',
}

registerEnumType(OrganizationKind, {
  name: 'OrganizationKind',
  description: 'Pemerintah daerah, sekretariat, dinas/badan, inspektorat, kecamatan, kelurahan, UPTD.',
});
