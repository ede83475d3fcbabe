import { createOfficial, nip, officialInput } from './factories/index.js';
import { startTestApp, type TestApp } from './support/app.js';
import { query } from './support/rotations.js';

const FIELDS = 'id nip name honorificPrefix honorificSuffix displayName employment rank gender birthDate';
const CREATE = `mutation ($input: CreateOfficialInput!) { createOfficial(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation ($id: ID!, $input: UpdateOfficialInput!) { updateOfficial(id: $id, input: $input) { ${FIELDS} } }`;

describe('officials', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('derives birth date, gender and employment from the NIP and joins titles the Indonesian way', async () => {
    const res = await t.hr(CREATE, {
      input: { nip: '197805122005011003', name: 'Ahmad Fauzi', honorificPrefix: 'dr. H.', honorificSuffix: 'M.Kes.', rank: 'IV_A' },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data.createOfficial).toMatchObject({
      nip: '197805122005011003',
      name: 'Ahmad Fauzi',
      displayName: 'dr. H. Ahmad Fauzi, M.Kes.',
      employment: 'PNS',
      rank: 'IV_A',
      gender: 'MALE',
      birthDate: '1978-05-12',
    });
  });

  it('accepts a PPPK NIP with a grade, and a single-word name', async () => {
    const res = await t.hr(CREATE, { input: { nip: '199001012022212005', name: 'Sumarni', rank: 'IX' } });
    expect(res.data.createOfficial).toMatchObject({ employment: 'PPPK', gender: 'FEMALE', birthDate: '1990-01-01', displayName: 'Sumarni', rank: 'IX' });
  });

  it('records an official without NIP with the given birth date and gender', async () => {
    const res = await t.hr(CREATE, { input: { name: 'Budi Santoso', birthDate: '1970-08-17', gender: 'MALE' } });
    expect(res.data.createOfficial).toMatchObject({ nip: null, employment: 'PNS', birthDate: '1970-08-17', gender: 'MALE' });
  });

  it.each([
    ['a malformed NIP', '19780512200501100', 'NIP must be exactly 18 digits'],
    ['an impossible birth date', '197802302005011003', '19780230 is not'],
    ['an appointment before age 15', '199505122005011003', 'less than 15 years'],
    ['a gender digit other than 1 or 2', '197805122005013003', 'gender'],
  ])('refuses %s with NIP_INVALID on nip', async (_, value, reason) => {
    const res = await t.hr(CREATE, { input: officialInput({ nip: value }) });
    expect(res.data).toBeNull();
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', domainCode: 'VALIDATION_FAILED' });
    const problems = res.errors![0].extensions.problems;
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ field: 'nip', code: 'NIP_INVALID' });
    expect(problems[0].message).toContain(reason);
  });

  it('names every wrong field at once: empty name, bad NIP, over-long titles', async () => {
    const res = await t.hr(CREATE, { input: { nip: '123', name: ' ', honorificSuffix: 'M'.repeat(101) } });
    const fields = res.errors![0].extensions.problems.map((p: any) => `${p.field}:${p.code}`);
    expect(fields).toEqual(expect.arrayContaining(['nip:NIP_INVALID', 'name:IS_NOT_EMPTY', 'honorificSuffix:MAX_LENGTH']));
  });

  it('refuses titles or digits inside the name', async () => {
    const res = await t.hr(CREATE, { input: officialInput({ name: 'Ahmad Fauzi, M.Kes.' }) });
    expect(res.errors?.[0].extensions.problems).toEqual([expect.objectContaining({ field: 'name', code: 'MATCHES' })]);
  });

  it('refuses a rank of the wrong kind, and an employment or birth date the NIP contradicts', async () => {
    const res = await t.hr(CREATE, { input: officialInput({ rank: 'IX', birthDate: '1980-01-01', gender: 'FEMALE' }) });
    const problems = res.errors![0].extensions.problems.map((p: any) => `${p.field}:${p.code}`);
    expect(problems).toEqual(['birthDate:NIP_MISMATCH', 'gender:NIP_MISMATCH', 'rank:RANK_EMPLOYMENT_MISMATCH']);
    const employment = await t.hr(CREATE, { input: officialInput({ employment: 'PPPK', rank: null }) });
    expect(employment.errors![0].extensions.problems).toEqual([
      { field: 'employment', code: 'NIP_EMPLOYMENT_MISMATCH', message: 'the NIP is a PNS number, but employment is PPPK' },
    ]);
  });

  it('refuses a duplicate NIP with CONFLICT and never echoes the NIP', async () => {
    const taken = nip({ serial: 777 });
    await createOfficial(t, { nip: taken });
    const res = await t.hr(CREATE, { input: officialInput({ nip: taken }) });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', domainCode: 'NIP_TAKEN' });
    expect(JSON.stringify(res)).not.toContain(taken);
  });

  it('finds an official by id and by NIP; NOT_FOUND otherwise', async () => {
    const value = nip({ serial: 321 });
    const id = await createOfficial(t, { nip: value, name: 'Siti Rahma' });
    expect((await t.hr(`query ($nip: String) { official(nip: $nip) { id name } }`, { nip: value })).data.official).toEqual({ id, name: 'Siti Rahma' });
    expect((await t.hr(`query ($id: ID) { official(id: $id) { nip } }`, { id })).data.official.nip).toBe(value);
    const missing = await t.hr(`{ official(nip: "196001011985031001") { id } }`);
    expect(missing.errors?.[0].extensions).toEqual({ code: 'NOT_FOUND', domainCode: 'OFFICIAL_NOT_FOUND' });
  });

  it('shows createdAt and updatedAt as the instants the database holds, in ISO 8601 UTC, by point read and in a list', async () => {
    const id = await createOfficial(t, { nip: nip({ serial: 322 }) });
    // A fixed instant with microseconds, written with an offset: the text pg sends back must still read right.
    await query(t, `UPDATE officials SET updated_at = '2026-02-06 09:00:00.123456+07' WHERE id = $1`, [id]);
    const [{ created }] = await query<{ created: string }>(t, `SELECT to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS created FROM officials WHERE id = $1`, [id]);
    const expected = { createdAt: created, updatedAt: '2026-02-06T02:00:00.123Z' };
    expect((await t.hr(`query ($id: ID) { official(id: $id) { createdAt updatedAt } }`, { id })).data.official).toEqual(expected);
    const listed = (await t.hr(`{ officials(first: 100) { edges { node { id createdAt updatedAt } } } }`)).data.officials.edges.find((e: any) => e.node.id === id);
    expect(listed.node).toEqual({ id, ...expected });
  });

  it('updates: a new NIP re-derives birth date and gender; titles change', async () => {
    const id = await createOfficial(t, { nip: nip({ birth: '19800101', gender: 1, serial: 55 }) });
    const res = await t.hr(UPDATE, { id, input: { nip: nip({ birth: '19820202', tmt: '200803', gender: 2, serial: 56 }), honorificPrefix: 'Dra.' } });
    expect(res.data.updateOfficial).toMatchObject({ birthDate: '1982-02-02', gender: 'FEMALE', honorificPrefix: 'Dra.' });
    const unknown = await t.hr(UPDATE, { id: '99999', input: { name: 'X' } });
    expect(unknown.errors?.[0].extensions.code).toBe('NOT_FOUND');
  });

  it('lists officials matching a name regardless of case and accents', async () => {
    await createOfficial(t, { name: 'Dédi Kurniawan' });
    await createOfficial(t, { name: 'DEDI Supriadi' });
    const res = await t.gql(`{ officials(search: "dedi", first: 10) { totalCount edges { node { name } } } }`);
    expect(res.data.officials.totalCount).toBe(2);
    expect(res.data.officials.edges.map((e: any) => e.node.name).sort()).toEqual(['DEDI Supriadi', 'Dédi Kurniawan']);
  });
});
