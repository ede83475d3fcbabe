import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEnum, IsOptional, MaxLength } from 'class-validator';
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

  @Field(() => ID, { nullable: true, description: 'The unit this one belongs to.' })
  @IsOptional()
  @DatabaseId()
  parentId?: string | null;

  @Field(() => String, { nullable: true, description: 'Or the unit it belongs to by code, e.g. "PEMKOT-BKS".' })
  @IsOptional()
  @MaxLength(50)
  parentCode?: string | null;

  @Field(() => DateScalar, { nullable: true })
  establishedOn?: string | null;

  @Field(() => DateScalar, { nullable: true })
  dissolvedOn?: string | null;
}
