import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLContext } from '../common/loaders/loaders.js';
import { Official } from '../officials/official.entity.js';
import { Position } from '../positions/position.entity.js';
import { RotationEvent } from './rotation-event.entity.js';
import { Transfer } from './transfer.entity.js';

@Resolver(() => Transfer)
export class TransfersResolver {
  @ResolveField(() => RotationEvent)
  event(@Parent() t: Transfer, @Context() ctx: GraphQLContext): Promise<RotationEvent | null> {
    return ctx.loaders.rotationEvent.load(t.eventId);
  }

  @ResolveField(() => Official)
  official(@Parent() t: Transfer, @Context() ctx: GraphQLContext): Promise<Official | null> {
    return ctx.loaders.official.load(t.officialId);
  }

  @ResolveField(() => Position, { nullable: true, description: 'The post left; null for a first appointment or ACTING_START.' })
  fromPosition(@Parent() t: Transfer, @Context() ctx: GraphQLContext): Promise<Position | null> | null {
    return t.fromPositionId ? ctx.loaders.position.load(t.fromPositionId) : null;
  }

  @ResolveField(() => Position, { nullable: true, description: 'The post entered; null when the official leaves office or ends an acting post.' })
  toPosition(@Parent() t: Transfer, @Context() ctx: GraphQLContext): Promise<Position | null> | null {
    return t.toPositionId ? ctx.loaders.position.load(t.toPositionId) : null;
  }
}
