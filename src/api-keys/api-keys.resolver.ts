import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLContext } from '../common/loaders/request-loaders.js';
import { Organization } from '../organizations/organization.entity.js';
import { governmentsOfKey } from './api-keys.loaders.js';
import type { Actor } from '../auth/actor.js';
import { ApiKey } from '../auth/api-key.entity.js';
import { ApiKeysService } from './api-keys.service.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { CreateApiKeyInput } from './dto/create-api-key.input.js';
import { CreatedApiKey } from './dto/created-api-key.js';
import { Role } from '../auth/role.enum.js';
import { Roles } from '../auth/roles.decorator.js';

@Resolver(() => ApiKey)
@Roles(Role.ADMIN)
export class ApiKeysResolver {
  constructor(private readonly keys: ApiKeysService) {}

  @Query(() => [ApiKey], { description: 'The API keys this ADMIN key manages (all, for a key acting for every government; else the keys of its governments), revoked ones included.' })
  apiKeys(@CurrentActor() actor: Actor): Promise<ApiKey[]> {
    return this.keys.list(actor);
  }

  @Mutation(() => CreatedApiKey, { description: 'A new key; its secret is in the answer and nowhere else (ADMIN).' })
  createApiKey(@Args('input') input: CreateApiKeyInput, @CurrentActor() actor: Actor): Promise<CreatedApiKey> {
    return this.keys.create(input.role, input.label, actor, input.governments);
  }

  @ResolveField(() => [Organization], { description: 'The governments the key acts for; empty when it acts for all (allGovernments).' })
  governments(@Parent() key: ApiKey, @Context() ctx: GraphQLContext): Promise<Organization[]> {
    return ctx.loaders.get(governmentsOfKey).load(key.id);
  }

  @Mutation(() => ApiKey, { description: 'Revokes a key at once (ADMIN, for a key acting only for its own governments).' })
  revokeApiKey(@Args('id', { type: () => ID }) id: string, @CurrentActor() actor: Actor): Promise<ApiKey> {
    return this.keys.revoke(id, actor);
  }
}
