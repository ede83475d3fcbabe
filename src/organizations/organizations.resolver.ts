import type { Actor } from '../auth/actor.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { Role } from '../auth/role.enum.js';
import { Roles } from '../auth/roles.decorator.js';
import { Args, Context, ID, Mutation, Parent, Query, Resolver } from '@nestjs/graphql';
import { DirectField } from '../common/graphql/direct-field.js';
import type { GraphQLContext } from '../common/loaders/request-loaders.js';
import { organizationAncestors, organizationById, organizationChildren } from './organizations.loaders.js';
import { CreateOrganizationInput } from './dto/create-organization.input.js';
import { OrganizationsArgs } from './dto/organizations.args.js';
import { UpdateOrganizationInput } from './dto/update-organization.input.js';
import { OrganizationConnection } from './organization.connection.js';
import { Organization } from './organization.entity.js';
import { OrganizationsService } from './organizations.service.js';
import { IdOrCodeArgs } from '../common/id-or-code.args.js';

@Resolver(() => Organization)
export class OrganizationsResolver {
  constructor(private readonly service: OrganizationsService) {}

  @Query(() => Organization, { description: 'One organization, by id or code.' })
  organization(@Args() by: IdOrCodeArgs): Promise<Organization> {
    return this.service.findOne(by.require());
  }

  @Query(() => [Organization], { description: 'Every government (instansi) held here, by region code.' })
  governments(): Promise<Organization[]> {
    return this.service.listGovernments();
  }

  @Query(() => OrganizationConnection)
  organizations(@Args() args: OrganizationsArgs): Promise<OrganizationConnection> {
    return this.service.list(args);
  }

  @Roles(Role.HR)
  @Mutation(() => Organization)
  createOrganization(@Args('input') input: CreateOrganizationInput, @CurrentActor() actor: Actor): Promise<Organization> {
    return this.service.create(input, actor);
  }

  @Roles(Role.HR)
  @Mutation(() => Organization)
  updateOrganization(@Args('id', { type: () => ID }) id: string, @Args('input') input: UpdateOrganizationInput, @CurrentActor() actor: Actor): Promise<Organization> {
    return this.service.update(id, input, actor);
  }

  @DirectField(() => Organization, { nullable: true })
  parent(@Parent() o: Organization, @Context() ctx: GraphQLContext): Promise<Organization | null> | null {
    return o.parentId ? ctx.loaders.get(organizationById).load(o.parentId) : null;
  }

  @DirectField(() => Organization, { description: 'The government the unit belongs to (itself for a government).' })
  government(@Parent() o: Organization, @Context() ctx: GraphQLContext): Promise<Organization> {
    return ctx.loaders.get(organizationById).load(o.governmentId) as Promise<Organization>;
  }

  @DirectField(() => [Organization], { description: 'Direct sub-units, by code.' })
  children(@Parent() o: Organization, @Context() ctx: GraphQLContext): Promise<Organization[]> {
    return ctx.loaders.get(organizationChildren).load(o.id);
  }

  @DirectField(() => [Organization], { description: 'From the parent up to the root of the tree.' })
  ancestors(@Parent() o: Organization, @Context() ctx: GraphQLContext): Promise<Organization[]> {
    return ctx.loaders.get(organizationAncestors).load(o.id);
  }
}
