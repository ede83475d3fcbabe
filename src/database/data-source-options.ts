import { Logger } from '@nestjs/common';
import type { DataSourceOptions } from 'typeorm';
import { DATABASE_TIMEOUT_MS } from '../common/primary-pool.js';
import { ENTITIES } from './entities.js';
import { migrationOptions } from './migration-options.js';

/**
 * `replicaUrls`: streaming replicas, as TypeORM's replication (`slaves`), possibly none yet (all
 * configured ones down: they join later, replicas.service.ts). The primary stays the default for
 * everything; reads go to a replica only through a request's read scope.
 */
export function dataSourceOptions(url: string, poolSize: number, replicaUrls?: string[]): DataSourceOptions {
  // A replica or primary that went away must fail a connection attempt quickly, not hang the request.
  const options = { ...migrationOptions(url), entities: ENTITIES, extra: { max: poolSize }, connectTimeoutMS: DATABASE_TIMEOUT_MS, poolErrorHandler };
  if (!replicaUrls) return options;
  const { url: _primary, ...rest } = options;
  return { ...rest, replication: { master: { url }, slaves: replicaUrls.map((replica) => ({ url: replica })), defaultMode: 'master' } };
}

/** An idle pooled connection the server closed (a restart, a failover): one log line of ours, not TypeORM's console. */
function poolErrorHandler(error: Error): void {
  new Logger('Database').warn(`A pooled connection failed while idle: ${error.message}`);
}
