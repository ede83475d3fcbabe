import 'reflect-metadata';
import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { DataSource } from 'typeorm';
import { appointmentsQuery } from '../src/exports/export-queries.js';
import { asRecordedScenario } from './as-recorded.js';
import { clusterScenario, type ClusterFigures } from './cluster.js';
import { benchEvents, eventPageScenario } from './event-page.js';
import { generate } from './generate.js';
import { importScenario } from './import-annex.js';
import { benchEnvironment, gql, peakRss, percentile } from './support.js';

/**
 * `npm run bench`: generates a national-scale history (default scale 0.1: 430,000 officials,
 * about 3 million appointments) and starts Mutasi as its own process on it, on this machine,
 * in this run.
 *
 * The read questions (1, 2, 6) are asked over HTTP under autocannon, with the same connections
 * and duration, of three servers on the same database, each its own process: Mutasi;
 * PostGraphile 5 (bench/postgraphile-server.ts), a GraphQL server generated from the same
 * tables; and a bare node:http + pg server running hand-written SQL as named statements
 * (bench/raw-server.ts), the floor for a Node server. Before any load, each question's answer
 * is checked to be the same from all three. Each question's loads run back to back, Mutasi →
 * PostGraphile → raw, `--rounds` times; the table gives the medians.
 *
 * Scenario 7 imports a lampiran of 50,000 rows (bench/import-annex.ts): dry run and commit, timed.
 *
 * Scenario 8 (`event-page`) opens a public swearing-in page in Chromium (bench/event-page.ts)
 * and times it until its lampiran table shows.
 *
 * Scenario 10 (`cluster`) compares the read throughput of one instance on the primary with one,
 * then two instances reading a streaming standby, on a primary and standby of its own holding the demo
 * (bench/cluster.ts). Run alone (`--only cluster`), it generates no national data.
 *
 * The other scenarios (3, 4, 5) compare Mutasi with the same work done straight on PostgreSQL
 * from this process. Prints Markdown tables and writes them to bench/results/<date>.md.
 */
const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: '0.1' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '16' },
    /** Interleaved rounds of the read loads (Mutasi → PostGraphile → raw); the table shows medians. */
    rounds: { type: 'string', default: '1' },
    /** Comma-separated scenarios to run (export, event-page, holder, nested, page, record, as-recorded, import, bulk, cluster); all by default. */
    only: { type: 'string' },
    /** The checkout whose built `dist/src/main.js` is the Mutasi measured: another commit's, for a before/after. */
    mutasi: { type: 'string', default: '.' },
    /** Data rows of the imported lampiran (scenario 7); scale 0.13 has enough officials in posts for 50,000. */
    'import-rows': { type: 'string', default: '50000' },
    /** Interleaved runs of each export (scenario 4); the table shows medians. */
    'export-runs': { type: 'string', default: '3' },
    /** Browser loads of each event page timed (scenario 8), after one not counted. */
    'page-loads': { type: 'string', default: '20' },
  },
});
const ONLY = values.only ? new Set(values.only.split(',')) : null;
const runs = (scenario: string) => !ONLY || ONLY.has(scenario);
const SCALE = Number(values.scale);
const DURATION = Number(values.duration);
const CONNECTIONS = Number(values.connections);
const ROUNDS = Number(values.rounds);
const READS = ['holder', 'nested', 'page'];
const IMPORT_ROWS = Number(values['import-rows']);
const PAGE_LOADS = Number(values['page-loads']);
const EXPORT_RUNS = Number(values['export-runs']);

interface Row {
  scenario: string;
  mutasi: string;
  baseline: string;
  ratio: string;
  latency: string;
  rss: string;
}
const rows: Row[] = [];

/** A read question (1, 2, 6): the three servers' medians over the rounds. */
interface ReadRow {
  scenario: string;
  mutasi: number;
  postgraphile: number;
  raw: number;
  p50: number;
  p99: number;
  rssMutasi: number;
  rssPostgraphile: number;
}
const reads: ReadRow[] = [];
const log = (line: string) => process.stderr.write(`${line}\n`);
const pct = (a: number, b: number) => `${((100 * a) / b).toFixed(0)}%`;
const fmt = (n: number) => n.toLocaleString('en', { maximumFractionDigits: n < 10 ? 2 : 0 });

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** JSON POSTs to `url` under autocannon for DURATION seconds on CONNECTIONS connections; any failed request aborts the bench. */
async function load(url: string, request: Partial<autocannon.Options>): Promise<autocannon.Result> {
  let firstError: unknown;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const options = { url, method: 'POST' as const, connections: CONNECTIONS, duration: DURATION, headers: { 'content-type': 'application/json' }, ...request };
    autocannon(options, (error, result) => (error ? reject(error) : resolve(result))).on('reqError', (error) => (firstError ??= error));
  });
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`load on ${url}: ${result.non2xx} non-2xx responses, ${result.errors} errors (${result.timeouts} timeouts) in ${result.requests.total} requests; first error: ${firstError}`);
  }
  return result;
}

/** A server under test, started as its own process. */
interface Server {
  base: string;
  pid: number;
  child: ChildProcess;
  stopping: boolean;
}

