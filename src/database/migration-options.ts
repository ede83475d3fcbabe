import type { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '../../migrations/index.js';
import './pg-types.js';

/** Enough to run migrations. No entities, so nothing else of the app is loaded (the test global setup relies on it). */
export function migrationOptions(url: string) {
  return {
    type: 'postgres',
    url,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    // Not 'error': TypeORM would log failed queries with their parameters, NIPs included;
    // unexpected failures are logged by the GraphQL error mapping instead.
    logging: ['warn', 'migration'],
  } satisfies DataSourceOptions;
}
