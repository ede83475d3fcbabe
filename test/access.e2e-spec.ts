import { jest } from '@jest/globals';
import pg from 'pg';
import { runCli } from '../src/cli/commands.js';
import { ApiKeysService } from '../src/api-keys/api-keys.service.js';
import { Role } from '../src/auth/role.enum.js';
import { createOfficial, createOrganization, nip, officialInput, organizationInput, TEST_GOVERNMENT } from './factories/index.js';
import { startTestApp, type TestApp } from './support/app.js';

const CREATE_ORG = `mutation ($input: CreateOrganizationInput!) { createOrganization(input: $input) { id code } }`;
const PERSONAL = `query ($id: ID) { official(id: $id) { name nip birthDate gender } }`;

describe('access', () => {
  let t: TestApp;
  let officialId: string;
  const officialNip = nip({ birth: '19800315', tmt: '200601', gender: 2, serial: 901 });

  beforeAll(async () => {
    t = await startTestApp();
    officialId = await createOfficial(t, { nip: officialNip, name: 'Rina Marlina' });
  });
  afterAll(() => t.close());

  const callers = () => ({ anonymous: t.gql, HR: t.hr, ANALYST: t.analyst, ADMIN: t.admin });

  describe('each role against each class of operation', () => {
    it('public reads: everyone', async () => {
      for (const [who, gql] of Object.entries(callers())) {
        const res = await gql(`{ organizations(first: 1) { totalCount } official(id: "${officialId}") { name displayName } }`);
        expect([who, res.errors]).toEqual([who, undefined]);
        expect(res.data.official.name).toBe('Rina Marlina');
      }
    });

    it('personal data: HR, ANALYST and ADMIN see it; anonymous gets null and an error per field', async () => {
      for (const gql of [t.hr, t.analyst, t.admin]) {
        const res = await gql(PERSONAL, { id: officialId });
        expect(res.errors).toBeUndefined();
        expect(res.data.official).toEqual({ name: 'Rina Marlina', nip: officialNip, birthDate: '1980-03-15', gender: 'FEMALE' });
      }
      const anon = await t.gql(PERSONAL, { id: officialId });
      expect(anon.data.official).toEqual({ name: 'Rina Marlina', nip: null, birthDate: null, gender: null });
      expect(anon.errors?.map((e) => [e.path?.join('.'), e.extensions.code, e.extensions.domainCode]).sort()).toEqual([
        ['official.birthDate', 'FORBIDDEN', 'PERSONAL_DATA_RESTRICTED'],
        ['official.gender', 'FORBIDDEN', 'PERSONAL_DATA_RESTRICTED'],
        ['official.nip', 'FORBIDDEN', 'PERSONAL_DATA_RESTRICTED'],
      ]);
      expect(anon.errors?.[0].message).toMatch(/personal data/);
      expect(JSON.stringify(anon)).not.toContain(officialNip);
    });

    it('no NIP oracle: anonymous cannot look up by NIP, whether or not it exists', async () => {
      for (const value of [officialNip, '196001011985031001']) {
        const res = await t.gql(`query ($nip: String) { official(nip: $nip) { name } }`, { nip: value });
        expect(res.data).toBeNull();
        expect(res.errors?.[0].extensions).toEqual({ code: 'FORBIDDEN', domainCode: 'PERSONAL_DATA_RESTRICTED' });
      }
      const hr = await t.hr(`query ($nip: String) { official(nip: $nip) { name } }`, { nip: officialNip });
      expect(hr.data.official.name).toBe('Rina Marlina');
      const search = await t.gql(`query ($q: String) { officials(search: $q) { totalCount } }`, { q: officialNip.slice(0, 8) });
      expect(search.data.officials.totalCount).toBe(0);
    });

    it('writes: HR only; anonymous UNAUTHENTICATED, ANALYST and ADMIN FORBIDDEN', async () => {
      const expected: Record<string, string | undefined> = { anonymous: 'UNAUTHENTICATED', HR: undefined, ANALYST: 'FORBIDDEN', ADMIN: 'FORBIDDEN' };
      for (const [who, gql] of Object.entries(callers())) {
        const res = await gql(CREATE_ORG, { input: organizationInput() });
        expect([who, res.errors?.[0].extensions.code]).toEqual([who, expected[who]]);
        if (expected[who]) expect(res.data).toBeNull();
      }
      const update = await t.analyst(`mutation { updateOfficial(id: "${officialId}", input: { name: "Changed" }) { id } }`);
      expect(update.errors?.[0].extensions.code).toBe('FORBIDDEN');
      expect(update.errors?.[0].message).toBe('This operation needs an API key with the role HR.');
    });

    it('key management and the audit log: ADMIN only', async () => {
      const ops = [`{ apiKeys { id } }`, `{ auditLog(first: 1) { totalCount } }`, `mutation { createApiKey(input: { role: HR, label: "x" }) { secret } }`];
      for (const op of ops) {
        expect((await t.admin(op)).errors).toBeUndefined();
        expect((await t.hr(op)).errors?.[0].extensions.code).toBe('FORBIDDEN');
        expect((await t.analyst(op)).errors?.[0].extensions.code).toBe('FORBIDDEN');
        expect((await t.gql(op)).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
      }
    });
  });

  describe('API keys', () => {
    it('shows the secret once, stores only its hash, records last use, and stops working when revoked', async () => {
      const created = await t.admin(`mutation { createApiKey(input: { role: HR, label: "BKPSDM – Siti" }) { secret apiKey { id role label prefix lastUsedAt revokedAt } } }`);
      const { secret, apiKey } = created.data.createApiKey;
      expect(secret).toMatch(/^mts_[A-Za-z0-9_-]{43}$/);
      expect(apiKey).toMatchObject({ role: 'HR', label: 'BKPSDM – Siti', prefix: secret.slice(0, 12), lastUsedAt: null, revokedAt: null });

      const db = new pg.Client(t.databaseUrl);
      await db.connect();
      const stored = await db.query(`SELECT to_jsonb(k)::text AS row FROM api_keys k WHERE id = $1`, [apiKey.id]);
      await db.end();
      expect(stored.rows[0].row).not.toContain(secret);
      expect(stored.rows[0].row).not.toContain(secret.slice(12));

      const headers = { authorization: `Bearer ${secret}` };
      expect((await t.gql(CREATE_ORG, { input: organizationInput() }, headers)).errors).toBeUndefined();
      const listed = await t.admin(`{ apiKeys { id lastUsedAt } }`);
      expect(listed.data.apiKeys.find((k: any) => k.id === apiKey.id).lastUsedAt).not.toBeNull();

      const revoked = await t.admin(`mutation ($id: ID!) { revokeApiKey(id: $id) { revokedAt } }`, { id: apiKey.id });
      expect(revoked.data.revokeApiKey.revokedAt).not.toBeNull();
      const after = await t.gql(`{ organizations(first: 1) { totalCount } }`, {}, headers);
      expect(after.errors?.[0].extensions).toEqual({ code: 'UNAUTHENTICATED', domainCode: 'INVALID_API_KEY' });
    });

    it('refuses a wrong key or a malformed header with UNAUTHENTICATED, even for public reads', async () => {
      for (const authorization of ['Bearer mts_not-a-key', 'Basic dXNlcjpwYXNz', 'Bearer']) {
        const res = await t.gql(`{ organizations(first: 1) { totalCount } }`, {}, { authorization });
        expect(res.errors?.[0].extensions).toEqual({ code: 'UNAUTHENTICATED', domainCode: 'INVALID_API_KEY' });
        expect(res.data).toBeNull();
      }
    });

    it('`cli keys create` makes an ADMIN key and prints its secret on its own line', async () => {
      const out = jest.spyOn(console, 'log').mockImplementation(() => undefined);
      const err = jest.spyOn(console, 'error').mockImplementation(() => undefined);
      let printed: unknown[][];
      try {
        await runCli(['keys', 'create', '--role', 'ADMIN', '--label', 'first admin'], { DATABASE_URL: t.databaseUrl, LOG_LEVEL: 'error' });
        printed = [...out.mock.calls];
      } finally {
        out.mockRestore();
        err.mockRestore();
      }
      expect(printed).toHaveLength(1);
      const secret = printed[0][0] as string;
      expect(secret).toMatch(/^mts_\S+$/);
      const res = await t.gql(`{ apiKeys { label role } }`, {}, { authorization: `Bearer ${secret}` });
      expect(res.data.apiKeys).toContainEqual({ label: 'first admin', role: 'ADMIN' });
    });

    it('`cli keys create --government` makes a key acting for that government only; without it, for every government', async () => {
      const made = async (...args: string[]) => {
        const out = jest.spyOn(console, 'log').mockImplementation(() => undefined);
        const err = jest.spyOn(console, 'error').mockImplementation(() => undefined);
        try {
          await runCli(['keys', 'create', ...args], { DATABASE_URL: t.databaseUrl, LOG_LEVEL: 'error' });
          return out.mock.calls[0][0] as string;
        } finally {
          out.mockRestore();
          err.mockRestore();
        }
      };
      const scoped = await made('--role', 'ADMIN', '--label', 'admin 99.01', '--government', TEST_GOVERNMENT.regionCode);
      const superuser = await made('--role', 'ADMIN', '--label', 'superuser');
      const keys = `{ apiKeys { label allGovernments governments { regionCode } } }`;
      const seen = await t.gql(keys, {}, { authorization: `Bearer ${superuser}` });
      expect(seen.data.apiKeys).toContainEqual({ label: 'admin 99.01', allGovernments: false, governments: [{ regionCode: TEST_GOVERNMENT.regionCode }] });
      expect(seen.data.apiKeys).toContainEqual({ label: 'superuser', allGovernments: true, governments: [] });
      // The scoped ADMIN manages the keys of its government only: not the superuser, not itself made for more.
      const byScoped = await t.gql(keys, {}, { authorization: `Bearer ${scoped}` });
      const labels = byScoped.data.apiKeys.map((k: { label: string }) => k.label);
      expect(labels).toContain('admin 99.01');
      expect(labels).not.toContain('superuser');
      expect(labels).not.toContain('test HR');
      const wider = await t.gql(`mutation { createApiKey(input: { role: HR, label: "all" }) { apiKey { allGovernments governments { regionCode } } } }`, {}, { authorization: `Bearer ${scoped}` });
      expect(wider.data.createApiKey.apiKey).toEqual({ allGovernments: false, governments: [{ regionCode: TEST_GOVERNMENT.regionCode }] });
      await expect(made('--role', 'HR', '--label', 'x', '--government', '00.99')).rejects.toThrow('No government with this code or region code.');
    });

    it('`cli keys create` refuses an unknown role', async () => {
      await expect(runCli(['keys', 'create', '--role', 'ROOT', '--label', 'x'], { DATABASE_URL: t.databaseUrl, LOG_LEVEL: 'error' })).rejects.toThrow(
        'keys create needs --role ADMIN|HR|ANALYST',
      );
    });
  });

  it('personal data: a key acting for some governments sees it only for officials its governments employ or registered', async () => {
    const keys = t.app.get(ApiKeysService);
    const other = await createOrganization(t, { kind: 'GOVERNMENT', code: 'PERSONAL-GOV' });
    const region = (await t.gql(`query ($id: ID) { organization(id: $id) { regionCode } }`, { id: other })).data.organization.regionCode;
    const ours = { authorization: `Bearer ${(await keys.create(Role.HR, 'personal ours', null, [TEST_GOVERNMENT.regionCode])).secret}` };
    const theirs = { authorization: `Bearer ${(await keys.create(Role.ANALYST, 'personal theirs', null, [region])).secret}` };
    const mine = await t.gql(PERSONAL, { id: officialId }, ours);
    expect(mine.errors).toBeUndefined();
    expect(mine.data.official.nip).toBe(officialNip);
    const refused = await t.gql(PERSONAL, { id: officialId }, theirs);
    expect(refused.data.official).toEqual({ name: 'Rina Marlina', nip: null, birthDate: null, gender: null });
    expect(refused.errors!.map((e: any) => e.extensions.domainCode)).toEqual(['PERSONAL_DATA_RESTRICTED', 'PERSONAL_DATA_RESTRICTED', 'PERSONAL_DATA_RESTRICTED']);
  });

  describe('audit log', () => {
    const AUDIT = `query ($type: String, $id: ID, $from: DateTime) { auditLog(targetType: $type, targetId: $id, from: $from, first: 10) {
      totalCount edges { node { apiKeyId operation targetType targetId before after createdAt } } } }`;

    it('records who changed what, with before and after, and filters by target and time', async () => {
      const start = new Date().toISOString();
      const id = await createOrganization(t, { code: 'AUDITED', name: 'Sebelum' });
      await t.hr(`mutation ($id: ID!) { updateOrganization(id: $id, input: { name: "Sesudah" }) { id } }`, { id });
      const hrKeyId = (await t.admin(`{ apiKeys { id label } }`)).data.apiKeys.find((k: any) => k.label === 'test HR').id;

      const res = await t.admin(AUDIT, { type: 'organization', id, from: start });
      expect(res.data.auditLog.totalCount).toBe(2);
      const [created, updated] = res.data.auditLog.edges.map((e: any) => e.node);
      expect(created).toMatchObject({ apiKeyId: hrKeyId, operation: 'createOrganization', targetType: 'organization', targetId: id, before: null, after: { code: 'AUDITED', name: 'Sebelum' } });
      expect(updated).toMatchObject({ operation: 'updateOrganization', before: { name: 'Sebelum' }, after: { name: 'Sesudah' } });

      const later = await t.admin(AUDIT, { type: 'organization', id, from: new Date(Date.now() + 60_000).toISOString() });
      expect(later.data.auditLog.totalCount).toBe(0);
    });

    it('writes nothing for a change that failed: the audit row shares the transaction', async () => {
      const count = async () => (await t.admin(`{ auditLog(targetType: "organization") { totalCount } }`)).data.auditLog.totalCount;
      const before = await count();
      await createOrganization(t, { code: 'ONCE' });
      const dup = await t.hr(CREATE_ORG, { input: organizationInput({ code: 'ONCE' }) });
      expect(dup.errors?.[0].extensions.code).toBe('CONFLICT');
      expect(await count()).toBe(before + 1);
    });

    it('shows an ADMIN key acting for some governments only the changes of the keys it manages', async () => {
      const keys = t.app.get(ApiKeysService);
      const other = await createOrganization(t, { kind: 'GOVERNMENT', code: 'AUDIT-GOV' });
      const regionOf = async (id: string) => (await t.gql(`query ($id: ID) { organization(id: $id) { regionCode } }`, { id })).data.organization.regionCode as string;
      const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });
      const ours = bearer((await keys.create(Role.HR, 'audit HR ours', null, [TEST_GOVERNMENT.regionCode])).secret);
      const theirs = bearer((await keys.create(Role.HR, 'audit HR theirs', null, [await regionOf(other)])).secret);
      const admin = bearer((await keys.create(Role.ADMIN, 'audit ADMIN ours', null, [TEST_GOVERNMENT.regionCode])).secret);
      const mine = await createOrganization(t, { code: 'AUDIT-MINE' }, ours);
      const notMine = await createOrganization(t, { code: 'AUDIT-NOT-MINE', parentId: other }, theirs);

      const seen = await t.gql(`{ auditLog(targetType: "organization", first: 100) { edges { node { targetId } } } }`, {}, admin);
      const targets = seen.data.auditLog.edges.map((e: { node: { targetId: string } }) => e.node.targetId);
      expect(targets).toContain(mine);
      expect(targets).not.toContain(notMine);
      // Nor the changes of the all-governments test keys.
      expect(targets).not.toContain(other);
    });
  });

  it('a constraint violation whose database message holds a NIP reaches the client only as a clean domain error', async () => {
    // The raw error from PostgreSQL repeats the NIP …
    const db = new pg.Client(t.databaseUrl);
    await db.connect();
    const raw = await db.query(`INSERT INTO officials (nip, name, employment, government_id) VALUES ($1, 'X', 'PNS', (SELECT id FROM organizations WHERE code = 'PEMDA-UJI'))`, [officialNip]).catch((e: Error & { detail?: string }) => e);
    await db.end();
    expect((raw as { detail?: string }).detail).toContain(officialNip);

    // … the API says only what it means.
    const res = await t.hr(`mutation ($input: CreateOfficialInput!) { createOfficial(input: $input) { id } }`, { input: officialInput({ nip: officialNip }) });
    expect(res.errors).toEqual([
      {
        message: 'An official with this NIP is already recorded.',
        locations: expect.any(Array),
        path: ['createOfficial'],
        extensions: {
          code: 'CONFLICT',
          domainCode: 'NIP_TAKEN',
          problems: [{ field: 'nip', code: 'NIP_TAKEN', message: 'This NIP is already recorded for another official.' }],
        },
      },
    ]);
    expect(JSON.stringify(res)).not.toMatch(new RegExp(`${officialNip}|duplicate key|officials_nip_key|violates`));
  });

  describe('query limits', () => {
    // organizations › edges › node › parent… › code: `depth` levels, the leaf included.
    const nested = (depth: number) => `{ organizations(first: 1) { edges { node { ${'parent { '.repeat(depth - 4)}code${' }'.repeat(depth - 4)} } } } }`;

    it('allows depth 8 and refuses depth 9 before execution', async () => {
      expect((await t.gql(nested(8))).errors).toBeUndefined();
      const res = await t.gql(nested(9));
      expect(res.errors?.[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(res.errors?.[0].message).toMatch(/depth/i);
    });

    it('counts the nesting of fields, not fragment spreads: fragments do not open a way past the limit', async () => {
      // Depth 8 written through two fragments passes; depth 9 through fragments is refused all the same.
      const viaFragments = (depth: number) =>
        `{ organizations(first: 1) { edges { node { ...A } } } } fragment A on Organization { ...B } fragment B on Organization { ${'parent { '.repeat(depth - 4)}code${' }'.repeat(depth - 4)} }`;
      expect((await t.gql(viaFragments(8))).errors).toBeUndefined();
      expect((await t.gql(viaFragments(9))).errors?.[0].message).toMatch(/depth/i);
    });

    it('allows 15 aliases and refuses 16', async () => {
      const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: organizations(first: 1) { totalCount }`).join(' ')} }`;
      expect((await t.gql(aliases(15))).errors).toBeUndefined();
      const res = await t.gql(aliases(16));
      expect(res.errors?.[0].message).toMatch(/aliases/i);
    });

    it('computes a cost from first and nesting and refuses one over the limit, saying both', async () => {
      const query = (first: number) => `{ organizations(first: ${first}) { edges { node { children { children { children { code } } } } } } }`;
      expect((await t.gql(query(50))).errors).toBeUndefined();
      const res = await t.gql(query(100));
      expect(res.data ?? null).toBeNull();
      expect(res.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', domainCode: 'QUERY_TOO_COSTLY', cost: 11301, limit: 10000 });
      expect(res.errors?.[0].message).toContain('11301');
    });

    it('costs the same document anew when first or an @include changes (costs are remembered per variables)', async () => {
      const query = `query ($first: Int!, $deep: Boolean!) { organizations(first: $first) { edges { node { children { children @include(if: $deep) { children { code } } } } } } }`;
      expect((await t.gql(query, { first: 100, deep: false })).errors).toBeUndefined();
      expect((await t.gql(query, { first: 50, deep: true })).errors).toBeUndefined();
      expect((await t.gql(query, { first: 100, deep: true })).errors?.[0].extensions).toMatchObject({ domainCode: 'QUERY_TOO_COSTLY', cost: 11301 });
      expect((await t.gql(query, { first: 100, deep: false })).errors).toBeUndefined();
    });

    it('refuses a body over 1 MB with 413', async () => {
      const res = await t.http().post('/graphql').set('content-type', 'application/json').send({ query: `{ __typename }`, variables: { pad: 'x'.repeat(1024 * 1024) } });
      expect(res.status).toBe(413);
    });

    it('refuses batched HTTP requests', async () => {
      const res = await t.http().post('/graphql').set('content-type', 'application/json').send([{ query: '{ __typename }' }, { query: '{ __typename }' }]);
      expect(res.status).toBe(400);
      expect(res.text).toMatch(/batch/i);
    });

    it('prevents CSRF: a simple (form-like) request is refused', async () => {
      const res = await t.http().post('/graphql').set('content-type', 'text/plain').send(JSON.stringify({ query: '{ __typename }' }));
      expect(res.status).toBe(400);
      expect(res.text).toMatch(/CSRF/);
    });
  });

  describe('safe by default, development mode only when asked for', () => {
    let byDefault: TestApp;
    let dev: TestApp;
    beforeAll(async () => {
      // No NODE_ENV at all: what `npm start` serves.
      byDefault = await startTestApp({ NODE_ENV: '' });
      dev = await startTestApp({ NODE_ENV: 'development' });
    });
    afterAll(async () => {
      await byDefault.close();
      await dev.close();
    });

    it('turns off introspection and field suggestions and sends no stack traces unless NODE_ENV=development', async () => {
      const intro = await byDefault.gql(`{ __schema { types { name } } }`);
      expect(intro.errors?.[0].message).toMatch(/introspection/i);
      const typo = await byDefault.gql(`{ organizationz { id } }`);
      expect(typo.errors?.[0].message).toBe('Cannot query field "organizationz" on type "Query".');
      expect(JSON.stringify(typo)).not.toMatch(/stacktrace|Did you mean/);
      const bad = await byDefault.gql(`{ rotationEvent(id: "1") { id } }`);
      expect(JSON.stringify(bad)).not.toMatch(/stacktrace|\/work|node_modules/);
      expect((await dev.gql(`{ organizationz { id } }`)).errors?.[0].message).toMatch(/Did you mean/);
      expect((await dev.gql(`{ __schema { queryType { name } } }`)).data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    });

    it('opens introspection, for the explorer, to a caller with a key of any role, and to nobody else', async () => {
      const ask = `{ __type(name: "Official") { fields { name } } }`;
      for (const gql of [byDefault.hr, byDefault.analyst, byDefault.admin]) {
        expect((await gql(ask)).data.__type.fields.map((f: { name: string }) => f.name)).toContain('displayName');
      }
      const anonymous = await byDefault.gql(ask);
      expect(anonymous.data).toBeUndefined();
      expect(anonymous.errors?.[0]).toMatchObject({ message: expect.stringMatching(/introspection has been disabled.*API key/), extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
      const wrongKey = await byDefault.gql(ask, {}, { authorization: 'Bearer not-a-key' });
      expect(wrongKey.data?.__type).toBeFalsy();
    });
  });

  describe('rate limits', () => {
    let limited: TestApp;
    beforeAll(async () => {
      limited = await startTestApp({ RATE_LIMIT_ANONYMOUS: '3', RATE_LIMIT_PER_KEY: '5', RATE_LIMIT_WINDOW_SECONDS: '60' });
    });
    afterAll(() => limited.close());

    it('limits anonymous callers per IP and each key on its own, answering RATE_LIMITED with when to retry', async () => {
      const ask = (headers: Record<string, string> = {}) =>
        limited.http().post('/graphql').set({ 'content-type': 'application/json', ...headers }).send({ query: '{ __typename }' });
      for (let i = 0; i < 3; i++) expect((await ask()).status).toBe(200);
      const refused = await ask();
      expect(refused.status).toBe(429);
      const retryAfter = Number(refused.headers['retry-after']);
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect(refused.body.errors[0].extensions).toEqual({ code: 'RATE_LIMITED', retryAfter });

      // A key has its own budget.
      for (let i = 0; i < 5; i++) expect((await ask(limited.auth.HR)).status).toBe(200);
      expect((await ask(limited.auth.HR)).status).toBe(429);
      expect((await ask(limited.auth.ANALYST)).status).toBe(200);
    });

    it('counts a key however its header is spelled, and wrong or blank keys against the address', async () => {
      const ask = (authorization: string) =>
        limited.http().post('/graphql').set({ 'content-type': 'application/json', authorization }).send({ query: '{ __typename }' });
      const secret = limited.auth.ADMIN.authorization.replace(/^Bearer /, '');
      const spellings = [`Bearer ${secret}`, `bearer ${secret}`, `BEARER ${secret}`, `Bearer  ${secret}`, `Bearer\t${secret}`];
      for (const spelling of spellings) expect([spelling.slice(0, 8), (await ask(spelling)).status]).toEqual([spelling.slice(0, 8), 200]);
      expect((await ask(`Bearer ${secret}`)).status).toBe(429); // the sixth request of one key, however spelled

      // The anonymous budget (3) was spent by the test above; junk keys and blank headers share it.
      for (const junk of ['Bearer junk1', 'Bearer junk2', `Bearer mts_${'x'.repeat(43)}`, '   ']) {
        expect([junk, (await ask(junk)).status]).toEqual([junk, 429]);
      }
    });

    it('never asks a key of the health check', async () => {
      const res = await limited.http().get('/health').set('authorization', 'Bearer junk');
      expect(res.status).toBe(200);
    });
  });
});
