import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsEnum, IsOptional, Matches, MaxLength } from 'class-validator';
import { PaginationArgs } from '../../common/pagination/pagination.args.js';
import { Echelon } from '../../positions/position.enums.js';

@ArgsType()
export class OfficialsArgs extends PaginationArgs {
  @Field(() => String, {
    nullable: true,
    description: 'A name, as typed: titles, case and accents are ignored and near misses found; results ranked by similarity.',
  })
  @IsOptional()
  @MaxLength(100)
  search?: string;

  @Field(() => ID, { nullable: true, description: 'Only officials whose post today is in this unit or its sub-units.' })
  @IsOptional()
  @Matches(/^[0-9]{1,18}$/, { message: 'organizationId must be an organization id' })
  organizationId?: string;

  @Field(() => String, { nullable: true, description: 'Or the unit by code, e.g. "DINKES".' })
  @IsOptional()
  @MaxLength(50)
  organizationCode?: string;

  @Field(() => Echelon, { nullable: true, description: 'Only officials whose post today has this echelon.' })
  @IsOptional()
  @IsEnum(Echelon)
  echelon?: Echelon;
}
