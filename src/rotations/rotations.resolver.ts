import { Args, Context, ID, Int, Mutation, Parent, Query, Resolver } from '@nestjs/graphql';
import { AsRecordedArgs, instantOf, keyAt, type AsRecorded } from '../common/as-recorded.js';
import { DirectField } from '../common/graphql/direct-field.js';
import type { Actor } from '../auth/actor.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { Role } from '../auth/role.enum.js';
import { Roles } from '../auth/roles.decorator.js';
import type { GraphQLContext } from '../common/loaders/request-loaders.js';
import { eventSummary, transfersOfEvent } from './rotations.loaders.js';
import { Organization } from '../organizations/organization.entity.js';
import { organizationById } from '../organizations/organizations.loaders.js';
import type { Page } from '../common/pagination/connection.js';
import { ReasonArgs } from './dto/reason.args.js';
import { RotationEventConnection, RotationEventsArgs, RotationEventSummary } from './dto/rotation-queries.js';
import { RecordedRotationEvent } from './dto/recorded-rotation-event.js';
import { RotationEventInput } from './dto/rotation-event.input.js';
import { RotationEventValidation } from './dto/rotation-problem.js';
import { RotationEvent } from './rotation-event.entity.js';
import { RotationRecorderService } from './rotation-recorder.service.js';
import { RotationsService } from './rotations.service.js';
import { Transfer } from './transfer.entity.js';

@Resolver(() => RotationEvent)
export class RotationsResolver {
  constructor(
    private readonly recorder: RotationRecorderService,
    private readonly rotations: RotationsService,
  ) {}

  @Query(() => RotationEvent)
  rotationEvent(@Args('id', { type: () => ID }) id: string, @Args() { asRecordedAt }: AsRecordedArgs): Promise<RotationEvent> {
    return this.rotations.findOne(id, instantOf(asRecordedAt));
  }

  @Roles(Role.HR)
  @Mutation(() => RotationEventValidation, { description: 'Checks a rotation and returns every problem at once; writes nothing.' })
  validateRotationEvent(@Args('input') input: RotationEventInput, @CurrentActor() actor: Actor): Promise<RotationEventValidation> {
    return this.recorder.validate(input, actor);
  }

  @Roles(Role.HR)
  @Mutation(() => RecordedRotationEvent, {
    description: 'Records a rotation and its history in one transaction, or nothing: with any ERROR the answer is an error whose extensions.problems lists them all.',
  })
  recordRotationEvent(
    @Args('input') input: RotationEventInput,
    @Args('idempotencyKey', { type: () => String, nullable: true, description: 'A retry with the same key returns the first result.' }) idempotencyKey: string | null,
    @CurrentActor() actor: Actor,
  ): Promise<RecordedRotationEvent> {
    return this.recorder.record(input, idempotencyKey ?? null, actor);
  }

  @Roles(Role.HR)
  @Mutation(() => RecordedRotationEvent, { description: 'Corrects a recorded event: its fields and whole lampiran are replaced and the history rebuilt.' })
  amendRotationEvent(
    @Args('id', { type: () => ID }) id: string,
    @Args('expectedVersion', { type: () => Int }) expectedVersion: number,
    @Args('input') input: RotationEventInput,
    @Args() { reason }: ReasonArgs,
    @CurrentActor() actor: Actor,
  ): Promise<RecordedRotationEvent> {
    return this.recorder.amend(id, expectedVersion, input, reason, actor);
  }

  @Roles(Role.HR)
  @Mutation(() => RotationEvent, { description: 'Cancels a recorded event; the history is rebuilt without it.' })
  voidRotationEvent(
    @Args('id', { type: () => ID }) id: string,
    @Args('expectedVersion', { type: () => Int }) expectedVersion: number,
    @Args() { reason }: ReasonArgs,
    @CurrentActor() actor: Actor,
  ): Promise<RotationEvent> {
    return this.recorder.void(id, expectedVersion, reason, actor);
  }

  @Query(() => RotationEventConnection, { description: 'Events by effective date, newest first; voided ones only with includeVoided (rotationEvent(id) answers for any).' })
  rotationEvents(@Args() args: RotationEventsArgs): Promise<Page<RotationEvent>> {
    return this.rotations.list(args);
  }

  @DirectField(() => RotationEventSummary)
  summary(@Parent() event: RotationEvent & AsRecorded, @Context() ctx: GraphQLContext): Promise<RotationEventSummary> {
    return ctx.loaders.get(eventSummary).load(keyAt(event.id, event.recordedAt));
  }

  @DirectField(() => Organization, { description: "The government whose decree this is (the receiving one, for a move between governments)." })
  government(@Parent() event: RotationEvent, @Context() ctx: GraphQLContext): Promise<Organization> {
    return ctx.loaders.get(organizationById).load(event.governmentId) as Promise<Organization>;
  }

  @DirectField(() => [Transfer], { description: 'The lampiran, in order.' })
  transfers(@Parent() event: RotationEvent & AsRecorded, @Context() ctx: GraphQLContext): Promise<Transfer[]> {
    return ctx.loaders.get(transfersOfEvent).load(keyAt(event.id, event.recordedAt));
  }
}
