import { Args, Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { AsRecordedArgs, instantOf, keyAt } from '../common/as-recorded.js';
import { DirectField } from '../common/graphql/direct-field.js';
import type { GraphQLContext } from '../common/loaders/request-loaders.js';
import { DateScalar } from '../common/scalars/date.scalar.js';
import { today } from '../common/today.js';
import { Official } from '../officials/official.entity.js';
import { Position } from '../positions/position.entity.js';
import { Appointment } from './appointment.entity.js';
import { appointmentsOfOfficial, appointmentsOfPosition, officialPostOn, vacanciesOfPosition } from './appointments.loaders.js';
import { PositionHolder, Vacancy, type PositionOnDay } from './dto/appointment-views.js';

/*
 * The history's fields on officials and posts live here, with the history: officials/ and
 * positions/ know nothing of appointments, so the dependency runs one way.
 */

@Resolver(() => Official)
export class OfficialHistoryResolver {
  @DirectField(() => [Appointment], { description: 'The career, oldest first: definitive and acting appointments.' })
  appointments(@Parent() o: Official, @Context() ctx: GraphQLContext, @Args() { asRecordedAt }: AsRecordedArgs): Promise<Appointment[]> {
    return ctx.loaders.get(appointmentsOfOfficial).load(keyAt(o.id, instantOf(asRecordedAt)));
  }

  @DirectField(() => Appointment, { nullable: true, description: 'The definitive post held today (Asia/Jakarta), if any.' })
  async currentAppointment(@Parent() o: Official, @Context() ctx: GraphQLContext, @Args() { asRecordedAt }: AsRecordedArgs): Promise<Appointment | null> {
    return (await ctx.loaders.get(officialPostOn).load(keyAt(`${o.id}|${today()}`, instantOf(asRecordedAt))))[0] ?? null;
  }
}

@Resolver(() => Position)
export class PositionHistoryResolver {
  @DirectField(() => [Appointment], { description: 'The succession (and any acting holders), oldest first.' })
  appointments(@Parent() p: Position, @Context() ctx: GraphQLContext, @Args() { asRecordedAt }: AsRecordedArgs): Promise<Appointment[]> {
    return ctx.loaders.get(appointmentsOfPosition).load(keyAt(p.id, instantOf(asRecordedAt)));
  }

  @ResolveField(() => PositionHolder, { description: 'Who held the post on a day: the definitive holder and any acting one.' })
  holder(@Parent() p: Position, @Args('on', { type: () => DateScalar }) on: string, @Args() { asRecordedAt }: AsRecordedArgs): PositionOnDay {
    return { positionId: p.id, on, recordedAt: instantOf(asRecordedAt) };
  }

  @DirectField(() => [Vacancy], { description: 'When the post stood empty: between holders, after the last, and from its establishment to the first.' })
  vacancies(@Parent() p: Position, @Context() ctx: GraphQLContext): Promise<Vacancy[]> {
    return ctx.loaders.get(vacanciesOfPosition).load(p.id);
  }
}
