import { Args, Context, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { daysBetween } from '../common/date-range.js';
import { today } from '../common/today.js';
import { canSeePersonalData, type AuthenticatedRequest } from '../auth/actor.js';
import { personalDataRestricted } from '../auth/auth.errors.js';
import { keyAt, type AsRecorded } from '../common/as-recorded.js';
import { DirectField } from '../common/graphql/direct-field.js';
import type { GraphQLContext } from '../common/loaders/request-loaders.js';
import { predecessor, successor } from './appointments.loaders.js';
import { officialById } from '../officials/officials.loaders.js';
import { positionById } from '../positions/positions.loaders.js';
import { transferById } from '../rotations/rotations.loaders.js';
import { Official } from '../officials/official.entity.js';
import { Position } from '../positions/position.entity.js';
import { Transfer } from '../rotations/transfer.entity.js';
import { Appointment } from './appointment.entity.js';
import { AppointmentsService, type PostBetweenDays, type PostOnDay } from './appointments.service.js';
import type { Page } from '../common/pagination/connection.js';
import { BetweenDaysArgs, OnDayArgs, PostChangeConnection, PastRetirementArgs, PostSnapshotConnection, Retirement, RetirementConnection, RetirementsArgs, SnapshotArgs } from './dto/appointment-views.js';
import type { RetirementRow } from './appointments.repository.js';

@Resolver(() => Appointment)
export class AppointmentsResolver {
  constructor(private readonly appointments: AppointmentsService) {}

  @Query(() => PostSnapshotConnection, { description: 'Every post of a unit and its sub-units on a day, with its holder, or vacant since when.' })
  snapshot(@Args() args: SnapshotArgs): Promise<Page<PostOnDay>> {
    return this.appointments.snapshot(args);
  }

  @Query(() => PostSnapshotConnection, { description: 'Posts with no definitive holder on a day: since when, who held it last, and any acting holder.' })
  vacancies(@Args() args: OnDayArgs): Promise<Page<PostOnDay>> {
    return this.appointments.vacancies(args);
  }

  @Query(() => RetirementConnection, {
    description: 'The vacancies to come: posts whose holder on `from` reaches the retirement age of the post by `to`, soonest first. Who retires (`official`) is personal data (it tells the birth month): HR, ANALYST and ADMIN keys only.',
  })
  retirements(@Args() args: RetirementsArgs): Promise<Page<RetirementRow>> {
    return this.appointments.retirements(args);
  }

  @Query(() => RetirementConnection, {
    description: 'Posts held on a day by someone past the retirement age of the post (after the last day of service): oldest overdue first. `official` is personal data, as in retirements.',
  })
  pastRetirementAge(@Args() args: PastRetirementArgs): Promise<Page<RetirementRow>> {
    return this.appointments.pastRetirementAge(args);
  }

  @Query(() => PostChangeConnection, { description: 'Every post whose head differs between two days, with the head on each; a post established or abolished in between is in, with "no post then" on that side (existedBefore, existedAfter).' })
  changes(@Args() args: BetweenDaysArgs): Promise<Page<PostBetweenDays>> {
    return this.appointments.changes(args);
  }

  @ResolveField(() => Int, { description: 'Days in the post: from startedOn to endedOn, or to today (Asia/Jakarta) while held.' })
  tenureDays(@Parent() a: Appointment): number {
    return daysBetween(a.startedOn, a.endedOn ?? today());
  }

  @DirectField(() => Official)
  official(@Parent() a: Appointment, @Context() ctx: GraphQLContext): Promise<Official | null> {
    return ctx.loaders.get(officialById).load(a.officialId);
  }

  @DirectField(() => Position)
  position(@Parent() a: Appointment, @Context() ctx: GraphQLContext): Promise<Position | null> {
    return ctx.loaders.get(positionById).load(a.positionId);
  }

  @DirectField(() => Transfer, { description: 'The transfer (and through it the decree) that began it.' })
  startedBy(@Parent() a: Appointment & AsRecorded, @Context() ctx: GraphQLContext): Promise<Transfer | null> {
    return ctx.loaders.get(transferById).load(keyAt(a.startedByTransferId, a.recordedAt));
  }

  @DirectField(() => Transfer, { nullable: true, description: 'The transfer that ended it; null while held.' })
  endedBy(@Parent() a: Appointment & AsRecorded, @Context() ctx: GraphQLContext): Promise<Transfer | null> | null {
    return a.endedByTransferId ? ctx.loaders.get(transferById).load(keyAt(a.endedByTransferId, a.recordedAt)) : null;
  }

  @DirectField(() => Appointment, { nullable: true, description: 'The previous definitive holder of the post (definitive appointments only).' })
  async predecessor(@Parent() a: Appointment & AsRecorded, @Context() ctx: GraphQLContext): Promise<Appointment | null> {
    return (await ctx.loaders.get(predecessor).load(keyAt(a.id, a.recordedAt)))[0] ?? null;
  }

  @DirectField(() => Appointment, { nullable: true, description: 'The next definitive holder of the post (definitive appointments only).' })
  async successor(@Parent() a: Appointment & AsRecorded, @Context() ctx: GraphQLContext): Promise<Appointment | null> {
    return (await ctx.loaders.get(successor).load(keyAt(a.id, a.recordedAt)))[0] ?? null;
  }
}

@Resolver(() => Retirement)
export class RetirementResolver {
  @DirectField(() => Position)
  position(@Parent() r: RetirementRow, @Context() ctx: GraphQLContext): Promise<Position | null> {
    return ctx.loaders.get(positionById).load(r.positionId);
  }

  /** Who retires, with the month and year of the last day of service, tells the birth month: personal data. */
  @DirectField(() => Official, { nullable: true, description: 'Who retires. Personal data (it tells the birth month and year): HR, ANALYST and ADMIN keys only.' })
  official(@Parent() r: RetirementRow, @Context() ctx: GraphQLContext): Promise<Official | null> {
    if (!canSeePersonalData((ctx.req as AuthenticatedRequest).actor)) throw personalDataRestricted('official');
    return ctx.loaders.get(officialById).load(r.officialId);
  }
}
