import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { ApiKeysService } from '../src/api-keys/api-keys.service.js';
import { Role } from '../src/auth/role.enum.js';
import { createApp } from '../src/bootstrap.js';
import { loadConfig } from '../src/config/app-config.js';
import { EmbeddedPostgres } from '../src/database/embedded-postgres.js';
import { migrationOptions } from '../src/database/migration-options.js';

/** A throwaway PostgreSQL (or DATABASE_URL's), a migrated database, and the app on an ephemeral port. */
export async function benchEnvironment() {
  let embedded: EmbeddedPostgres | undefined;
  let dataDir: string | undefined;
  let url = process.env.DATABASE_URL;
  if (!url) {
    dataDir = mkdtempSync(join(tmpdir(), 'mutasi-bench-'));
    embedded = new EmbeddedPostgres({ dataDir, settings: { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off', shared_buffers: '1GB', max_wal_size: '4GB', work_mem: '64MB', maintenance_work_mem: '512MB' } });
    await embedded.start();
    await embedded.ensureDatabase('mutasi_bench');
    url = embedded.url('mutasi_bench');
  }
  const migrations = new DataSource(migrationOptions(url));
  await migrations.initialize();
  await migrations.runMigrations({ transaction: 'each' });
  await migrations.destroy();
  const pool = new pg.Pool({ connectionString: url, max: 32 });
  pool.on('error', (error) => process.stderr.write(`bench pool: ${error.message}\n`));
  return {
    url,
    pool,
    async app(env: Record<string, string> = {}) {
      const config = loadConfig({ LOG_LEVEL: 'error', RATE_LIMIT_ANONYMOUS: '100000000', RATE_LIMIT_PER_KEY: '100000000', ...env });
      const app = await createApp({ config, databaseUrl: url, migrate: false });
      await app.listen(0, '127.0.0.1');
      const address = app.getHttpServer().address() as { port: number };
      const keys: Record<string, string> = {};
      for (const role of Object.values(Role)) keys[role] = (await app.get(ApiKeysService).create(role, `bench ${role}`, null)).secret;
      return { app, baseUrl: `http://127.0.0.1:${address.port}`, keys };
    },
    async close() {
      await pool.end();
      await embedded?.stop();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function gql(baseUrl: string, query: string, variables: Record<string, unknown>, key?: string): Promise<any> {
  const res = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return res.json();
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** Peak resident memory of a process (VmHWM), in MB; `reset` starts a new peak. */
export function peakRss(pid: number, reset = false): number {
  if (reset) writeFileSync(`/proc/${pid}/clear_refs`, '5');
  return Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;
}
