import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPrimary, startStandby, stopAll, waitForReplay, type PgNode } from './support/pg-cluster.js';

/** The harness the replica tests and the cluster bench stand on: a real primary and a streaming hot standby. */
describe('pg-cluster: a primary and a streaming standby from the bundled binaries', () => {
  let base: string;
  let primary: PgNode;
  let standby: PgNode;
  const names = async (node: PgNode) => (await node.query<{ name: string }>('SELECT name FROM notes ORDER BY id')).map((r) => r.name);
  /** Polls `check` until it holds (the test's timeout bounds the wait). */
  const until = async (check: () => Promise<boolean>) => {
    while (!(await check())) await new Promise((r) => setTimeout(r, 20));
  };

  beforeAll(async () => {
    base = mkdtempSync(join(tmpdir(), 'mutasi-pg-cluster-'));
    primary = await startPrimary(join(base, 'primary'));
    standby = await startStandby(primary, join(base, 'standby'));
  }, 120_000);

  afterAll(async () => {
    await stopAll();
    if (base) rmSync(base, { recursive: true, force: true });
  });

  it('is a primary and a standby in recovery', async () => {
    expect(await primary.query('SELECT pg_is_in_recovery() AS r', [], 'postgres')).toEqual([{ r: false }]);
    expect(await standby.query('SELECT pg_is_in_recovery() AS r', [], 'postgres')).toEqual([{ r: true }]);
    // Through its slot; 'catchup' until it has what the primary had when it connected.
    const senders = () => primary.query<{ state: string }>(`SELECT r.state FROM pg_stat_replication r JOIN pg_replication_slots s ON s.active_pid = r.pid`, [], 'postgres');
    await until(async () => (await senders())[0]?.state === 'streaming');
    expect(await senders()).toEqual([{ state: 'streaming' }]);
  });

  it('shows on the standby a table created and a row inserted on the primary', async () => {
    await primary.query('CREATE TABLE notes (id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text NOT NULL)');
    await primary.query(`INSERT INTO notes (name) VALUES ('first')`);
    await waitForReplay(primary, standby);
    expect(await names(standby)).toEqual(['first']);
  });

  it('refuses writes on the standby', async () => {
    await expect(standby.query(`INSERT INTO notes (name) VALUES ('on the standby')`)).rejects.toThrow('cannot execute INSERT in a read-only transaction');
    expect(await names(primary)).toEqual(['first']);
  });

  it('catches up with what was written while it was stopped, on the same URL', async () => {
    const url = standby.url();
    await standby.stop();
    expect(standby.running).toBe(false);
    await expect(standby.query('SELECT 1')).rejects.toThrow();
    await primary.query(`INSERT INTO notes (name) VALUES ('while down')`);
    await standby.start();
    expect(standby.url()).toBe(url);
    await waitForReplay(primary, standby);
    expect(await names(standby)).toEqual(['first', 'while down']);
  });

  it('holds a row back while replay is paused, though its WAL has arrived, and shows it on resume', async () => {
    await standby.query('SELECT pg_wal_replay_pause()');
    await until(async () => (await standby.query<{ s: string }>('SELECT pg_get_wal_replay_pause_state() AS s'))[0].s === 'paused');

    await primary.query(`INSERT INTO notes (name) VALUES ('paused')`);
    const [{ lsn }] = await primary.query<{ lsn: string }>('SELECT pg_current_wal_lsn()::text AS lsn');
    await until(async () => (await standby.query<{ ok: boolean }>('SELECT pg_last_wal_receive_lsn() >= $1::pg_lsn AS ok', [lsn]))[0].ok);

    expect(await names(standby)).toEqual(['first', 'while down']);
    await expect(waitForReplay(primary, standby, 300)).rejects.toThrow('replayed up to');

    await standby.query('SELECT pg_wal_replay_resume()');
    await waitForReplay(primary, standby);
    expect(await names(standby)).toEqual(['first', 'while down', 'paused']);
  });
});
