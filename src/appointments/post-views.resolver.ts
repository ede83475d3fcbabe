import { Context, Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { daysBetween } from '../common/date-range.js';
import { keyAt } from '../common/as-recorded.js';
import { DirectField } from '../common/graphql/direct-field.js';
import type { GraphQLContext } from '../common/loaders/request-loaders.js';
import { actingOn, headOn } from './appointments.loaders.js';
import { positionById } from '../positions/positions.loaders.js';
import { Position } from '../positions/position.entity.js';
import { Appointment } from './appointment.entity.js';
import type { PostOnDay } from './appointments.service.js';
import { PositionHolder, PostChange, PostSnapshot, type PositionOnDay } from './dto/appointment-views.js';

@Resolver(() => PostSnapshot)
export class PostSnapshotResolver {
  @DirectField(() => Position)
  position(@Parent() s: PostOnDay, @Context() ctx: GraphQLContext): Promise<Position | null> {
    return ctx.loaders.get(positionById).load(s.positionId);
  }

  @DirectField(() => [Appointment])
  heads(@Parent() h: PositionOnDay, @Context() ctx: GraphQLContext): Promise<Appointment[]> {
    return ctx.loaders.get(headOn).load(keyAt(`${h.positionId}|${h.on}`, h.recordedAt));
  }

  @DirectField(() => [Appointment])
  acting(@Parent() s: PostOnDay, @Context() ctx: GraphQLContext): Promise<Appointment[]> {
    return ctx.loaders.get(actingOn).load(keyAt(`${s.positionId}|${s.on}`, s.recordedAt));
  }

  @ResolveField(() => Int, { nullable: true })
  vacantDays(@Parent() s: PostOnDay): number | null {
    return s.vacantSince ? daysBetween(s.vacantSince, s.on) : null;
  }
}

@Resolver(() => PostChange)
export class PostChangeResolver {
  @DirectField(() => Position)
  position(@Parent() c: { positionId: string }, @Context() ctx: GraphQLContext): Promise<Position | null> {
    return ctx.loaders.get(positionById).load(c.positionId);
  }
}

@Resolver(() => PositionHolder)
export class PositionHolderResolver {
  @DirectField(() => Appointment, { nullable: true })
  async definitive(@Parent() h: PositionOnDay, @Context() ctx: GraphQLContext): Promise<Appointment | null> {
    return (await ctx.loaders.get(headOn).load(keyAt(`${h.positionId}|${h.on}`, h.recordedAt)))[0] ?? null;
  }

  @DirectField(() => [Appointment])
  heads(@Parent() h: PositionOnDay, @Context() ctx: GraphQLContext): Promise<Appointment[]> {
    return ctx.loaders.get(headOn).load(keyAt(`${h.positionId}|${h.on}`, h.recordedAt));
  }

  @DirectField(() => [Appointment])
  acting(@Parent() h: PositionOnDay, @Context() ctx: GraphQLContext): Promise<Appointment[]> {
    return ctx.loaders.get(actingOn).load(keyAt(`${h.positionId}|${h.on}`, h.recordedAt));
  }
}
