import pg from 'pg';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../../ormconfig.js';
import { createTestDatabase, dropTestDatabase } from './database.js';

/**
 * For medium tests (code against the database, no app): a fresh copy of the migrated
 * template, a TypeORM data source on it for the code under test, and a pg client for the
 * test's own rows; `close()` ends both and drops the database.
 */
export async function openMediumDatabase(): Promise<{ dataSource: DataSource; db: pg.Client; close: () => Promise<void> }> {
  const database = await createTestDatabase();
  const dataSource = await createDataSource(database.url).initialize();
  const db = new pg.Client({ connectionString: database.url });
  await db.connect();
  return {
    dataSource,
    db,
    close: async () => {
      await db.end();
      await dataSource.destroy();
      await dropTestDatabase(database.name);
    },
  };
}
