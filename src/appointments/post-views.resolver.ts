import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLContext } from '../common/loaders/loaders.js';
import { Position } from '../positions/position.entity.js';
import { Appointment } from './appointment.entity.js';
import type { PostOnDay } from './appointments.service.js';
import { PositionHolder, PostChange, PostSnapshot, type PositionOnDay } from './dto/appointment-views.js';

@Resolver(() => PostSnapshot)
export class PostSnapshotResolver {
  @ResolveField(() => Position)
  position(@Parent() s: PostOnDay, @Context() ctx: GraphQLContext): Promise<Position | null> {
    return ctx.loaders.position.load(s.positionId);
  }

  @ResolveField(() => [Appointment])
  acting(@Parent() s: PostOnDay, @Context() ctx: GraphQLContext): Promise<Appointment[]> {
    return ctx.loaders.actingOn.load(`${s.positionId}|${s.on}`);
  }
}

@Resolver(() => PostChange)
export class PostChangeResolver {
  @ResolveField(() => Position)
  position(@Parent() c: { positionId: string }, @Context() ctx: GraphQLContext): Promise<Position | null> {
    return ctx.loaders.position.load(c.positionId);
  }
}

@Resolver(() => PositionHolder)
export class PositionHolderResolver {
  @ResolveField(() => Appointment, { nullable: true })
  async definitive(@Parent() h: PositionOnDay, @Context() ctx: GraphQLContext): Promise<Appointment | null> {
    return (await ctx.loaders.definitiveOn.load(`${h.positionId}|${h.on}`))[0] ?? null;
  }

  @ResolveField(() => [Appointment])
  acting(@Parent() h: PositionOnDay, @Context() ctx: GraphQLContext): Promise<Appointment[]> {
    return ctx.loaders.actingOn.load(`${h.positionId}|${h.on}`);
  }
}
