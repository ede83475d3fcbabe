import { ArgsType, Field } from '@nestjs/graphql';
import { IsOptional, MaxLength } from 'class-validator';
import { UnitArgs } from '../../common/unit.args.js';
import { WithEchelonFilter } from '../../positions/echelon-filter.js';

@ArgsType()
export class OfficialsArgs extends WithEchelonFilter(UnitArgs, 'Only officials whose post today is') {
  @Field(() => String, {
    nullable: true,
    description: 'A name, as typed: titles, case and accents are ignored and near misses found; results ranked by similarity.',
  })
  @IsOptional()
  @MaxLength(100)
  search?: string;
}
