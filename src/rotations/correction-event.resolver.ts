import { Context, Parent, Resolver } from '@nestjs/graphql';
import { Correction } from '../corrections/dto/correction.js';
import { DirectField } from '../common/graphql/direct-field.js';
import type { GraphQLContext } from '../common/loaders/request-loaders.js';
import { RotationEvent } from './rotation-event.entity.js';
import { rotationEventById } from './rotations.loaders.js';

/** The event a correction changed: here, because corrections/ sits below rotations/ (the recorder writes its revisions). */
@Resolver(() => Correction)
export class CorrectionEventResolver {
  @DirectField(() => RotationEvent)
  async event(@Parent() correction: Correction, @Context() ctx: GraphQLContext): Promise<RotationEvent> {
    return (await ctx.loaders.get(rotationEventById).load(correction.eventId))!;
  }
}
