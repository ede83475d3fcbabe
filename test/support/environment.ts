import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { migrationOptions } from '../../src/database/migration-options.js';
import { EmbeddedPostgres } from '../../src/database/embedded-postgres.js';
import { TEMPLATE_DATABASE, serverUrl, withDatabase } from './database.js';

declare global {
  var __EMBEDDED_PG__: EmbeddedPostgres | undefined;
}

/**
 * Jest global setup (loaded through test/global-setup.mjs). One PostgreSQL for the whole run (embedded, or DATABASE_URL's server), one migrated
 * template database; each test file clones it (test/support/app.ts).
 */
export async function setup(): Promise<void> {
  let server = process.env.DATABASE_URL;
  if (!server) {
    const dataDir = mkdtempSync(join(tmpdir(), 'mutasi-test-'));
    const embedded = new EmbeddedPostgres({
      dataDir,
      // A throwaway cluster: durability off, speed on.
      settings: { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off', max_connections: '200' },
    });
    server = await embedded.start();
    globalThis.__EMBEDDED_PG__ = embedded;
    process.env.MUTASI_TEST_DATA_DIR = dataDir;
  }
  process.env.MUTASI_TEST_SERVER_URL = server;

  const admin = new pg.Client({ connectionString: serverUrl(server) });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE}`);
  await admin.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
  await admin.end();

  const dataSource = new DataSource(migrationOptions(withDatabase(server, TEMPLATE_DATABASE)));
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  // Every unit belongs to a government: the factories put theirs under this one (test/factories).
  await dataSource.query(
    `INSERT INTO organizations (code, name, kind, region_code, government_type) VALUES ('PEMDA-UJI', 'Pemerintah Daerah Uji', 'GOVERNMENT', '99.01', 'CITY')`,
  );
  await dataSource.destroy();
}

export async function teardown(): Promise<void> {
  const embedded = globalThis.__EMBEDDED_PG__;
  if (embedded) {
    await embedded.stop();
    if (process.env.MUTASI_TEST_DATA_DIR) rmSync(process.env.MUTASI_TEST_DATA_DIR, { recursive: true, force: true });
    return;
  }
  // An external server: leave it as we found it.
  const admin = new pg.Client({ connectionString: serverUrl(process.env.MUTASI_TEST_SERVER_URL!) });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE}`);
  await admin.end();
}
