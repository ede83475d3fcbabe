import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import { AS_RECORDED_DESCRIPTION, type AsRecorded } from '../../common/as-recorded.js';
import { IsEnum, IsOptional, Max, Min } from 'class-validator';
import { Capacity } from '../../history/history.enums.js';
import { WithEchelonFilter } from '../../positions/echelon-filter.js';
import { Connection } from '../../common/pagination/connection.js';
import { UnitArgs } from '../../common/unit.args.js';
import { DateScalar } from '../../common/scalars/date.scalar.js';
import { Position } from '../../positions/position.entity.js';
import { Appointment } from '../appointment.entity.js';

/** A post and a day; PositionHolder's fields load what is asked for, and only that. */
export interface PositionOnDay extends AsRecorded {
  positionId: string;
  on: string;
}

@ObjectType({ description: 'Who held a post on a day: the definitive holder, and anyone acting (Plt/Plh).' })
export class PositionHolder {
  @Field(() => Appointment, {
    nullable: true,
    description: 'The head that day: the definitive holder, or a functional official heading an UPTD by additional task (capacity tells which). On a post with several seats, the longest-serving of `heads`. Null: vacant.',
  })
  definitive: Appointment | null;

  @Field(() => [Appointment], { description: 'Every head that day, longest-serving first: one on most posts, up to the seats (formasi) of a functional post.' })
  heads: Appointment[];

  @Field(() => [Appointment])
  acting: Appointment[];
}

@ObjectType({ description: 'A stretch of time in which a post had no definitive holder.' })
export class Vacancy {
  @Field(() => DateScalar)
  from: string;

  @Field(() => DateScalar, { nullable: true, description: 'Null: still vacant.' })
  to: string | null;

  @Field(() => Int, { description: 'How long the post stood empty, in days: from `from` to `to`, or to today (Asia/Jakarta) while still vacant.' })
  days: number;
}

@ObjectType({ description: 'A post on a day: its holder, or since when it has been vacant.' })
export class PostSnapshot {
  @Field(() => Position)
  position: Position;

  @Field(() => Appointment, { nullable: true })
  holder: Appointment | null;

  @Field(() => [Appointment], { description: 'Acting (Plt) or stand-in (Plh) holders that day.' })
  acting: Appointment[];

  @Field(() => DateScalar, { nullable: true, description: 'When vacant: the day the last holder left (or the post was established); null if unknown.' })
  vacantSince: string | null;

  @Field(() => Int, { nullable: true, description: 'When vacant: days from vacantSince to the day asked about; null if unknown.' })
  vacantDays: number | null;

  @Field(() => Appointment, { nullable: true, description: 'When vacant: the last definitive holder before the day.' })
  lastHolder: Appointment | null;
}

@ObjectType({ description: 'A post whose head differs between two days, or that exists on only one of them (established or abolished in between).' })
export class PostChange {
  @Field(() => Position)
  position: Position;

  @Field(() => Appointment, { nullable: true, description: 'Holder on the first day; null: vacant, or no post yet (existedBefore false).' })
  before: Appointment | null;

  @Field(() => Appointment, { nullable: true, description: 'Holder on the second day; null: vacant, or no post any more (existedAfter false).' })
  after: Appointment | null;

  @Field(() => Boolean, { description: 'Whether the post existed on the first day; false: established since (position.establishedOn says when).' })
  existedBefore: boolean;

  @Field(() => Boolean, { description: 'Whether the post existed on the second day; false: abolished by then (position.abolishedOn says when).' })
  existedAfter: boolean;
}

@ObjectType()
export class PostSnapshotConnection extends Connection(PostSnapshot) {}

@ObjectType()
export class PostChangeConnection extends Connection(PostChange) {}

@ArgsType()
export class OnDayArgs extends UnitArgs {
  @Field(() => DateScalar, { description: 'The day.' })
  on: string;

  @Field(() => Date, { nullable: true, description: AS_RECORDED_DESCRIPTION })
  @IsOptional()
  asRecordedAt?: Date;
}

@ArgsType()
export class SnapshotArgs extends OnDayArgs {
  @Field(() => Capacity, {
    nullable: true,
    description: 'Only posts someone holds in this capacity that day: ACTING for every post under a Plt, beside a definitive holder or not; STAND_IN for a Plh.',
  })
  @IsOptional()
  @IsEnum(Capacity)
  heldAs?: Capacity;

  @Field(() => Int, {
    nullable: true,
    description: 'Only posts held that day for more than this many days in the capacity heldAs, or by a Plt or Plh if heldAs is not given: 183 finds the Plt past the six months BKN allows.',
  })
  @IsOptional()
  @Min(0)
  @Max(36_500)
  heldLongerThanDays?: number;
}

@ArgsType()
export class BetweenDaysArgs extends UnitArgs {
  @Field(() => DateScalar)
  from: string;

  @Field(() => DateScalar)
  to: string;
}

/** The unit, echelon and paging arguments of the retirement queries. */
@ArgsType()
export class RetirementFilterArgs extends WithEchelonFilter(UnitArgs, 'Only posts') {}

@ArgsType()
export class PastRetirementArgs extends RetirementFilterArgs {
  @Field(() => DateScalar, { description: 'The day: holders still in a definitive post that day after their last day of service.' })
  on: string;
}

@ArgsType()
export class RetirementsArgs extends RetirementFilterArgs {
  @Field(() => DateScalar, { description: 'From this day: officials holding a definitive post that day.' })
  from: string;

  @Field(() => DateScalar, { description: 'Up to this day (inclusive): whose last day of service falls by then.' })
  to: string;
}

@ObjectType({ description: 'A post that will fall vacant when its holder reaches the retirement age (batas usia pensiun) of the post.' })
export class Retirement {
  @Field(() => Position)
  position?: Position;

  positionId: string;
  officialId: string;

  @Field(() => Int, { description: 'The retirement age of the post: 58, or 60 for high leadership (PP 11/2017 Pasal 239 as amended by PP 17/2020).' })
  retirementAge: number;

  @Field(() => DateScalar, { description: 'The last day of service: the end of the month in which the holder reaches the age.' })
  lastDayOfService: string;

  @Field(() => DateScalar, { description: 'The first day of the pension, and of the vacancy: the first of the next month.' })
  pensionFrom: string;
}

@ObjectType()
export class RetirementConnection extends Connection(Retirement) {}
