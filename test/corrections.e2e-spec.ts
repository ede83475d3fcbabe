import { createOrganization } from './factories/index.js';
import { countStatements } from './support/statements.js';
import { startTestApp, type TestApp } from './support/app.js';
import { eventInput, officials, query, record, unitWithPosts } from './support/rotations.js';

const AMEND = `mutation ($id: ID!, $v: Int!, $input: RotationEventInput!, $reason: String!) {
  amendRotationEvent(id: $id, expectedVersion: $v, input: $input, reason: $reason) { event { id version } }
}`;
const VOID = `mutation ($id: ID!, $v: Int!, $reason: String!) { voidRotationEvent(id: $id, expectedVersion: $v, reason: $reason) { id version } }`;
const CORRECTIONS = `query ($unit: String, $from: DateTime, $to: DateTime, $first: Int, $after: String) {
  corrections(organizationCode: $unit, from: $from, to: $to, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node {
      id kind revision previousRevision version reason recordedAt
      event { id decreeNumber status }
      headerChanges { field before after }
      rowsAdded { seq officialId officialName fromCode toCode toTitle kind capacity fromStated kindStated }
      rowsRemoved { seq officialId toCode }
      rowsChanged { officialId officialName seq changes { field before after } }
    } }
  }
}`;

describe('corrections in the open', () => {
  let t: TestApp;
  let amended: { id: string; decree: string };
  let voided: string;
  let people: { id: string; name: string }[];
  let started: Date;

  beforeAll(async () => {
    t = await startTestApp();
    const parent = await createOrganization(t, { code: 'KOR-PEMKOT', kind: 'GOVERNMENT' });
    await unitWithPosts(t, 'KOR-A', 3, { parentId: parent });
    await unitWithPosts(t, 'KOR-B', 2, { parentId: parent });
    people = await officials(t, 'Koreksi', 4);
    started = new Date(Date.now() - 1000);
    const rows = [
      { officialId: people[0].id, toPositionCode: 'KOR-A-1' },
      { officialId: people[1].id, toPositionCode: 'KOR-A-2' },
    ];
    const input = eventInput(rows, { swornInOn: '2026-01-05', decreeDate: '2026-01-02' });
    const first = (await t.hr(`mutation ($input: RotationEventInput!) { recordRotationEvent(input: $input) { event { id version } } }`, { input })).data.recordRotationEvent.event;
    amended = { id: first.id, decree: input.decreeNumber };
    // The amendment moves the first official to another post and corrects the decree number.
    const res = await t.hr(AMEND, {
      id: first.id,
      v: first.version,
      reason: 'Salah ketik nomor SK dan jabatan tujuan',
      input: { ...input, decreeNumber: `${input.decreeNumber}-A`, transfers: [{ ...rows[0], toPositionCode: 'KOR-A-3' }, rows[1]] },
    });
    expect(res.errors).toBeUndefined();
    const other = await record(t, [{ officialId: people[2].id, toPositionCode: 'KOR-B-1' }], { swornInOn: '2026-01-06', decreeDate: '2026-01-02' });
    const v = await t.hr(VOID, { id: other.event.id, v: other.event.version, reason: 'SK ditarik oleh Wali Kota' });
    expect(v.errors).toBeUndefined();
    voided = other.event.id;
  });

  afterAll(() => t?.close());

  it('lists each amendment and void, newest first, with its public reason and exact difference, without a key', async () => {
    const res = await t.gql(CORRECTIONS, { from: started.toISOString() });
    expect(res.errors).toBeUndefined();
    const [v, a] = res.data.corrections.edges.map((e: any) => e.node);
    expect(res.data.corrections.totalCount).toBe(2);
    expect(v).toMatchObject({
      id: `${voided}/2`,
      kind: 'VOIDED',
      revision: 2,
      previousRevision: 1,
      version: 2,
      reason: 'SK ditarik oleh Wali Kota',
      event: { id: voided, status: 'VOIDED' },
      headerChanges: [{ field: 'status', before: 'RECORDED', after: 'VOIDED' }],
      rowsAdded: [],
      rowsRemoved: [],
      rowsChanged: [],
    });
    expect(a).toEqual({
      id: `${amended.id}/2`,
      kind: 'AMENDED',
      revision: 2,
      previousRevision: 1,
      version: 2,
      reason: 'Salah ketik nomor SK dan jabatan tujuan',
      recordedAt: expect.any(String),
      event: { id: amended.id, decreeNumber: `${amended.decree}-A`, status: 'RECORDED' },
      headerChanges: [{ field: 'decreeNumber', before: amended.decree, after: `${amended.decree}-A` }],
      rowsAdded: [],
      rowsRemoved: [],
      rowsChanged: [{ officialId: people[0].id, officialName: `${people[0].name}, S.H.`, seq: 1, changes: [{ field: 'toCode', before: 'KOR-A-1', after: 'KOR-A-3' }] }],
    });
    expect(Date.parse(v.recordedAt)).toBeGreaterThanOrEqual(Date.parse(a.recordedAt));
  });

  it('dates a correction at the instant the record history gives it: read as recorded then, the event is corrected; a millisecond before, not yet', async () => {
    const res = await t.gql(CORRECTIONS, { from: started.toISOString() });
    const v = res.data.corrections.edges.map((e: any) => e.node).find((c: any) => c.kind === 'VOIDED');
    const status = async (at: string) => (await t.gql(`query ($id: ID!, $at: DateTime) { rotationEvent(id: $id, asRecordedAt: $at) { status } }`, { id: voided, at })).data.rotationEvent.status;
    const before = new Date(new Date(v.recordedAt).getTime() - 1).toISOString();
    expect(await status(v.recordedAt)).toBe('VOIDED');
    expect(await status(before)).toBe('RECORDED');
  });

  it('pages by cursor and filters by instant', async () => {
    const one = await t.gql(CORRECTIONS, { first: 1, from: started.toISOString() });
    expect(one.data.corrections.pageInfo.hasNextPage).toBe(true);
    const two = await t.gql(CORRECTIONS, { first: 1, from: started.toISOString(), after: one.data.corrections.pageInfo.endCursor });
    expect(two.data.corrections.edges.map((e: any) => e.node.kind)).toEqual(['AMENDED']);
    const none = await t.gql(CORRECTIONS, { to: started.toISOString() });
    expect(none.data.corrections.edges).toEqual([]);
    const backwards = await t.gql(CORRECTIONS, { from: new Date().toISOString(), to: started.toISOString() });
    expect(backwards.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('narrows to a unit and its sub-units by the rows before and after', async () => {
    const kinds = async (unit: string) => (await t.gql(CORRECTIONS, { unit })).data.corrections.edges.map((e: any) => e.node.kind);
    expect(await kinds('KOR-A-UNIT-1')).toEqual(['AMENDED']);
    expect(await kinds('KOR-B-UNIT-2')).toEqual(['VOIDED']);
    expect(await kinds('KOR-PEMKOT')).toEqual(['VOIDED', 'AMENDED']);
  });

  it('keeps every state of an event, the first recording included, in the recording transaction', async () => {
    const rows = await query(t, `SELECT revision, version, kind, reason, header->>'decreeNumber' AS decree, jsonb_array_length(lampiran) AS rows FROM rotation_event_revisions WHERE event_id = $1 ORDER BY revision`, [amended.id]);
    expect(rows).toEqual([
      { revision: 1, version: 1, kind: 'RECORDED', reason: null, decree: amended.decree, rows: 2 },
      { revision: 2, version: 2, kind: 'AMENDED', reason: 'Salah ketik nomor SK dan jabatan tujuan', decree: `${amended.decree}-A`, rows: 2 },
    ]);
    const [first] = await query(t, `SELECT lampiran->0 AS row FROM rotation_event_revisions WHERE event_id = $1 AND revision = 1`, [amended.id]);
    expect(first.row).toEqual({
      seq: 1,
      officialId: people[0].id,
      officialName: `${people[0].name}, S.H.`, // the factory's title
      fromPositionId: null,
      fromCode: null,
      fromTitle: null,
      toPositionId: expect.any(String),
      toCode: 'KOR-A-1',
      toTitle: expect.any(String),
      kind: 'APPOINTMENT',
      capacity: 'DEFINITIVE',
      note: null,
      fromStated: false,
      kindStated: false,
    });
  });

  it('refuses to rewrite a kept revision or to number two alike', async () => {
    await expect(query(t, `UPDATE rotation_event_revisions SET reason = 'lain' WHERE event_id = $1`, [amended.id])).rejects.toThrow(/never changed/);
    await expect(
      query(t, `INSERT INTO rotation_event_revisions (event_id, revision, version, kind, header, lampiran) VALUES ($1, 1, 1, 'RECORDED', '{}', '[]')`, [amended.id]),
    ).rejects.toThrow(/rotation_event_revisions_event_id_revision_key/);
  });

  it('keeps who made the correction in the audit log, for ADMIN only', async () => {
    const Q = `{ auditLog(targetType: "rotation_event", first: 50) { edges { node { operation reason apiKeyId } } } }`;
    expect((await t.gql(Q)).errors?.[0].extensions.code).toMatch(/UNAUTHENTICATED|FORBIDDEN/);
    expect((await t.hr(Q)).errors?.[0].extensions.code).toBe('FORBIDDEN');
    const admin = await t.admin(Q);
    expect(admin.data.auditLog.edges.map((e: any) => e.node)).toContainEqual(expect.objectContaining({ operation: 'amendRotationEvent', reason: 'Salah ketik nomor SK dan jabatan tujuan' }));
  });

  it('costs the same number of SQL statements for one correction and for many', async () => {
    const count = (first: number) =>
      countStatements(t, async () => {
        const res = await t.gql(CORRECTIONS, { first, unit: 'KOR-PEMKOT' });
        expect(res.data.corrections.edges).toHaveLength(first);
      });
    await count(1); // warm the pool
    const one = await count(1);
    expect(await count(2)).toBe(one);
    expect(one).toBe(4); // the unit, the corrections, their count, their events
  });
});
