import { DataSource } from 'typeorm';
import { startTestApp, type TestApp } from './support/app.js';

/** Two instances of the app on one database, as behind a load balancer: their rate limits are one. */
describe('rate limits across instances', () => {
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    const env = { RATE_LIMIT_ANONYMOUS: '4', RATE_LIMIT_PER_KEY: '6', RATE_LIMIT_WINDOW_SECONDS: '60' };
    a = await startTestApp(env);
    b = await startTestApp(env, { databaseUrl: a.databaseUrl });
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  const ask = (instance: TestApp, headers: Record<string, string> = {}) =>
    instance.http().post('/graphql').set({ 'content-type': 'application/json', ...headers }).send({ query: '{ __typename }' });
  /** The nth request (from 0) goes to A if n is even, to B if odd. */
  const alternate = (n: number) => (n % 2 === 0 ? a : b);

  it('counts an anonymous caller once across A and B: the limit trips at the configured total', async () => {
    for (let n = 0; n < 4; n++) expect([n, (await ask(alternate(n))).status]).toEqual([n, 200]);
    for (const instance of [a, b]) {
      const refused = await ask(instance);
      expect(refused.status).toBe(429);
      expect(refused.body.errors[0].extensions.code).toBe('RATE_LIMITED');
    }
  });

  it('counts a key once across A and B, whichever instance made it, and other keys apart', async () => {
    for (let n = 0; n < 6; n++) expect([n, (await ask(alternate(n), a.auth.HR)).status]).toEqual([n, 200]);
    expect((await ask(a, a.auth.HR)).status).toBe(429);
    expect((await ask(b, a.auth.HR)).status).toBe(429);
    expect((await ask(b, a.auth.ANALYST)).status).toBe(200);
  });

  it('counts the pages across A and B too, apart from the API', async () => {
    // The anonymous API budget is spent (first test); the pages have their own.
    for (let n = 0; n < 4; n++) expect([n, (await alternate(n).http().get('/')).status]).toEqual([n, 200]);
    expect((await a.http().get('/')).status).toBe(429);
    expect((await b.http().get('/')).status).toBe(429);
  });
});

describe('rate limits when the database fails the limiter', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMIT_ANONYMOUS: '2', RATE_LIMIT_WINDOW_SECONDS: '60' });
    // No request has reached the limiter yet: its first query finds no table.
    await t.app.get(DataSource).query('DROP TABLE rate_limit_counters');
  });
  afterAll(() => t.close());

  it('answers without a 500 and still holds the limit in this instance', async () => {
    const ask = () => t.http().post('/graphql').set('content-type', 'application/json').send({ query: '{ __typename }' });
    expect((await ask()).status).toBe(200);
    expect((await ask()).status).toBe(200);
    expect((await ask()).status).toBe(429);
  });
});

describe('rate limits behind a load balancer (TRUST_PROXY)', () => {
  const ask = (t: TestApp, forwardedFor: string) => t.http().post('/graphql').set({ 'content-type': 'application/json', 'x-forwarded-for': forwardedFor }).send({ query: '{ __typename }' });

  it('counts each client the proxy names apart when the proxy is trusted', async () => {
    const t = await startTestApp({ RATE_LIMIT_ANONYMOUS: '2', TRUST_PROXY: 'loopback' });
    try {
      for (const client of ['203.0.113.7', '203.0.113.7', '198.51.100.9', '198.51.100.9']) expect([client, (await ask(t, client)).status]).toEqual([client, 200]);
      expect((await ask(t, '203.0.113.7')).status).toBe(429);
    } finally {
      await t.close();
    }
  });

  it('ignores X-Forwarded-For without TRUST_PROXY: a caller cannot make itself someone new', async () => {
    const t = await startTestApp({ RATE_LIMIT_ANONYMOUS: '2' });
    try {
      expect((await ask(t, '203.0.113.7')).status).toBe(200);
      expect((await ask(t, '198.51.100.9')).status).toBe(200);
      expect((await ask(t, '192.0.2.1')).status).toBe(429);
    } finally {
      await t.close();
    }
  });
});
