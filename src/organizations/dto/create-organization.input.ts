import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEnum, IsOptional, Matches } from 'class-validator';
import { DateScalar } from '../../common/scalars/date.scalar.js';
import { CodeField, RequiredText } from '../../common/validators.js';
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
  @Matches(/^[0-9]{1,18}$/, { message: 'parentId must be an organization id' })
  parentId?: string | null;

  @Field(() => DateScalar, { nullable: true })
  establishedOn?: string | null;

  @Field(() => DateScalar, { nullable: true })
  dissolvedOn?: string | null;
}
