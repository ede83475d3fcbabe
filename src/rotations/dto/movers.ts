import { ArgsType, Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Max, Min } from 'class-validator';
import { Connection } from '../../common/pagination/connection.js';
import { DateScalar } from '../../common/scalars/date.scalar.js';
import { Official } from '../../officials/official.entity.js';
import { DateRangeArgs } from './rotation-queries.js';

@ArgsType()
export class MoversArgs extends DateRangeArgs {
  @Field(() => Int, { defaultValue: 2, description: 'Only officials moved at least this many times in the range (transfers of recorded events; of voided ones too with includeVoided).' })
  @Min(1)
  @Max(1000)
  minMoves: number;
}

@ObjectType({ description: 'An official and how often they were moved in a range of dates.' })
export class Mover {
  @Field(() => ID)
  officialId: string;

  @Field(() => Official)
  official?: Official;

  @Field(() => Int, { description: 'Transfers of the official in the range (into or out of the unit, if one is given), voided events left out unless includeVoided.' })
  moves: number;

  @Field(() => DateScalar, { description: 'The effective date of the first of them.' })
  firstMoveOn: string;

  @Field(() => DateScalar, { description: 'The effective date of the last of them.' })
  lastMoveOn: string;
}

@ObjectType()
export class MoverConnection extends Connection(Mover) {}
