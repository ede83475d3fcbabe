import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsOptional, MaxLength } from 'class-validator';
import { PaginationArgs } from './pagination/pagination.args.js';
import { DatabaseId } from './validators.js';

/** A page of a list that may be narrowed to a unit and all its sub-units, named by id or code. */
@ArgsType()
export class UnitArgs extends PaginationArgs {
  @Field(() => ID, { nullable: true, description: 'A unit: it and all its sub-units.' })
  @IsOptional()
  @DatabaseId()
  organizationId?: string;

  @Field(() => String, { nullable: true, description: 'Or the unit by code, e.g. "DINKES".' })
  @IsOptional()
  @MaxLength(50)
  organizationCode?: string;
}
