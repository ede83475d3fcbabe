import pg from 'pg';
import { createTestDatabase, dropTestDatabase } from './support/database.js';
import { createKeyWithCli, killAllChildren, startChildApp, type ChildApp } from './support/child-app.js';

/** What the server writes for an operator: JSON lines, a request id on each, the stack of an unexpected error once. */
describe('logs', () => {
  let database: { name: string; url: string };
  let app: ChildApp;
  let analyst: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await startChildApp(database.url, { LOG_LEVEL: 'log', NODE_ENV: '' });
    analyst = await createKeyWithCli(database.url, 'ANALYST', 'logs');
  });
  afterAll(async () => {
    await killAllChildren();
    await dropTestDatabase(database.name);
  });

  const post = (query: string) => fetch(`${app.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  const lines = () =>
    app
      .output()
      .split('\n')
      .filter((l) => l.trim() !== '');

  it('logs an unexpected failure once, with the request id the client also gets, and no insides in the answer', async () => {
    const ok = await post('{ organizations(first: 1) { totalCount } }');
    expect(ok.status).toBe(200);
    expect(ok.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);

    // Break the database under the running server: the next read fails in a way no input check can foresee.
    const db = new pg.Client({ connectionString: database.url });
    await db.connect();
    await db.query('ALTER TABLE organizations RENAME TO organizations_gone');
    await db.end();

    const failed = await post('{ organizations(first: 1) { totalCount } }');
    const body = (await failed.json()) as { errors: { message: string; extensions: Record<string, unknown> }[] };
    const requestId = failed.headers.get('x-request-id');
    expect(body.errors[0]).toMatchObject({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR', requestId } });
    expect(JSON.stringify(body)).not.toMatch(/organizations_gone|relation|stacktrace|\/work\//);

    // Give the stream a moment to reach us; then every line is JSON without colour codes.
    await new Promise((r) => setTimeout(r, 300));
    const parsed = lines().map((l) => {
      expect(l).not.toMatch(/\u001b\[/);
      return JSON.parse(l) as { level: number; requestId?: string; msg: string; req?: unknown };
    });
    const ofRequest = parsed.filter((l) => l.requestId === requestId);
    const errors = ofRequest.filter((l) => l.level >= 50);
    expect(errors).toHaveLength(1);
    expect(errors[0].msg).toMatch(/organizations/);
    // The access line of the same request carries the same id, and no headers.
    expect(ofRequest.some((l) => l.req !== undefined)).toBe(true);
    expect(JSON.stringify(parsed)).not.toMatch(/authorization/i);

    // The same for REST: an export that cannot start answers 500 with the id of its one error line.
    const exported = await fetch(`${app.url}/exports/appointments.csv?organizationCode=DINKES`, { headers: { authorization: `Bearer ${analyst}` } });
    const restId = exported.headers.get('x-request-id');
    expect(exported.status).toBe(500);
    expect(await exported.json()).toEqual({ error: { code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error', requestId: restId } });
    await new Promise((r) => setTimeout(r, 300));
    const restErrors = lines()
      .map((l) => JSON.parse(l) as { level: number; requestId?: string })
      .filter((l) => l.requestId === restId && l.level >= 50);
    expect(restErrors).toHaveLength(1);
  });
});
