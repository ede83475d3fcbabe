import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { isAlive } from '../src/database/data-dir-owner.js';
import { freePort } from '../src/database/embedded-postgres.js';
import { createTestDatabase, dropTestDatabase } from './support/database.js';

/**
 * One owner for the embedded PostgreSQL of a DATA_DIR, with Mutasi as real child processes
 * (`node dist/src/main.js`, built by `npm test`'s tsc step) over fresh temporary DATA_DIRs.
 */

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const children = new Set<ChildProcess>();
const dataDirs: string[] = [];

interface Run {
  child: ChildProcess;
  pid: number;
  port: number;
  /** stdout and stderr so far, interleaved. */
  output(): string;
  exited: Promise<number | null>;
}

function spawnNode(script: string, args: string[], env: NodeJS.ProcessEnv, port = 0): Run {
  const child = spawn(process.execPath, [script, ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      children.delete(child);
      resolve(code);
    }),
  );
  return { child, pid: child.pid!, port, output: () => output, exited };
}

/** The environment of a Mutasi on `dataDir`: the embedded server, never the test run's own. */
function envFor(dataDir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'DATABASE_URL' && !name.startsWith('MUTASI_TEST_')));
  return { ...env, DATA_DIR: dataDir, SEED_DEMO: 'false', LOG_LEVEL: 'warn', ...extra };
}

function freshDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mutasi-data-dir-'));
  dataDirs.push(dir);
  return dir;
}


async function health(port: number): Promise<number | undefined> {
  try {
    return (await fetch(`http://127.0.0.1:${port}/health`, { signal: AbortSignal.timeout(2000) })).status;
  } catch {
    return undefined; // not listening (yet, or any more)
  }
}

