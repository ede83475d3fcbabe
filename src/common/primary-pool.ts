import type pg from 'pg';
import type { DataSource } from 'typeorm';

/** The primary's node-postgres pool behind TypeORM: for statements that must not follow a read scope, or need node-postgres's own options. */
export function primaryPool(dataSource: DataSource): pg.Pool {
  return (dataSource.driver as unknown as { master: pg.Pool }).master;
}

/** How long a connection may take to open, and a short statement on the primary to answer, before the server counts as unreachable. */
export const DATABASE_TIMEOUT_MS = 5000;

/**
 * A statement with node-postgres's read timeout: on a server that hangs (connections open,
 * nothing answered) it fails after `ms` ("Query read timeout"), and a pool drops its connection.
 * node-postgres reads `query_timeout` on a query's config too; its types know it on the client's only.
 */
export function timed(text: string, values: unknown[], ms: number): pg.QueryConfig {
  return { text, values, query_timeout: ms } as pg.QueryConfig;
}
