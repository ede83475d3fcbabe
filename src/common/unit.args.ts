import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsOptional, MaxLength } from 'class-validator';
import { PaginationArgs } from './pagination/pagination.args.js';
import { DatabaseId } from './validators.js';

/** A page of a list that may be narrowed to a unit and all its sub-units, named by id or code, or to a government. */
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

  @Field(() => String, { nullable: true, description: 'A government by code or region code, e.g. "32.75": its units only. With a unit, the unit must be in it.' })
  @IsOptional()
  @MaxLength(50)
  government?: string;
}
