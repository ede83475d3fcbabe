import { Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from './actor.js';
import { ApiKey } from './api-key.entity.js';
import { AuthError, AuthErrorCode } from './auth.errors.js';
import type { Role } from './role.enum.js';

const SECRET_PREFIX = 'mts_';
/** `mts_` and 32 random bytes in base64url. */
const SECRET_SHAPE = /^mts_[A-Za-z0-9_-]{43}$/;

function hash(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

function publicView(key: ApiKey) {
  const { secretHash: _hidden, ...rest } = key;
  return rest;
}

@Injectable()
export class ApiKeysService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Creates a key; the secret is returned here and never again. `actor` is null on the command line. */
  async create(role: Role, label: string, actor: Actor | null): Promise<{ apiKey: ApiKey; secret: string }> {
    const secret = SECRET_PREFIX + randomBytes(32).toString('base64url');
    return this.dataSource.transaction(async (manager) => {
      const apiKey = await manager.save(manager.create(ApiKey, { role, label, prefix: secret.slice(0, 12), secretHash: hash(secret) }));
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

  /**
   * The actor for an `Authorization: Bearer …` header: null without a header, undefined for
   * a wrong or revoked key. Records the last use (at most once a minute per key).
   */
  async authenticate(header: string | undefined): Promise<Actor | null | undefined> {
    if (!header?.trim()) return null;
    // Any case, any run of spaces or tabs; a token that cannot be one of ours costs no lookup.
    const match = /^\s*Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match || !SECRET_SHAPE.test(match[1])) return undefined;
    const [key]: { id: string; role: Role; stale: boolean }[] = await this.dataSource.query(
      `SELECT id, role, (last_used_at IS NULL OR last_used_at < now() - interval '1 minute') AS stale
       FROM api_keys WHERE secret_hash = $1 AND revoked_at IS NULL`,
      [hash(match[1])],
    );
    if (!key) return undefined;
    // Written at most once a minute, so a busy key does not turn every read into a write.
    if (key.stale) await this.dataSource.query(`UPDATE api_keys SET last_used_at = now() WHERE id = $1`, [key.id]);
    return { keyId: key.id, role: key.role };
  }
}