/** Starts `node script` on a free port and waits until `ready(base)` answers true. */
async function startServer(name: string, script: string, env: Record<string, string>, ready: (base: string) => Promise<boolean>): Promise<Server> {
  const port = await freePort();
  const child = spawn(process.execPath, [script], { env: { ...process.env, ...env, PORT: String(port) }, stdio: ['ignore', 'inherit', 'inherit'] });
  const server: Server = { base: `http://127.0.0.1:${port}`, pid: child.pid!, child, stopping: false };
  child.on('exit', (code, signal) => {
    if (!server.stopping) log(`${name} exited unasked (code ${code}, signal ${signal})`);
  });
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} (${script}) exited with code ${child.exitCode} before answering`);
    try {
      if (await ready(server.base)) break;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return server;
}

async function stopServer(server: Server | undefined) {
  if (!server || server.child.exitCode !== null) return;
  const exited = new Promise((r) => server.child.once('exit', r));
  server.stopping = true;
  server.child.kill('SIGTERM');
  await exited;
}

async function postJson(url: string, body: unknown): Promise<any> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status} ${await res.text()}`);
  return res.json();
}

/** A GraphQL answer's data; any error aborts the bench. */
async function gqlData(base: string, query: string, variables: Record<string, unknown>): Promise<any> {
  const res = await gql(base, query, variables);
  if (res.errors) throw new Error(`${base}: ${JSON.stringify(res.errors).slice(0, 1000)}`);
  return res.data;
}

