import { GraphQLSchemaHost } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { readFileSync } from 'node:fs';
import { MIGRATIONS } from '../migrations/index.js';
import { createDataSource } from '../ormconfig.js';
import { createTestDatabase, dropTestDatabase } from './support/database.js';
import { startTestApp } from './support/app.js';

describe('schema', () => {
  it('migrations build exactly what the entities describe, and down removes it all', async () => {
    const db = await createTestDatabase({ empty: true });
    const dataSource = createDataSource(db.url);
    await dataSource.initialize();
    try {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      expect(applied.length).toBe(dataSource.migrations.length);
      // What `npm run migration:generate` would write against this database: nothing.
      const diff = await dataSource.driver.createSchemaBuilder().log();
      expect(diff.upQueries.map((q) => q.query)).toEqual([]);

      const constraints: { conname: string }[] = await dataSource.query(
        `SELECT conname FROM pg_constraint WHERE contype = 'x' AND condeferrable AND condeferred ORDER BY conname`,
      );
      expect(constraints.map((c) => c.conname)).toEqual(['appointments_official_no_overlap', 'appointments_official_one_task', 'appointments_position_no_overlap']);

      for (let i = 0; i < applied.length; i++) await dataSource.undoLastMigration({ transaction: 'each' });
      const left: { name: string }[] = await dataSource.query(
        `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'migrations'
         UNION ALL SELECT typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = 'public' AND t.typtype = 'e'
         UNION ALL SELECT extname FROM pg_extension WHERE extname <> 'plpgsql'`,
      );
      expect(left).toEqual([]);
    } finally {
      await dataSource.destroy();
      await dropTestDatabase(db.name);
    }
  });

  it('schema.gql is the schema the app serves (run `npm run schema` after changing the API)', async () => {
    const t = await startTestApp();
    try {
      const served = printSchema(lexicographicSortSchema(t.app.get(GraphQLSchemaHost).schema));
      const committed = readFileSync(new URL('../schema.gql', import.meta.url), 'utf8').replace(/^#.*\n+/gm, '');
      expect(committed.trim()).toBe(served.trim());
    } finally {
      await t.close();
    }
  });

  it('GET /health reports the database up and no pending migration', async () => {
    const t = await startTestApp();
    try {
      const res = await t.http().get('/health');
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ status: 'ok', database: 'up', migrations: { applied: MIGRATIONS.length, pending: 0 } });
    } finally {
      await t.close();
    }
  });
});
