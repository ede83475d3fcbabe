import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { createKeyWithCli, killAllChildren, startChildApp, type ChildApp } from './support/child-app.js';
import { startPrimary, startStandby, stopAll, waitForReplay, type PgNode } from './support/pg-cluster.js';

/**
 * The scale-out topology for real: a PostgreSQL primary and a streaming standby (bundled
 * binaries, low-level base backup) and two Mutasi processes on their own ports, both reading
 * from the standby. A is strict about lag (2 s), B lenient (the default 30 s).
 */
describe('two instances, a primary and a streaming standby', () => {
  let base: string;
  let primary: PgNode;
  let standby: PgNode;
  let a: ChildApp;
  let b: ChildApp;
  let hr: string;
  let limited: string;
  let units = 0;

  beforeAll(async () => {
    base = mkdtempSync(join(tmpdir(), 'mutasi-cluster-'));
    primary = await startPrimary(join(base, 'primary'));
    standby = await startStandby(primary, join(base, 'standby'));
    // Keys are counted per key: 20 requests per hour, for the rate-limit test's key; the others stay well under.
    const env = { DATABASE_REPLICA_URLS: standby.url(), RATE_LIMIT_PER_KEY: '20', RATE_LIMIT_WINDOW_SECONDS: '3600' };
    // A first: it applies the migrations and loads the Kota Bekasi demo.
    // A logs its warnings too (replicas out of reads, the rate limiter's fallback).
    a = await startChildApp(primary.url(), { ...env, SEED_DEMO: 'true', DATABASE_REPLICA_MAX_LAG_SECONDS: '2', LOG_LEVEL: 'warn' }, 120_000);
    b = await startChildApp(primary.url(), env, 60_000);
    hr = await createKeyWithCli(primary.url(), 'HR', 'cluster HR');
    limited = await createKeyWithCli(primary.url(), 'ANALYST', 'cluster rate limit');
    await waitForReplay(primary, standby);
  }, 240_000);

  afterAll(async () => {
    await killAllChildren();
    await stopAll();
    if (base) rmSync(base, { recursive: true, force: true });
  });

  const gql = (app: ChildApp, query: string, headers: Record<string, string> = {}) =>
    fetch(`${app.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });
  const health = async (app: ChildApp) => {
    const res = await fetch(`${app.url}/health`);
    return { status: res.status, body: (await res.json()) as any };
  };
  /** Polls until `test` holds, at most 15 s. */
  const eventually = async <T>(get: () => Promise<T>, test: (value: T) => boolean): Promise<T> => {
    let value = await get();
    for (const deadline = Date.now() + 15_000; !test(value) && Date.now() < deadline; value = await get()) await sleep(200);
    return value;
  };
  /** Records a new unit under Kota Bekasi through A; returns its code and the answer's WAL position. */
  const newUnit = async () => {
    const code = `CLUSTER-${++units}`;
    const res = await gql(a, `mutation { createOrganization(input: { code: "${code}", name: "Unit ${code}", kind: AGENCY, parentCode: "PEMKOT-BKS" }) { code } }`, { authorization: `Bearer ${hr}` });
    expect([res.status, ((await res.json()) as any).data]).toEqual([200, { createOrganization: { code } }]);
    const position = res.headers.get('x-mutasi-lsn');
    expect(position).toMatch(/^[0-9A-F]+\/[0-9A-F]+$/);
    return { code, position: position! };
  };
  /** The unit's name as `app` reads it, or its error code. */
  const unit = async (app: ChildApp, code: string, headers: Record<string, string> = {}) => {
    const body = (await (await gql(app, `{ organization(code: "${code}") { name } }`, headers)).json()) as any;
    return body.data?.organization?.name ?? body.errors[0].extensions.code;
  };
  const exportedCodes = async (app: ChildApp) => {
    const res = await fetch(`${app.url}/exports/popolo.json`);
    expect(res.status).toBe(200);
    const popolo = (await res.json()) as { organizations: { identifiers: { identifier: string }[] }[] };
    return popolo.organizations.map((o) => o.identifiers[0].identifier);
  };

  it('reports the standby in /health on both instances, caught up and in reads', async () => {
    for (const app of [a, b]) {
      const { status, body } = await eventually(() => health(app), (h) => h.body.replicas?.[0]?.lagBytes === 0);
      expect(status).toBe(200);
      expect(body).toMatchObject({ status: 'ok', database: 'up', replicas: [{ replica: 1, state: 'up', lagBytes: 0, lagSeconds: 0, inReads: true }] });
    }
  });

  describe('while the standby has stopped replaying', () => {
    let code: string;
    let position: string;
    beforeAll(async () => {
      await standby.query('SELECT pg_wal_replay_pause()');
      ({ code, position } = await newUnit());
    });
    afterAll(async () => {
      await standby.query('SELECT pg_wal_replay_resume()');
      await waitForReplay(primary, standby);
    });

    it('B reads GraphQL queries from the standby: without the write position the new unit is not there yet', async () => {
      expect(await unit(b, code)).toBe('NOT_FOUND');
    });

    it('B reads exports from the standby too', async () => {
      const codes = await exportedCodes(b);
      expect(codes).toContain('PEMKOT-BKS');
      expect(codes).not.toContain(code);
    });

    it('a read through B carrying the write position sees the write (the standby cannot have it: the primary answers)', async () => {
      expect(await unit(b, code, { 'x-mutasi-lsn': position })).toBe(`Unit ${code}`);
      // A browser carries the position in the cookie the write set.
      const page = await fetch(`${b.url}/unit/${code}`, { headers: { cookie: `mutasi_lsn=${position}` } });
      expect(page.status).toBe(200);
      expect(await page.text()).toContain(`Unit ${code}`);
    });

    it('ignores a position the primary has not reached: made up, it would only make reads wait', async () => {
      expect(await unit(b, code, { 'x-mutasi-lsn': 'FFFFFFFF/FFFFFFFF' })).toBe('NOT_FOUND');
    });

    it('A, strict about lag, takes the standby out of reads once it is 2 s behind, and reads the primary', async () => {
      const { status, body } = await eventually(() => health(a), (h) => h.body.replicas[0].inReads === false);
      expect(status).toBe(200);
      expect(body).toMatchObject({ status: 'degraded', database: 'up', replicas: [{ state: 'behind', inReads: false }] });
      expect(body.replicas[0].lagBytes).toBeGreaterThan(0);
      expect(body.replicas[0].lagSeconds).toBeGreaterThan(2);
      expect(await unit(a, code)).toBe(`Unit ${code}`);
      expect(await exportedCodes(a)).toContain(code);
    });
  });

  it('gives a REST write (a lampiran uploaded for its dry run) its position too', async () => {
    const form = new FormData();
    form.append('file', new Blob([readFileSync(new URL('./fixtures/lampiran-bekasi.xlsx', import.meta.url))]), 'lampiran-bekasi.xlsx');
    for (const [k, v] of Object.entries({ title: 'Pelantikan', issuer: 'Wali Kota Bekasi', swornInOn: '5 Juni 2026' })) form.append(k, v);
    const res = await fetch(`${a.url}/imports`, { method: 'POST', headers: { authorization: `Bearer ${hr}` }, body: form });
    expect(res.status).toBe(201);
    expect(res.headers.get('x-mutasi-lsn')).toMatch(/^[0-9A-F]+\/[0-9A-F]+$/);
    // The cookie lives DATABASE_REPLICA_MAX_LAG_SECONDS (A's: 2) and three checks: by then a replica still in reads has the write.
    expect(res.headers.get('set-cookie')).toMatch(/^mutasi_lsn=[0-9A-F]+\/[0-9A-F]+; Path=\/; Max-Age=5; SameSite=Lax; HttpOnly$/);
  });

  it('once the standby replays again, B reads the write from it, and A takes it back', async () => {
    const { code } = await newUnit();
    await waitForReplay(primary, standby);
    expect(await unit(b, code)).toBe(`Unit ${code}`);
    expect(await exportedCodes(b)).toContain(code);
    const { body } = await eventually(() => health(a), (h) => h.body.replicas[0].inReads === true);
    expect(body).toMatchObject({ status: 'ok', replicas: [{ state: 'up', inReads: true }] });
  });

  it('keeps answering reads while the standby is stopped, from the primary, and uses the standby again once it is back', async () => {
    await standby.stop();
    try {
      // At once, before any check has noticed: the failed connection falls back to the primary.
      for (const app of [a, b]) {
        expect(await unit(app, 'PEMKOT-BKS')).toBe('Pemerintah Kota Bekasi');
        expect((await fetch(`${app.url}/pelantikan/11`)).status).toBe(200);
        expect(await exportedCodes(app)).toContain('PEMKOT-BKS');
      }
      const { status, body } = await eventually(() => health(b), (h) => h.body.replicas[0].state === 'down');
      expect(status).toBe(200);
      expect(body).toMatchObject({ status: 'degraded', database: 'up', replicas: [{ state: 'down', lagBytes: null, inReads: false }] });
      const { code } = await newUnit();
      expect(await unit(b, code)).toBe(`Unit ${code}`);
    } finally {
      await standby.start();
    }
    await waitForReplay(primary, standby);
    const { body } = await eventually(() => health(b), (h) => h.body.replicas[0].inReads === true);
    expect(body.status).toBe('ok');
  });

  it('takes a standby that was down when the instance started into its reads once it answers', async () => {
    await standby.stop();
    const c = await startChildApp(primary.url(), { DATABASE_REPLICA_URLS: standby.url() }, 60_000);
    try {
      expect((await health(c)).body).toMatchObject({ status: 'degraded', replicas: [{ replica: 1, state: 'left out', inReads: false }] });
      await standby.start();
      await waitForReplay(primary, standby);
      const { body } = await eventually(() => health(c), (h) => h.body.replicas[0].inReads === true);
      expect(body).toMatchObject({ status: 'ok', replicas: [{ state: 'up', lagBytes: 0 }] });
      // It reads the standby now: a write the paused standby has not replayed is not there.
      await standby.query('SELECT pg_wal_replay_pause()');
      const { code } = await newUnit();
      expect(await unit(c, code)).toBe('NOT_FOUND');
    } finally {
      await standby.query('SELECT pg_wal_replay_resume()').catch(() => undefined);
      await c.kill();
    }
    await waitForReplay(primary, standby);
  });

  it('counts a key once across A and B: 20 requests an hour admitted in all, not 20 by each', async () => {
    const statuses: number[] = [];
    for (let n = 0; n < 30; n++) statuses.push((await gql(n % 2 === 0 ? a : b, '{ __typename }', { authorization: `Bearer ${limited}` })).status);
    expect(statuses.slice(0, 20)).toEqual(Array(20).fill(200));
    expect(statuses.slice(20)).toEqual(Array(10).fill(429));
  });

  it('without the primary: writes answer 503 DATABASE_UNAVAILABLE, reads go on from the standby, with a key or without', async () => {
    await primary.stop();
    const write = await gql(a, `mutation { createOrganization(input: { code: "CLUSTER-NONE", name: "Tidak tercatat", kind: AGENCY, parentCode: "PEMKOT-BKS" }) { code } }`, { authorization: `Bearer ${hr}` });
    expect(write.status).toBe(503);
    expect(write.headers.get('retry-after')).toBe('5');
    expect(((await write.json()) as any).errors[0].extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', domainCode: 'DATABASE_UNAVAILABLE' });
    for (const app of [a, b]) {
      // The key is checked on the standby: nobody can revoke one without the primary.
      expect(await unit(app, 'PEMKOT-BKS', { authorization: `Bearer ${hr}` })).toBe('Pemerintah Kota Bekasi');
      expect(await unit(app, 'PEMKOT-BKS')).toBe('Pemerintah Kota Bekasi');
      expect((await fetch(`${app.url}/pelantikan/11`)).status).toBe(200);
      expect(await exportedCodes(app)).toContain('PEMKOT-BKS');
      const { status, body } = await eventually(() => health(app), (h) => h.body.database === 'down');
      expect(status).toBe(200);
      expect(body).toMatchObject({ status: 'degraded', database: 'down', migrations: null, replicas: [{ state: 'up', inReads: true }] });
    }
    // The rate limits go on, each instance counting alone, and the log says so.
    expect(a.output()).toContain("The database failed the api rate limiter: counting in this instance's memory until it answers");
  });

  it('with neither the primary nor the standby: a page answers 503 in words a reader understands, /health 503', async () => {
    await standby.stop();
    const page = await fetch(`${b.url}/pelantikan/11`);
    expect(page.status).toBe(503);
    const html = await page.text();
    expect(html).toContain('Basis data sedang tidak dapat dihubungi; tidak ada yang diubah.');
    expect(html).not.toMatch(/ECONNREFUSED|QueryFailedError|at \w+ \(/);
    const english = await fetch(`${b.url}/pelantikan/11?lang=en`);
    expect([english.status, await english.text()]).toEqual([503, expect.stringContaining('The database cannot be reached right now; nothing was changed.')]);
    const { status, body } = await eventually(() => health(b), (h) => h.status === 503);
    expect([status, body.status]).toEqual([503, 'error']);
  });
});
