import { createOrganization, createPosition, positionInput } from './factories/index.js';
import { startTestApp, type TestApp } from './support/app.js';

const CREATE = `mutation ($input: CreatePositionInput!) {
  createPosition(input: $input) { id code title echelon category establishedOn abolishedOn organization { code } }
}`;
const UPDATE = `mutation ($id: ID!, $input: UpdatePositionInput!) { updatePosition(id: $id, input: $input) { code title abolishedOn echelon } }`;

describe('positions', () => {
  let t: TestApp;
  let dinkes: string;
  beforeAll(async () => {
    t = await startTestApp();
    dinkes = await createOrganization(t, { code: 'DINKES', name: 'Dinas Kesehatan' });
  });
  afterAll(() => t.close());

  it('creates a structural post in a unit and reads it by id and code', async () => {
    const res = await t.hr(CREATE, {
      input: { code: 'DINKES-SEKDIS', title: 'Sekretaris Dinas Kesehatan', organizationId: dinkes, echelon: 'III_A', category: 'ADMINISTRATOR', establishedOn: '2016-12-30' },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data.createPosition).toMatchObject({
      code: 'DINKES-SEKDIS', echelon: 'III_A', category: 'ADMINISTRATOR', establishedOn: '2016-12-30', abolishedOn: null, organization: { code: 'DINKES' },
    });
    const byCode = await t.gql(`{ position(code: "DINKES-SEKDIS") { id title organization { name } } }`);
    expect(byCode.data.position).toMatchObject({ id: res.data.createPosition.id, title: 'Sekretaris Dinas Kesehatan', organization: { name: 'Dinas Kesehatan' } });
  });

  it('creates a non-structural UPTD head post without echelon', async () => {
    const pkm = await createOrganization(t, { code: 'PKM-PEKAYON', kind: 'TECHNICAL_UNIT', parentId: dinkes });
    const res = await t.hr(CREATE, { input: positionInput(pkm, { title: 'Kepala UPTD Puskesmas Pekayon', echelon: null, category: 'UNIT_HEAD' }) });
    expect(res.data.createPosition).toMatchObject({ echelon: null, category: 'UNIT_HEAD' });
  });

  it('refuses an unknown organization with BAD_USER_INPUT naming organizationId', async () => {
    const res = await t.hr(CREATE, { input: positionInput('987654') });
    expect(res.errors?.[0].extensions).toEqual({
      code: 'BAD_USER_INPUT',
      domainCode: 'UNKNOWN_ORGANIZATION',
      problems: [{ field: 'organizationId', code: 'UNKNOWN_ORGANIZATION', message: 'No organization with this id.' }],
    });
  });

  it('refuses a duplicate code with CONFLICT', async () => {
    await createPosition(t, dinkes, { code: 'DUP-POS' });
    const res = await t.hr(CREATE, { input: positionInput(dinkes, { code: 'DUP-POS' }) });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', domainCode: 'POSITION_CODE_TAKEN' });
  });

  it('names every wrong field: empty title, over-long title, malformed organization id', async () => {
    const badId = await t.hr(CREATE, { input: positionInput('not-a-number') });
    expect(badId.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', problems: [expect.objectContaining({ field: 'input.organizationId', code: 'ID_INVALID' })] });
    const empty = await t.hr(CREATE, { input: positionInput(dinkes, { title: '', code: '' }) });
    expect(empty.errors?.[0].extensions.problems).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'title', code: 'IS_NOT_EMPTY' }), expect.objectContaining({ field: 'code', code: 'IS_NOT_EMPTY' })]),
    );
    const long = await t.hr(CREATE, { input: positionInput(dinkes, { title: 'K'.repeat(256) }) });
    expect(long.errors?.[0].extensions.problems).toEqual([{ field: 'title', code: 'MAX_LENGTH', message: 'title must be at most 255 characters' }]);
  });

  it('refuses an enum value that does not exist before resolving', async () => {
    const res = await t.hr(CREATE, { input: positionInput(dinkes, { echelon: 'III_C' }) });
    expect(res.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].message).toContain('III_C');
  });

  it('updates a post: abolition date, echelon; refuses an abolition before establishment', async () => {
    const id = await createPosition(t, dinkes, { establishedOn: '2010-01-01' });
    const res = await t.hr(UPDATE, { id, input: { abolishedOn: '2024-01-01', echelon: 'IV_A' } });
    expect(res.data.updatePosition).toMatchObject({ abolishedOn: '2024-01-01', echelon: 'IV_A' });
    const bad = await t.hr(UPDATE, { id, input: { abolishedOn: '2009-12-31' } });
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', problems: [{ field: 'abolishedOn', code: 'DATES_OUT_OF_ORDER' }] });
    const unknown = await t.hr(UPDATE, { id: '55555', input: { title: 'X' } });
    expect(unknown.errors?.[0].extensions).toEqual({ code: 'NOT_FOUND', domainCode: 'POSITION_NOT_FOUND' });
  });

  it('moves a post to another unit of its government, never to another government', async () => {
    const id = await createPosition(t, dinkes);
    const sibling = await createOrganization(t, { code: 'DINKES-BARU' });
    const moved = await t.hr(UPDATE, { id, input: { organizationId: sibling } });
    expect(moved.errors).toBeUndefined();
    const other = await createOrganization(t, { kind: 'GOVERNMENT', code: 'POS-GOV' });
    const abroad = await createOrganization(t, { code: 'POS-GOV-DINKES', parentId: other });
    const refused = await t.hr(UPDATE, { id, input: { organizationId: abroad } });
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', domainCode: 'POST_CHANGES_GOVERNMENT', problems: [{ field: 'organizationId' }] });
    const still = await t.gql(`query ($id: ID) { position(id: $id) { organization { code } } }`, { id });
    expect(still.data.position.organization.code).toBe('DINKES-BARU');
  });

  it('lists posts filtered by unit and echelon, paged', async () => {
    const bapenda = await createOrganization(t, { code: 'BAPENDA' });
    for (const echelon of ['III_B', 'IV_A', 'IV_A', 'IV_A']) await createPosition(t, bapenda, { echelon });
    const q = `query ($org: ID, $after: String) { positions(organizationId: $org, echelon: IV_A, first: 2, after: $after) {
      totalCount edges { node { echelon organization { code } } } pageInfo { hasNextPage endCursor } } }`;
    const first = await t.gql(q, { org: bapenda });
    expect(first.data.positions.totalCount).toBe(3);
    expect(first.data.positions.edges).toHaveLength(2);
    expect(first.data.positions.edges.every((e: any) => e.node.echelon === 'IV_A' && e.node.organization.code === 'BAPENDA')).toBe(true);
    const second = await t.gql(q, { org: bapenda, after: first.data.positions.pageInfo.endCursor });
    expect(second.data.positions.edges).toHaveLength(1);
    expect(second.data.positions.pageInfo.hasNextPage).toBe(false);
  });

  it('searches titles by words in any order, joined or split, and near spellings; codes by fragment', async () => {
    const pkm = await createOrganization(t, { code: 'PKM-KALIBARU', kind: 'TECHNICAL_UNIT', parentId: dinkes });
    await createPosition(t, pkm, { code: 'PKM-KALIBARU-KA', title: 'Kepala UPTD Puskesmas Kalibaru', echelon: null, category: 'UNIT_HEAD' });
    await createPosition(t, pkm, { code: 'PKM-KALIABANG-KA', title: 'Kepala UPTD Puskesmas Kaliabang Tengah', echelon: null, category: 'UNIT_HEAD' });
    await createPosition(t, dinkes, { code: 'DINKES-P2P', title: 'Kepala Bidang Pencegahan dan Pengendalian Penyakit' });
    const found = async (search: string, org?: string) =>
      (await t.gql(`query ($q: String, $org: ID) { positions(search: $q, organizationId: $org, first: 20) { edges { node { code } } } }`, { q: search, org })).data.positions.edges
        .map((e: any) => e.node.code)
        .sort();
    expect(await found('puskesmas kali baru')).toEqual(['PKM-KALIBARU-KA']);
    expect(await found('kalibaru puskesmas')).toEqual(['PKM-KALIBARU-KA']);
    expect(await found('PUSKESMÁS kalibaru')).toEqual(['PKM-KALIBARU-KA']);
    expect(await found('puskesmas kalibar')).toEqual(['PKM-KALIBARU-KA']);
    expect(await found('puskesmas kaliabang')).toEqual(['PKM-KALIABANG-KA']);
    expect(await found('kepala puskesmas', pkm)).toEqual(['PKM-KALIABANG-KA', 'PKM-KALIBARU-KA']);
    expect(await found('pengendalian penyakit pencegahan')).toEqual(['DINKES-P2P']);
    expect(await found('KALIBARU-KA')).toEqual(['PKM-KALIBARU-KA']);
    expect(await found('puskesmas bintara')).toEqual([]);
  });
});