/** Throws unless the three servers gave the same (normalized) answer. */
function same(question: string, answers: { mutasi: unknown; postgraphile: unknown; raw: unknown }) {
  const mutasi = JSON.stringify(answers.mutasi);
  for (const other of ['postgraphile', 'raw'] as const) {
    const theirs = JSON.stringify(answers[other]);
    if (theirs !== mutasi) throw new Error(`${question}: ${other} answers differently from Mutasi:\n  Mutasi: ${mutasi.slice(0, 500)}\n  ${other}: ${theirs.slice(0, 500)}`);
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** Autocannon requests for one load; a factory, so each load starts its samples from the first. */
type Requests = () => Partial<autocannon.Options>;
/** The same body on every request. */
const fixed = (body: unknown): Requests => () => ({ body: JSON.stringify(body) });

/** The servers of the read questions. */
interface ReadServers {
  mutasi: Server;
  postgraphile: Server;
  raw: Server;
}

/**
 * One read question under load: ROUNDS rounds of Mutasi → PostGraphile → raw, back to back,
 * each server's peak RSS reset before its load and read after; medians over the rounds (the
 * peaks: their maximum).
 */
async function readLoads(scenario: string, servers: ReadServers, requests: { mutasi: [string, Requests]; postgraphile: [string, Requests]; raw: [string, Requests] }) {
  const rps: Record<keyof ReadServers, number[]> = { mutasi: [], postgraphile: [], raw: [] };
  const p50: number[] = [];
  const p99: number[] = [];
  const rss = { mutasi: 0, postgraphile: 0 };
  for (let round = 0; round < ROUNDS; round++) {
    for (const name of ['mutasi', 'postgraphile', 'raw'] as const) {
      const { pid } = servers[name];
      peakRss(pid, true);
      const [path, make] = requests[name];
      const result = await load(`${servers[name].base}${path}`, make());
      if (name !== 'raw') rss[name] = Math.max(rss[name], peakRss(pid));
      rps[name].push(result.requests.average);
      if (name === 'mutasi') {
        p50.push(result.latency.p50);
        p99.push(result.latency.p99);
      }
    }
    log(`  ${scenario}, round ${round + 1}/${ROUNDS}: Mutasi ${fmt(rps.mutasi.at(-1)!)}, PostGraphile ${fmt(rps.postgraphile.at(-1)!)}, raw ${fmt(rps.raw.at(-1)!)} req/s`);
  }
  reads.push({
    scenario,
    mutasi: median(rps.mutasi),
    postgraphile: median(rps.postgraphile),
    raw: median(rps.raw),
    p50: median(p50),
    p99: median(p99),
    rssMutasi: rss.mutasi,
    rssPostgraphile: rss.postgraphile,
  });
}

/** Today in Asia/Jakarta, the day Mutasi's `currentAppointment` is taken on (src/common/today.ts). */
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date());

async function main() {
  const started = Date.now();
  // First, while nothing else of the bench holds the machine's memory and CPUs.
  const cluster = runs('cluster') ? await clusterScenario({ script: join(values.mutasi!, 'dist/src/main.js'), duration: DURATION, connections: CONNECTIONS, log }) : undefined;
  if (ONLY && [...ONLY].every((scenario) => scenario === 'cluster')) {
    return report([
      `${CONNECTIONS} connections, ${DURATION} s per load; ${new Date().toISOString().slice(0, 10)}, ${cluster!.cores} cores.`,
      '',
      ...clusterLines(cluster!),
      `Made with \`npm run bench -- --only cluster\` in ${((Date.now() - started) / 60000).toFixed(1)} minutes.`,
    ]);
  }
  const env = await benchEnvironment();
  const db = env.pool;
  log(`generating scale ${SCALE} …`);
  const generated = await generate({
    scale: SCALE,
    databaseUrl: env.url,
    onProgress: (table, n, total) => process.stderr.write(`\r  ${table}: ${fmt(n)} / ${fmt(total)}   `),
  });
  log(`\ngenerated in ${generated.seconds.toFixed(0)} s: ${fmt(generated.officials)} officials, ${fmt(generated.positions)} posts, ${fmt(generated.appointments)} appointments`);

  // Keys, written straight to the table (the secret is only ever hashed).
  const key = async (role: string) => {
    const secret = `mts_${randomBytes(32).toString('base64url')}`;
    await db.query(`INSERT INTO api_keys (label, role, prefix, secret_hash, all_governments) VALUES ($1, $2, $3, $4, true)`, [`bench ${role}`, role, secret.slice(0, 12), createHash('sha256').update(secret).digest('hex')]);
    return secret;
  };
  const hr = await key('HR');
  const analyst = await key('ANALYST');

  // Mutasi as its own process, as in production; for the read questions, PostGraphile and the
  // raw server beside it, each its own process too.
  const health = async (base: string) => (await fetch(`${base}/health`)).ok;
  let mutasi: Server | undefined;
  let postgraphile: Server | undefined;
  let raw: Server | undefined;
  try {
    mutasi = await startServer('Mutasi', join(values.mutasi!, 'dist/src/main.js'), { DATABASE_URL: env.url, SEED_DEMO: 'false', LOG_LEVEL: 'warn', NODE_ENV: 'production', RATE_LIMIT_ANONYMOUS: '1000000000', RATE_LIMIT_PER_KEY: '1000000000', IMPORT_MAX_ROWS: String(Math.max(50_000, IMPORT_ROWS)), IMPORT_MAX_MEGABYTES: '100' }, health);
    const base = mutasi.base;

    // The export runs first, so its peak memory is the export's, not what load tests left behind.
    if (runs('export')) await exportScenario(db, base, analyst, mutasi.pid);
    // Before the writes below, which add events of their own.
    if (runs('event-page')) {
      for (const event of await benchEvents(db)) {
        const f = await eventPageScenario(base, event, PAGE_LOADS, log);
        rows.push({
          scenario: `8. public event page of ${fmt(f.transfers)} transfers (${fmt(f.htmlKilobytes)} kB HTML) in Chromium: navigation → lampiran table visible, median of ${PAGE_LOADS} loads`,
          mutasi: `${fmt(median(f.visible))} ms`,
          baseline: 'target 1,000 ms',
          ratio: '',
          latency: `p50 ${fmt(median(f.visible))} / p95 ${fmt(percentile(f.visible, 95))} ms; HTML alone (fetch) p50 ${fmt(median(f.html))} / p95 ${fmt(percentile(f.html, 95))} ms`,
          rss: '',
        });
      }
    }
    if (READS.some(runs)) {
      postgraphile = await startServer('PostGraphile', 'dist/bench/postgraphile-server.js', { DATABASE_URL: env.url, NODE_ENV: 'production', GRAPHILE_ENV: 'production' }, async (b) => !(await gql(b, '{ __typename }', {})).errors);
      raw = await startServer('raw pg server', 'dist/bench/raw-server.js', { DATABASE_URL: env.url, NODE_ENV: 'production' }, health);
      const servers = { mutasi, postgraphile, raw };
      if (runs('holder')) await holderScenario(db, servers);
      if (runs('nested')) await nestedEventScenario(db, servers, env.url, hr);
      if (runs('page')) await pageScenario(db, servers);
      await stopServer(postgraphile);
      await stopServer(raw);
    }
    if (runs('record')) await recordScenario(db, base, hr);
    if (runs('as-recorded')) {
      const f = await asRecordedScenario(db, base, hr, 20, log);
      for (const r of f.reads) {
        rows.push({
          scenario: `9. ${r.name}, as recorded before an amendment vs plain (median of 20 over HTTP)`,
          mutasi: `${fmt(r.asRecorded)} ms`,
          baseline: `${fmt(r.plain)} ms plain`,
          ratio: `${(r.asRecorded / r.plain).toFixed(2)}×`,
          latency: '',
          rss: '',
        });
      }
      rows.push({
        scenario: `9. amending a ${fmt(f.transfers)}-transfer event (same lampiran, title corrected): history kept`,
        mutasi: `${fmt(Math.round(f.bytesAdded / 1024))} kB`,
        baseline: Object.entries(f.rowsAdded).map(([t, n]) => `${t} +${fmt(n)}`).join(', '),
        ratio: '',
        latency: '',
        rss: '',
      });
    }
    // After the other writes: the lampiran moves the current holders as they are then.
    if (runs('import')) {
      const f = await importScenario(db, base, hr, mutasi.pid, IMPORT_ROWS, log);
      rows.push({
        scenario: `7. import a lampiran of ${fmt(f.rows)} rows (.xlsx, ${fmt(f.fileMegabytes)} MB): dry run / commit`,
        mutasi: `${fmt(f.dryRunSeconds)} s / ${fmt(f.commitSeconds)} s`,
        baseline: 'target 30 s / 60 s, 400 MB',
        ratio: '',
        latency: `${fmt(f.warnings)} warnings, no errors`,
        rss: `${fmt(f.dryRunRss)} / ${fmt(f.commitRss)} MB (idle ${fmt(f.idleRss)} MB)`,
      });
    }
    await stopServer(mutasi);
    if (runs('bulk')) await bulkLoadScenario(db, env.url);
  } finally {
    await stopServer(postgraphile);
    await stopServer(raw);
    await stopServer(mutasi);
    await env.close();
  }

  const table = [
    `Scale ${SCALE}: ${fmt(generated.officials)} officials, ${fmt(generated.positions)} posts, ${fmt(generated.appointments)} appointments; ${CONNECTIONS} connections, ${DURATION} s per load; ${new Date().toISOString().slice(0, 10)}, ${(await import('node:os')).cpus().length} cores.`,
    '',
    ...(reads.length
      ? [
          `Read questions over HTTP, three servers on the same database (${ROUNDS === 1 ? 'one round' : `medians of ${ROUNDS} interleaved rounds`}: Mutasi → PostGraphile → raw):`,
          '',
          '| scenario | Mutasi req/s | PostGraphile req/s | raw pg req/s | Mutasi/PostGraphile | Mutasi/raw | p50 / p99 (Mutasi) | peak RSS Mutasi / PostGraphile |',
          '| --- | --- | --- | --- | --- | --- | --- | --- |',
          ...reads.map(
            (r) =>
              `| ${r.scenario} | ${fmt(r.mutasi)} | ${fmt(r.postgraphile)} | ${fmt(r.raw)} | ${pct(r.mutasi, r.postgraphile)} | ${pct(r.mutasi, r.raw)} | ${fmt(r.p50)} / ${fmt(r.p99)} ms | ${fmt(r.rssMutasi)} / ${fmt(r.rssPostgraphile)} MB |`,
          ),
          '',
        ]
      : []),
    ...(rows.length
      ? [
          '| scenario | Mutasi | baseline | ratio | p50 / p99 (Mutasi) | peak RSS (Mutasi) |',
          '| --- | --- | --- | --- | --- | --- |',
          ...rows.sort((a, b) => Number.parseInt(a.scenario) - Number.parseInt(b.scenario)).map((r) => `| ${r.scenario} | ${r.mutasi} | ${r.baseline} | ${r.ratio} | ${r.latency} | ${r.rss} |`),
          '',
        ]
      : []),
    ...(cluster ? clusterLines(cluster) : []),
    `Made with \`npm run bench -- --scale ${SCALE}\` in ${((Date.now() - started) / 60000).toFixed(1)} minutes.`,
  ];
  report(table);
}

/** Prints the results and writes them to bench/results/<date>.md. */
function report(lines: string[]) {
  const table = lines.join('\n');
  console.log(table);
  mkdirSync('bench/results', { recursive: true });
  writeFileSync(`bench/results/${new Date().toISOString().slice(0, 10)}.md`, `${table}\n`);
}

/** Scenario 10's table, and what its figures mean on this machine. */
function clusterLines(f: ClusterFigures): string[] {
  const latency = (l: ClusterFigures['loads'][number]['latency']) => l.map((x) => `${fmt(x.p50)} / ${fmt(x.p99)} ms`).join('; ');
  const one = (question: string) => f.loads.find((l) => l.question === question && l.setup === 'one instance, primary')!.requestsPerSecond;
  return [
    `10. Read throughput, one Mutasi instance on the primary vs one, then two instances reading the streaming standby (DATABASE_REPLICA_URLS), ${CONNECTIONS} connections in all (split evenly between two instances, throughputs summed), the Kota Bekasi demo; ${f.cores} cores:`,
    '',
    '| question | setup | req/s | vs one instance | p50 / p99 (per instance) | transactions on primary / standby |',
    '| --- | --- | --- | --- | --- | --- |',
    ...f.loads.map(
      (l) =>
        `| ${l.question} | ${l.setup} | ${fmt(l.requestsPerSecond)} | ${pct(l.requestsPerSecond, one(l.question))} | ${latency(l.latency)} | ${fmt(l.transactions.primary)} / ${fmt(l.transactions.standby)} |`,
    ),
    '',
    // Reads from the replica make at least a transaction there per request.
    ...(f.loads.some((l) => l.setup !== 'one instance, primary' && l.transactions.standby < l.requests / 2)
      ? ['The standby served (almost) no transactions: the two instances read the primary (DATABASE_REPLICA_URLS not in effect), so the second case measures two instances on one database.', '']
      : []),
    `On this machine the instances, the load generator and both PostgreSQL servers share the same ${f.cores} cores. An instance is one Node.js thread, so a second one may take CPU the first leaves idle (the gain, if any, on the Node-heavy questions, the page above all); ` +
      'a replica on the same cores adds no capacity, only a second server to feed. The layout pays when each instance and each replica has its own machine: instances scale the Node side (GraphQL, rendering), replicas the database side; ' +
      'every request still writes its rate-limit counter on the primary. Other processes on a shared machine move these figures by tens of percent from run to run.',
    '',
  ];
}

/** 1. The holder of a post on a date, for 2,000 sampled (post, day) pairs asked in turn. */
async function holderScenario(db: pg.Pool, servers: ReadServers) {
  const samples: { id: string; on: string }[] = (
    await db.query(
      `SELECT position_id::text AS id, (started_on + (random() * (COALESCE(ended_on, DATE '2026-06-30') - started_on))::int)::text AS on
       FROM appointments TABLESAMPLE SYSTEM (1) WHERE capacity = 'DEFINITIVE' LIMIT 2000`,
    )
  ).rows;
  const mutasi = `query ($id: ID, $on: Date!) { position(id: $id) { code holder(on: $on) { definitive { startedOn official { name } } } } }`;
  const postgraphile = `query ($id: BigInt!, $on: Date!) { positionByRowId(rowId: $id) { code appointmentsByPositionId(first: 1, filter: { capacity: { equalTo: DEFINITIVE }, startedOn: { lessThanOrEqualTo: $on }, or: [{ endedOn: { isNull: true } }, { endedOn: { greaterThan: $on } }] }) { nodes { startedOn officialByOfficialId { name } } } } }`;
  for (const s of samples.slice(0, 25)) {
    const m = (await gqlData(servers.mutasi.base, mutasi, s)).position;
    const p = (await gqlData(servers.postgraphile.base, postgraphile, s)).positionByRowId;
    const r = (await postJson(`${servers.raw.base}/holder`, s)).data;
    const held = p.appointmentsByPositionId.nodes[0];
    same(`holder of post ${s.id} on ${s.on}`, {
      mutasi: { code: m.code, definitive: m.holder.definitive },
      postgraphile: { code: p.code, definitive: held ? { startedOn: held.startedOn, official: held.officialByOfficialId } : null },
      raw: r,
    });
  }
  const cycling = (body: (s: { id: string; on: string }) => unknown): Requests => () => {
    let i = 0;
    return { requests: [{ setupRequest: (req) => ({ ...req, body: JSON.stringify(body(samples[i++ % samples.length])) }) }] };
  };
  await readLoads('1. holder of a post on a date', servers, {
    mutasi: ['/graphql', cycling((variables) => ({ query: mutasi, variables }))],
    postgraphile: ['/graphql', cycling((variables) => ({ query: postgraphile, variables }))],
    raw: ['/holder', cycling((s) => s)],
  });
}

/** 2. rotationEvent → transfers → official → currentAppointment → position → organization: statements per request and req/s. */
async function nestedEventScenario(db: pg.Pool, servers: ReadServers, url: string, hr: string) {
  const query = `query ($id: ID!) { rotationEvent(id: $id) { transfers { official { name currentAppointment { position { code organization { code } } } } } } }`;
  const events: Record<number, string> = {};
  for (const size of [5, 61, 500]) events[size] = await record(servers.mutasi.base, hr, await cycleInput(db, size));

  // Statements, counted in a second instance of the app in this process (its pool's client wrapped).
  const { createApp } = await import('../src/bootstrap.js');
  const { loadConfig } = await import('../src/config/app-config.js');
  const app = await createApp({ config: loadConfig({ LOG_LEVEL: 'error', SEED_DEMO: 'false' }), databaseUrl: url, migrate: false });
  await app.listen(0, '127.0.0.1');
  const local = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
  const proto = (app.get(DataSource).driver as unknown as { master: { Client: { prototype: { query: (...a: unknown[]) => unknown } } } }).master.Client.prototype;
  const original = proto.query;
  let statements = 0;
  proto.query = function (this: unknown, ...args: unknown[]) {
    statements++;
    return original.apply(this, args);
  };
  const counts: Record<number, number> = {};
  for (const size of [5, 61, 500]) {
    await gql(local, query, { id: events[size] });
    statements = 0;
    const res = await gql(local, query, { id: events[size] });
    if (res.data.rotationEvent.transfers.length !== size) throw new Error('nested: wrong size');
    counts[size] = statements;
  }
  proto.query = original;
  await app.close();

  // PostGraphile: the current post is the definitive appointment whose dates hold today (Mutasi's
  // day, Asia/Jakarta); the raw server takes the same day itself.
  const postgraphile = `query ($id: BigInt!, $on: Date!) { rotationEventByRowId(rowId: $id) { transfersByEventId(orderBy: SEQ_ASC) { nodes { officialByOfficialId { name appointmentsByOfficialId(first: 1, filter: { capacity: { equalTo: DEFINITIVE }, startedOn: { lessThanOrEqualTo: $on }, or: [{ endedOn: { isNull: true } }, { endedOn: { greaterThan: $on } }] }) { nodes { positionByPositionId { code organizationByOrganizationId { code } } } } } } } } }`;
  for (const size of [5, 61, 500]) {
    const on = today();
    const m = (await gqlData(servers.mutasi.base, query, { id: events[size] })).rotationEvent.transfers;
    const p = (await gqlData(servers.postgraphile.base, postgraphile, { id: events[size], on })).rotationEventByRowId.transfersByEventId.nodes;
    const r = (await postJson(`${servers.raw.base}/nested`, { id: events[size] })).data.transfers;
    same(`nested event query, ${size} transfers`, {
      mutasi: m.map((t: any) => ({ name: t.official.name, post: t.official.currentAppointment && { code: t.official.currentAppointment.position.code, unit: t.official.currentAppointment.position.organization.code } })),
      postgraphile: p.map((t: any) => {
        const post = t.officialByOfficialId.appointmentsByOfficialId.nodes[0]?.positionByPositionId;
        return { name: t.officialByOfficialId.name, post: post ? { code: post.code, unit: post.organizationByOrganizationId.code } : null };
      }),
      raw: r,
    });
    if (r.length !== size) throw new Error(`nested: ${r.length} transfers, expected ${size}`);
    await readLoads(`2. nested event query, ${size} transfers (Mutasi: ${counts[size]} SQL statements per request, budget 6${counts[size] <= 6 ? '' : ': OVER BUDGET'})`, servers, {
      mutasi: ['/graphql', fixed({ query, variables: { id: events[size] } })],
      postgraphile: ['/graphql', fixed({ query: postgraphile, variables: { id: events[size], on } })],
      raw: ['/nested', fixed({ id: events[size] })],
    });
  }
}

/** 6. The first 50 transfers of a 30-day range with their officials, and the total. */
async function pageScenario(db: pg.Pool, servers: ReadServers) {
  const [{ last }] = (await db.query(`SELECT max(effective_on)::text AS last FROM rotation_events WHERE effective_on < DATE '2026-07-01'`)).rows;
  const to = last as string;
  const from = new Date(Date.parse(to) - 29 * 86_400_000).toISOString().slice(0, 10);
  const variables = { from, to };
  const query = `query ($from: Date!, $to: Date!) { transfers(from: $from, to: $to, first: 50) { totalCount edges { node { kind effectiveOn official { name } } } } }`;
  // PostGraphile: the custom query postgraphile_bench.transfers_between (bench/postgraphile-server.ts).
  const postgraphile = `query ($from: Date!, $to: Date!) { postgraphileBenchTransfersBetween(from: $from, to: $to, first: 50) { totalCount nodes { kind rotationEventByEventId { effectiveOn } officialByOfficialId { name } } } }`;
  const m = (await gqlData(servers.mutasi.base, query, variables)).transfers;
  const p = (await gqlData(servers.postgraphile.base, postgraphile, variables)).postgraphileBenchTransfersBetween;
  const r = (await postJson(`${servers.raw.base}/page`, variables)).data;
  same(`transfers of ${from}..${to}`, {
    mutasi: { totalCount: m.totalCount, nodes: m.edges.map((e: any) => e.node) },
    postgraphile: { totalCount: Number(p.totalCount), nodes: p.nodes.map((n: any) => ({ kind: n.kind, effectiveOn: n.rotationEventByEventId.effectiveOn, official: n.officialByOfficialId })) },
    raw: { totalCount: r.totalCount, nodes: r.nodes },
  });
  if (r.nodes.length !== Math.min(50, r.totalCount)) throw new Error(`page: ${r.nodes.length} transfers of ${r.totalCount}`);
  await readLoads(`6. first 50 transfers of ${from}..${to} with officials and totalCount (${fmt(r.totalCount)})`, servers, {
    mutasi: ['/graphql', fixed({ query, variables })],
    postgraphile: ['/graphql', fixed({ query: postgraphile, variables })],
    raw: ['/page', fixed(variables)],
  });
}

let day = 0;
let largest: Promise<string> | undefined;
/** The government with the most posts: an event fills one government's posts, and the 2,000-transfer one needs many. */
const largestGovernment = (db: pg.Pool) =>
  (largest ??= db
    .query(`SELECT u.government_id::text AS id FROM positions p JOIN organizations u ON u.id = p.organization_id GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`)
    .then((r) => r.rows[0].id as string));
/** Current definitive holders of the largest government's posts, `size` of them (fewer at small scales), in an order drawn from `salt`. */
async function governmentHolders(db: pg.Pool, size: number, salt: string): Promise<{ id: string; official_id: string; position_id: string }[]> {
  return (
    await db.query(
      `SELECT a.id::text, a.official_id::text, a.position_id::text FROM appointments a JOIN positions p ON p.id = a.position_id JOIN organizations u ON u.id = p.organization_id
       WHERE a.ended_on IS NULL AND a.capacity = 'DEFINITIVE' AND u.government_id = $3 ORDER BY md5(a.id::text || $2) LIMIT $1`,
      [size, salt, await largestGovernment(db)],
    )
  ).rows;
}
/** An event moving `size` current holders one post along (a cycle), on a day after the generated history. */
async function cycleInput(db: pg.Pool, size: number) {
  const holders = await governmentHolders(db, size, String(day));
  day++;
  const on = new Date(Date.UTC(2026, 7, 1) + day * 86_400_000).toISOString().slice(0, 10);
  return {
    title: `Bench ${size}`,
    issuer: 'Bench',
    swornInOn: on,
    transfers: holders.map((h, i) => ({ officialId: h.official_id, toPositionId: holders[(i + 1) % holders.length].position_id })),
  };
}

async function record(base: string, hr: string, input: object): Promise<string> {
  const res = await gql(base, `mutation ($input: RotationEventInput!) { recordRotationEvent(input: $input) { event { id } } }`, { input }, hr);
  if (res.errors) throw new Error(JSON.stringify(res.errors).slice(0, 1000));
  return res.data.recordRotationEvent.event.id;
}

/** 3. Recording a 61- and a 2,000-transfer event over GraphQL vs inserting the same rows with plain SQL in one transaction. */
async function recordScenario(db: pg.Pool, base: string, hr: string) {
  for (const [size, runs] of [
    [61, 15],
    [2000, 5],
  ]) {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const input = await cycleInput(db, size);
      const start = performance.now();
      await record(base, hr, input);
      times.push(performance.now() - start);
    }
    // Baseline: the minimum writes of such an event, without any check: the event, its
    // transfers, the old appointments closed and the new ones opened.
    const baseTimes: number[] = [];
    for (let i = 0; i < runs; i++) {
      const holders = await governmentHolders(db, size, `b${i}`);
      day++;
      const on = new Date(Date.UTC(2026, 7, 1) + day * 86_400_000).toISOString().slice(0, 10);
      const client = await db.connect();
      const start = performance.now();
      await client.query('BEGIN');
      const [{ id: eventId }] = (await client.query(`INSERT INTO rotation_events (title, issuer, sworn_in_on, effective_on, government_id) VALUES ('baseline', 'Bench', $1, $1, $2) RETURNING id`, [on, await largestGovernment(db)])).rows;
      const transfers = (
        await client.query(
          `INSERT INTO transfers (event_id, seq, official_id, from_position_id, to_position_id, kind)
           SELECT $1, s, o, f, t, 'ROTATION' FROM unnest($2::int[], $3::bigint[], $4::bigint[], $5::bigint[]) AS u(s, o, f, t) RETURNING id, official_id, to_position_id`,
          [eventId, holders.map((_, k) => k + 1), holders.map((h) => h.official_id), holders.map((h) => h.position_id), holders.map((_, k) => holders[(k + 1) % holders.length].position_id)],
        )
      ).rows;
      await client.query(`UPDATE appointments SET ended_on = $2 WHERE id = ANY($1::bigint[])`, [holders.map((h) => h.id), on]);
      await client.query(
        `INSERT INTO appointments (official_id, position_id, capacity, started_on, started_by_transfer_id) SELECT o, p, 'DEFINITIVE', $1, t FROM unnest($2::bigint[], $3::bigint[], $4::bigint[]) AS u(o, p, t)`,
        [on, transfers.map((r) => r.official_id), transfers.map((r) => r.to_position_id), transfers.map((r) => r.id)],
      );
      await client.query('COMMIT');
      baseTimes.push(performance.now() - start);
      client.release();
    }
    rows.push({
      scenario: `3. record a ${fmt(size)}-transfer event (p50 ms)`,
      mutasi: `${fmt(percentile(times, 50))} ms`,
      baseline: `${fmt(percentile(baseTimes, 50))} ms`,
      ratio: `${(percentile(baseTimes, 50) / percentile(times, 50) * 100).toFixed(0)}%`,
      latency: `${fmt(percentile(times, 50))} / ${fmt(percentile(times, 99))} ms`,
      rss: '',
    });
  }
}

