import ExcelJS from 'exceljs';
import { ApiKeysService } from '../src/api-keys/api-keys.service.js';
import { Role } from '../src/auth/role.enum.js';
import { CONTENT_TYPES } from '../src/exports/exports.service.js';
import { createOrganization, officialInput, organizationInput, positionInput } from './factories/index.js';
import { startTestApp, type GraphQLResponse, type TestApp } from './support/app.js';
import { eventInput, officials, query, record, RECORD, unitWithPosts, VALIDATE } from './support/rotations.js';

/*
 * Government A's keys against government B's data: every mutation (read from the schema, so a
 * new one without an entry fails here), the annex import and every export. Each refusal is
 * FORBIDDEN (OUTSIDE_SCOPE) naming B and leaves every row of every table as it was; the same
 * operation on A's own data succeeds, so a blanket refusal cannot pass.
 */

interface Government {
  id: string;
  code: string;
  regionCode: string;
  name: string;
}

/** Every row of every table, hashed per table: any write a refusal let through shows up. */
async function fingerprint(t: TestApp, except: string[] = []): Promise<Record<string, string>> {
  const tables = await query<{ name: string }>(
    t,
    `SELECT format('%I.%I', table_schema, table_name) AS name FROM information_schema.tables
     WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1`,
  );
  // A key's last use and the rate-limit counters are stamped on every request, refused or not:
  // not writes of the refused operation.
  const row = `(to_jsonb(x) - 'last_used_at')::text`;
  except = [...except, 'public.rate_limit_counters'];
  const rows = await query<{ name: string; fingerprint: string }>(
    t,
    tables
      .filter(({ name }) => !except.includes(name))
      .map(({ name }) => `SELECT '${name}' AS name, count(*) || ':' || md5(coalesce(string_agg(${row}, '|' ORDER BY ${row}), '')) AS fingerprint FROM ${name} x`)
      .join(' UNION ALL '),
  );
  return Object.fromEntries(rows.map((r) => [r.name, r.fingerprint]));
}

const AMEND = `mutation ($id: ID!, $v: Int!, $input: RotationEventInput!) { amendRotationEvent(id: $id, expectedVersion: $v, input: $input, reason: "isolation") { event { id version } } }`;
const VOID = `mutation ($id: ID!, $v: Int!) { voidRotationEvent(id: $id, expectedVersion: $v, reason: "isolation") { id status } }`;
const input = (mutation: string, returns = '{ id }') => `mutation ($input: ${mutation[0].toUpperCase()}${mutation.slice(1)}Input!) { ${mutation}(input: $input) ${returns} }`;
const update = (mutation: string) => `mutation ($id: ID!, $input: ${mutation[0].toUpperCase()}${mutation.slice(1)}Input!) { ${mutation}(id: $id, input: $input) { id } }`;

