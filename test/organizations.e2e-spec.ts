import { createOrganization, organizationInput } from './factories/index.js';
import { startTestApp, type TestApp } from './support/app.js';

const CREATE = `mutation ($input: CreateOrganizationInput!) {
  createOrganization(input: $input) { id code name kind establishedOn dissolvedOn parent { id code } }
}`;
const UPDATE = `mutation ($id: ID!, $input: UpdateOrganizationInput!) {
  updateOrganization(id: $id, input: $input) { id code name parent { code } }
}`;

describe('organizations', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('creates a unit and reads it back by id and by code', async () => {
    const created = await t.hr(CREATE, {
      input: { code: 'PEMKOT-BKS', name: 'Pemerintah Kota Bekasi', kind: 'GOVERNMENT', regionCode: '32.75', governmentType: 'CITY', establishedOn: '1997-03-10' },
    });
    expect(created.errors).toBeUndefined();
    const org = created.data.createOrganization;
    expect(org).toMatchObject({ code: 'PEMKOT-BKS', kind: 'GOVERNMENT', establishedOn: '1997-03-10', dissolvedOn: null, parent: null });
    const government = await t.gql(`query ($id: ID) { organization(id: $id) { regionCode governmentType government { code } } }`, { id: org.id });
    expect(government.data.organization).toEqual({ regionCode: '32.75', governmentType: 'CITY', government: { code: 'PEMKOT-BKS' } });

    const byId = await t.gql(`query ($id: ID) { organization(id: $id) { code name } }`, { id: org.id });
    expect(byId.data.organization).toEqual({ code: 'PEMKOT-BKS', name: 'Pemerintah Kota Bekasi' });
    const byCode = await t.gql(`{ organization(code: "PEMKOT-BKS") { id } }`);
    expect(byCode.data.organization.id).toBe(org.id);
  });

  it('takes the parent by code as well as by id, and says which is wrong', async () => {
    const root = await createOrganization(t, { code: 'PARENT-BY-CODE' });
    const child = await t.hr(CREATE, { input: organizationInput({ parentCode: 'PARENT-BY-CODE' }) });
    expect(child.data.createOrganization.parent).toEqual({ id: root, code: 'PARENT-BY-CODE' });
    const unknown = await t.hr(CREATE, { input: organizationInput({ parentCode: 'NO-SUCH-UNIT' }) });
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', domainCode: 'UNKNOWN_PARENT', problems: [expect.objectContaining({ field: 'parentCode' })] });
    const both = await t.hr(CREATE, { input: organizationInput({ parentCode: 'PARENT-BY-CODE', parentId: root }) });
    expect(both.errors?.[0].extensions.domainCode).toBe('MISSING_IDENTIFIER');
    const moved = await t.hr(UPDATE, { id: child.data.createOrganization.id, input: { parentCode: 'PARENT-BY-CODE' } });
    expect(moved.data.updateOrganization.parent).toEqual({ code: 'PARENT-BY-CODE' });
  });

  it('keeps a tree: parent, children in code order, ancestors from parent to root', async () => {
    const root = await createOrganization(t, { code: 'ROOT', kind: 'GOVERNMENT' });
    const dinkes = await createOrganization(t, { code: 'DINKES', parentId: root });
    await createOrganization(t, { code: 'PKM-B', kind: 'TECHNICAL_UNIT', parentId: dinkes });
    const pkmA = await createOrganization(t, { code: 'PKM-A', kind: 'TECHNICAL_UNIT', parentId: dinkes });

    const res = await t.gql(`query ($id: ID) { organization(id: $id) { code parent { code } ancestors { code } children { code } } }`, { id: pkmA });
    expect(res.data.organization).toEqual({ code: 'PKM-A', parent: { code: 'DINKES' }, ancestors: [{ code: 'DINKES' }, { code: 'ROOT' }], children: [] });

    const parent = await t.gql(`query ($id: ID) { organization(id: $id) { children { code } ancestors { code } } }`, { id: dinkes });
    expect(parent.data.organization).toEqual({ children: [{ code: 'PKM-A' }, { code: 'PKM-B' }], ancestors: [{ code: 'ROOT' }] });
  });

  it('refuses a cycle: a unit under itself or under its own descendant', async () => {
    const a = await createOrganization(t, { code: 'CYC-A' });
    const b = await createOrganization(t, { code: 'CYC-B', parentId: a });
    const c = await createOrganization(t, { code: 'CYC-C', parentId: b });

    const self = await t.hr(UPDATE, { id: a, input: { parentId: a } });
    expect(self.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', domainCode: 'ORGANIZATION_CYCLE', problems: [{ field: 'parentId' }] });

    const loop = await t.hr(UPDATE, { id: a, input: { parentId: c } });
    expect(loop.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', domainCode: 'ORGANIZATION_CYCLE' });
    expect(loop.errors?.[0].message).not.toMatch(/violates|constraint|organizations_/);

    const unchanged = await t.gql(`query ($id: ID) { organization(id: $id) { parent { code } } }`, { id: a });
    expect(unchanged.data.organization.parent).toEqual({ code: 'PEMDA-UJI' });
  });

  it('moves a unit to another parent of its government, but not to the top nor to another government', async () => {
    const a = await createOrganization(t, { code: 'MOVE-A' });
    const b = await createOrganization(t, { code: 'MOVE-B' });
    const c = await createOrganization(t, { code: 'MOVE-C', parentId: a });
    const moved = await t.hr(UPDATE, { id: c, input: { parentId: b, name: 'Dipindah' } });
    expect(moved.data.updateOrganization).toMatchObject({ code: 'MOVE-C', name: 'Dipindah', parent: { code: 'MOVE-B' } });
    const top = await t.hr(UPDATE, { id: c, input: { parentId: null } });
    expect(top.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', domainCode: 'UNIT_CHANGES_GOVERNMENT' });
    const other = await createOrganization(t, { code: 'MOVE-GOV', kind: 'GOVERNMENT' });
    const away = await t.hr(UPDATE, { id: c, input: { parentId: other } });
    expect(away.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', domainCode: 'UNIT_CHANGES_GOVERNMENT' });
    const still = await t.gql(`query ($id: ID) { organization(id: $id) { parent { code } government { code } } }`, { id: c });
    expect(still.data.organization).toEqual({ parent: { code: 'MOVE-B' }, government: { code: 'PEMDA-UJI' } });
  });

  it('refuses a top-level unit that is not a government with its region code, and a region code taken twice', async () => {
    const bare = await t.hr(CREATE, { input: { code: 'NO-PARENT', name: 'Dinas Tanpa Induk', kind: 'AGENCY' } });
    expect(bare.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', domainCode: 'GOVERNMENT_SHAPE' });
    const noRegion = await t.hr(CREATE, { input: { code: 'NO-REGION', name: 'Pemerintah Tanpa Kode', kind: 'GOVERNMENT', governmentType: 'REGENCY' } });
    expect(noRegion.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', domainCode: 'GOVERNMENT_SHAPE' });
    const badRegion = await t.hr(CREATE, { input: { code: 'BAD-REGION', name: 'Pemerintah Salah Kode', kind: 'GOVERNMENT', regionCode: '3216', governmentType: 'REGENCY' } });
    expect(badRegion.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', problems: [expect.objectContaining({ field: 'regionCode' })] });
    const taken = await t.hr(CREATE, { input: { code: 'TWICE', name: 'Pemerintah Kembar', kind: 'GOVERNMENT', regionCode: '99.01', governmentType: 'CITY' } });
    expect(taken.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', domainCode: 'REGION_CODE_TAKEN' });
    const count = await t.gql(`{ governments { code } }`);
    expect(count.data.governments.map((g: { code: string }) => g.code)).not.toContain('TWICE');
  });

  it('refuses an unknown parent with BAD_USER_INPUT naming parentId', async () => {
    const res = await t.hr(CREATE, { input: organizationInput({ parentId: '999999' }) });
    expect(res.data).toBeNull();
    expect(res.errors?.[0].extensions).toEqual({
      code: 'BAD_USER_INPUT',
      domainCode: 'UNKNOWN_PARENT',
      problems: [{ field: 'parentId', code: 'UNKNOWN_PARENT', message: 'No organization with this id.' }],
    });
  });

  it('refuses a duplicate code with CONFLICT', async () => {
    await createOrganization(t, { code: 'DUP' });
    const res = await t.hr(CREATE, { input: organizationInput({ code: 'DUP' }) });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', domainCode: 'ORGANIZATION_CODE_TAKEN' });
    expect(res.errors?.[0].message).toBe('An organization with this code already exists.');
  });

  it('names every wrong field at once: empty name, over-long code, bad characters, bad kind dates', async () => {
    const res = await t.hr(CREATE, { input: { code: 'x'.repeat(51), name: '   ', kind: 'AGENCY' } });
    expect(res.errors).toHaveLength(1);
    const { extensions } = res.errors![0];
    expect(extensions.code).toBe('BAD_USER_INPUT');
    expect(extensions.domainCode).toBe('VALIDATION_FAILED');
    expect(extensions.problems).toEqual(
      expect.arrayContaining([
        { field: 'code', code: 'MAX_LENGTH', message: 'code must be at most 50 characters' },
        { field: 'code', code: 'MATCHES', message: "code may contain only capital letters, digits, '.', '_' and '-'" },
        { field: 'name', code: 'IS_NOT_EMPTY', message: 'name must not be empty' },
      ]),
    );
  });

  it('refuses an impossible date before anything runs', async () => {
    const res = await t.hr(CREATE, { input: organizationInput({ establishedOn: '2026-02-30' }) });
    expect(res.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].message).toContain('real calendar date');
  });

  it('refuses a dissolution date before the establishment date', async () => {
    const res = await t.hr(CREATE, { input: organizationInput({ establishedOn: '2020-01-01', dissolvedOn: '2019-01-01' }) });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', domainCode: 'VALIDATION_FAILED', problems: [{ field: 'dissolvedOn' }] });
  });

  it('answers NOT_FOUND for an unknown id or code, on read and on update', async () => {
    const read = await t.gql(`{ organization(id: "424242") { id } }`);
    expect(read.errors?.[0].extensions).toEqual({ code: 'NOT_FOUND', domainCode: 'ORGANIZATION_NOT_FOUND' });
    const byCode = await t.gql(`{ organization(code: "NOPE") { id } }`);
    expect(byCode.errors?.[0].extensions.code).toBe('NOT_FOUND');
    const update = await t.hr(UPDATE, { id: '424242', input: { name: 'X' } });
    expect(update.errors?.[0].extensions.code).toBe('NOT_FOUND');
  });

  it('asks for exactly one of id and code', async () => {
    const res = await t.gql(`{ organization { id } }`);
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', domainCode: 'MISSING_IDENTIFIER' });
  });

  it('lists as a Relay connection with filters, totalCount and stable cursors', async () => {
    for (let i = 0; i < 5; i++) await createOrganization(t, { code: `LIST-${i}`, name: `Kecamatan Daftar ${i}`, kind: 'DISTRICT' });
    const page = `query ($after: String) { organizations(kind: DISTRICT, search: "daftar", first: 2, after: $after) {
      totalCount edges { cursor node { code } } pageInfo { hasNextPage hasPreviousPage endCursor } } }`;
    const first = await t.gql(page);
    expect(first.data.organizations.totalCount).toBe(5);
    expect(first.data.organizations.edges.map((e: any) => e.node.code)).toEqual(['LIST-0', 'LIST-1']);
    expect(first.data.organizations.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    expect((await t.gql(page)).data).toEqual(first.data);

    const second = await t.gql(page, { after: first.data.organizations.pageInfo.endCursor });
    expect(second.data.organizations.edges.map((e: any) => e.node.code)).toEqual(['LIST-2', 'LIST-3']);
    const third = await t.gql(page, { after: second.data.organizations.pageInfo.endCursor });
    expect(third.data.organizations.edges.map((e: any) => e.node.code)).toEqual(['LIST-4']);
    expect(third.data.organizations.pageInfo.hasNextPage).toBe(false);
  });

  it('refuses first over 100 and a forged cursor', async () => {
    const big = await t.gql(`{ organizations(first: 101) { totalCount } }`);
    expect(big.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', problems: [{ field: 'first', message: 'first must be at most 100' }] });
    const forged = await t.gql(`{ organizations(after: "bm9wZQ") { totalCount } }`);
    expect(forged.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', domainCode: 'INVALID_CURSOR' });
  });
});