/**
 * 4. Appointments as CSV over HTTP vs `COPY (the same select) TO STDOUT` through pg-copy-streams:
 * all of them, then one government's (the one with the most posts) asked by `?government=` and by
 * its top unit's `?organizationCode=`, the three interleaved EXPORT_RUNS times; medians.
 */
async function exportScenario(db: pg.Pool, base: string, analyst: string, pid: number) {
  const [gov] = (
    await db.query(
      `SELECT g.id::text, g.code, g.region_code FROM positions p JOIN organizations u ON u.id = p.organization_id JOIN organizations g ON g.id = u.government_id
       GROUP BY g.id ORDER BY count(*) DESC, g.id LIMIT 1`,
    )
  ).rows;
  const count = async (where: string, params: unknown[]) =>
    Number((await db.query(`SELECT count(*) FROM appointments a JOIN positions p ON p.id = a.position_id JOIN organizations u ON u.id = p.organization_id WHERE ${where}`, params)).rows[0].count);
  const all = await count('true', []);
  const ofGov = await count('u.government_id = $1', [gov.id]);
  const variants = [
    { label: `all ${fmt(all)} appointments`, query: '', rows: all, baseline: appointmentsQuery({}, true) },
    { label: `one government's ${fmt(ofGov)} (\`?government=${gov.region_code}\`)`, query: `?government=${encodeURIComponent(gov.region_code)}`, rows: ofGov, baseline: appointmentsQuery({ unitId: gov.id }, true) },
    { label: `the same by its top unit (\`?organizationCode=${gov.code}\`)`, query: `?organizationCode=${encodeURIComponent(gov.code)}`, rows: ofGov, baseline: appointmentsQuery({ unitId: gov.id }, true) },
  ];
  const runs = variants.map(() => ({ seconds: [] as number[], first: [] as number[], bytes: 0, rss: 0, baseSeconds: [] as number[], baseBytes: 0 }));
  for (let round = 0; round < EXPORT_RUNS; round++) {
    for (const [i, v] of variants.entries()) {
      const r = runs[i];
      peakRss(pid, true);
      let start = performance.now();
      const res = await fetch(`${base}/exports/appointments.csv${v.query}`, { headers: { authorization: `Bearer ${analyst}` } });
      if (!res.ok) throw new Error(`export ${v.query}: HTTP ${res.status} ${await res.text()}`);
      let bytes = 0;
      let first = 0;
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        if (!first) first = performance.now() - start;
        bytes += chunk.length;
      }
      r.seconds.push((performance.now() - start) / 1000);
      r.first.push(first);
      r.bytes = bytes;
      r.rss = Math.max(r.rss, peakRss(pid));

      const client = await db.connect();
      start = performance.now();
      let baseBytes = 0;
      await pipeline(
        client.query(copyTo(`COPY (${v.baseline}) TO STDOUT WITH (FORMAT csv, HEADER true)`)),
        new Writable({
          write(chunk: Buffer, _e, done) {
            baseBytes += chunk.length;
            done();
          },
        }),
      );
      r.baseSeconds.push((performance.now() - start) / 1000);
      r.baseBytes = baseBytes;
      client.release();
      log(`  export ${v.query || '(all)'}, round ${round + 1}/${EXPORT_RUNS}: ${fmt(r.seconds.at(-1)!)} s, COPY ${fmt(r.baseSeconds.at(-1)!)} s`);
    }
  }
  for (const [i, v] of variants.entries()) {
    const r = runs[i];
    const seconds = median(r.seconds);
    const baseSeconds = median(r.baseSeconds);
    rows.push({
      scenario: `4. export ${v.label}, CSV (rows/s; median of ${EXPORT_RUNS})`,
      mutasi: `${fmt(v.rows / seconds)} (${fmt(r.bytes / 1e6)} MB, ${fmt(r.bytes / 1e6 / seconds)} MB/s, first bytes ${fmt(median(r.first))} ms)`,
      baseline: `${fmt(v.rows / baseSeconds)} (${fmt(r.baseBytes / 1e6)} MB, ${fmt(r.baseBytes / 1e6 / baseSeconds)} MB/s)`,
      ratio: `${((100 * baseSeconds) / seconds).toFixed(0)}%`,
      latency: `${fmt(seconds)} s total`,
      rss: `${fmt(r.rss)} MB`,
    });
  }
}

