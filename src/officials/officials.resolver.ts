import type { Actor } from '../auth/actor.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { Role } from '../auth/role.enum.js';
import { Roles } from '../auth/roles.decorator.js';
import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLContext } from '../common/loaders/request-loaders.js';
import { DateScalar } from '../common/scalars/date.scalar.js';
import { today } from '../common/today.js';
import { employingGovernment } from '../governments/governments.loaders.js';
import { Organization } from '../organizations/organization.entity.js';
import { organizationById } from '../organizations/organizations.loaders.js';
import { displayName } from './display-name.js';
import { CreateOfficialInput } from './dto/create-official.input.js';
import { OfficialLookupArgs } from './dto/official-lookup.args.js';
import { OfficialsArgs } from './dto/officials.args.js';
import { UpdateOfficialInput } from './dto/update-official.input.js';
import { OfficialConnection } from './official.connection.js';
import { Official } from './official.entity.js';
import { OfficialsService } from './officials.service.js';

@Resolver(() => Official)
export class OfficialsResolver {
  constructor(private readonly service: OfficialsService) {}

  @Query(() => Official, { description: 'One official, by id or NIP.' })
  official(@Args() by: OfficialLookupArgs, @CurrentActor() actor: Actor | null): Promise<Official> {
    return this.service.findOne(by.require(), actor);
  }

  @Query(() => OfficialConnection)
  officials(@Args() args: OfficialsArgs): Promise<OfficialConnection> {
    return this.service.list(args);
  }

  @Roles(Role.HR)
  @Mutation(() => Official)
  createOfficial(@Args('input') input: CreateOfficialInput, @CurrentActor() actor: Actor): Promise<Official> {
    return this.service.create(input, actor);
  }

  @Roles(Role.HR)
  @Mutation(() => Official)
  updateOfficial(@Args('id', { type: () => ID }) id: string, @Args('input') input: UpdateOfficialInput, @CurrentActor() actor: Actor): Promise<Official> {
    return this.service.update(id, input, actor);
  }

  @ResolveField(() => String, { description: 'Name with titles, e.g. "dr. H. Ahmad Fauzi, M.Kes.".' })
  displayName(@Parent() o: Official): string {
    return displayName(o);
  }

  @ResolveField(() => Organization, {
    description: 'The government employing the official on a day (default today, Asia/Jakarta): that of their last definitive post started by then, else the one that registered them.',
  })
  async government(@Parent() o: Official, @Context() ctx: GraphQLContext, @Args('on', { type: () => DateScalar, nullable: true }) on?: string | null): Promise<Organization> {
    const id = await ctx.loaders.get(employingGovernment).load(`${o.id}|${on ?? today()}`);
    return ctx.loaders.get(organizationById).load(id) as Promise<Organization>;
  }
}
