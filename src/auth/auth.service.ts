import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor } from './actor.js';
import { hashSecret, SECRET_SHAPE } from './api-key-secret.js';
import { isDatabaseUnreachable } from '../common/errors/database-errors.js';
import { DATABASE_TIMEOUT_MS, primaryPool, timed } from '../common/primary-pool.js';
import { ReplicasService } from '../replication/replicas.service.js';
import type { Role } from './role.enum.js';

interface KeyRow {
  id: string;
  role: Role;
  all_governments: boolean;
  governments: string[];
  stale: boolean;
}

const KEY = `SELECT id, role, all_governments, (last_used_at IS NULL OR last_used_at < now() - interval '1 minute') AS stale,
        ARRAY(SELECT government_id::text FROM api_key_governments WHERE api_key_id = k.id ORDER BY government_id) AS governments
   FROM api_keys k WHERE secret_hash = $1 AND revoked_at IS NULL`;

/** Who is calling: the key behind an Authorization header. Key management is api-keys/'s. */
@Injectable()
export class AuthService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly replicas: ReplicasService,
  ) {}

  /**
   * The actor for an `Authorization: Bearer …` header: null without a header, undefined for
   * a wrong or revoked key. Records the last use (at most once a minute per key).
   */
  async authenticate(header: string | undefined): Promise<Actor | null | undefined> {
    if (!header?.trim()) return null;
    // Any case, any run of spaces or tabs; a token that cannot be one of ours costs no lookup.
    const match = /^\s*Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match || !SECRET_SHAPE.test(match[1])) return undefined;
    const { rows, onPrimary } = await this.lookup(hashSecret(match[1]));
    const [key] = rows;
    if (!key) return undefined;
    // Written at most once a minute, so a busy key does not turn every read into a write.
    if (key.stale && onPrimary) await this.dataSource.query(`UPDATE api_keys SET last_used_at = now() WHERE id = $1`, [key.id]);
    return { keyId: key.id, role: key.role, governments: key.all_governments ? 'ALL' : key.governments };
  }

  /**
   * The key's row, from the primary. Without the primary nobody can revoke a key, so a replica's
   * keys are as good, bar a revocation in the primary's last instants that had not reached it
   * yet. Known to be gone, the primary is not asked: a hung one would hold every keyed request
   * for the connection timeout.
   */
  private async lookup(hash: string): Promise<{ rows: KeyRow[]; onPrimary: boolean }> {
    const known = this.replicas.primaryDown ? await this.replicas.queryReplica<KeyRow>(KEY, [hash]) : undefined;
    if (known) return { rows: known, onPrimary: false };
    try {
      // On the primary's pool, with a read timeout: a primary that hangs before the checks have
      // found it gone would hold the request as long as its pooled connection stays open.
      const { rows } = await primaryPool(this.dataSource).query<KeyRow>(timed(KEY, [hash], DATABASE_TIMEOUT_MS));
      return { rows, onPrimary: true };
    } catch (error) {
      const rows = isDatabaseUnreachable(error) ? await this.replicas.queryReplica<KeyRow>(KEY, [hash]) : undefined;
      if (!rows) throw error;
      return { rows, onPrimary: false };
    }
  }
}