describe('isolation between governments', () => {
  let t: TestApp;
  let A: Government;
  let B: Government;
  /** Government A's scoped keys, B's ADMIN key, as Authorization headers. */
  const key: Record<'hrA' | 'analystA' | 'adminA' | 'adminB', Record<string, string>> = {} as never;
  /** The rows the table reads and writes. */
  const s = {} as {
    unitA: string;
    unitB: string;
    postsA: { id: string; code: string }[];
    postsB: { id: string; code: string }[];
    alfa: { id: string; name: string; nip: string }[];
    bravo: { id: string; name: string; nip: string }[];
    eventA: string;
    eventA2: string;
    eventB: string;
    keyB: string;
    keyAB: string;
    spareKeyA: string;
  };

  const government = async (code: string, regionCode: string, name: string): Promise<Government> => {
    const id = await createOrganization(t, { kind: 'GOVERNMENT', code, regionCode, name });
    return { id, code, regionCode, name };
  };
  const version = async (id: string) => (await query<{ version: number }>(t, 'SELECT version FROM rotation_events WHERE id = $1', [id]))[0].version;

  beforeAll(async () => {
    t = await startTestApp();
    A = await government('PEMKOT-ALFA', '81.01', 'Pemerintah Kota Alfa');
    B = await government('PEMKAB-BRAVO', '82.02', 'Pemerintah Kabupaten Bravo');
    ({ unit: s.unitA, posts: s.postsA } = await unitWithPosts(t, 'ALFA', 6, { parentId: A.id }));
    ({ unit: s.unitB, posts: s.postsB } = await unitWithPosts(t, 'BRAVO', 3, { parentId: B.id }));
    s.alfa = await officials(t, 'Alfa', 5, { government: A.code });
    s.bravo = await officials(t, 'Bravo', 3, { government: B.code });
    s.eventA = (
      await record(t, [
        { officialId: s.alfa[0].id, toPositionCode: 'ALFA-1' },
        { officialId: s.alfa[1].id, toPositionCode: 'ALFA-2' },
      ])
    ).event.id;
    s.eventA2 = (await record(t, [{ officialId: s.alfa[2].id, toPositionCode: 'ALFA-3' }])).event.id;
    s.eventB = (
      await record(t, [
        { officialId: s.bravo[0].id, toPositionCode: 'BRAVO-1' },
        { officialId: s.bravo[1].id, toPositionCode: 'BRAVO-2' },
      ])
    ).event.id;

    const keys = t.app.get(ApiKeysService);
    const scoped = async (role: Role, label: string, governments: string[]) => {
      const { apiKey, secret } = await keys.create(role, label, null, governments);
      return { id: apiKey.id, auth: { authorization: `Bearer ${secret}` } };
    };
    for (const [name, role, government] of [
      ['hrA', Role.HR, A.regionCode],
      ['analystA', Role.ANALYST, A.regionCode],
      ['adminA', Role.ADMIN, A.regionCode],
      ['adminB', Role.ADMIN, B.regionCode],
    ] as const) {
      key[name] = (await scoped(role, name, [government])).auth;
    }
    s.keyB = (await scoped(Role.HR, 'HR Bravo', [B.regionCode])).id;
    s.keyAB = (await scoped(Role.HR, 'HR Alfa dan Bravo', [A.regionCode, B.regionCode])).id;
    s.spareKeyA = (await scoped(Role.HR, 'HR Alfa cadangan', [A.code])).id;
  });
  afterAll(() => t.close());

  interface Attack {
    /** What A's key tries on B's data. */
    attack: string;
    key: keyof typeof key;
    query: string;
    variables: () => Promise<Record<string, unknown>> | Record<string, unknown>;
    /** The government the refusal names: B unless said. */
    names?: () => Pick<Government, 'regionCode' | 'name'>;
    /** A dry run: answered, with an OUTSIDE_SCOPE problem, rather than refused. */
    dryRun?: true;
    /** Refused by a rule that holds for every key, before the scope is asked (nothing written all the same). */
    refusedBy?: { domainCode: string; problem: string };
  }
  interface Entry {
    mutation: string;
    attacks: Attack[];
    /** The same operation by A's key on A's data, which succeeds. */
    control: Omit<Attack, 'attack' | 'names' | 'dryRun'> & { check?: (data: any) => void };
  }

  const fill = (official: () => { id: string }, post: string) => () => ({ officialId: official().id, toPositionCode: post });
  const event = (...rows: (() => Record<string, unknown>)[]) => eventInput(rows.map((r) => r()));

  // One row per mutation: its attacks on B, then its control on A.
  const table: Entry[] = [
    {
      mutation: 'createOrganization',
      attacks: [
        { attack: 'a unit under a unit of B', key: 'hrA', query: input('createOrganization'), variables: () => ({ input: organizationInput({ parentId: s.unitB }) }) },
        { attack: 'a unit under B by its code', key: 'hrA', query: input('createOrganization'), variables: () => ({ input: organizationInput({ parentCode: B.code }) }) },
        {
          attack: 'a new government',
          key: 'hrA',
          query: input('createOrganization'),
          variables: () => ({ input: organizationInput({ kind: 'GOVERNMENT', code: 'PEMKOT-BARU', regionCode: '83.03', name: 'Pemerintah Kota Baru' }) }),
          names: () => ({ regionCode: '83.03', name: 'Pemerintah Kota Baru' }),
        },
      ],
      control: { key: 'hrA', query: input('createOrganization'), variables: () => ({ input: organizationInput({ parentId: s.unitA }) }) },
    },
    {
      mutation: 'updateOrganization',
      attacks: [
        { attack: "renaming B's unit", key: 'hrA', query: update('updateOrganization'), variables: () => ({ id: s.unitB, input: { name: 'Dinas Dirampas' } }) },
        {
          attack: "moving A's unit under B's (no unit changes government)",
          key: 'hrA',
          query: update('updateOrganization'),
          variables: () => ({ id: s.unitA, input: { parentId: s.unitB } }),
          refusedBy: { domainCode: 'UNIT_CHANGES_GOVERNMENT', problem: 'UNIT_CHANGES_GOVERNMENT' },
        },
        { attack: 'renaming government B itself', key: 'hrA', query: update('updateOrganization'), variables: () => ({ id: B.id, input: { name: 'Pemerintah Dirampas' } }) },
      ],
      control: { key: 'hrA', query: update('updateOrganization'), variables: () => ({ id: s.unitA, input: { name: 'Dinas Alfa Baru' } }) },
    },
    {
      mutation: 'createPosition',
      attacks: [{ attack: "a post in B's unit", key: 'hrA', query: input('createPosition'), variables: () => ({ input: positionInput(s.unitB) }) }],
      control: { key: 'hrA', query: input('createPosition'), variables: () => ({ input: positionInput(s.unitA) }) },
    },
    {
      mutation: 'updatePosition',
      attacks: [
        { attack: "retitling B's post", key: 'hrA', query: update('updatePosition'), variables: () => ({ id: s.postsB[2].id, input: { title: 'Jabatan Dirampas' } }) },
        { attack: "moving A's post into B's unit", key: 'hrA', query: update('updatePosition'), variables: () => ({ id: s.postsA[5].id, input: { organizationId: s.unitB } }) },
      ],
      control: { key: 'hrA', query: update('updatePosition'), variables: () => ({ id: s.postsA[5].id, input: { title: 'Kepala Bidang Alfa Baru' } }) },
    },
    {
      mutation: 'createOfficial',
      attacks: [
        { attack: 'an official of B by code', key: 'hrA', query: input('createOfficial'), variables: () => ({ input: officialInput({ government: B.code }) }) },
        { attack: 'an official of B by region code', key: 'hrA', query: input('createOfficial'), variables: () => ({ input: officialInput({ government: B.regionCode }) }) },
      ],
      control: { key: 'hrA', query: input('createOfficial'), variables: () => ({ input: officialInput({ government: A.regionCode }) }) },
    },
    {
      mutation: 'updateOfficial',
      attacks: [
        { attack: 'an official holding a post of B', key: 'hrA', query: update('updateOfficial'), variables: () => ({ id: s.bravo[0].id, input: { name: 'Nama Dirampas' } }) },
        { attack: 'an official registered by B, without a post', key: 'hrA', query: update('updateOfficial'), variables: () => ({ id: s.bravo[2].id, input: { rank: 'IV_E' } }) },
      ],
      control: { key: 'hrA', query: update('updateOfficial'), variables: () => ({ id: s.alfa[0].id, input: { honorificSuffix: 'M.Si.' } }) },
    },
    {
      mutation: 'recordRotationEvent',
      attacks: [
        { attack: "filling B's post", key: 'hrA', query: RECORD, variables: () => ({ input: event(fill(() => s.bravo[2], 'BRAVO-3')) }) },
        {
          attack: "leaving B's post",
          key: 'hrA',
          query: RECORD,
          variables: () => ({ input: event(() => ({ officialId: s.bravo[1].id, fromPositionCode: 'BRAVO-2', kind: 'RETIREMENT' })) }),
        },
        {
          attack: "retiring B's official, the post left unsaid",
          key: 'hrA',
          query: RECORD,
          variables: () => ({ input: event(() => ({ officialId: s.bravo[1].id, kind: 'RETIREMENT' })) }),
        },
        {
          attack: "A's post first, then retiring B's official, the post left unsaid (one decree, one government)",
          key: 'hrA',
          query: RECORD,
          variables: () => ({
            input: event(
              fill(() => s.alfa[3], 'ALFA-4'),
              () => ({ officialId: s.bravo[1].id, kind: 'RETIREMENT' }),
            ),
          }),
          refusedBy: { domainCode: 'ROTATION_REJECTED', problem: 'POST_OF_OTHER_GOVERNMENT' },
        },
        {
          attack: "B's post first, then A's",
          key: 'hrA',
          query: RECORD,
          variables: () => ({
            input: event(
              fill(() => s.bravo[2], 'BRAVO-3'),
              fill(() => s.alfa[3], 'ALFA-4'),
            ),
          }),
        },
      ],
      control: { key: 'hrA', query: RECORD, variables: () => ({ input: event(fill(() => s.alfa[3], 'ALFA-4')) }) },
    },
    {
      mutation: 'validateRotationEvent',
      attacks: [{ attack: "a dry run filling B's post", key: 'hrA', query: VALIDATE, variables: () => ({ input: event(fill(() => s.bravo[2], 'BRAVO-3')) }), dryRun: true }],
      control: {
        key: 'hrA',
        query: VALIDATE,
        variables: () => ({ input: event(fill(() => s.alfa[4], 'ALFA-5')) }),
        check: (data) => expect(data.validateRotationEvent).toMatchObject({ valid: true }),
      },
    },
    {
      mutation: 'amendRotationEvent',
      attacks: [
        {
          attack: "amending B's event",
          key: 'hrA',
          query: AMEND,
          variables: async () => ({ id: s.eventB, v: await version(s.eventB), input: event(fill(() => s.bravo[0], 'BRAVO-1')) }),
        },
      ],
      control: {
        key: 'hrA',
        query: AMEND,
        variables: async () => ({
          id: s.eventA,
          v: await version(s.eventA),
          input: event(
            fill(() => s.alfa[0], 'ALFA-1'),
            fill(() => s.alfa[1], 'ALFA-2'),
          ),
        }),
      },
    },
    {
      mutation: 'voidRotationEvent',
      attacks: [{ attack: "voiding B's event", key: 'hrA', query: VOID, variables: async () => ({ id: s.eventB, v: await version(s.eventB) }) }],
      control: {
        key: 'hrA',
        query: VOID,
        variables: async () => ({ id: s.eventA2, v: await version(s.eventA2) }),
        check: (data) => expect(data.voidRotationEvent.status).toBe('VOIDED'),
      },
    },
    {
      mutation: 'createApiKey',
      attacks: [
        {
          attack: 'a key for B',
          key: 'adminA',
          query: input('createApiKey', '{ secret }'),
          variables: () => ({ input: { role: 'HR', label: 'HR Bravo palsu', governments: [B.regionCode] } }),
        },
        {
          attack: 'a key for A and B',
          key: 'adminA',
          query: input('createApiKey', '{ secret }'),
          variables: () => ({ input: { role: 'ADMIN', label: 'Admin palsu', governments: [A.regionCode, B.code] } }),
        },
      ],
      control: { key: 'adminA', query: input('createApiKey', '{ secret }'), variables: () => ({ input: { role: 'HR', label: 'HR Alfa baru', governments: [A.regionCode] } }) },
    },
    {
      mutation: 'revokeApiKey',
      attacks: [
        { attack: "revoking B's key", key: 'adminA', query: 'mutation ($id: ID!) { revokeApiKey(id: $id) { id } }', variables: () => ({ id: s.keyB }) },
        { attack: 'revoking a key acting for A and B', key: 'adminA', query: 'mutation ($id: ID!) { revokeApiKey(id: $id) { id } }', variables: () => ({ id: s.keyAB }) },
        {
          attack: 'revoking a key acting for every government',
          key: 'adminA',
          query: 'mutation ($id: ID!) { revokeApiKey(id: $id) { id } }',
          variables: async () => ({ id: (await query(t, 'SELECT id FROM api_keys WHERE all_governments ORDER BY id LIMIT 1'))[0].id }),
          names: () => ({ regionCode: '*', name: 'every government' }),
        },
      ],
      control: { key: 'adminA', query: 'mutation ($id: ID!) { revokeApiKey(id: $id) { id revokedAt } }', variables: () => ({ id: s.spareKeyA }) },
    },
  ];

  it('has an entry for every mutation of the schema', async () => {
    const res = await t.admin('{ __type(name: "Mutation") { fields { name } } }');
    const mutations = res.data.__type.fields.map((f: { name: string }) => f.name).sort();
    expect(table.map((e) => e.mutation).sort()).toEqual(mutations);
    expect(table.filter((e) => e.attacks.length === 0)).toEqual([]);
  });

  const attacks = table.flatMap((e) => e.attacks.map((a) => [e.mutation, a.attack, a] as const));
  it.each(attacks)("%s: A's key refused %s, nothing written", async (_mutation, _what, a) => {
    const before = await fingerprint(t);
    const res: GraphQLResponse = await t.gql(a.query, await a.variables(), key[a.key]);
    const named = a.names?.() ?? { regionCode: B.regionCode, name: B.name };
    if (a.dryRun) {
      expect(res.errors).toBeUndefined();
      const answer = Object.values(res.data!)[0] as { valid: boolean; problems: { code: string; message: string }[] };
      expect(answer.valid).toBe(false);
      expect(answer.problems).toContainEqual(expect.objectContaining({ code: 'OUTSIDE_SCOPE', message: expect.stringContaining(named.regionCode) }));
    } else {
      if (a.refusedBy)
        expect(res.errors?.[0]?.extensions).toMatchObject({
          domainCode: a.refusedBy.domainCode,
          problems: expect.arrayContaining([expect.objectContaining({ code: a.refusedBy.problem })]),
        });
      else expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', domainCode: 'OUTSIDE_SCOPE', government: named });
      expect(res.data ?? null).toBeNull();
    }
    expect(await fingerprint(t)).toEqual(before);
  });

  it.each(table.map((e) => [e.mutation, e] as const))("%s: A's key on A's own data succeeds", async (_mutation, e) => {
    const before = await fingerprint(t);
    const res = await t.gql(e.control.query, await e.control.variables(), key[e.control.key]);
    expect(res.errors).toBeUndefined();
    e.control.check?.(res.data);
    // Writes succeed and write; the dry run writes nothing either way.
    if (e.mutation === 'validateRotationEvent') expect(await fingerprint(t)).toEqual(before);
    else expect(await fingerprint(t)).not.toEqual(before);
  });
});

