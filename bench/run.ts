import 'reflect-metadata';
import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import type pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { DataSource } from 'typeorm';
import { appointmentsQuery } from '../src/exports/export-queries.js';
import { generate } from './generate.js';
import { benchEnvironment, gql, percentile } from './support.js';

/**
 * `npm run bench`: generates a national-scale history (default scale 0.1: 430,000 officials,
 * about 3 million appointments), starts Mutasi as its own process on it, and runs each
 * scenario against a baseline doing the same work straight on PostgreSQL, on this machine, in
 * this run. Prints a Markdown table and writes it to bench/results/<date>.md.
 */
const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: '0.1' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '16' },
    /** Comma-separated scenarios to run (export, holder, nested, page, record, bulk); all by default. */
    only: { type: 'string' },
  },
});
const ONLY = values.only ? new Set(values.only.split(',')) : null;
const runs = (scenario: string) => !ONLY || ONLY.has(scenario);
const SCALE = Number(values.scale);
const DURATION = Number(values.duration);
const CONNECTIONS = Number(values.connections);

interface Row {
  scenario: string;
  mutasi: string;
  baseline: string;
  ratio: string;
  latency: string;
  rss: string;
}
const rows: Row[] = [];
const log = (line: string) => process.stderr.write(`${line}\n`);
const fmt = (n: number) => n.toLocaleString('en', { maximumFractionDigits: n < 10 ? 2 : 0 });

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** Peak resident memory of a process (VmHWM), in MB; `reset` starts a new peak. */
function peakRss(pid: number, reset = false): number {
  if (reset) writeFileSync(`/proc/${pid}/clear_refs`, '5');
  return Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;
}

/** GraphQL POSTs under autocannon for DURATION seconds on CONNECTIONS connections; any failed request aborts the bench. */
async function load(base: string, request: Partial<autocannon.Options>): Promise<autocannon.Result> {
  const result = await autocannon({
    url: `${base}/graphql`,
    method: 'POST',
    connections: CONNECTIONS,
    duration: DURATION,
    headers: { 'content-type': 'application/json' },
    ...request,
  });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`load: ${result.non2xx} non-2xx responses, ${result.errors} errors`);
  return result;
}

