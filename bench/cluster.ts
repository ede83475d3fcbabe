import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../src/database/embedded-postgres.js';
import { childEnv } from '../test/support/child-app.js';
import { startPrimary, startStandby, stopAll, waitForReplay, type PgNode } from '../test/support/pg-cluster.js';

/*
 * 10. Read throughput on one machine: (a) one Mutasi instance on the primary alone, vs (b) two
 * instances, each with the streaming standby as its replica (DATABASE_REPLICA_URLS), the same
 * connections split across both and their throughputs summed. Its own primary and standby
 * (test/support/pg-cluster.ts), holding the Kota Bekasi demo (SEED_DEMO=true), not the
 * generated national data of the other scenarios.
 */

export interface ClusterLoad {
  question: string;
  setup: 'one instance, primary' | 'one instance, standby as replica' | 'two instances, standby as replica';
  requestsPerSecond: number;
  requests: number;
  /** One entry per instance loaded: its p50 and p99, ms. */
  latency: { p50: number; p99: number }[];
  /** Transactions each server counted in the database during the load: where the reads went. */
  transactions: { primary: number; standby: number };
}

export interface ClusterFigures {
  cores: number;
  event: { id: string; transfers: number };
  loads: ClusterLoad[];
}

interface Instance {
  base: string;
  child: ChildProcess;
  logFile: string;
}

