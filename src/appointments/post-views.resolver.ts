import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLContext } from '../common/loaders/loaders.js';
import { Position } from '../positions/position.entity.js';
import { Appointment } from './appointment.entity.js';
import type { PostOnDay } from './appointments.service.js';
import { PostChange, PostSnapshot } from './dto/appointment-views.js';

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
