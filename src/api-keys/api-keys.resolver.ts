import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
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

  @Query(() => [ApiKey], { description: 'Every API key, revoked ones included (ADMIN).' })
  apiKeys(): Promise<ApiKey[]> {
    return this.keys.list();
  }

  @Mutation(() => CreatedApiKey, { description: 'A new key; its secret is in the answer and nowhere else (ADMIN).' })
  createApiKey(@Args('input') input: CreateApiKeyInput, @CurrentActor() actor: Actor): Promise<CreatedApiKey> {
    return this.keys.create(input.role, input.label, actor);
  }

  @Mutation(() => ApiKey, { description: 'Revokes a key at once (ADMIN).' })
  revokeApiKey(@Args('id', { type: () => ID }) id: string, @CurrentActor() actor: Actor): Promise<ApiKey> {
    return this.keys.revoke(id, actor);
  }
}
