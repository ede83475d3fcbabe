import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../src/database/embedded-postgres.js';

export { freePort };

/**
 * Mutasi as a real child process (`node dist/src/main.js`, built by `npm test`'s tsc step),
 * for tests that must kill it outright. Its stdout and stderr are kept, not printed: a test
 * shows them only when it fails.
 */

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Every child still running, so an afterAll can kill them all even after a failure. */
const running = new Set<ChildProcess>();

export interface ChildApp {
  url: string;
  port: number;
  pid: number;
  /** Everything the child wrote so far, stdout and stderr interleaved. */
  output(): string;
  /** Resolves when the child has exited (signal or code). */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGKILL: no shutdown hook runs, open transactions are left to PostgreSQL. */
  kill(signal?: NodeJS.Signals): Promise<void>;
}


/** The environment of a production-like child over `databaseUrl`. */
export function childEnv(databaseUrl: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    DATABASE_URL: databaseUrl,
    NODE_ENV: 'production',
    LOG_LEVEL: 'error',
    SEED_DEMO: 'false',
    RATE_LIMIT_ANONYMOUS: '1000000',
    RATE_LIMIT_PER_KEY: '1000000',
    ...extra,
  };
}

function track(child: ChildProcess) {
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  running.add(child);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => {
      running.delete(child);
      resolve({ code, signal });
    });
    child.once('error', () => {
      running.delete(child);
      resolve({ code: null, signal: null });
    });
  });
  return { output: () => output, exited };
}

/** Runs `node dist/src/cli.js …` to completion; returns its stdout (throws, with its output, on a non-zero exit). */
export async function runCli(args: string[], env: NodeJS.ProcessEnv, timeoutMs = 30_000): Promise<string> {
  const child = spawn(process.execPath, ['dist/src/cli.js', ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  const { output, exited } = track(child);
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const { code, signal } = await exited;
  clearTimeout(timer);
  if (code !== 0) throw new Error(`cli ${args.join(' ')} exited with ${code ?? signal}:\n${output()}`);
  return stdout;
}

/** Creates an API key through the CLI; returns its secret (the CLI prints it alone on stdout). */
export async function createKeyWithCli(databaseUrl: string, role: 'ADMIN' | 'HR' | 'ANALYST', label: string): Promise<string> {
  const stdout = await runCli(['keys', 'create', '--role', role, '--label', label], childEnv(databaseUrl));
  const secret = stdout
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0)
    .pop();
  if (!secret) throw new Error(`keys create printed no secret: ${JSON.stringify(stdout)}`);
  return secret;
}

/** Starts `node dist/src/main.js` on a free port and waits until GET /health answers 200. */
export async function startChildApp(databaseUrl: string, env: Record<string, string> = {}, readyTimeoutMs = 30_000): Promise<ChildApp> {
  const port = await freePort();
  const child = spawn(process.execPath, ['dist/src/main.js'], { cwd: ROOT, env: childEnv(databaseUrl, { PORT: String(port), ...env }), stdio: ['ignore', 'pipe', 'pipe'] });
  const { output, exited } = track(child);
  const url = `http://127.0.0.1:${port}`;
  const app: ChildApp = {
    url,
    port,
    pid: child.pid!,
    output,
    exited,
    async kill(signal: NodeJS.Signals = 'SIGKILL') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
  let gone = false;
  void exited.then(() => (gone = true));
  const deadline = Date.now() + readyTimeoutMs;
  while (Date.now() < deadline) {
    if (gone) throw new Error(`Mutasi exited before it was ready:\n${output()}`);
    try {
      const res = await fetch(`${url}/health`);
      if (res.status === 200) return app;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  await app.kill();
  throw new Error(`Mutasi was not ready after ${readyTimeoutMs} ms:\n${output()}`);
}

/** SIGKILLs every child still running (for afterAll, whatever happened). */
export async function killAllChildren(): Promise<void> {
  const children = [...running];
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
  await Promise.all(children.map((c) => new Promise<void>((resolve) => (c.exitCode !== null || c.signalCode !== null ? resolve() : c.once('exit', () => resolve())))));
}