/** Polls until `check` holds; fails with `describe()` after `ms`. */
async function until(check: () => Promise<boolean> | boolean, ms: number, describe: () => string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Gave up after ${ms} ms: ${describe()}`);
    await sleep(100);
  }
}

async function startMutasi(dataDir: string, extra: Record<string, string> = {}): Promise<Run> {
  const port = await freePort();
  const run = spawnNode('dist/src/main.js', [], envFor(dataDir, { PORT: String(port), ...extra }), port);
  let code: number | null | undefined;
  void run.exited.then((c) => (code = c));
  await until(
    async () => {
      if (code !== undefined) throw new Error(`Mutasi exited with ${code} before answering:\n${run.output()}`);
      return (await health(port)) === 200;
    },
    20_000,
    () => `Mutasi did not answer /health 200:\n${run.output()}`,
  );
  return run;
}

/** Runs a script to its end (killed after 20 s). */
async function runToEnd(script: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  const run = spawnNode(script, args, env);
  const timer = setTimeout(() => run.child.kill('SIGKILL'), 20_000);
  const code = await run.exited;
  clearTimeout(timer);
  return { code, output: run.output() };
}

/** pid of the postmaster running on `dataDir`'s cluster, if postmaster.pid is there. */
function postmasterPid(dataDir: string): number | undefined {
  const file = join(dataDir, 'pg', 'postmaster.pid');
  return existsSync(file) ? Number(readFileSync(file, 'utf8').split('\n')[0]) : undefined;
}

/** The exit code, or 'running' if the process is still there after `ms`. */
async function exitCode(run: Run, ms: number): Promise<number | null | 'running'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'running'>((resolve) => (timer = setTimeout(() => resolve('running'), ms)));
  try {
    return await Promise.race([run.exited, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  // A postgres whose Mutasi was killed outlives it: stop it before removing its data.
  for (const dir of dataDirs) {
    const pid = postmasterPid(dir);
    if (pid !== undefined && isAlive(pid)) {
      process.kill(pid, 'SIGQUIT');
      await until(() => !isAlive(pid), 10_000, () => `postgres ${pid} of ${dir} did not stop`);
    }
    rmSync(dir, { recursive: true, force: true });
  }
});

describe('DATA_DIR ownership', () => {
  it('a second npm start on the same DATA_DIR refuses, naming the owner; the owner keeps serving, and the CLI shares its server', async () => {
    const dir = freshDataDir();
    const first = await startMutasi(dir);

    const second = await runToEnd('dist/src/main.js', [], envFor(dir, { PORT: String(await freePort()) }));
    expect(second.code).toBe(1);
    expect(second.output).toContain(`DATA_DIR ${dir} is in use by Mutasi process ${first.pid}`);
    expect(await health(first.port)).toBe(200);

    const show = await runToEnd('dist/src/cli.js', ['migration:show'], envFor(dir));
    expect(show.code).toBe(0);
    expect(show.output).toMatch(/^\[X\] Init\d+$/m);
    expect(show.output).toContain('applied, 0 pending.');
    // The CLI left the server it shared running.
    expect(await health(first.port)).toBe(200);
  });

  it('after kill -9 of the owner, the next start stops the orphaned server and runs its own, which a clean stop stops', async () => {
    const dir = freshDataDir();
    const first = await startMutasi(dir);
    first.child.kill('SIGKILL');
    await first.exited;
    const orphan = postmasterPid(dir)!;
    expect(isAlive(orphan)).toBe(true);

    const second = await startMutasi(dir);
    expect(isAlive(orphan)).toBe(false);
    const own = postmasterPid(dir)!;
    expect(own).not.toBe(orphan);

    second.child.kill('SIGTERM');
    expect(await exitCode(second, 10_000)).toBe(0);
    expect(postmasterPid(dir)).toBeUndefined();
    expect(isAlive(own)).toBe(false);
    expect(readdirSync(dir)).not.toContain('pg-owner.json');

    // A stale owner record (its process is gone, no server runs) blocks nothing.
    writeFileSync(join(dir, 'pg-owner.json'), JSON.stringify({ pid: first.pid, role: 'server', since: new Date().toISOString() }));
    const show = await runToEnd('dist/src/cli.js', ['migration:show'], envFor(dir));
    expect(show).toEqual({ code: 0, output: expect.stringContaining('applied, 0 pending.') });
    expect(postmasterPid(dir)).toBeUndefined();
  });

  it('the owner exits non-zero when its PostgreSQL dies under it', async () => {
    const dir = freshDataDir();
    const owner = await startMutasi(dir);
    process.kill(postmasterPid(dir)!, 'SIGKILL');
    expect(await exitCode(owner, 10_000)).toBe(1);
    expect(owner.output()).toContain('Embedded PostgreSQL stopped unexpectedly');
  });

  it('the CLI checks its command before starting anything', async () => {
    const dir = freshDataDir();
    const unknown = await runToEnd('dist/src/cli.js', ['nope'], envFor(dir));
    expect(unknown.code).toBe(1);
    expect(unknown.output).toContain('Unknown command "nope".');
    expect(unknown.output).toContain('Usage: npm run cli');
    const badArgument = await runToEnd('dist/src/cli.js', ['migration:generate', 'lowercase'], envFor(dir));
    expect(badArgument.code).toBe(1);
    expect(readdirSync(dir)).toEqual([]);

    const help = await runToEnd('dist/src/cli.js', ['--help'], envFor(dir));
    expect(help).toEqual({ code: 0, output: expect.stringContaining('Usage: npm run cli') });
  });
});

describe('DATABASE_URL', () => {
  /** A TCP relay to the test server that can be taken down and brought back on the same port, as a restarting server would be. */
  async function relay(target: URL) {
    const sockets = new Set<Socket>();
    let server: Server | undefined;
    const port = await freePort();
    const up = () =>
      new Promise<void>((resolve) => {
        server = createServer((client) => {
          const upstream = connect(Number(target.port), target.hostname);
          for (const s of [client, upstream]) {
            sockets.add(s);
            s.on('error', () => s.destroy()); // the other side went away: so does this one
            s.once('close', () => sockets.delete(s));
          }
          client.pipe(upstream).pipe(client);
        });
        server.listen(port, '127.0.0.1', resolve);
      });
    const down = () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server!.close(() => resolve());
      });
    await up();
    return { port, up, down };
  }

  it('GET /health answers 503 while the server is unreachable and 200 again once it is back, without a restart', async () => {
    const database = await createTestDatabase();
    const target = new URL(database.url);
    const link = await relay(target);
    const url = new URL(database.url);
    url.host = `127.0.0.1:${link.port}`;
    try {
      const app = await startMutasi(freshDataDir(), { DATABASE_URL: url.toString() });
      await link.down();
      await until(async () => (await health(app.port)) === 503, 10_000, () => app.output());
      await link.up();
      await until(async () => (await health(app.port)) === 200, 10_000, () => app.output());
      app.child.kill('SIGTERM');
      expect(await exitCode(app, 10_000)).toBe(0);
    } finally {
      await link.down();
      await dropTestDatabase(database.name);
    }
  });
});
