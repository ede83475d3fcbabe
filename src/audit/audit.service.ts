import { Injectable } from '@nestjs/common';
import { DataSource, type DeepPartial, type EntityManager, type FindOptionsWhere } from 'typeorm';
import type { Actor } from '../auth/actor.js';
import type { Page } from '../common/pagination/connection.js';
import { paginate } from '../common/pagination/paginate.js';
import { AuditLog } from './audit-log.entity.js';
import type { AuditLogArgs } from './dto/audit-log.args.js';

export interface AuditEntry {
  operation: string;
  targetType: string;
  targetId: string | null;
  before?: object | null;
  after?: object | null;
  reason?: string | null;
}

@Injectable()
export class AuditService {
  constructor(private readonly dataSource: DataSource) {}

  /** Writes one audit row inside the caller's transaction, so the change and its record commit together. */
  async record(manager: EntityManager, actor: Actor | null, entry: AuditEntry): Promise<void> {
    await manager.insert(AuditLog, {
      apiKeyId: actor?.keyId ?? null,
      operation: entry.operation,
      targetType: entry.targetType,
      targetId: entry.targetId,
      before: entry.before ?? null,
      after: entry.after ?? null,
      reason: entry.reason ?? null,
    });
  }

  /**
   * Runs `change` in a transaction and audits it: `change` returns the row after the change
   * (and, for updates, the row before); one audit row per call.
   */
  private async audited<T extends { id: string }>(
    actor: Actor | null,
    operation: string,
    targetType: string,
    change: (manager: EntityManager) => Promise<{ before?: object; after: T }>,
  ): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      const { before, after } = await change(manager);
      await this.record(manager, actor, { operation, targetType, targetId: after.id, before: before ?? null, after });
      return after;
    });
  }

  /** Inserts a row of `entity` built from `values`, audited with the new row as `after`. */
  created<T extends { id: string }>(actor: Actor | null, operation: string, targetType: string, entity: new () => T, values: NoInfer<DeepPartial<T>>): Promise<T> {
    return this.audited(actor, operation, targetType, async (manager) => ({ after: await manager.save(entity, manager.create(entity, values)) }));
  }

  /**
   * Locks the row `id` of `entity`, assigns what `change` returns for it and saves, audited
   * with the row before and after; `notFound()` is thrown when there is no such row.
   */
  updated<T extends { id: string }>(
    actor: Actor | null,
    operation: string,
    targetType: string,
    entity: new () => T,
    id: string,
    change: (existing: T) => Partial<T>,
    notFound: () => Error,
  ): Promise<T> {
    return this.audited(actor, operation, targetType, async (manager) => {
      const existing = await manager.findOne(entity, { where: { id } as FindOptionsWhere<T>, lock: { mode: 'pessimistic_write' } });
      if (!existing) throw notFound();
      const before = { ...existing };
      return { before, after: await manager.save(entity, Object.assign(existing, change(existing))) };
    });
  }

  list(args: AuditLogArgs, actor: Actor): Promise<Page<AuditLog>> {
    const qb = this.dataSource.getRepository(AuditLog).createQueryBuilder('a');
    if (actor.governments !== 'ALL') {
      // The keys it manages: those acting only for governments it acts for (as ApiKeysService.list).
      qb.andWhere(
        `a.api_key_id IN (SELECT k.id FROM api_keys k WHERE NOT k.all_governments
           AND NOT EXISTS (SELECT 1 FROM api_key_governments g WHERE g.api_key_id = k.id AND g.government_id <> ALL(:scope)))`,
        { scope: actor.governments },
      );
    }
    if (args.targetType) qb.andWhere('a.target_type = :type', { type: args.targetType });
    if (args.targetId) qb.andWhere('a.target_id = :id', { id: args.targetId });
    if (args.apiKeyId) qb.andWhere('a.api_key_id = :key', { key: args.apiKeyId });
    if (args.from) qb.andWhere('a.created_at >= :from', { from: args.from });
    if (args.to) qb.andWhere('a.created_at < :to', { to: args.to });
    return paginate(qb, args);
  }
}
