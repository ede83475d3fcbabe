import { registerEnumType } from '@nestjs/graphql';

/** The kinds of instansi (UU 23/2014): a province, a regency or city, or a central agency. */
export enum GovernmentType {
  PROVINCE = 'PROVINCE',
  REGENCY = 'REGENCY',
  CITY = 'CITY',
  CENTRAL = 'CENTRAL',
}

registerEnumType(GovernmentType, { name: 'GovernmentType', description: 'Pemerintah provinsi, kabupaten, kota, or an instansi pusat.' });

/**
 * A kode wilayah per Permendagri 72/2019: "32" (a province), "32.75" (a regency or city).
 * Central agencies have no region: they use a code of their own under "00", e.g. "00.01".
 */
export const REGION_CODE = /^[0-9]{2}(\.[0-9]{2})?$/;
