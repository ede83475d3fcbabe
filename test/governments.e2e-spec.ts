import { ApiKeysService } from '../src/api-keys/api-keys.service.js';
import { Role } from '../src/auth/role.enum.js';
import { loadDemo } from '../seeds/load-demo.js';
import { countStatements as countStatementsOf } from './support/statements.js';
import { startTestApp, type TestApp } from './support/app.js';
import { query } from './support/rotations.js';

/** The demo's three governments and the move between two of them (seeds/data/jabar.json). */
describe('the demo across governments', () => {
  let t: TestApp;
  let moved: { id: string; nip: string };
  beforeAll(async () => {
    t = await startTestApp();
    await loadDemo(t.app);
    [moved] = await query<{ id: string; nip: string }>(
      t,
      `SELECT f.id::text AS id, f.nip FROM transfers x JOIN rotation_events e ON e.id = x.event_id JOIN officials f ON f.id = x.official_id WHERE e.decree_number = '821.2/Kep.118-BKD/IV/2026'`,
    );
  });
  afterAll(() => t.close());

  const countStatements = (fn: () => Promise<unknown>) => countStatementsOf(t, fn);

  it('lists the three governments with their region codes', async () => {
    const res = await t.gql(`{ governments { code regionCode governmentType name } }`);
    const byRegion = Object.fromEntries(res.data.governments.map((g: any) => [g.regionCode, [g.code, g.governmentType, g.name]]));
    expect(byRegion).toMatchObject({
      '32': ['PEMPROV-JABAR', 'PROVINCE', 'Pemerintah Provinsi Jawa Barat'],
      '32.16': ['PEMKAB-BKS', 'REGENCY', 'Pemerintah Kabupaten Bekasi'],
      '32.75': ['PEMKOT-BKS', 'CITY', 'Pemerintah Kota Bekasi'],
    });
  });

  it('records the Gubernur\'s decree bringing a Kota official into a Provinsi post, with the one warning that says so', async () => {
    const [event] = await query<{ warnings: { code: string; severity: string }[] }>(t, `SELECT warnings FROM rotation_events WHERE decree_number = '821.2/Kep.118-BKD/IV/2026'`);
    expect(event.warnings.map((w) => w.code)).toEqual(['MOVE_FROM_OTHER_GOVERNMENT']);
    const feed = async (government: string) =>
      (
        await t.gql(`query ($g: String) { rotationEvents(government: $g, from: "2026-04-17", to: "2026-04-17") { edges { node { decreeNumber issuer government { regionCode } } } } }`, {
          g: government,
        })
      ).data.rotationEvents.edges.map((e: any) => e.node);
    const seen = [{ decreeNumber: '821.2/Kep.118-BKD/IV/2026', issuer: 'Gubernur Jawa Barat', government: { regionCode: '32' } }];
    expect(await feed('32')).toEqual(seen);
    expect(await feed('32.75')).toEqual(seen); // the sending side sees it too
    expect(await feed('32.16')).toEqual([]);
    const moves = async (government: string) =>
      (
        await t.gql(`query ($g: String) { transfers(government: $g, from: "2026-04-17", to: "2026-04-17") { edges { node { official { id } fromPosition { code } toPosition { code } } } } }`, {
          g: government,
        })
      ).data.transfers.edges.map((e: any) => e.node);
    const theMove = [{ official: { id: moved.id }, fromPosition: { code: expect.stringMatching(/^[A-Z]+-SEK$/) }, toPosition: { code: expect.stringMatching(/^JABAR-[A-Z]+-SEK$/) } }];
    expect(await moves('32')).toEqual(theMove);
    expect(await moves('PEMKOT-BKS')).toEqual(theMove);
    expect(await moves('32.16')).toEqual([]);
  });

  it("ends the official's Kota post by the Provinsi decree and employs them in the Provinsi from then", async () => {
    const res = await t.gql(
      `query ($id: ID) { official(id: $id) { before: government(on: "2026-04-16") { regionCode } after: government(on: "2026-04-17") { regionCode } now: government { regionCode }
        appointments { capacity startedOn endedOn position { code organization { government { regionCode } } } endedBy { event { decreeNumber government { code } } } } } }`,
      { id: moved.id },
    );
    const o = res.data.official;
    expect([o.before.regionCode, o.after.regionCode, o.now.regionCode]).toEqual(['32.75', '32', '32']);
    const definitive = o.appointments.filter((a: any) => a.capacity === 'DEFINITIVE');
    const [kota, provinsi] = definitive.slice(-2);
    expect(kota).toMatchObject({ endedOn: '2026-04-17', position: { organization: { government: { regionCode: '32.75' } } }, endedBy: { event: { decreeNumber: '821.2/Kep.118-BKD/IV/2026', government: { code: 'PEMPROV-JABAR' } } } });
    expect(provinsi).toMatchObject({ startedOn: '2026-04-17', endedOn: null, position: { organization: { government: { regionCode: '32' } } } });
  });

  it('answers government(on:) for 3 or 100 officials, two days each, and an event\'s government for 3 or 14 events, in the same number of statements', async () => {
    const run = async (Q: string, n: number) => {
      let res: any;
      const statements = await countStatements(async () => {
        res = await t.gql(Q, { n });
      });
      expect(res.errors).toBeUndefined();
      return { res, statements };
    };
    const OFFICIALS = `query ($n: Int) { officials(first: $n) { edges { node { a: government(on: "2020-01-01") { code } b: government { code } } } } }`;
    await run(OFFICIALS, 3); // warm the pool
    const few = await run(OFFICIALS, 3);
    const many = await run(OFFICIALS, 100);
    // The page, one batch of (official, day) pairs, one of governments by id.
    expect([few.statements, many.statements]).toEqual([3, 3]);
    expect(many.res.data.officials.edges).toHaveLength(100);
    const codes = new Set(many.res.data.officials.edges.flatMap((e: any) => [e.node.a.code, e.node.b.code]));
    expect([...codes].every((c) => ['PEMKOT-BKS', 'PEMKAB-BKS', 'PEMPROV-JABAR'].includes(c as string))).toBe(true);

    const EVENTS = `query ($n: Int) { rotationEvents(first: $n) { edges { node { government { code } } } } }`;
    const fewEvents = await run(EVENTS, 3);
    const allEvents = await run(EVENTS, 100);
    expect(fewEvents.statements).toBe(allEvents.statements);
    expect(new Set(allEvents.res.data.rotationEvents.edges.map((e: any) => e.node.government.code))).toEqual(new Set(['PEMKOT-BKS', 'PEMKAB-BKS', 'PEMPROV-JABAR']));
  });

  it('lists only the Kabupaten posts for positions(government: "32.16"), and searches officials across governments', async () => {
    const posts = await t.gql(`{ positions(government: "32.16", first: 100) { totalCount edges { node { code organization { government { code } } } } } }`);
    expect(posts.data.positions.totalCount).toBeGreaterThan(0);
    expect(posts.data.positions.edges.every((e: any) => e.node.code.startsWith('KABBKS-') && e.node.organization.government.code === 'PEMKAB-BKS')).toBe(true);
    const names = await query<{ government: string; name: string }>(
      t,
      `SELECT DISTINCT ON (g.code) g.code AS government, f.name FROM officials f JOIN organizations g ON g.id = f.government_id ORDER BY g.code, f.id`,
    );
    expect(names).toHaveLength(3);
    for (const { government, name } of names) {
      const found = await t.gql(`query ($q: String!) { officials(search: $q, first: 1) { edges { node { name government { code } } } } }`, { q: name });
      expect([government, found.data.officials.edges[0].node.name]).toEqual([government, name]);
    }
  });

  it("refuses a Kota key the Provinsi's posts and its decree, even the one that took a Kota official, as the README shows", async () => {
    const { secret } = await t.app.get(ApiKeysService).create(Role.HR, 'BKPSDM Kota', null, ['32.75']);
    const kota = (q: string, variables?: Record<string, unknown>) => t.gql(q, variables, { authorization: `Bearer ${secret}` });
    const [unit] = await query<{ id: string }>(t, `SELECT id::text FROM organizations WHERE code = 'JABAR-DINKES'`);
    const refused = await kota(`mutation ($org: ID!) { createPosition(input: { code: "JABAR-DINKES-KABID-1", title: "Kepala Bidang", organizationId: $org, category: ADMINISTRATOR }) { id } }`, {
      org: unit.id,
    });
    expect(refused.errors?.[0]).toMatchObject({
      message: 'This API key does not act for Pemerintah Provinsi Jawa Barat (32): new post JABAR-DINKES-KABID-1.',
      extensions: {
        code: 'FORBIDDEN',
        domainCode: 'OUTSIDE_SCOPE',
        government: { code: 'PEMPROV-JABAR', regionCode: '32', name: 'Pemerintah Provinsi Jawa Barat' },
        row: 'new post JABAR-DINKES-KABID-1',
      },
    });
    const [event] = await query<{ id: string; version: number }>(t, `SELECT id::text, version FROM rotation_events WHERE decree_number = '821.2/Kep.118-BKD/IV/2026'`);
    const voided = await kota(`mutation ($id: ID!, $v: Int!) { voidRotationEvent(id: $id, expectedVersion: $v, reason: "salah kirim") { id } }`, { id: event.id, v: event.version });
    expect(voided.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', domainCode: 'OUTSIDE_SCOPE', government: { regionCode: '32' } });
    expect((await query(t, `SELECT status FROM rotation_events WHERE id = $1`, [event.id]))[0].status).toBe('RECORDED');
  });

  it('refuses to move a post to a unit of another government, even to a key acting for both (POST_CHANGES_GOVERNMENT)', async () => {
    const [post] = await query<{ id: string }>(t, `SELECT id::text FROM positions WHERE code = 'KABBKS-DINKES-SEK'`);
    const [provinsi, kabupaten] = await query<{ id: string }>(t, `SELECT id::text FROM organizations WHERE code IN ('JABAR-DINKES', 'KABBKS-BAPPEDA') ORDER BY code`);
    const moved = await t.hr(`mutation ($id: ID!, $org: ID!) { updatePosition(id: $id, input: { organizationId: $org }) { organization { code } } }`, { id: post.id, org: provinsi.id });
    expect(moved.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', domainCode: 'POST_CHANGES_GOVERNMENT' });
    expect((await query(t, `SELECT u.code FROM positions p JOIN organizations u ON u.id = p.organization_id WHERE p.id = $1`, [post.id]))[0].code).toBe('KABBKS-DINKES');
    // Within its government a post may still move.
    const within = await t.hr(`mutation ($id: ID!, $org: ID!) { updatePosition(id: $id, input: { organizationId: $org }) { organization { code } } }`, { id: post.id, org: kabupaten.id });
    expect(within.data.updatePosition.organization.code).toBe('KABBKS-BAPPEDA');
  });

  it("shows the move in the sending government's unit feed", async () => {
    const feed = await t.http().get('/feeds/units/PEMKOT-BKS/events.atom');
    expect(feed.status).toBe(200);
    expect(feed.text).toContain('821.2/Kep.118-BKD/IV/2026');
  });

  it("shows a Kota key the NIPs of the Kota's officials, the moved official's to the Provinsi only, and refuses the Provinsi's", async () => {
    const bearer = async (region: string) => ({ authorization: `Bearer ${(await t.app.get(ApiKeysService).create(Role.HR, `BKPSDM ${region}`, null, [region])).secret}` });
    const kota = await bearer('32.75');
    const provinsi = await bearer('32');
    const [theirs] = await query<{ id: string; nip: string }>(
      t,
      `SELECT f.id::text, f.nip FROM officials f JOIN organizations g ON g.id = f.government_id WHERE g.code = 'PEMPROV-JABAR' AND f.id <> $1 LIMIT 1`,
      [moved.id],
    );
    const nip = `query ($id: ID) { official(id: $id) { nip } }`;
    const refused = await t.gql(nip, { id: theirs.id }, kota);
    expect(refused.data.official.nip).toBeNull();
    expect(refused.errors?.[0].extensions.domainCode).toBe('PERSONAL_DATA_RESTRICTED');
    expect((await t.gql(nip, { id: theirs.id }, provinsi)).data.official.nip).toBe(theirs.nip);
    // The moved official: employed by the Provinsi since 17 April 2026, registered by the Kota.
    expect((await t.gql(nip, { id: moved.id }, provinsi)).data.official.nip).toBe(moved.nip);
    expect((await t.gql(nip, { id: moved.id }, kota)).data.official.nip).toBe(moved.nip);
  });
});
