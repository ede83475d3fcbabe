import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEnum, IsOptional, Matches, MaxLength } from 'class-validator';
import { GovernmentType, REGION_CODE } from '../../governments/government-type.enum.js';
import { DateScalar } from '../../common/scalars/date.scalar.js';
import { CodeField, RequiredText, DatabaseId } from '../../common/validators.js';
import { OrganizationKind } from '../organization-kind.enum.js';

@InputType()
export class CreateOrganizationInput {
  @Field()
  @CodeField()
  code: string;

  @Field()
  @RequiredText(255)
  name: string;

  @Field(() => OrganizationKind)
  @IsEnum(OrganizationKind)
  kind: OrganizationKind;

  @Field(() => ID, { nullable: true, description: 'The unit this one belongs to; none for a government.' })
  @IsOptional()
  @DatabaseId()
  parentId?: string | null;

  @Field(() => String, { nullable: true, description: 'Or the unit it belongs to by code, e.g. "PEMKOT-BKS".' })
  @IsOptional()
  @MaxLength(50)
  parentCode?: string | null;

  @Field(() => String, { nullable: true, description: 'A government only (kind GOVERNMENT, no parent): its kode wilayah, e.g. "32.16".' })
  @IsOptional()
  @Matches(REGION_CODE, { message: 'regionCode must be a kode wilayah: two digits for a province ("32"), two pairs for a regency or city ("32.16")' })
  regionCode?: string | null;

  @Field(() => GovernmentType, { nullable: true, description: 'A government only: province, regency, city or central agency.' })
  @IsOptional()
  @IsEnum(GovernmentType)
  governmentType?: GovernmentType | null;

  @Field(() => DateScalar, { nullable: true })
  establishedOn?: string | null;

  @Field(() => DateScalar, { nullable: true })
  dissolvedOn?: string | null;
}
