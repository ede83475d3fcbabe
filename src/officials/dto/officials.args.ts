import { ArgsType, Field } from '@nestjs/graphql';
import { IsEnum, IsOptional, MaxLength } from 'class-validator';
import { UnitArgs } from '../../common/unit.args.js';
import { Echelon } from '../../positions/position.enums.js';
import { EchelonGroup } from '../../positions/echelon-filter.js';

@ArgsType()
export class OfficialsArgs extends UnitArgs {
  @Field(() => String, {
    nullable: true,
    description: 'A name, as typed: titles, case and accents are ignored and near misses found; results ranked by similarity.',
  })
  @IsOptional()
  @MaxLength(100)
  search?: string;

  @Field(() => Echelon, { nullable: true, description: 'Only officials whose post today has this echelon.' })
  @IsOptional()
  @IsEnum(Echelon)
  echelon?: Echelon;

  @Field(() => EchelonGroup, { nullable: true, description: 'Only officials whose post today has this echelon, any grade: III is III_A and III_B.' })
  @IsOptional()
  @IsEnum(EchelonGroup)
  echelonGroup?: EchelonGroup;
}
