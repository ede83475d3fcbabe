import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsEnum, IsOptional, MaxLength } from 'class-validator';
import { PaginationArgs } from '../../common/pagination/pagination.args.js';
import { PositionCategory } from '../position.enums.js';
import { WithEchelonFilter } from '../echelon-filter.js';

@ArgsType()
export class PositionsArgs extends WithEchelonFilter(PaginationArgs, 'Only posts') {
  @Field(() => ID, { nullable: true, description: 'Only posts of this organization (not its sub-units).' })
  @IsOptional()
  organizationId?: string;

  @Field(() => String, { nullable: true, description: 'Or the organization by code.' })
  @IsOptional()
  @MaxLength(50)
  organizationCode?: string;

  @Field(() => String, { nullable: true, description: 'Only posts of this government (any of its units), by code or region code, e.g. "32.75".' })
  @IsOptional()
  @MaxLength(50)
  government?: string;

  @Field(() => PositionCategory, { nullable: true })
  @IsOptional()
  @IsEnum(PositionCategory)
  category?: PositionCategory;

  @Field(() => String, {
    nullable: true,
    description: 'Words of the title, in any order, case and accents ignored, near spellings found ("puskesmas kali baru" finds "Kepala UPTD Puskesmas Kalibaru"); or part of the code.',
  })
  @IsOptional()
  @MaxLength(100)
  search?: string;
}
