import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsEnum, IsInt, IsOptional, Max, Min } from 'class-validator';
import { DateScalar } from '../../common/scalars/date.scalar.js';
import { CodeField, RequiredText, DatabaseId } from '../../common/validators.js';
import { Echelon, FunctionalLevel, PositionCategory } from '../position.enums.js';

@InputType()
export class CreatePositionInput {
  @Field()
  @CodeField()
  code: string;

  @Field()
  @RequiredText(255)
  title: string;

  @Field(() => ID)
  @DatabaseId()
  organizationId: string;

  @Field(() => Echelon, { nullable: true })
  @IsOptional()
  @IsEnum(Echelon)
  echelon?: Echelon | null;

  @Field(() => PositionCategory)
  @IsEnum(PositionCategory)
  category: PositionCategory;

  @Field(() => FunctionalLevel, { nullable: true, description: 'Only for a FUNCTIONAL post.' })
  @IsOptional()
  @IsEnum(FunctionalLevel)
  functionalLevel?: FunctionalLevel | null;

  @Field(() => Int, { nullable: true, description: 'Seats (formasi), 1 when not given; more than 1 only for FUNCTIONAL and EXECUTOR posts.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100000)
  seats?: number;

  @Field(() => DateScalar, { nullable: true })
  establishedOn?: string | null;

  @Field(() => DateScalar, { nullable: true })
  abolishedOn?: string | null;
}
