import { Field, ObjectType } from '@nestjs/graphql';
import { RotationEvent } from '../rotation-event.entity.js';
import { RotationProblem } from './rotation-problem.js';

@ObjectType()
export class RecordedRotationEvent {
  @Field(() => RotationEvent)
  event: RotationEvent;

  @Field(() => [RotationProblem], { description: 'Recorded anyway, but worth a second look.' })
  warnings: RotationProblem[];

  @Field({ description: 'True when this answers a retry: the event was recorded by an earlier request with the same idempotency key.' })
  replayed: boolean;
}