/**
 * 5. Bulk history loading: events and transfers COPYed in, then the projection rebuilt by
 * Mutasi (`projection:rebuild`, set-based), vs a raw COPY FROM of the same events and
 * transfers and of the finished appointments.
 */
async function bulkLoadScenario(db: pg.Pool, url: string) {
  const { from: copyFrom } = await import('pg-copy-streams');
  // The histories of the first officials, up to about 600,000 appointments: enough for a
  // steady rate, and the bench stays within its time.
  const [cut] = (await db.query(`SELECT official_id FROM appointments ORDER BY official_id OFFSET 600000 LIMIT 1`)).rows;
  const only = cut ? `WHERE official_id < ${Number(cut.official_id)}` : '';
  const tables = ['rotation_events', 'transfers', 'appointments'];
  const columns: Record<string, string> = {};
  const dumps: Record<string, Buffer[]> = {};
  for (const table of tables) {
    columns[table] = (await db.query(`SELECT string_agg(quote_ident(column_name), ', ' ORDER BY ordinal_position) AS c FROM information_schema.columns WHERE table_name = $1`, [table])).rows[0].c;
    const client = await db.connect();
    dumps[table] = [];
    const source = table === 'rotation_events' ? table : `(SELECT ${columns[table]} FROM ${table} ${only})`;
    await pipeline(client.query(copyTo(`COPY ${source} ${table === 'rotation_events' ? `(${columns[table]})` : ''} TO STDOUT`)), new Writable({ write: (chunk: Buffer, _e, done) => (dumps[table].push(chunk), done()) }));
    client.release();
  }
  const appointments = Number((await db.query(`SELECT count(*) FROM appointments ${only}`)).rows[0].count);
  const load = async (client: pg.PoolClient, table: string) => {
    const { Readable } = await import('node:stream');
    await pipeline(Readable.from(dumps[table]), client.query(copyFrom(`COPY ${table} (${columns[table]}) FROM STDIN`)));
  };
  const run = async (mutasi: boolean) => {
    const client = await db.connect();
    await client.query('TRUNCATE appointments, transfers, rotation_events CASCADE');
    for (const t of tables) await client.query(`ALTER TABLE ${t} ALTER COLUMN id SET GENERATED BY DEFAULT`);
    const start = performance.now();
    await client.query('BEGIN');
    await load(client, 'rotation_events');
    await load(client, 'transfers');
    if (mutasi) {
      const ds = new DataSource({ type: 'postgres', url, extra: { max: 1 } });
      await client.query('COMMIT');
      await ds.initialize();
      const { ProjectionService } = await import('../src/history/projection.service.js');
      const { ProjectionRepository } = await import('../src/history/projection.repository.js');
      await ds.transaction((m) => new ProjectionService(new ProjectionRepository()).rebuildAll(m));
      await ds.destroy();
    } else {
      await load(client, 'appointments');
      await client.query('COMMIT');
    }
    const seconds = (performance.now() - start) / 1000;
    for (const t of tables) await client.query(`ALTER TABLE ${t} ALTER COLUMN id SET GENERATED ALWAYS`);
    client.release();
    return seconds;
  };
  const baseline = await run(false);
  const mutasi = await run(true);
  const loaded = Number((await db.query('SELECT count(*) FROM appointments')).rows[0].count);
  if (loaded !== appointments) throw new Error(`bulk load: rebuilt ${loaded} appointments, expected ${appointments}`);
  rows.push({
    scenario: `5. bulk history load: events, transfers and ${fmt(appointments)} appointments (appointments/s)`,
    mutasi: fmt(appointments / mutasi),
    baseline: fmt(appointments / baseline),
    ratio: `${((100 * baseline) / mutasi).toFixed(0)}%`,
    latency: `${fmt(mutasi)} s vs ${fmt(baseline)} s`,
    rss: '',
  });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
