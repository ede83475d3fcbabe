import type { Actor } from '../auth/actor.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { Role } from '../auth/role.enum.js';
import { Roles } from '../auth/roles.decorator.js';
import { Args, Context, ID, Info, Mutation, Parent, Query, Resolver } from '@nestjs/graphql';
import { DirectField } from '../common/graphql/direct-field.js';
import type { GraphQLResolveInfo } from 'graphql';
import { IdOrCodeArgs } from '../common/id-or-code.args.js';
import type { GraphQLContext } from '../common/loaders/request-loaders.js';
import { organizationById } from '../organizations/organizations.loaders.js';
import { Organization } from '../organizations/organization.entity.js';
import { CreatePositionInput } from './dto/create-position.input.js';
import { PositionsArgs } from './dto/positions.args.js';
import { UpdatePositionInput } from './dto/update-position.input.js';
import { PositionConnection } from './position.connection.js';
import { Position } from './position.entity.js';
import { PositionsService } from './positions.service.js';

@Resolver(() => Position)
export class PositionsResolver {
  constructor(private readonly service: PositionsService) {}

  @Query(() => Position, { description: 'One post, by id or code.' })
  position(@Args() by: IdOrCodeArgs, @Info() info: GraphQLResolveInfo, @Context() ctx: GraphQLContext): Promise<Position> {
    return this.service.read(by.require(), { info, loaders: ctx.loaders });
  }

  @Query(() => PositionConnection)
  positions(@Args() args: PositionsArgs): Promise<PositionConnection> {
    return this.service.list(args);
  }

  @Roles(Role.HR)
  @Mutation(() => Position)
  createPosition(@Args('input') input: CreatePositionInput, @CurrentActor() actor: Actor): Promise<Position> {
    return this.service.create(input, actor);
  }

  @Roles(Role.HR)
  @Mutation(() => Position)
  updatePosition(@Args('id', { type: () => ID }) id: string, @Args('input') input: UpdatePositionInput, @CurrentActor() actor: Actor): Promise<Position> {
    return this.service.update(id, input, actor);
  }

  @DirectField(() => Organization)
  organization(@Parent() p: Position, @Context() ctx: GraphQLContext): Promise<Organization | null> {
    return ctx.loaders.get(organizationById).load(p.organizationId);
  }
}
