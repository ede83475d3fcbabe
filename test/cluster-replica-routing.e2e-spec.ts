import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { createKeyWithCli, freePort, killAllChildren, startChildApp, type ChildApp } from './support/child-app.js';
import { startPrimary, startStandby, stopAll, waitForReplay, type PgNode } from './support/pg-cluster.js';

/**
 * Which requests read the standby, found by attacking the read-replica routing: while the
 * standby's replay is paused, a unit written since is NOT_FOUND on the standby and found on
 * the primary, so what a read answers tells where it was read. A allows an hour of lag, so
 * that the paused standby stays in its reads, and has 2 connections a server, so that a
 * connection held too long shows.
 */
describe('read routing to a streaming standby', () => {
  let base: string;
  let primary: PgNode;
  let standby: PgNode;
  let a: ChildApp;
  let code: string;
  let position: string;
  let hr: string;
  let pausedAt: number;
  let importId: string;

  beforeAll(async () => {
    base = mkdtempSync(join(tmpdir(), 'mutasi-routing-'));
    primary = await startPrimary(join(base, 'primary'));
    standby = await startStandby(primary, join(base, 'standby'));
    a = await startChildApp(primary.url(), { DATABASE_REPLICA_URLS: standby.url(), SEED_DEMO: 'true', DATABASE_REPLICA_MAX_LAG_SECONDS: '3600', DATABASE_POOL_SIZE: '2' }, 120_000);
    hr = await createKeyWithCli(primary.url(), 'HR', 'routing HR');
    await waitForReplay(primary, standby);
    await standby.query('SELECT pg_wal_replay_pause()');
    pausedAt = Date.now();
    code = 'ROUTING-1';
    const res = await gql(a, `mutation { createOrganization(input: { code: "${code}", name: "Unit ${code}", kind: AGENCY, parentCode: "PEMKOT-BKS" }) { code } }`, { authorization: `Bearer ${hr}` });
    expect([res.status, ((await res.json()) as any).data]).toEqual([200, { createOrganization: { code } }]);
    position = res.headers.get('x-mutasi-lsn')!;
  }, 180_000);

  afterAll(async () => {
    await killAllChildren();
    await stopAll();
    if (base) rmSync(base, { recursive: true, force: true });
  });

  function gql(app: ChildApp, query: string, headers: Record<string, string> = {}, signal?: AbortSignal) {
    return fetch(`${app.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }), signal });
  }
  const unit = async (app: ChildApp) => {
    const body = (await (await gql(app, `{ organization(code: "${code}") { name } }`)).json()) as any;
    return body.data?.organization?.name ?? body.errors[0].extensions.code;
  };

  it('the unit written since the pause is on the primary only', async () => {
    expect(await unit(a)).toBe('NOT_FOUND');
    expect((await fetch(`${a.url}/unit/${code}`)).status).toBe(404);
  });

  it('reads a HEAD request where its GET reads: the standby', async () => {
    for (const path of [`/unit/${code}`, `/feeds/units/${code}/events.atom`]) {
      const get = await fetch(`${a.url}${path}`);
      const head = await fetch(`${a.url}${path}`, { method: 'HEAD' });
      expect([path, get.status, head.status]).toEqual([path, 404, 404]);
    }
  });

  it('reads the standby under every URL form node-postgres accepts for it, and starts with a host given as ?host=', async () => {
    const { port } = new URL(standby.url());
    const password = decodeURIComponent(new URL(standby.url()).password);
    const auth = `mutasi:${encodeURIComponent(password)}`;
    const forms = [
      `postgres://${auth}@127.0.0.1:${port}`, // no database: node-postgres reads the user's
      `postgres://${auth}@localhost:${port}/mutasi?host=127.0.0.1`, // ?host= wins over the URL's host
      `postgres://${auth}@/mutasi?host=127.0.0.1&port=${port}`, // the form for a socket directory
    ];
    for (const url of forms) {
      const app = await startChildApp(primary.url(), { DATABASE_REPLICA_URLS: url }, 60_000);
      try {
        const health = (await (await fetch(`${app.url}/health`)).json()) as any;
        expect([url, health.replicas]).toEqual([url, [expect.objectContaining({ replica: 1, inReads: true })]]);
        expect([url, await unit(app)]).toEqual([url, 'NOT_FOUND']);
      } finally {
        await app.kill();
      }
    }
  }, 120_000);

  it('keeps a standby of another cluster out of reads: its data is not this primary\'s', async () => {
    const other = await startPrimary(join(base, 'other-primary'));
    const foreign = await startStandby(other, join(base, 'other-standby'));
    const app = await startChildApp(primary.url(), { DATABASE_REPLICA_URLS: foreign.url() }, 60_000);
    try {
      const health = (await (await fetch(`${app.url}/health`)).json()) as any;
      expect(health).toMatchObject({ status: 'degraded', replicas: [{ replica: 1, state: 'down', inReads: false }] });
      const body = (await (await gql(app, '{ organization(code: "PEMKOT-BKS") { name } }')).json()) as any;
      expect(body).toEqual({ data: { organization: { name: 'Pemerintah Kota Bekasi' } } });
    } finally {
      await app.kill();
    }
  }, 60_000);

  it('gives every replica connection back when clients hang up: 40 aborted reads later the standby still serves reads', async () => {
    const gqlBody = JSON.stringify({ query: `{ organization(code: "${code}") { name ancestors { code name } } }` });
    type Aborted = { path: string; init: RequestInit; at: 'headers' | 'sent' };
    const aborted: Aborted[] = [
      // Hung up once the answer starts: a page, an export, a feed.
      ...['/unit/PEMKOT-BKS', '/exports/popolo.json', '/exports/appointments.xlsx', '/feeds/events.atom', '/no-such-page'].map((path): Aborted => ({ path, init: {}, at: 'headers' })),
      // Hung up while the read waits for the standby to replay the write (it never will: paused).
      { path: '/unit/PEMKOT-BKS', init: { headers: { 'x-mutasi-lsn': position } }, at: 'sent' },
      { path: '/graphql', init: { method: 'POST', headers: { 'content-type': 'application/json', 'x-mutasi-lsn': position }, body: gqlBody }, at: 'sent' },
      { path: '/graphql', init: { method: 'POST', headers: { 'content-type': 'application/json' }, body: gqlBody }, at: 'sent' },
    ];
    for (let round = 0; round < 5; round++) {
      await Promise.all(
        aborted.map(async ({ path, init, at }) => {
          const abort = new AbortController();
          const answer = fetch(`${a.url}${path}`, { ...init, signal: abort.signal });
          if (at === 'sent') setImmediate(() => abort.abort());
          else await answer.then(() => abort.abort(), () => undefined);
          await answer.catch(() => undefined);
        }),
      );
    }
    // Read from the standby (the unit written since the pause is not there), not from the primary after a pool that ran dry.
    expect(await unit(a)).toBe('NOT_FOUND');
    expect((await fetch(`${a.url}/unit/${code}`)).status).toBe(404);
    const [{ n }] = await standby.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_stat_activity WHERE usename = 'mutasi' AND backend_type = 'client backend' AND pid <> pg_backend_pid()");
    expect(n).toBeLessThanOrEqual(10);
  }, 60_000);

  /** Stops (SIGSTOP) or resumes (SIGCONT) every process of a node's server: a host that hangs, sockets open but nothing answering. */
  const signalServer = (node: PgNode, signal: 'SIGSTOP' | 'SIGCONT') => {
    const postmaster = Number(readFileSync(join(node.dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    const children = execFileSync('ps', ['-o', 'pid=', '--ppid', String(postmaster)], { encoding: 'utf8' }).split('\n').filter((l) => l.trim()).map(Number);
    for (const pid of [postmaster, ...children]) process.kill(pid, signal);
  };

  it('takes a standby that hangs (answers nothing, closes nothing) out of reads, and reads the primary', async () => {
    signalServer(standby, 'SIGSTOP');
    try {
      let health: any;
      for (const deadline = Date.now() + 30_000; Date.now() < deadline; await sleep(500)) {
        health = await (await fetch(`${a.url}/health`, { signal: AbortSignal.timeout(10_000) })).json();
        if (health.replicas[0].inReads === false) break;
      }
      expect(health).toMatchObject({ status: 'degraded', database: 'up', replicas: [{ state: 'down', inReads: false }] });
      const res = await fetch(`${a.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: `{ organization(code: "${code}") { name } }` }),
        signal: AbortSignal.timeout(15_000),
      });
      expect(await res.json()).toEqual({ data: { organization: { name: `Unit ${code}` } } });
    } finally {
      signalServer(standby, 'SIGCONT');
    }
  }, 60_000);

  it('answers /health from the primary however the path is spelled', async () => {
    // A migration row the paused standby has not got: the primary counts one more.
    await primary.query("INSERT INTO migrations (timestamp, name) VALUES (1, 'RoutingProbe1')");
    const applied: Record<string, number> = {};
    for (const path of ['/health', '/health/', '/HEALTH']) applied[path] = ((await (await fetch(`${a.url}${path}`)).json()) as any).migrations.applied;
    const n = applied['/health'];
    expect(applied).toEqual({ '/health': n, '/health/': n, '/HEALTH': n });
  });

  it('answers a write with its position on an instance whose replicas were all left out at its start: the others read replicas', async () => {
    const w = await startChildApp(primary.url(), { DATABASE_REPLICA_URLS: `postgres://mutasi:x@127.0.0.1:${await freePort()}/mutasi` }, 60_000);
    try {
      const res = await gql(w, 'mutation { createOrganization(input: { code: "ROUTING-2", name: "Unit ROUTING-2", kind: AGENCY, parentCode: "PEMKOT-BKS" }) { code } }', { authorization: `Bearer ${hr}` });
      expect(res.status).toBe(200);
      const written = res.headers.get('x-mutasi-lsn');
      expect(written).toMatch(/^[0-9A-F]+\/[0-9A-F]+$/);
      // A, reading the paused standby, sees the write only given its position.
      const body = (await (await gql(a, '{ organization(code: "ROUTING-2") { name } }', { 'x-mutasi-lsn': written! })).json()) as any;
      expect(body).toEqual({ data: { organization: { name: 'Unit ROUTING-2' } } });
    } finally {
      await w.kill();
    }
  }, 60_000);

  it('reads an import\'s rows where it reads the import, the primary: a dry run read back at once has its rows', async () => {
    const form = new FormData();
    const csv = ['No;Nama;NIP;Jabatan Lama;Jabatan Baru;Keterangan', '1;Budi Santoso;19780512 200501 1 005;Sekretaris Dinas Kesehatan;-;Pensiun'].join('\r\n');
    form.append('file', new Blob([csv]), 'pensiun.csv');
    for (const [k, v] of Object.entries({ issuer: 'Wali Kota Bekasi', title: 'Pemberhentian dengan hormat', swornInOn: 'Jumat, 3 Juli 2026' })) form.append(k, v);
    const dryRun = await fetch(`${a.url}/imports`, { method: 'POST', headers: { authorization: `Bearer ${hr}` }, body: form });
    expect(dryRun.status).toBe(201);
    const { import: created, rows } = (await dryRun.json()) as any;
    expect(rows).toHaveLength(1);
    importId = created.id;
    // The standby is paused: it has neither the import nor its row, and the import is read on the primary.
    const read = await fetch(`${a.url}/imports/${created.id}`, { headers: { authorization: `Bearer ${hr}` } });
    const body = (await read.json()) as any;
    expect([read.status, `${body.rows?.length} of ${body.import?.rowCount} rows`]).toEqual([200, '1 of 1 rows']);
  });

  it('lists API keys with their governments from one database: a key just made for a government is not shown acting for none', async () => {
    const admin = await createKeyWithCli(primary.url(), 'ADMIN', 'routing admin');
    const made = await gql(a, 'mutation { createApiKey(input: { role: HR, label: "routing scoped", governments: ["PEMKOT-BKS"] }) { apiKey { label } } }', { authorization: `Bearer ${admin}` });
    expect(((await made.json()) as any).data).toEqual({ createApiKey: { apiKey: { label: 'routing scoped' } } });
    // The keys come from the primary (a repository); their governments must too, not from the paused standby.
    const list = (await (await gql(a, '{ apiKeys { label allGovernments governments { code } } }', { authorization: `Bearer ${admin}` })).json()) as any;
    expect(list.data.apiKeys.find((k: any) => k.label === 'routing scoped')).toEqual({ label: 'routing scoped', allGovernments: false, governments: [{ code: 'PEMKOT-BKS' }] });
  });

  it('reads a list and the fields under it in one place: a post made since the pause is in neither the list nor the search page, and the list carrying its position has it whole', async () => {
    const ours = { authorization: `Bearer ${hr}` };
    const [{ id }] = await primary.query<{ id: string }>(`SELECT id::text FROM organizations WHERE code = '${code}'`);
    const made = await gql(a, `mutation { createPosition(input: { code: "ROUTING-POST", title: "Kepala Seksi Uji Rute", category: EXECUTOR, organizationId: "${id}" }) { code } }`, ours);
    const written = made.headers.get('x-mutasi-lsn')!;
    expect(((await made.json()) as any).data).toEqual({ createPosition: { code: 'ROUTING-POST' } });
    // The list is a TypeORM query builder's, Position.organization a loader's: both on the standby, or both on the primary.
    const list = async (headers: Record<string, string> = {}) => (await (await gql(a, '{ positions(search: "Uji Rute") { edges { node { code organization { code } } } } }', headers)).json()) as any;
    expect(await list()).toEqual({ data: { positions: { edges: [] } } });
    expect(await list({ 'x-mutasi-lsn': written })).toEqual({ data: { positions: { edges: [{ node: { code: 'ROUTING-POST', organization: { code } } }] } } });
    const page = await fetch(`${a.url}/cari?q=${encodeURIComponent('Uji Rute')}`);
    expect(page.status).toBe(200);
    expect(await page.text()).not.toContain('Kepala Seksi Uji Rute');
  });

  it('lists units with their parents from one database: a unit made since the pause is not shown as a government', async () => {
    const ours = { authorization: `Bearer ${hr}` };
    await gql(a, `mutation { createOrganization(input: { code: "ROUTING-CHILD", name: "Anak Uji Rute", kind: AGENCY, parentCode: "${code}" }) { code } }`, ours);
    const [, written] = await primary.query<{ lsn: string }>('SELECT pg_current_wal_lsn()::text AS lsn').then((r) => [r, r[0].lsn]);
    const list = async (headers: Record<string, string> = {}) =>
      ((await (await gql(a, '{ organizations(search: "Anak Uji Rute") { edges { node { code parent { code } } } } }', headers)).json()) as any).data.organizations.edges.map((e: any) => e.node);
    expect(await list()).toEqual([]);
    expect(await list({ 'x-mutasi-lsn': written as string })).toEqual([{ code: 'ROUTING-CHILD', parent: { code } }]);
  });

  it('reads a query for apiKeys wholly on the primary however it is spelled: through fragments in fragments, GET /graphql/ or /GraphQL', async () => {
    const admin = await createKeyWithCli(primary.url(), 'ADMIN', 'routing admin 2');
    const headers = { authorization: `Bearer ${admin}` };
    const made = await gql(a, 'mutation { createApiKey(input: { role: HR, label: "routing spelled", governments: ["PEMKOT-BKS"] }) { apiKey { label } } }', headers);
    expect(((await made.json()) as any).data).toEqual({ createApiKey: { apiKey: { label: 'routing spelled' } } });
    const pick = async (res: Response) => ((await res.json()) as any).data.apiKeys.find((k: any) => k.label === 'routing spelled');
    const query = '{ apiKeys { label governments { code } } }';
    const got: Record<string, unknown> = {
      nested: await pick(await gql(a, '{ ... on Query { ...K } } fragment K on Query { ...L } fragment L on Query { apiKeys { label governments { code } } }', headers)),
    };
    for (const path of ['/graphql', '/graphql/', '/GraphQL', '/graphql//']) got[path] = await pick(await fetch(`${a.url}${path}?query=${encodeURIComponent(query)}`, { headers: { ...headers, 'apollo-require-preflight': '1' } }));
    const right = { label: 'routing spelled', governments: [{ code: 'PEMKOT-BKS' }] };
    expect(got).toEqual({ nested: right, '/graphql': right, '/graphql/': right, '/GraphQL': right, '/graphql//': right });
  });

  it('honours the cookie\'s position when the request also sends an empty or unparsable X-Mutasi-Lsn', async () => {
    const read = async (headers: Record<string, string>) => ((await (await gql(a, `{ organization(code: "${code}") { name } }`, headers)).json()) as any).data?.organization?.name ?? 'STALE';
    const cookie = `mutasi_lsn=${position}`;
    expect({ junk: await read({ cookie, 'x-mutasi-lsn': 'junk' }), empty: await read({ cookie, 'x-mutasi-lsn': '' }) }).toEqual({ junk: `Unit ${code}`, empty: `Unit ${code}` });
  });

  it('checks the standby on a connection of its own, and gives a read\'s connection back when its client hangs up while it waits', async () => {
    // Two connections to the standby, both held by reads waiting 20 s for a position the paused standby will not reach.
    const c = await startChildApp(primary.url(), { DATABASE_REPLICA_URLS: standby.url(), DATABASE_REPLICA_MAX_LAG_SECONDS: '3600', DATABASE_POOL_SIZE: '2', DATABASE_REPLICA_WAIT_MS: '20000' }, 60_000);
    try {
      const abort = new AbortController();
      const waiting = [1, 2].map(() => gql(c, '{ organization(code: "PEMKOT-BKS") { name } }', { 'x-mutasi-lsn': position }, abort.signal).catch(() => undefined));
      await sleep(7000); // longer than a check waits for a connection (5 s)
      expect(((await (await fetch(`${c.url}/health`)).json()) as any).replicas[0]).toMatchObject({ state: 'up', inReads: true });
      abort.abort();
      await Promise.all(waiting);
      // The standby answers (NOT_FOUND: the unit written since the pause), not the primary after a pool held for the whole wait.
      expect(await unit(c)).toBe('NOT_FOUND');
      expect(c.output()).not.toContain('is out of reads');
    } finally {
      await c.kill();
    }
  }, 60_000);

  it('runs a request\'s statements one at a time on its replica connection: node-postgres never warns of its own queue', async () => {
    const res = await gql(a, '{ rotationEvent(id: "11") { transfers { official { name } fromPosition { code organization { code } } toPosition { code organization { code } } } } organization(code: "DINKES") { children { code } } }');
    expect(((await res.json()) as any).errors).toBeUndefined();
    expect((await fetch(`${a.url}/pelantikan/11`)).status).toBe(200);
    expect(a.output()).not.toContain('already executing a query');
  });

  it('keeps a standby far behind out of reads from an instance\'s first check, though its samples begin then', async () => {
    await sleep(Math.max(0, pausedAt + 12_000 - Date.now())); // the paused standby has replayed nothing for 12 s
    const late = await startChildApp(primary.url(), { DATABASE_REPLICA_URLS: standby.url(), DATABASE_REPLICA_MAX_LAG_SECONDS: '10' }, 60_000);
    try {
      const health = (await (await fetch(`${late.url}/health`)).json()) as any;
      expect(health.replicas[0]).toMatchObject({ state: 'behind', inReads: false });
      expect(health.replicas[0].lagSeconds).toBeGreaterThan(10);
      expect(await unit(late)).toBe(`Unit ${code}`);
    } finally {
      await late.kill();
    }
  }, 60_000);

  it('with a primary that hangs: once the checks find it gone, writes answer 503 at once, keyed reads and the admin lists go on from the standby', async () => {
    await standby.query('SELECT pg_wal_replay_resume()');
    const admin = await createKeyWithCli(primary.url(), 'ADMIN', 'routing admin hung');
    await waitForReplay(primary, standby);
    signalServer(primary, 'SIGSTOP');
    try {
      let health: any;
      for (const deadline = Date.now() + 30_000; Date.now() < deadline; await sleep(500)) {
        health = await (await fetch(`${a.url}/health`, { signal: AbortSignal.timeout(15_000) })).json();
        if (health.database === 'down') break;
      }
      expect(health).toMatchObject({ status: 'degraded', database: 'down', replicas: [{ state: 'up', inReads: true }] });
      // Refused before it is tried: an idle pooled connection to the hung server would hold its statement for good.
      const write = await fetch(`${a.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${hr}` },
        body: JSON.stringify({ query: 'mutation { createOrganization(input: { code: "ROUTING-HUNG", name: "Tidak tercatat", kind: AGENCY, parentCode: "PEMKOT-BKS" }) { code } }' }),
        signal: AbortSignal.timeout(20_000),
      });
      const { message, extensions } = ((await write.json()) as any).errors[0];
      expect([write.status, write.headers.get('retry-after'), extensions.domainCode, message]).toEqual([503, '5', 'DATABASE_UNAVAILABLE', expect.stringContaining('nothing was changed')]);
      const read = await gql(a, `{ organization(code: "${code}") { name } }`, { authorization: `Bearer ${hr}` }, AbortSignal.timeout(20_000));
      expect(await read.json()).toEqual({ data: { organization: { name: `Unit ${code}` } } });
      // Read on the primary while it answers; on a pooled connection to the hung one they would wait for good.
      const keys = await gql(a, '{ apiKeys { label } }', { authorization: `Bearer ${admin}` }, AbortSignal.timeout(20_000));
      expect(((await keys.json()) as any).data.apiKeys).toContainEqual({ label: 'routing admin hung' });
      const imports = await fetch(`${a.url}/imports/${importId}`, { headers: { authorization: `Bearer ${hr}` }, signal: AbortSignal.timeout(20_000) });
      expect(imports.status).toBe(200);
    } finally {
      signalServer(primary, 'SIGCONT');
    }
    for (const deadline = Date.now() + 15_000; Date.now() < deadline; await sleep(200)) if (((await (await fetch(`${a.url}/health`)).json()) as any).database === 'up') break;
  }, 90_000);

  /** Runs `fn` while the primary holds organizations locked: the standby replays the lock, and its reads of that table wait behind it. */
  const withOrganizationsLocked = async (fn: () => Promise<void>) => {
    const locker = new pg.Client({ connectionString: primary.url() });
    await locker.connect();
    try {
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE organizations IN ACCESS EXCLUSIVE MODE');
      await primary.query('CREATE TABLE IF NOT EXISTS routing_flush (x int); INSERT INTO routing_flush VALUES (1)'); // the lock's WAL, flushed
      await waitForReplay(primary, standby);
      await fn();
    } finally {
      await locker.query('ROLLBACK').catch(() => undefined);
      await locker.end();
    }
  };
  /** The standby's backends of ours waiting for a lock: the reads the lock holds. */
  const blockedOnStandby = () => standby.query<{ pid: number }>("SELECT pid FROM pg_stat_activity WHERE usename = 'mutasi' AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()");

  it('closes a replica connection still reading when its answer has gone (a non-null field failed first), rather than hand it busy to the next request', async () => {
    await withOrganizationsLocked(async () => {
      for (let n = 0; n < 3; n++) {
        // `official` fails at once (NOT_FOUND, non-null: the answer goes), `organization` waits on the standby behind the lock.
        const early = await gql(a, '{ official(id: "999999") { id } organization(code: "PEMKOT-BKS") { name } }', {}, AbortSignal.timeout(20_000));
        expect(((await early.json()) as any).errors[0].extensions.code).toBe('NOT_FOUND');
      }
      // Officials do not need organizations: on a connection of its own this read answers under the lock.
      const other = await gql(a, '{ officials(first: 1) { edges { node { name } } } }', {}, AbortSignal.timeout(20_000));
      expect(((await other.json()) as any).data.officials.edges).toHaveLength(1);
    });
  }, 90_000);

  it('answers 503, not 500, when the replica connection breaks under a request with statements queued on it', async () => {
    await withOrganizationsLocked(async () => {
      const answer = gql(a, '{ o: organization(code: "PEMKOT-BKS") { name } p: officials(first: 1) { edges { node { name } } } }', {}, AbortSignal.timeout(20_000));
      const page = fetch(`${a.url}/unit/PEMKOT-BKS`, { signal: AbortSignal.timeout(20_000) });
      let blocked: { pid: number }[] = [];
      for (const deadline = Date.now() + 10_000; blocked.length < 2 && Date.now() < deadline; await sleep(100)) blocked = await blockedOnStandby();
      expect(blocked.length).toBe(2);
      for (const { pid } of blocked) await standby.query('SELECT pg_terminate_backend($1)', [pid]);
      const res = await answer;
      const codes = (((await res.json()) as any).errors as any[]).map((e) => e.extensions.code);
      expect([res.status, new Set(codes)]).toEqual([503, new Set(['SERVICE_UNAVAILABLE'])]);
      const shown = await page;
      expect([shown.status, shown.headers.get('retry-after')]).toEqual([503, '5']);
    });
    // Cut at any moment of a page's or a query's reads: the answer is whole or a 503, never a 500.
    const seen = new Set<string>();
    const reads = [() => fetch(`${a.url}/unit/PEMKOT-BKS`), () => fetch(`${a.url}/pejabat/1`), () => gql(a, '{ officials(first: 50) { edges { node { name government { name } } } } }')];
    for (let round = 0; round < 30; round++) {
      const answer = reads[round % reads.length]().then((r) => r.status);
      await sleep(5 + (round % 8) * 6);
      await standby.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = 'mutasi' AND backend_type = 'client backend' AND pid <> pg_backend_pid() AND query NOT LIKE 'SELECT pg_is_in_recovery()%'");
      seen.add(String(await answer));
    }
    expect([...seen].filter((status) => status !== '200' && status !== '503')).toEqual([]);
  }, 90_000);

  it('without the primary, lists and the pages that show them go on from the standby; a page that cannot be read says when to retry', async () => {
    await primary.stop();
    for (const deadline = Date.now() + 15_000; Date.now() < deadline; await sleep(200)) if (((await (await fetch(`${a.url}/health`)).json()) as any).database === 'down') break;
    const got: Record<string, number> = {};
    for (const query of ['{ organizations(first: 1) { edges { node { code } } } }', '{ positions(first: 1) { edges { node { code } } } }', '{ governments { code } }']) got[query] = (await gql(a, query)).status;
    for (const path of ['/', '/cari?q=kepala', '/unduh', '/pemerintah/32.75']) got[path] = (await fetch(`${a.url}${path}`)).status;
    expect(Object.values(got)).toEqual(Array(7).fill(200));
    await standby.stop();
    const page = await fetch(`${a.url}/unit/PEMKOT-BKS`);
    expect([page.status, page.headers.get('retry-after')]).toEqual([503, '5']);
  }, 60_000);
});