/** Runs `fn` on `connections` concurrent loops for `seconds`; returns requests/s and latencies (ms). */
async function loop(connections: number, seconds: number, fn: (i: number) => Promise<void>) {
  const latencies: number[] = [];
  const until = performance.now() + seconds * 1000;
  let n = 0;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < until) {
        const start = performance.now();
        await fn(n++);
        latencies.push(performance.now() - start);
      }
    }),
  );
  return { rps: latencies.length / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

async function main() {
  const started = Date.now();
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
    await db.query(`INSERT INTO api_keys (label, role, prefix, secret_hash) VALUES ($1, $2, $3, $4)`, [`bench ${role}`, role, secret.slice(0, 12), createHash('sha256').update(secret).digest('hex')]);
    return secret;
  };
  const hr = await key('HR');
  const analyst = await key('ANALYST');

  // Mutasi as its own process, as in production.
  const port = await freePort();
  const server: ChildProcess = spawn(process.execPath, ['dist/src/main.js'], {
    env: { ...process.env, DATABASE_URL: env.url, PORT: String(port), SEED_DEMO: 'false', LOG_LEVEL: 'warn', NODE_ENV: 'production', RATE_LIMIT_ANONYMOUS: '1000000000', RATE_LIMIT_PER_KEY: '1000000000' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  for (;;) {
    try {
      if ((await fetch(`${base}/health`)).ok) break;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  const pid = server.pid!;

  try {
    // The export runs first, so its peak memory is the export's, not what load tests left behind.
    if (runs('export')) await exportScenario(db, base, analyst, pid);
    if (runs('holder')) await holderScenario(db, base);
    if (runs('nested')) await nestedEventScenario(db, base, env.url, hr);
    if (runs('page')) await pageScenario(db, base);
    if (runs('record')) await recordScenario(db, base, hr);
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    if (runs('bulk')) await bulkLoadScenario(db, env.url);
  } finally {
    if (server.exitCode === null) server.kill('SIGTERM');
    if (server.exitCode === null) await new Promise((r) => server.once('exit', r));
    await env.close();
  }

  const table = [
    `Scale ${SCALE}: ${fmt(generated.officials)} officials, ${fmt(generated.positions)} posts, ${fmt(generated.appointments)} appointments; ${CONNECTIONS} connections, ${DURATION} s per load; ${new Date().toISOString().slice(0, 10)}, ${(await import('node:os')).cpus().length} cores.`,
    '',
    '| scenario | Mutasi | baseline | ratio | p50 / p99 (Mutasi) | peak RSS (Mutasi) |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows.sort((a, b) => Number.parseInt(a.scenario) - Number.parseInt(b.scenario)).map((r) => `| ${r.scenario} | ${r.mutasi} | ${r.baseline} | ${r.ratio} | ${r.latency} | ${r.rss} |`),
    '',
    `Made with \`npm run bench -- --scale ${SCALE}\` in ${((Date.now() - started) / 60000).toFixed(1)} minutes.`,
  ].join('\n');
  console.log(table);
  mkdirSync('bench/results', { recursive: true });
  writeFileSync(`bench/results/${new Date().toISOString().slice(0, 10)}.md`, `${table}\n`);
}

/** 1. The holder of a post on a date: GraphQL under autocannon vs the same question in one SQL statement through pg. */
async function holderScenario(db: pg.Pool, base: string) {
  const samples: { id: string; on: string }[] = (
    await db.query(
      `SELECT position_id::text AS id, (started_on + (random() * (COALESCE(ended_on, DATE '2026-06-30') - started_on))::int)::text AS on
       FROM appointments TABLESAMPLE SYSTEM (1) WHERE capacity = 'DEFINITIVE' LIMIT 2000`,
    )
  ).rows;
  const query = `query ($id: ID, $on: Date!) { position(id: $id) { code holder(on: $on) { definitive { startedOn official { name } } } } }`;
  let i = 0;
  const result = await load(base, { requests: [{ setupRequest: (req) => ({ ...req, body: JSON.stringify({ query, variables: samples[i++ % samples.length] }) }) }] });
  const sql = `SELECT p.code, a.started_on, o.name FROM positions p
    LEFT JOIN appointments a ON a.position_id = p.id AND a.capacity = 'DEFINITIVE' AND a.started_on <= $2 AND (a.ended_on IS NULL OR a.ended_on > $2)
    LEFT JOIN officials o ON o.id = a.official_id WHERE p.id = $1`;
  const baseline = await loop(CONNECTIONS, DURATION, async (n) => {
    const s = samples[n % samples.length];
    await db.query({ name: 'holder', text: sql, values: [s.id, s.on] });
  });
  rows.push({
    scenario: '1. holder of a post on a date (req/s)',
    mutasi: fmt(result.requests.average),
    baseline: fmt(baseline.rps),
    ratio: `${((100 * result.requests.average) / baseline.rps).toFixed(0)}%`,
    latency: `${result.latency.p50} / ${result.latency.p99} ms`,
    rss: '',
  });
}

/** 2. rotationEvent → transfers → official → currentAppointment → position → organization: statements per request and req/s. */
async function nestedEventScenario(db: pg.Pool, base: string, url: string, hr: string) {
  const query = `query ($id: ID!) { rotationEvent(id: $id) { transfers { official { name currentAppointment { position { code organization { code } } } } } } }`;
  const events: Record<number, string> = {};
  for (const size of [5, 61, 500]) events[size] = await record(base, hr, await cycleInput(db, size));

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

  // The same answer in one statement, shaped as JSON by PostgreSQL, as a hand-written server would.
  const sql = `SELECT json_agg(json_build_object('name', o.name, 'post', CASE WHEN p.id IS NOT NULL THEN json_build_object('code', p.code, 'unit', u.code) END) ORDER BY t.seq)
    FROM transfers t JOIN officials o ON o.id = t.official_id
    LEFT JOIN appointments a ON a.official_id = o.id AND a.capacity = 'DEFINITIVE' AND a.started_on <= current_date AND (a.ended_on IS NULL OR a.ended_on > current_date)
    LEFT JOIN positions p ON p.id = a.position_id LEFT JOIN organizations u ON u.id = p.organization_id
    WHERE t.event_id = $1`;
  for (const size of [5, 61, 500]) {
    const result = await load(base, { body: JSON.stringify({ query, variables: { id: events[size] } }) });
    const baseline = await loop(CONNECTIONS, DURATION, async () => {
      await db.query({ name: `nested`, text: sql, values: [events[size]] });
    });
    rows.push({
      scenario: `2. nested event query, ${size} transfers (req/s; SQL statements per request, budget 6)`,
      mutasi: `${fmt(result.requests.average)}; ${counts[size]} statements`,
      baseline: fmt(baseline.rps),
      ratio: `${((100 * result.requests.average) / baseline.rps).toFixed(0)}%${counts[size] <= 6 ? '' : '; OVER statement budget'}`,
      latency: `${result.latency.p50} / ${result.latency.p99} ms`,
      rss: '',
    });
  }
}

/** 6. The first 50 transfers of a 30-day range with their officials, and the total. */
async function pageScenario(db: pg.Pool, base: string) {
  const [{ last }] = (await db.query(`SELECT max(effective_on)::text AS last FROM rotation_events WHERE effective_on < DATE '2026-07-01'`)).rows;
  const to = last as string;
  const from = new Date(Date.parse(to) - 29 * 86_400_000).toISOString().slice(0, 10);
  const query = `query ($from: Date!, $to: Date!) { transfers(from: $from, to: $to, first: 50) { totalCount edges { node { kind effectiveOn official { name } } } } }`;
  const result = await load(base, { body: JSON.stringify({ query, variables: { from, to } }) });
  const page = `SELECT t.kind, e.effective_on, o.name FROM transfers t JOIN rotation_events e ON e.id = t.event_id JOIN officials o ON o.id = t.official_id
    WHERE e.status = 'RECORDED' AND e.effective_on BETWEEN $1 AND $2 ORDER BY e.effective_on, t.event_id, t.seq LIMIT 51`;
  const count = `SELECT count(*) FROM transfers t JOIN rotation_events e ON e.id = t.event_id WHERE e.status = 'RECORDED' AND e.effective_on BETWEEN $1 AND $2`;
  const baseline = await loop(CONNECTIONS, DURATION, async () => {
    await Promise.all([db.query({ name: 'page', text: page, values: [from, to] }), db.query({ name: 'count', text: count, values: [from, to] })]);
  });
  rows.push({
    scenario: `6. first 50 transfers of ${from}..${to} with officials and totalCount (req/s)`,
    mutasi: fmt(result.requests.average),
    baseline: fmt(baseline.rps),
    ratio: `${((100 * result.requests.average) / baseline.rps).toFixed(0)}%`,
    latency: `${result.latency.p50} / ${result.latency.p99} ms`,
    rss: '',
  });
}

let day = 0;
/** An event moving `size` current holders one post along (a cycle), on a day after the generated history. */
async function cycleInput(db: pg.Pool, size: number) {
  const holders: { official_id: string; position_id: string }[] = (
    await db.query(
      `SELECT official_id::text, position_id::text FROM appointments WHERE ended_on IS NULL AND capacity = 'DEFINITIVE'
       ORDER BY md5(official_id::text || $2) LIMIT $1`,
      [size, String(day)],
    )
  ).rows;
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
      const holders = (
        await db.query(
          `SELECT id::text, official_id::text, position_id::text FROM appointments WHERE ended_on IS NULL AND capacity = 'DEFINITIVE' ORDER BY md5(id::text || $2) LIMIT $1`,
          [size, `b${i}`],
        )
      ).rows as { id: string; official_id: string; position_id: string }[];
      day++;
      const on = new Date(Date.UTC(2026, 7, 1) + day * 86_400_000).toISOString().slice(0, 10);
      const client = await db.connect();
      const start = performance.now();
      await client.query('BEGIN');
      const [{ id: eventId }] = (await client.query(`INSERT INTO rotation_events (title, issuer, sworn_in_on, effective_on) VALUES ('baseline', 'Bench', $1, $1) RETURNING id`, [on])).rows;
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

/** 4. All appointments as CSV over HTTP vs `COPY (the same select) TO STDOUT` through pg-copy-streams. */
async function exportScenario(db: pg.Pool, base: string, analyst: string, pid: number) {
  const total = Number((await db.query('SELECT count(*) FROM appointments')).rows[0].count);
  peakRss(pid, true);
  let start = performance.now();
  const res = await fetch(`${base}/exports/appointments.csv`, { headers: { authorization: `Bearer ${analyst}` } });
  let bytes = 0;
  let first = 0;
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    if (!first) first = performance.now() - start;
    bytes += chunk.length;
  }
  const mutasiSeconds = (performance.now() - start) / 1000;
  const rss = peakRss(pid);

  const client = await db.connect();
  start = performance.now();
  let baseBytes = 0;
  await pipeline(
    client.query(copyTo(`COPY (${appointmentsQuery({}, true)}) TO STDOUT WITH (FORMAT csv, HEADER true)`)),
    new Writable({
      write(chunk: Buffer, _e, done) {
        baseBytes += chunk.length;
        done();
      },
    }),
  );
  const baseSeconds = (performance.now() - start) / 1000;
  client.release();
  rows.push({
    scenario: `4. export all ${fmt(total)} appointments, CSV (rows/s)`,
    mutasi: `${fmt(total / mutasiSeconds)} (${fmt(bytes / 1e6)} MB, first bytes ${fmt(first)} ms)`,
    baseline: `${fmt(total / baseSeconds)} (${fmt(baseBytes / 1e6)} MB)`,
    ratio: `${((100 * baseSeconds) / mutasiSeconds).toFixed(0)}%`,
    latency: `${fmt(mutasiSeconds)} s total`,
    rss: `${fmt(rss)} MB`,
  });
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
