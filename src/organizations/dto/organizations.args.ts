import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsEnum, IsOptional, MaxLength } from 'class-validator';
import { PaginationArgs } from '../../common/pagination/pagination.args.js';
import { OrganizationKind } from '../organization-kind.enum.js';

@ArgsType()
export class OrganizationsArgs extends PaginationArgs {
  @Field(() => OrganizationKind, { nullable: true })
  @IsOptional()
  @IsEnum(OrganizationKind)
  kind?: OrganizationKind;

  @Field(() => ID, { nullable: true, description: 'Only the direct sub-units of this organization.' })
  @IsOptional()
  parentId?: string;

  @Field(() => String, { nullable: true, description: 'Only the units of this government, by code or region code, e.g. "32.75".' })
  @IsOptional()
  @MaxLength(50)
  government?: string;

  @Field(() => String, { nullable: true, description: 'Part of the name or code, case-insensitive.' })
  @IsOptional()
  @MaxLength(100)
  search?: string;
}
