import ExcelJS from 'exceljs';
import { ApiKeysService } from '../src/api-keys/api-keys.service.js';
import { Role } from '../src/auth/role.enum.js';
import { createOrganization } from './factories/index.js';
import { startTestApp, type TestApp } from './support/app.js';
import { eventInput, officials, query, record, RECORD, unitWithPosts, VALIDATE } from './support/rotations.js';

/*
 * An outsider's attacks on government scoping: a key acting for government A only, against
 * government B's records and people. Each test is an attack that once got through.
 */
const VOID = `mutation ($id: ID!, $v: Int!) { voidRotationEvent(id: $id, expectedVersion: $v, reason: "serangan") { id status } }`;

describe('attacks on government scoping by a key acting for one government', () => {
  let t: TestApp;
  let A: { id: string; code: string; regionCode: string };
  let B: { id: string; code: string; regionCode: string };
  let hrA: Record<string, string>;
  let hrB: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp();
    A = { id: await createOrganization(t, { kind: 'GOVERNMENT', code: 'PEMKOT-SERANG', regionCode: '84.01', name: 'Pemerintah Kota Serang' }), code: 'PEMKOT-SERANG', regionCode: '84.01' };
    B = { id: await createOrganization(t, { kind: 'GOVERNMENT', code: 'PEMKAB-TUBAN', regionCode: '85.02', name: 'Pemerintah Kabupaten Tuban' }), code: 'PEMKAB-TUBAN', regionCode: '85.02' };
    await unitWithPosts(t, 'SRG', 4, { parentId: A.id });
    await unitWithPosts(t, 'TBN', 4, { parentId: B.id });
    const keys = t.app.get(ApiKeysService);
    hrA = { authorization: `Bearer ${(await keys.create(Role.HR, 'HR Serang', null, [A.regionCode])).secret}` };
    hrB = { authorization: `Bearer ${(await keys.create(Role.HR, 'HR Tuban', null, [B.regionCode])).secret}` };
  });
  afterAll(() => t.close());

  it("refuses a backdated move from B's post that would rewrite B's later decrees", async () => {
    const [tono] = await officials(t, 'Tono', 1, { government: B.code });
    await record(t, [{ officialId: tono.id, toPositionCode: 'TBN-1' }], { swornInOn: '2020-03-02', decreeDate: '2020-03-01', issuer: 'Bupati Tuban' });
    const later = await record(t, [{ officialId: tono.id, toPositionCode: 'TBN-2' }], { swornInOn: '2024-03-04', decreeDate: '2024-03-01', issuer: 'Bupati Tuban' });
    const before = await query(t, 'SELECT from_position_id FROM transfers WHERE event_id = $1', [later.event.id]);

    // A's key brings Tono to A in 2022, between B's two decrees: B's 2024 decree would then move him from A's post.
    const input = eventInput([{ officialId: tono.id, toPositionCode: 'SRG-1' }], { swornInOn: '2022-05-02', decreeDate: '2022-05-01', issuer: 'Wali Kota Serang' });
    const dry = await t.gql(VALIDATE, { input }, hrA);
    expect(dry.data.validateRotationEvent.valid).toBe(false);
    expect(dry.data.validateRotationEvent.problems).toContainEqual(expect.objectContaining({ code: 'OUTSIDE_SCOPE', severity: 'ERROR', index: 0 }));
    const res = await t.gql(RECORD, { input }, hrA);
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', domainCode: 'OUTSIDE_SCOPE', government: { regionCode: B.regionCode } });
    expect(await query(t, 'SELECT from_position_id FROM transfers WHERE event_id = $1', [later.event.id])).toEqual(before);
    expect(await query(t, `SELECT 1 FROM rotation_event_revisions WHERE event_id = $1 AND kind = 'BACKFILL'`, [later.event.id])).toEqual([]);
  });

  it("refuses to void A's own decree when that would rewrite B's later decree", async () => {
    const [tara] = await officials(t, 'Tara', 1, { government: B.code });
    const own = (await t.gql(RECORD, { input: eventInput([{ officialId: tara.id, toPositionCode: 'SRG-3' }], { swornInOn: '2021-03-01', decreeDate: '2021-02-26' }) }, hrA)).data.recordRotationEvent;
    // B takes her back in 2023; its decree moves her from A's post, which it does not state.
    const back = await record(t, [{ officialId: tara.id, toPositionCode: 'TBN-4' }], { swornInOn: '2023-03-06', decreeDate: '2023-03-01', issuer: 'Bupati Tuban' });
    const res = await t.gql(VOID, { id: own.event.id, v: own.event.version }, hrA);
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', domainCode: 'OUTSIDE_SCOPE', government: { regionCode: B.regionCode } });
    expect(await query(t, 'SELECT status FROM rotation_events WHERE id = $1', [own.event.id])).toEqual([{ status: 'RECORDED' }]);
    expect(back.event.transfers[0].fromPosition).toEqual({ code: 'SRG-3' });
    expect(await query(t, `SELECT fp.code FROM transfers t JOIN positions fp ON fp.id = t.from_position_id WHERE t.event_id = $1`, [back.event.id])).toEqual([{ code: 'SRG-3' }]);
  });

  it("replays none of B's submissions to A's key by their idempotency key", async () => {
    const [tini] = await officials(t, 'Tini', 1, { government: B.code });
    const input = eventInput([{ officialId: tini.id, toPositionCode: 'TBN-3' }], { issuer: 'Bupati Tuban' });
    const first = await t.gql(RECORD, { input, key: 'tuban-2026-001' }, hrB);
    expect(first.errors).toBeUndefined();
    const replay = await t.gql(RECORD, { input, key: 'tuban-2026-001' }, hrA);
    expect(replay.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', domainCode: 'OUTSIDE_SCOPE', government: { regionCode: B.regionCode } });
    // B's key still gets its own submission back.
    const own = (await t.gql(RECORD, { input, key: 'tuban-2026-001' }, hrB)).data.recordRotationEvent;
    expect(own).toMatchObject({ replayed: true, event: { id: first.data.recordRotationEvent.event.id } });
  });

  it("finds none of B's officials by NIP for A's key", async () => {
    const [tuti] = await officials(t, 'Tuti', 1, { government: B.code });
    const res = await t.gql(`query ($nip: String!) { official(nip: $nip) { id name } }`, { nip: tuti.nip }, hrA);
    expect(res.data?.official ?? null).toBeNull();
    // Not found, as a NIP nobody holds: a refusal would tell that someone holds it.
    const absent = await t.gql(`query ($nip: String!) { official(nip: $nip) { id } }`, { nip: '197805122005011999' }, hrA);
    expect(res.errors?.[0].extensions).toEqual(absent.errors?.[0].extensions);
    expect(res.errors?.[0].message).toBe(absent.errors?.[0].message);
    // B's own key still finds her; A's key finds one of B's officials that A employs today.
    const [tuwuh] = await officials(t, 'Tuwuh', 1, { government: B.code });
    await record(t, [{ officialId: tuwuh.id, toPositionCode: 'SRG-2' }], { swornInOn: '2025-01-06', decreeDate: '2025-01-02' });
    expect((await t.gql(`query ($nip: String!) { official(nip: $nip) { id nip } }`, { nip: tuwuh.nip }, hrA)).data.official).toEqual({ id: tuwuh.id, nip: tuwuh.nip });
    expect((await t.gql(`query ($nip: String!) { official(nip: $nip) { id } }`, { nip: tuti.nip }, hrB)).data.official.id).toBe(tuti.id);
  });

  it("keeps the code, region code and type of A's own government from A's key", async () => {
    const UPDATE = `mutation ($id: ID!, $input: UpdateOrganizationInput!) { updateOrganization(id: $id, input: $input) { id name regionCode } }`;
    // A region code not yet taken, which a government added later would need.
    for (const input of [{ regionCode: '85.03' }, { code: 'PEMKAB-LAIN' }, { governmentType: 'PROVINCE' }]) {
      const res = await t.gql(UPDATE, { id: A.id, input }, hrA);
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', domainCode: 'OUTSIDE_SCOPE', government: { regionCode: '*' } });
    }
    expect(await query(t, 'SELECT code, region_code, government_type FROM organizations WHERE id = $1', [A.id])).toEqual([
      { code: A.code, region_code: A.regionCode, government_type: 'CITY' },
    ]);
    // Its name, and the same identity sent back unchanged (as an edit form does), still go through.
    const renamed = await t.gql(UPDATE, { id: A.id, input: { name: 'Pemerintah Kota Serang Baru', code: A.code, regionCode: A.regionCode, governmentType: 'CITY' } }, hrA);
    expect(renamed.data.updateOrganization).toEqual({ id: A.id, name: 'Pemerintah Kota Serang Baru', regionCode: A.regionCode });
    // A key acting for every government may change them.
    expect((await t.hr(UPDATE, { id: A.id, input: { regionCode: '84.02' } })).data.updateOrganization.regionCode).toBe('84.02');
    await t.hr(UPDATE, { id: A.id, input: { regionCode: A.regionCode } });
  });

  it("exports to A's key no personal data of B's people in A's history: a former holder, an acting (Plt) holder", async () => {
    const [tarno, plt] = await officials(t, 'Tarno', 2, { government: B.code });
    const [own] = await officials(t, 'Sari', 1, { government: A.code });
    await unitWithPosts(t, 'SRX', 2, { parentId: A.id });
    await unitWithPosts(t, 'TBX', 1, { parentId: B.id });
    await record(t, [{ officialId: tarno.id, toPositionCode: 'SRX-1' }], { swornInOn: '2019-03-01', decreeDate: '2019-02-26' });
    await record(t, [{ officialId: tarno.id, toPositionCode: 'TBX-1' }], { swornInOn: '2019-09-02', decreeDate: '2019-08-26' });
    await record(t, [{ officialId: plt.id, toPositionCode: 'SRX-1', capacity: 'ACTING' }, { officialId: own.id, toPositionCode: 'SRX-2' }], { swornInOn: '2019-10-01', decreeDate: '2019-09-26' });
    // The GraphQL fields refuse both to A's key…
    const gql = await t.gql(`query ($a: ID!, $b: ID!) { a: official(id: $a) { nip } b: official(id: $b) { nip } }`, { a: tarno.id, b: plt.id }, hrA);
    expect(gql.errors?.map((e) => e.path!.join('.')).sort()).toEqual(['a.nip', 'b.nip']);
    // …and so does every export of A's history, which still names them; A's own official keeps hers.
    for (const name of ['transfers.csv', 'appointments.csv', 'appointments.ndjson', 'popolo.json']) {
      const res = await t.http().get(`/exports/${name}?government=${A.regionCode}`).set(hrA);
      expect(res.status).toBe(200);
      expect([name, res.text.includes(tarno.name), res.text.includes(plt.name), res.text.includes(own.nip)]).toEqual([name, true, true, true]);
      expect([name, res.text.includes(tarno.nip), res.text.includes(plt.nip), res.text.includes('1978-05-12')]).toEqual([name, false, false, name === 'popolo.json']);
    }
  });

  it("gives A's key, in the lampiran.xlsx of A's decree, no NIP of B's official acting (Plt) in A's post", async () => {
    const [plt] = await officials(t, 'Tatang', 1, { government: B.code });
    const [own] = await officials(t, 'Sinta', 1, { government: A.code });
    await unitWithPosts(t, 'SRY', 2, { parentId: A.id });
    const decree = await record(t, [{ officialId: plt.id, toPositionCode: 'SRY-1', capacity: 'ACTING' }, { officialId: own.id, toPositionCode: 'SRY-2' }], { swornInOn: '2019-11-04', decreeDate: '2019-11-01' });
    const res = await t.http().get(`/rotation-events/${decree.event.id}/lampiran.xlsx`).set(hrA).buffer(true).parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    expect(res.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.body);
    const cells: string[] = [];
    book.worksheets[0].eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value))));
    expect(cells).toEqual(expect.arrayContaining([own.nip, expect.stringContaining('Tatang')]));
    expect(cells).not.toContain(plt.nip);
  });
});
