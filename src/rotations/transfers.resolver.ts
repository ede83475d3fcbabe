import { Args, Context, Parent, Query, Resolver } from '@nestjs/graphql';
import { keyAt, type AsRecorded } from '../common/as-recorded.js';
import { DirectField } from '../common/graphql/direct-field.js';
import type { Page } from '../common/pagination/connection.js';
import { RotationsService } from './rotations.service.js';
import type { GraphQLContext } from '../common/loaders/request-loaders.js';
import { officialById } from '../officials/officials.loaders.js';
import { organizationById } from '../organizations/organizations.loaders.js';
import { positionById } from '../positions/positions.loaders.js';
import { rotationEventById } from './rotations.loaders.js';
import { DateScalar } from '../common/scalars/date.scalar.js';
import { Official } from '../officials/official.entity.js';
import { Organization } from '../organizations/organization.entity.js';
import { Mover, MoverConnection, MoversArgs } from './dto/movers.js';
import { OrganizationCount, TransferConnection, TransfersArgs } from './dto/rotation-queries.js';
import { Position } from '../positions/position.entity.js';
import { RotationEvent } from './rotation-event.entity.js';
import { Transfer } from './transfer.entity.js';

@Resolver(() => Transfer)
export class TransfersResolver {
  constructor(private readonly rotations: RotationsService) {}

  @Query(() => TransferConnection, { description: 'Who moved where: transfers of recorded events (voided ones too with includeVoided; event { status } tells) by effective date, into or out of a unit and its sub-units.' })
  transfers(@Args() args: TransfersArgs): Promise<Page<Transfer>> {
    return this.rotations.transfers(args);
  }
  @DirectField(() => DateScalar, { description: "The event's effective date (TMT)." })
  async effectiveOn(@Parent() t: Transfer & AsRecorded & { effectiveOn?: string }, @Context() ctx: GraphQLContext): Promise<string> {
    return t.effectiveOn ?? (await ctx.loaders.get(rotationEventById).load(keyAt(t.eventId, t.recordedAt)))!.effectiveOn;
  }

  @DirectField(() => RotationEvent)
  event(@Parent() t: Transfer & AsRecorded, @Context() ctx: GraphQLContext): Promise<RotationEvent | null> {
    return ctx.loaders.get(rotationEventById).load(keyAt(t.eventId, t.recordedAt));
  }

  @DirectField(() => Official)
  official(@Parent() t: Transfer, @Context() ctx: GraphQLContext): Promise<Official | null> {
    return ctx.loaders.get(officialById).load(t.officialId);
  }

  @DirectField(() => Position, { nullable: true, description: 'The post left; null for a first appointment or ACTING_START.' })
  fromPosition(@Parent() t: Transfer, @Context() ctx: GraphQLContext): Promise<Position | null> | null {
    return t.fromPositionId ? ctx.loaders.get(positionById).load(t.fromPositionId) : null;
  }

  @DirectField(() => Position, { nullable: true, description: 'The post entered; null when the official leaves office or ends an acting post.' })
  toPosition(@Parent() t: Transfer, @Context() ctx: GraphQLContext): Promise<Position | null> | null {
    return t.toPositionId ? ctx.loaders.get(positionById).load(t.toPositionId) : null;
  }
}

@Resolver(() => Mover)
export class MoversResolver {
  constructor(private readonly rotations: RotationsService) {}

  @Query(() => MoverConnection, { description: 'Officials moved at least minMoves times between two dates, most moved first: who is rotated often.' })
  movers(@Args() args: MoversArgs): Promise<Page<Mover>> {
    return this.rotations.movers(args);
  }

  @DirectField(() => Official)
  official(@Parent() m: Mover, @Context() ctx: GraphQLContext): Promise<Official | null> {
    return ctx.loaders.get(officialById).load(m.officialId);
  }
}

@Resolver(() => OrganizationCount)
export class OrganizationCountResolver {
  @DirectField(() => Organization)
  organization(@Parent() c: OrganizationCount, @Context() ctx: GraphQLContext): Promise<Organization | null> {
    return ctx.loaders.get(organizationById).load(c.organizationId);
  }
}
