import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/actor.js';
import { ApiKey } from '../auth/api-key.entity.js';
import { hashSecret, newSecret } from '../auth/api-key-secret.js';
import { AuthError, AuthErrorCode } from '../auth/auth.errors.js';
import type { Role } from '../auth/role.enum.js';

function publicView(key: ApiKey) {
  const { secretHash: _hidden, ...rest } = key;
  return rest;
}

/** Key management for ADMIN (and the CLI): create, revoke, list — each audited. */
@Injectable()
export class ApiKeysService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Creates a key; the secret is returned here and never again. `actor` is null on the command line. */
  async create(role: Role, label: string, actor: Actor | null): Promise<{ apiKey: ApiKey; secret: string }> {
    const secret = newSecret();
    return this.dataSource.transaction(async (manager) => {
      const apiKey = await manager.save(manager.create(ApiKey, { role, label, prefix: secret.slice(0, 12), secretHash: hashSecret(secret) }));
      await this.audit.record(manager, actor, { operation: 'createApiKey', targetType: 'api_key', targetId: apiKey.id, after: publicView(apiKey) });
      return { apiKey, secret };
    });
  }

  async revoke(id: string, actor: Actor): Promise<ApiKey> {
    return this.dataSource.transaction(async (manager) => {
      const key = await manager.findOne(ApiKey, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!key) throw new AuthError(AuthErrorCode.API_KEY_NOT_FOUND, 'No API key with this id.');
      if (key.revokedAt) return key;
      const before = publicView(key);
      key.revokedAt = new Date();
      const saved = await manager.save(key);
      await this.audit.record(manager, actor, { operation: 'revokeApiKey', targetType: 'api_key', targetId: id, before, after: publicView(saved) });
      return saved;
    });
  }

  list(): Promise<ApiKey[]> {
    return this.dataSource.getRepository(ApiKey).find({ order: { id: 'ASC' } });
  }
}
