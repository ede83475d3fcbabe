import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { ApiKeyGovernment } from './api-key-government.entity.js';
import { GovernmentsService } from '../governments/governments.service.js';
import { EVERY_GOVERNMENT, outsideScope } from '../governments/governments.errors.js';
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
    private readonly governments: GovernmentsService,
  ) {}

  /**
   * Creates a key for `governments` (codes or region codes), or for every government when none
   * are named and the creator acts for all (the command line does). A key can only hand on
   * governments it acts for. The secret is returned here and never again. `actor` is null on the command line.
   */
  async create(role: Role, label: string, actor: Actor | null, governments?: string[] | null): Promise<{ apiKey: ApiKey; secret: string }> {
    const named = governments?.length ? await Promise.all(governments.map((g) => this.governments.find(g, 'governments'))) : null;
    for (const government of named ?? []) this.governments.assertActsFor(actor, government, `a new key for ${government.name}`);
    const scope = named ? [...new Set(named.map((g) => g.id))] : actor === null || actor.governments === 'ALL' ? 'ALL' : actor.governments;
    const secret = newSecret();
    return this.dataSource.transaction(async (manager) => {
      const apiKey = await manager.save(
        manager.create(ApiKey, { role, label, prefix: secret.slice(0, 12), secretHash: hashSecret(secret), allGovernments: scope === 'ALL' }),
      );
      if (scope !== 'ALL') await manager.insert(ApiKeyGovernment, scope.map((governmentId) => ({ apiKeyId: apiKey.id, governmentId })));
      await this.audit.record(manager, actor, { operation: 'createApiKey', targetType: 'api_key', targetId: apiKey.id, after: { ...publicView(apiKey), governments: scope } });
      return { apiKey, secret };
    });
  }

  async revoke(id: string, actor: Actor): Promise<ApiKey> {
    return this.dataSource.transaction(async (manager) => {
      const key = await manager.findOne(ApiKey, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!key) throw new AuthError(AuthErrorCode.API_KEY_NOT_FOUND, 'No API key with this id.');
      await this.assertManages(manager, actor, key);
      if (key.revokedAt) return key;
      const before = publicView(key);
      key.revokedAt = new Date();
      const saved = await manager.save(key);
      await this.audit.record(manager, actor, { operation: 'revokeApiKey', targetType: 'api_key', targetId: id, before, after: publicView(saved) });
      return saved;
    });
  }

  /** The keys the actor manages: every key for an ADMIN acting for all; else those acting only for governments it acts for. */
  list(actor: Actor): Promise<ApiKey[]> {
    if (actor.governments === 'ALL') return this.dataSource.getRepository(ApiKey).find({ order: { id: 'ASC' } });
    return this.dataSource
      .getRepository(ApiKey)
      .createQueryBuilder('k')
      .where('NOT k.all_governments')
      .andWhere('NOT EXISTS (SELECT 1 FROM api_key_governments g WHERE g.api_key_id = k.id AND g.government_id <> ALL(:scope))', { scope: actor.governments })
      .orderBy('k.id')
      .getMany();
  }

  /** The governments a key acts for: ids, or ALL. */
  async scopeOf(keyId: string): Promise<'ALL' | string[]> {
    const [row]: { all_governments: boolean; governments: string[] }[] = await this.dataSource.query(
      `SELECT all_governments, ARRAY(SELECT government_id::text FROM api_key_governments WHERE api_key_id = k.id ORDER BY 1) AS governments FROM api_keys k WHERE id = $1`,
      [keyId],
    );
    return row.all_governments ? 'ALL' : row.governments;
  }

  /** An ADMIN manages a key when it acts for every government the key acts for. */
  private async assertManages(manager: EntityManager, actor: Actor, key: ApiKey): Promise<void> {
    if (actor.governments === 'ALL') return;
    const scope = key.allGovernments ? null : ((await manager.query(`SELECT government_id::text AS id FROM api_key_governments WHERE api_key_id = $1`, [key.id])) as { id: string }[]);
    const outside = scope === null ? null : scope.find((g) => !actor.governments.includes(g.id));
    if (scope === null) throw outsideScope(EVERY_GOVERNMENT, `key ${key.id}, which acts for every government`);
    if (outside) this.governments.assertActsFor(actor, await this.governments.byId(outside.id, manager), `key ${key.id}`);
  }
}
