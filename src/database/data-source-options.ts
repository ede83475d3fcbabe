import type { DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities.js';
import { migrationOptions } from './migration-options.js';

/**
 * `replicaUrls`: streaming replicas, as TypeORM's replication (`slaves`), possibly none yet (all
 * configured ones down: they join later, replicas.service.ts). The primary stays the default for
 * everything; reads go to a replica only through a request's read scope.
 */
export function dataSourceOptions(url: string, poolSize: number, replicaUrls?: string[]): DataSourceOptions {
  // A replica or primary that went away must fail a connection attempt quickly, not hang the request.
  const options = { ...migrationOptions(url), entities: ENTITIES, extra: { max: poolSize }, connectTimeoutMS: 5000 };
  if (!replicaUrls) return options;
  const { url: _primary, ...rest } = options;
  return { ...rest, replication: { master: { url }, slaves: replicaUrls.map((replica) => ({ url: replica })), defaultMode: 'master' } };
}
