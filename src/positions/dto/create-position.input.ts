import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEnum, IsOptional } from 'class-validator';
import { DateScalar } from '../../common/scalars/date.scalar.js';
import { CodeField, RequiredText, DatabaseId } from '../../common/validators.js';
import { Echelon, PositionCategory } from '../position.enums.js';

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

  @Field(() => DateScalar, { nullable: true })
  establishedOn?: string | null;

  @Field(() => DateScalar, { nullable: true })
  abolishedOn?: string | null;
}