/** `node <script>` with the environment of the tests' child instances, its output to `logFile`; resolves when GET /health answers 200. */
async function startInstance(script: string, databaseUrl: string, env: Record<string, string>, logFile: string): Promise<Instance> {
  const port = await freePort();
  const child = spawn(process.execPath, [script], {
    env: childEnv(databaseUrl, { PORT: String(port), LOG_LEVEL: 'warn', RATE_LIMIT_ANONYMOUS: '1000000000', RATE_LIMIT_PER_KEY: '1000000000', ...env }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log = createWriteStream(logFile);
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  const base = `http://127.0.0.1:${port}`;
  // The first start loads the demo before it listens: give it time.
  for (const deadline = Date.now() + 180_000; ; ) {
    if (child.exitCode !== null || child.signalCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`Mutasi (${script}) did not come up:\n${readFileSync(logFile, 'utf8').slice(-3000)}`);
    }
    if (await fetch(`${base}/health`).then((r) => r.status === 200, () => false)) return { base, child, logFile };
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function stopInstance(instance: Instance | undefined): Promise<void> {
  const child = instance?.child;
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

/** A question asked of an instance, as autocannon options (url, method, body). */
type Question = { name: string; request: (base: string) => Partial<autocannon.Options> };

/** `connections` connections on `request` for `duration` s; any failed request aborts the bench. */
async function load(options: Partial<autocannon.Options>, connections: number, duration: number): Promise<autocannon.Result> {
  let firstError: unknown;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    autocannon({ ...options, url: options.url!, connections, duration }, (error, result) => (error ? reject(error) : resolve(result))).on('reqError', (error) => (firstError ??= error));
  });
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`load on ${options.url}: ${result.non2xx} non-2xx responses, ${result.errors} errors (${result.timeouts} timeouts) in ${result.requests.total} requests; first error: ${firstError}`);
  }
  return result;
}

/**
 * Transactions committed in database `mutasi` so far, as the server's statistics have them
 * (flushed about every second under load); asked from database `postgres`, so as not to count itself.
 */
async function committed(node: PgNode): Promise<number> {
  const [{ n }] = await node.query<{ n: string }>(`SELECT xact_commit AS n FROM pg_stat_database WHERE datname = 'mutasi'`, [], 'postgres');
  return Number(n);
}

/** Runs `loads` and counts the transactions of each server meanwhile. */
async function counting<T>(primary: PgNode, standby: PgNode, loads: () => Promise<T>): Promise<[T, { primary: number; standby: number }]> {
  const before = [await committed(primary), await committed(standby)];
  const result = await loads();
  // Let the last second's statistics reach the counters.
  await new Promise((r) => setTimeout(r, 1500));
  return [result, { primary: (await committed(primary)) - before[0], standby: (await committed(standby)) - before[1] }];
}

async function body(instance: Instance, request: Partial<autocannon.Options>): Promise<string> {
  const res = await fetch(request.url!, { method: request.method ?? 'GET', headers: request.headers as Record<string, string>, body: request.body as string | undefined });
  const text = await res.text();
  if (!res.ok) throw new Error(`${instance.base}: HTTP ${res.status} ${text.slice(0, 500)}`);
  return text;
}

export async function clusterScenario(options: { script: string; duration: number; connections: number; log: (line: string) => void }): Promise<ClusterFigures> {
  const { script, duration, connections, log } = options;
  const dir = mkdtempSync(join(tmpdir(), 'mutasi-bench-cluster-'));
  const instances: Instance[] = [];
  try {
    const primary: PgNode = await startPrimary(join(dir, 'primary'));
    log('cluster: loading the demo into the primary …');
    const seeder = await startInstance(script, primary.url(), { SEED_DEMO: 'true' }, join(dir, 'mutasi-a.log'));
    instances.push(seeder);
    const standby = await startStandby(primary, join(dir, 'standby'));
    await waitForReplay(primary, standby);

    const [event] = await primary.query<{ id: string; transfers: number }>(
      `SELECT e.id::text AS id, count(*)::int AS transfers FROM rotation_events e JOIN transfers t ON t.event_id = e.id
       WHERE e.status = 'RECORDED' GROUP BY e.id ORDER BY count(*) DESC, e.id LIMIT 1`,
    );
    const graphql = JSON.stringify({
      query: `query ($id: ID!) { rotationEvent(id: $id) { title transfers { official { name } toPosition { title } } } }`,
      variables: { id: event.id },
    });
    const questions: Question[] = [
      {
        name: `GraphQL rotationEvent with its ${event.transfers} transfers, officials and posts`,
        request: (base) => ({ url: `${base}/graphql`, method: 'POST', headers: { 'content-type': 'application/json' }, body: graphql }),
      },
      { name: `public event page GET /pelantikan/${event.id} (${event.transfers} transfers)`, request: (base) => ({ url: `${base}/pelantikan/${event.id}` }) },
    ];
    // The page's HTML may differ between instances (nonces); the GraphQL answer must not.
    const answers = await Promise.all(questions.map((q) => body(seeder, q.request(seeder.base))));
    if (!answers[0].includes('"transfers":[{') || answers[0].includes('"errors"')) throw new Error(`cluster: unexpected GraphQL answer ${answers[0].slice(0, 500)}`);

    const loads: ClusterLoad[] = [];
    for (const q of questions) {
      const [r, transactions] = await counting(primary, standby, () => load(q.request(seeder.base), connections, duration));
      loads.push({ question: q.name, setup: 'one instance, primary', requestsPerSecond: r.requests.average, requests: r.requests.total, latency: [{ p50: r.latency.p50, p99: r.latency.p99 }], transactions });
      log(`  cluster, one instance: ${q.name}: ${r.requests.average} req/s`);
    }
    await stopInstance(instances.pop());

    // These read the standby; the primary only sees what every request writes (rate-limit counters).
    // One alone first: what reading a replica costs an instance (the read scope, a replica connection per request).
    const replica = { DATABASE_REPLICA_URLS: standby.url() };
    for (const name of ['b', 'c']) instances.push(await startInstance(script, primary.url(), replica, join(dir, `mutasi-${name}.log`)));
    for (const instance of instances) {
      if ((await body(instance, questions[0].request(instance.base))) !== answers[0]) throw new Error(`cluster: ${instance.base} answers the GraphQL question differently from the primary's instance`);
    }
    for (const q of questions) {
      const [r, transactions] = await counting(primary, standby, () => load(q.request(instances[0].base), connections, duration));
      loads.push({ question: q.name, setup: 'one instance, standby as replica', requestsPerSecond: r.requests.average, requests: r.requests.total, latency: [{ p50: r.latency.p50, p99: r.latency.p99 }], transactions });
      log(`  cluster, one instance on the standby: ${q.name}: ${r.requests.average} req/s`);
    }
    for (const q of questions) {
      const [results, transactions] = await counting(primary, standby, () =>
        Promise.all(instances.map((instance) => load(q.request(instance.base), Math.max(1, Math.round(connections / 2)), duration))),
      );
      const total = results.reduce((sum, r) => sum + r.requests.average, 0);
      loads.push({ question: q.name, setup: 'two instances, standby as replica', requestsPerSecond: total, requests: results.reduce((sum, r) => sum + r.requests.total, 0), latency: results.map((r) => ({ p50: r.latency.p50, p99: r.latency.p99 })), transactions });
      log(`  cluster, two instances: ${q.name}: ${total} req/s`);
    }
    return { cores: cpus().length, event, loads };
  } finally {
    await Promise.all(instances.map(stopInstance));
    await stopAll();
    rmSync(dir, { recursive: true, force: true });
  }
}