describe('isolation between governments, over REST and in key lists', () => {
  let t: TestApp;
  const A = { code: 'PEMKOT-ALFA', regionCode: '81.01', name: 'Pemerintah Kota Alfa' };
  const B = { code: 'PEMKAB-BRAVO', regionCode: '82.02', name: 'Pemerintah Kabupaten Bravo' };
  const key: Record<'hrA' | 'analystA' | 'adminA' | 'adminB' | 'hrB', { id: string; auth: Record<string, string> }> = {} as never;
  let unitB: string;
  let alfa: { id: string; name: string; nip: string }[];
  let bravo: { id: string; name: string; nip: string }[];
  let eventA: string;
  let eventB: string;

  beforeAll(async () => {
    t = await startTestApp();
    const idA = await createOrganization(t, { kind: 'GOVERNMENT', ...A });
    const idB = await createOrganization(t, { kind: 'GOVERNMENT', ...B });
    await unitWithPosts(t, 'ALFA', 2, { parentId: idA });
    ({ unit: unitB } = await unitWithPosts(t, 'BRAVO', 3, { parentId: idB }));
    alfa = await officials(t, 'Alfa', 2, { government: A.code });
    bravo = await officials(t, 'Bravo', 3, { government: B.code });
    eventA = (
      await record(t, [
        { officialId: alfa[0].id, toPositionCode: 'ALFA-1' },
        { officialId: alfa[1].id, toPositionCode: 'ALFA-2' },
      ])
    ).event.id;
    eventB = (
      await record(t, [
        { officialId: bravo[0].id, toPositionCode: 'BRAVO-1' },
        { officialId: bravo[1].id, toPositionCode: 'BRAVO-2' },
      ])
    ).event.id;
    const keys = t.app.get(ApiKeysService);
    for (const [name, role, government] of [
      ['hrA', Role.HR, A.regionCode],
      ['analystA', Role.ANALYST, A.regionCode],
      ['adminA', Role.ADMIN, A.regionCode],
      ['adminB', Role.ADMIN, B.regionCode],
      ['hrB', Role.HR, B.code],
    ] as const) {
      const { apiKey, secret } = await keys.create(role, name, null, [government]);
      key[name] = { id: apiKey.id, auth: { authorization: `Bearer ${secret}` } };
    }
  });
  afterAll(() => t.close());

  /** The export's bytes as text (an .xlsx: its cells, one row a line). */
  const download = async (name: string, search: string, auth: Record<string, string> = {}, path = `/exports/${name}`) => {
    const res = await t
      .http()
      .get(`${path}${search}`)
      .set(auth)
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    const bytes = res.body as Buffer;
    let text = bytes.toString('utf8');
    if (res.status === 200 && name.endsWith('.xlsx')) {
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(bytes as never);
      const lines: string[] = [];
      book.worksheets[0].eachRow((row) => lines.push((row.values as unknown[]).slice(1).join('\t')));
      text = lines.join('\n');
    }
    return { status: res.status, contentType: String(res.headers['content-type']), text };
  };

  // Listed from the service, so a new export is checked here without an edit.
  describe.each(Object.keys(CONTENT_TYPES))('%s', (name) => {
    it("refuses A's ANALYST key B's rows, streaming nothing", async () => {
      for (const search of [`?government=${B.regionCode}`, `?government=${B.code}`, `?organizationId=${unitB}`]) {
        const res = await download(name, search, key.analystA.auth);
        expect([search, res.status, res.contentType]).toEqual([search, 403, expect.stringContaining('application/json')]);
        expect(JSON.parse(res.text).error).toMatchObject({ code: 'FORBIDDEN', domainCode: 'OUTSIDE_SCOPE', message: expect.stringContaining(B.name) });
        for (const official of bravo) expect(res.text).not.toContain(official.name);
      }
    });

    it("gives A's ANALYST key A's rows with NIP, and only when narrowed to A", async () => {
      const own = await download(name, `?government=${A.regionCode}`, key.analystA.auth);
      expect(own.status).toBe(200);
      expect(own.text).toContain(alfa[0].nip);
      expect(own.text).not.toContain(bravo[0].name);
      const all = await download(name, '', key.analystA.auth);
      expect(all.status).toBe(403);
      expect(JSON.parse(all.text).error).toMatchObject({ domainCode: 'OUTSIDE_SCOPE' });
      expect(all.text).not.toContain(alfa[0].nip);
    });

    it("gives anonymous callers B's public rows, without NIP", async () => {
      const res = await download(name, `?government=${B.regionCode}`);
      expect(res.status).toBe(200);
      expect(res.text).toContain(bravo[0].name);
      for (const official of bravo) expect(res.text).not.toContain(official.nip);
    });
  });

  it("reports a lampiran filling B's posts as OUTSIDE_SCOPE in the dry run, and refuses its commit with nothing written", async () => {
    const [post] = await query<{ title: string }>(t, `SELECT title FROM positions WHERE code = 'BRAVO-3'`);
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Lampiran');
    sheet.addRow(['No', 'Nama', 'NIP', 'Pangkat/Gol. Ruang', 'Jabatan Lama', 'Jabatan Baru', 'Keterangan']);
    sheet.addRow(['1', bravo[2].name, bravo[2].nip, 'IV/a', '', post.title, '']);
    const file = Buffer.from(await workbook.xlsx.writeBuffer());
    // The upload keeps the file and its rows (imports, import_rows) to show the dry run: nothing else.
    const records = await fingerprint(t, ['public.imports', 'public.import_rows']);

    const fields = { title: 'Pelantikan Pejabat Administrator', issuer: 'Bupati Bravo', swornInOn: '5 Juni 2026', location: 'Aula Bravo' };
    const upload = t.http().post('/imports').set(key.hrA.auth).attach('file', file, 'lampiran-bravo.xlsx');
    for (const [k, v] of Object.entries(fields)) upload.field(k, v);
    const dry = await upload;
    expect(dry.status).toBe(201);
    expect(dry.body.rows.map((r: any) => r.transfer)).toEqual([expect.objectContaining({ nip: bravo[2].nip, toPositionCode: 'BRAVO-3' })]);
    expect(dry.body.valid).toBe(false);
    expect(dry.body.problems).toContainEqual(expect.objectContaining({ code: 'OUTSIDE_SCOPE', severity: 'ERROR', message: expect.stringContaining(B.regionCode) }));

    const before = await fingerprint(t);
    const commit = await t.http().post(`/imports/${dry.body.import.id}/commit`).set(key.hrA.auth).send({});
    expect(commit.status).toBe(403);
    expect(commit.body.error).toMatchObject({ code: 'FORBIDDEN', domainCode: 'OUTSIDE_SCOPE', message: expect.stringContaining(B.name) });
    expect(await fingerprint(t)).toEqual(before);
    expect(await fingerprint(t, ['public.imports', 'public.import_rows'])).toEqual(records);

    // An import is the draft of the key that sent it: another scoped key does not see it at all …
    const byB = await t.http().post(`/imports/${dry.body.import.id}/commit`).set(key.hrB.auth).send({});
    expect(byB.status).toBe(404);
    // … and the refusal was the key's, not the file's: a key acting for every government records the same upload.
    const byAll = await t.http().post(`/imports/${dry.body.import.id}/commit`).set(t.auth.HR).send({});
    expect(byAll.status).toBe(201);
    expect(byAll.body.import).toMatchObject({ status: 'COMMITTED', eventId: expect.any(String) });
  });

  it("gives A's keys the NIPs of A's lampiran only: B's lampiran is the public one", async () => {
    for (const auth of [key.analystA.auth, key.hrA.auth]) {
      const own = await download('lampiran.xlsx', '', auth, `/rotation-events/${eventA}/lampiran.xlsx`);
      expect([own.status, own.text]).toEqual([200, expect.stringContaining(alfa[0].nip)]);
      const other = await download('lampiran.xlsx', '', auth, `/rotation-events/${eventB}/lampiran.xlsx`);
      expect([other.status, other.text]).toEqual([200, expect.stringContaining(bravo[0].name)]);
      for (const official of bravo) expect(other.text).not.toContain(official.nip);
    }
    const byB = await download('lampiran.xlsx', '', key.hrB.auth, `/rotation-events/${eventB}/lampiran.xlsx`);
    expect(byB.text).toContain(bravo[0].nip);
  });

  it("lists to A's ADMIN only keys acting for A: none of B's, none acting for every government", async () => {
    const res = await t.gql('{ apiKeys { id allGovernments governments { regionCode } } }', {}, key.adminA.auth);
    expect(res.errors).toBeUndefined();
    const listed = res.data.apiKeys as { id: string; allGovernments: boolean; governments: { regionCode: string }[] }[];
    expect(listed.map((k) => k.id).sort()).toEqual([key.hrA.id, key.analystA.id, key.adminA.id].sort());
    for (const k of listed) expect(k).toMatchObject({ allGovernments: false, governments: [{ regionCode: A.regionCode }] });
    // B's ADMIN sees B's keys the same way: the list is per scope, not empty for scoped keys.
    const other = await t.gql('{ apiKeys { id } }', {}, key.adminB.auth);
    expect(other.data.apiKeys.map((k: { id: string }) => k.id).sort()).toEqual([key.adminB.id, key.hrB.id].sort());
  });
});
