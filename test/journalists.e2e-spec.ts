import { createOfficial, createOrganization, createPosition, nip } from './factories/index.js';
import { countStatements as countStatementsOf } from './support/statements.js';
import { startTestApp, type TestApp } from './support/app.js';
import { query, record } from './support/rotations.js';

/**
 * A fixture of several events:
 *  2023-01-02  Ahmad → DINKES-SEK, Siti → BAPENDA-SEK, Budi → DINKES-KABID, Dewi → PKM-A-KA, Eko → BAPENDA-KABID
 *  2024-07-01  Budi acting (Plt) Kepala Dinas Kesehatan
 *  2026-02-06  Ahmad ⇄ Siti (swap), Dewi PKM-A → PKM-B, Eko leaves office
 */
describe('journalists', () => {
  let t: TestApp;
  const id: Record<string, string> = {};
  const events: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp();
    id.PEMKOT = await createOrganization(t, { code: 'PEMKOT', kind: 'GOVERNMENT', name: 'Pemerintah Kota Bekasi' });
    id.DINKES = await createOrganization(t, { code: 'DINKES', name: 'Dinas Kesehatan', parentId: id.PEMKOT });
    id.BAPENDA = await createOrganization(t, { code: 'BAPENDA', name: 'Badan Pendapatan Daerah', parentId: id.PEMKOT });
    id.PKMA = await createOrganization(t, { code: 'PKM-A', kind: 'TECHNICAL_UNIT', name: 'UPTD Puskesmas Aren Jaya', parentId: id.DINKES });
    id.PKMB = await createOrganization(t, { code: 'PKM-B', kind: 'TECHNICAL_UNIT', name: 'UPTD Puskesmas Bintara', parentId: id.DINKES });
    const post = (code: string, org: string, echelon: string | null, category = 'ADMINISTRATOR', o = {}) => createPosition(t, id[org], { code, title: code, echelon, category, ...o });
    id['DINKES-KADIS'] = await post('DINKES-KADIS', 'DINKES', 'II_B', 'HIGH_LEADERSHIP');
    id['DINKES-SEK'] = await post('DINKES-SEK', 'DINKES', 'III_A');
    id['DINKES-KABID'] = await post('DINKES-KABID', 'DINKES', 'III_B');
    id['BAPENDA-SEK'] = await post('BAPENDA-SEK', 'BAPENDA', 'III_A');
    id['BAPENDA-KABID'] = await post('BAPENDA-KABID', 'BAPENDA', 'III_B');
    id['PKM-A-KA'] = await post('PKM-A-KA', 'PKMA', null, 'UNIT_HEAD');
    id['PKM-B-KA'] = await post('PKM-B-KA', 'PKMB', null, 'UNIT_HEAD', { establishedOn: '2020-01-01' });
    const person = async (name: string, o: Record<string, unknown> = {}) => createOfficial(t, { name, nip: nip({ serial: Object.keys(id).length }), ...o });
    id.ahmad = await person('Ahmad Fauzi', { honorificPrefix: 'dr. H.', honorificSuffix: 'M.Kes.' });
    id.siti = await person('Siti Rahmawati', { honorificSuffix: 'S.E., M.M.' });
    id.budi = await person('Budi Santoso');
    id.dewi = await person('Dewi Lestari', { honorificPrefix: 'drg.' });
    id.eko = await person('Eko Prasetyo');
    id.dedi = await person('Dédi Kurniawan');

    events.e1 = (await record(t, [
      { officialId: id.ahmad, toPositionId: id['DINKES-SEK'] },
      { officialId: id.siti, toPositionId: id['BAPENDA-SEK'] },
      { officialId: id.budi, toPositionId: id['DINKES-KABID'] },
      { officialId: id.dewi, toPositionId: id['PKM-A-KA'] },
      { officialId: id.eko, toPositionId: id['BAPENDA-KABID'] },
    ], { title: 'Pelantikan Pejabat Administrator 2023', swornInOn: '2023-01-02', decreeDate: '2022-12-28' })).event.id;
    events.e2 = (await record(t, [{ officialId: id.budi, toPositionId: id['DINKES-KADIS'], capacity: 'ACTING' }], { title: 'Penunjukan Plt Kepala Dinas Kesehatan', swornInOn: '2024-07-01', decreeDate: '2024-06-28' })).event.id;
    events.e3 = (await record(t, [
      { officialId: id.ahmad, toPositionId: id['BAPENDA-SEK'] },
      { officialId: id.siti, toPositionId: id['DINKES-SEK'] },
      { officialId: id.dewi, toPositionId: id['PKM-B-KA'] },
      { officialId: id.eko },
    ], { title: 'Pelantikan dan Pengambilan Sumpah/Janji Pejabat Administrator, Pengawas, dan Fungsional', swornInOn: '2026-02-06', decreeDate: '2026-02-05' })).event.id;
  });
  afterAll(() => t.close());

  describe('transfers: who moved where', () => {
    const Q = `query ($from: Date, $to: Date, $org: ID, $kind: TransferKind, $echelon: Echelon, $first: Int, $after: String) {
      transfers(from: $from, to: $to, organizationId: $org, kind: $kind, echelon: $echelon, first: $first, after: $after) {
        totalCount pageInfo { hasNextPage endCursor }
        edges { cursor node { seq kind effectiveOn official { name } fromPosition { code organization { code } } toPosition { code organization { code } } event { id } } }
      } }`;
    const moves = (res: any) => res.data.transfers.edges.map((e: any) => `${e.node.official.name}:${e.node.fromPosition?.code ?? '-'}>${e.node.toPosition?.code ?? '-'}`);

    it('lists the moves in a date range in lampiran order, with posts, units, kind and event', async () => {
      const res = await t.gql(Q, { from: '2026-01-01', to: '2026-12-31' });
      expect(res.errors).toBeUndefined();
      expect(moves(res)).toEqual(['Ahmad Fauzi:DINKES-SEK>BAPENDA-SEK', 'Siti Rahmawati:BAPENDA-SEK>DINKES-SEK', 'Dewi Lestari:PKM-A-KA>PKM-B-KA', 'Eko Prasetyo:BAPENDA-KABID>-']);
      expect(res.data.transfers.edges[0].node).toMatchObject({ kind: 'ROTATION', effectiveOn: '2026-02-06', fromPosition: { organization: { code: 'DINKES' } }, toPosition: { organization: { code: 'BAPENDA' } }, event: { id: events.e3 } });
      expect(res.data.transfers.edges.map((e: any) => e.node.kind)).toEqual(['ROTATION', 'ROTATION', 'REASSIGNMENT', 'DISMISSAL']);
    });

    it('includes moves into or out of a unit and its sub-units', async () => {
      const res = await t.gql(Q, { org: id.DINKES, from: '2026-02-06', to: '2026-02-06' });
      expect(moves(res)).toEqual(['Ahmad Fauzi:DINKES-SEK>BAPENDA-SEK', 'Siti Rahmawati:BAPENDA-SEK>DINKES-SEK', 'Dewi Lestari:PKM-A-KA>PKM-B-KA']);
      expect((await t.gql(Q, { org: id.PKMA })).data.transfers.totalCount).toBe(2);
    });

    it('filters by kind and by echelon', async () => {
      expect(moves(await t.gql(Q, { kind: 'REASSIGNMENT' }))).toEqual(['Dewi Lestari:PKM-A-KA>PKM-B-KA']);
      expect(moves(await t.gql(Q, { echelon: 'II_B' }))).toEqual(['Budi Santoso:->DINKES-KADIS']);
      expect((await t.gql(Q, { echelon: 'III_A' })).data.transfers.totalCount).toBe(4);
    });

    it('pages with opaque cursors stable across identical queries; refuses first over 100, reversed dates and unknown units', async () => {
      const one = await t.gql(Q, { first: 3 });
      const again = await t.gql(Q, { first: 3 });
      expect(one.data).toEqual(again.data);
      expect(one.data.transfers.totalCount).toBe(10);
      const rest = await t.gql(Q, { first: 100, after: one.data.transfers.pageInfo.endCursor });
      expect([...moves(one), ...moves(rest)]).toEqual(moves(await t.gql(Q, { first: 100 })));
      expect(rest.data.transfers.pageInfo.hasNextPage).toBe(false);
      expect((await t.gql(Q, { first: 101 })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', problems: [{ field: 'first' }] });
      expect((await t.gql(Q, { from: '2026-02-07', to: '2026-02-06' })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', problems: [{ field: 'to', code: 'DATES_OUT_OF_ORDER' }] });
      expect((await t.gql(Q, { org: '999999' })).errors?.[0].extensions.code).toBe('NOT_FOUND');
      expect((await t.gql(Q, { after: 'garbage' })).errors?.[0].extensions.domainCode).toBe('INVALID_CURSOR');
    });
  });

  describe('events', () => {
    it('rotationEvent: the lampiran in order and a summary by kind, echelon, category and unit', async () => {
      const res = await t.gql(`query ($id: ID!) { rotationEvent(id: $id) { title transfers { seq official { displayName } }
        summary { transfers byKind { kind count } byEchelon { echelon count } byCategory { category count } byOrganization { organization { code } count } } } }`, { id: events.e3 });
      const e = res.data.rotationEvent;
      expect(e.transfers.map((x: any) => x.seq)).toEqual([1, 2, 3, 4]);
      expect(e.transfers[0].official.displayName).toBe('dr. H. Ahmad Fauzi, M.Kes.');
      expect(e.summary).toEqual({
        transfers: 4,
        byKind: [{ kind: 'ROTATION', count: 2 }, { kind: 'DISMISSAL', count: 1 }, { kind: 'REASSIGNMENT', count: 1 }],
        byEchelon: [{ echelon: 'III_A', count: 2 }, { echelon: 'III_B', count: 1 }, { echelon: null, count: 1 }],
        byCategory: [{ category: 'ADMINISTRATOR', count: 3 }, { category: 'UNIT_HEAD', count: 1 }],
        byOrganization: [{ organization: { code: 'BAPENDA' }, count: 2 }, { organization: { code: 'DINKES' }, count: 1 }, { organization: { code: 'PKM-B' }, count: 1 }],
      });
    });

    it('rotationEvents: newest first, by dates, unit and search', async () => {
      const Q = `query ($from: Date, $to: Date, $org: ID, $q: String) { rotationEvents(from: $from, to: $to, organizationId: $org, search: $q) { totalCount edges { node { id } } } }`;
      const ids = async (v: Record<string, unknown>) => (await t.gql(Q, v)).data.rotationEvents.edges.map((e: any) => e.node.id);
      expect(await ids({})).toEqual([events.e3, events.e2, events.e1]);
      expect(await ids({ from: '2024-01-01', to: '2025-12-31' })).toEqual([events.e2]);
      expect(await ids({ org: id.BAPENDA })).toEqual([events.e3, events.e1]);
      expect(await ids({ q: 'plt kepala' })).toEqual([events.e2]);
    });
  });

  describe('who held a post when', () => {
    const HOLDER = `query ($code: String, $on: Date!) { position(code: $code) { holder(on: $on) { definitive { official { name } startedOn endedOn } acting { capacity official { name } } } } }`;
    const holder = async (code: string, on: string) => (await t.gql(HOLDER, { code, on })).data.position.holder;

    it('has exact day boundaries: the day before any record, the day of a change (the new holder holds it), the day after', async () => {
      expect((await holder('DINKES-SEK', '2023-01-01')).definitive).toBeNull();
      expect((await holder('DINKES-SEK', '2023-01-02')).definitive.official.name).toBe('Ahmad Fauzi');
      expect((await holder('DINKES-SEK', '2026-02-05')).definitive.official.name).toBe('Ahmad Fauzi');
      expect((await holder('DINKES-SEK', '2026-02-06')).definitive).toEqual({ official: { name: 'Siti Rahmawati' }, startedOn: '2026-02-06', endedOn: null });
      expect((await holder('DINKES-SEK', '2026-02-07')).definitive.official.name).toBe('Siti Rahmawati');
    });

    it('shows an acting holder beside an empty definitive seat', async () => {
      expect(await holder('DINKES-KADIS', '2024-06-30')).toEqual({ definitive: null, acting: [] });
      expect(await holder('DINKES-KADIS', '2024-07-01')).toEqual({ definitive: null, acting: [{ capacity: 'ACTING', official: { name: 'Budi Santoso' } }] });
    });

    it("gives a post's succession with predecessor and successor, and its vacancies", async () => {
      const res = await t.gql(`{ a: position(code: "DINKES-SEK") { appointments { official { name } startedOn endedOn predecessor { official { name } } successor { official { name } } startedBy { event { id } } endedBy { event { id } } } }
        b: position(code: "PKM-A-KA") { vacancies { from to } } c: position(code: "PKM-B-KA") { vacancies { from to } } }`);
      expect(res.data.a.appointments).toEqual([
        { official: { name: 'Ahmad Fauzi' }, startedOn: '2023-01-02', endedOn: '2026-02-06', predecessor: null, successor: { official: { name: 'Siti Rahmawati' } }, startedBy: { event: { id: events.e1 } }, endedBy: { event: { id: events.e3 } } },
        { official: { name: 'Siti Rahmawati' }, startedOn: '2026-02-06', endedOn: null, predecessor: { official: { name: 'Ahmad Fauzi' } }, successor: null, startedBy: { event: { id: events.e3 } }, endedBy: null },
      ]);
      expect(res.data.b.vacancies).toEqual([{ from: '2026-02-06', to: null }]);
      expect(res.data.c.vacancies).toEqual([{ from: '2020-01-01', to: '2026-02-06' }]);
    });

    it("gives an official's career, oldest first, and the post held today", async () => {
      const res = await t.gql(`query ($id: ID) { official(id: $id) { appointments { position { code } capacity startedOn endedOn } currentAppointment { position { code organization { code } } } } }`, { id: id.budi });
      expect(res.data.official).toEqual({
        appointments: [
          { position: { code: 'DINKES-KABID' }, capacity: 'DEFINITIVE', startedOn: '2023-01-02', endedOn: null },
          { position: { code: 'DINKES-KADIS' }, capacity: 'ACTING', startedOn: '2024-07-01', endedOn: null },
        ],
        currentAppointment: { position: { code: 'DINKES-KABID', organization: { code: 'DINKES' } } },
      });
      const eko = await t.gql(`query ($id: ID) { official(id: $id) { currentAppointment { id } } }`, { id: id.eko });
      expect(eko.data.official.currentAppointment).toBeNull();
    });
  });

  describe('snapshot, vacancies, changes', () => {
    const SNAP = `query ($on: Date!, $org: ID) { snapshot(on: $on, organizationId: $org, first: 100) { totalCount edges { node {
      position { code } holder { official { name } } acting { official { name } } vacantSince lastHolder { official { name } } } } } }`;
    const rows = (res: any, name = 'snapshot') =>
      res.data[name].edges.map(({ node: n }: any) => [n.position.code, n.holder?.official.name ?? null, n.vacantSince, n.lastHolder?.official.name ?? null, n.acting.map((a: any) => a.official.name)]);

    it('snapshot: every post of a unit and its sub-units on a day, with holder or vacant since when', async () => {
      expect(rows(await t.gql(SNAP, { on: '2026-02-06', org: id.DINKES }))).toEqual([
        ['DINKES-KADIS', null, null, null, ['Budi Santoso']],
        ['DINKES-SEK', 'Siti Rahmawati', null, null, []],
        ['DINKES-KABID', 'Budi Santoso', null, null, []],
        ['PKM-A-KA', null, '2026-02-06', 'Dewi Lestari', []],
        ['PKM-B-KA', 'Dewi Lestari', null, null, []],
      ]);
      // The day before, PKM-B-KA stood empty since it was established.
      expect(rows(await t.gql(SNAP, { on: '2026-02-05', org: id.PKMB }))).toEqual([['PKM-B-KA', null, '2020-01-01', null, []]]);
    });

    it('vacancies: posts without a definitive holder, since when, who held it last, and who acts', async () => {
      const Q = `query ($on: Date!, $org: ID) { vacancies(on: $on, organizationId: $org) { totalCount edges { node {
        position { code } holder { id } acting { official { name } } vacantSince lastHolder { official { name } } } } } }`;
      expect(rows(await t.gql(Q, { on: '2026-02-06' }), 'vacancies')).toEqual([
        ['DINKES-KADIS', null, null, null, ['Budi Santoso']],
        ['BAPENDA-KABID', null, '2026-02-06', 'Eko Prasetyo', []],
        ['PKM-A-KA', null, '2026-02-06', 'Dewi Lestari', []],
      ]);
      expect(rows(await t.gql(Q, { on: '2026-02-05', org: id.DINKES }), 'vacancies').map((r: any[]) => r[0])).toEqual(['DINKES-KADIS', 'PKM-B-KA']);
    });

    it('says how long: days in a post, days a post stood empty, days vacant on the day asked about', async () => {
      const post = await t.gql(`{ position(code: "PKM-B-KA") { appointments { startedOn endedOn tenureDays } vacancies { from to days } } }`);
      // Established 2020-01-01, empty until Dewi came on 2026-02-06 (2,228 days: 2020 and 2024 are leap years); she still holds it.
      expect(post.data.position.vacancies).toEqual([{ from: '2020-01-01', to: '2026-02-06', days: 2228 }]);
      const [dewi] = post.data.position.appointments;
      expect(dewi.endedOn).toBeNull();
      expect(dewi.tenureDays).toBe((Date.parse(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date())) - Date.parse('2026-02-06')) / 86_400_000);
      // Ahmad held DINKES-SEK from 2023-01-02 to 2026-02-06: 1,131 days.
      const sek = await t.gql(`{ position(code: "DINKES-SEK") { appointments { tenureDays official { name } } } }`);
      expect(sek.data.position.appointments[0]).toEqual({ tenureDays: 1131, official: { name: 'Ahmad Fauzi' } });
      // PKM-A-KA has stood empty since Dewi left it on 2026-02-06: 10 days on 2026-02-16; DINKES-KADIS since when is unknown.
      const vacant = await t.gql(`{ vacancies(on: "2026-02-16") { edges { node { position { code } vacantSince vacantDays } } } }`);
      const byCode = Object.fromEntries(vacant.data.vacancies.edges.map(({ node: n }: any) => [n.position.code, n.vacantDays]));
      expect(byCode).toMatchObject({ 'PKM-A-KA': 10, 'BAPENDA-KABID': 10, 'DINKES-KADIS': null });
    });

    it('movers: officials moved at least N times in a range, most moved first, paged, within a unit', async () => {
      const Q = `query ($from: Date, $to: Date, $min: Int, $org: ID, $first: Int, $after: String) {
        movers(from: $from, to: $to, minMoves: $min, organizationId: $org, first: $first, after: $after) {
          totalCount pageInfo { hasNextPage endCursor } edges { node { official { name } moves firstMoveOn lastMoveOn } } } }`;
      const names = (res: any) => res.data.movers.edges.map(({ node: n }: any) => n.official.name);
      // 2023–2024: only Budi moved twice (his post in 2023, Plt Kepala Dinas in 2024).
      const twice = await t.gql(Q, { from: '2023-01-01', to: '2024-12-31' });
      expect(twice.data.movers.edges.map(({ node: n }: any) => n)).toEqual([{ official: { name: 'Budi Santoso' }, moves: 2, firstMoveOn: '2023-01-02', lastMoveOn: '2024-07-01' }]);
      // At least once: Budi first, then the others by id, two to a page.
      const first = await t.gql(Q, { from: '2023-01-01', to: '2024-12-31', min: 1, first: 2 });
      expect(first.data.movers.totalCount).toBe(5);
      expect(names(first)).toEqual(['Budi Santoso', 'Ahmad Fauzi']);
      const rest = await t.gql(Q, { from: '2023-01-01', to: '2024-12-31', min: 1, first: 5, after: first.data.movers.pageInfo.endCursor });
      expect(names(rest)).toEqual(['Siti Rahmawati', 'Dewi Lestari', 'Eko Prasetyo']);
      // Into or out of Dinas Kesehatan and its Puskesmas, all years: Eko never served there.
      expect(names(await t.gql(Q, { org: id.DINKES })).sort()).toEqual(['Ahmad Fauzi', 'Budi Santoso', 'Dewi Lestari']);
      expect((await t.gql(Q, { min: 0 })).errors?.[0].extensions.domainCode).toBe('VALIDATION_FAILED');
    });

    it('changes: every post whose holder differs between two days, with the holder on each', async () => {
      const res = await t.gql(`query { changes(from: "2026-02-05", to: "2026-02-06") { totalCount edges { node { position { code } before { official { name } } after { official { name } } } } } }`);
      expect(res.data.changes.edges.map(({ node: n }: any) => [n.position.code, n.before?.official.name ?? null, n.after?.official.name ?? null])).toEqual([
        ['DINKES-SEK', 'Ahmad Fauzi', 'Siti Rahmawati'],
        ['BAPENDA-SEK', 'Siti Rahmawati', 'Ahmad Fauzi'],
        ['BAPENDA-KABID', 'Eko Prasetyo', null],
        ['PKM-A-KA', 'Dewi Lestari', null],
        ['PKM-B-KA', null, 'Dewi Lestari'],
      ]);
      const none = await t.gql(`{ changes(from: "2026-02-06", to: "2026-11-01") { totalCount } }`);
      expect(none.data.changes.totalCount).toBe(0);
    });
  });

  describe('finding officials', () => {
    const FIND = `query ($q: String, $org: ID, $e: Echelon) { officials(search: $q, organizationId: $org, echelon: $e) { totalCount edges { node { displayName } } } }`;
    const found = async (v: Record<string, unknown>) => (await t.gql(FIND, v)).data.officials.edges.map((e: any) => e.node.displayName);

    it.each(['ahmad fauzi', 'Fauzi', 'AHMAD FAUZI', 'Ahmad Fauzy', 'dr. H. Ahmad Fauzi, M.Kes.'])('finds "dr. H. Ahmad Fauzi, M.Kes." first from %j', async (q) => {
      expect((await found({ q }))[0]).toBe('dr. H. Ahmad Fauzi, M.Kes.');
    });

    it('ignores accents, and finds nothing for an unrelated name', async () => {
      expect(await found({ q: 'dedi kurniawan' })).toEqual(['Dédi Kurniawan, S.H.']);
      expect(await found({ q: 'Zulkarnaen' })).toEqual([]);
    });

    it('filters by the unit and echelon of the post held today', async () => {
      expect(await found({ org: id.BAPENDA })).toEqual(['dr. H. Ahmad Fauzi, M.Kes.']);
      expect((await found({ e: 'III_A' })).sort()).toEqual(['Siti Rahmawati, S.E., M.M.', 'dr. H. Ahmad Fauzi, M.Kes.'].sort());
      expect(await found({ q: 'siti', org: id.DINKES, e: 'III_A' })).toEqual(['Siti Rahmawati, S.E., M.M.']);
    });

    it('shows anonymous callers no personal data in lists', async () => {
      const res = await t.gql(`{ transfers(first: 2) { edges { node { official { name nip birthDate } } } } }`);
      expect(res.data.transfers.edges.map((e: any) => e.node.official.nip)).toEqual([null, null]);
      expect(res.errors?.every((e) => e.extensions.code === 'FORBIDDEN')).toBe(true);
    });
  });

  describe('a constant number of SQL statements', () => {
    const countStatements = (fn: () => Promise<unknown>) => countStatementsOf(t, fn);

    it('rotationEvent → transfers → official → currentAppointment → position → organization costs the same for 5 and for 200 transfers', async () => {
      const org = await createOrganization(t, { code: 'BULK' });
      await query(t, `INSERT INTO positions (code, title, organization_id, echelon, category) SELECT 'BULK-' || g, 'Bulk ' || g, $1, 'IV_A', 'SUPERVISOR' FROM generate_series(1, 200) g`, [org]);
      await query(t, `INSERT INTO officials (name, employment, government_id) SELECT 'Bulk ' || chr(65 + g % 26) || chr(65 + g / 26), 'PNS', (SELECT id FROM organizations WHERE code = 'PEMDA-UJI') FROM generate_series(1, 200) g`);
      const officials = await query<{ id: string }>(t, `SELECT id FROM officials WHERE name LIKE 'Bulk %' ORDER BY id`);
      const posts = await query<{ id: string }>(t, `SELECT id FROM positions WHERE code LIKE 'BULK-%' ORDER BY id`);
      const small = await record(t, officials.slice(0, 5).map((o, i) => ({ officialId: o.id, toPositionId: posts[i].id })), { swornInOn: '2025-01-06', decreeDate: '2025-01-06' });
      const big = await record(t, officials.slice(5, 200).map((o, i) => ({ officialId: o.id, toPositionId: posts[5 + i].id })), { swornInOn: '2025-01-07', decreeDate: '2025-01-07' });
      const Q = `query ($id: ID!) { rotationEvent(id: $id) { transfers { official { name currentAppointment { position { code organization { code } } } } } } }`;
      const run = async (eventId: string, size: number) => {
        let res: any;
        const n = await countStatements(async () => {
          res = await t.gql(Q, { id: eventId });
        });
        expect(res.data.rotationEvent.transfers).toHaveLength(size);
        expect(res.data.rotationEvent.transfers.every((x: any) => x.official.currentAppointment.position.organization.code === 'BULK')).toBe(true);
        return n;
      };
      await run(small.event.id, 5); // warm the pool
      const five = await run(small.event.id, 5);
      const many = await run(big.event.id, 195);
      expect(many).toBe(five);
      expect(five).toBe(5); // the official's post comes with the appointment
    });

    it('reads as recorded at an instant in as many statements as the plain read, for 5 and for 195 transfers', async () => {
      const events = await query<{ id: string; n: number }>(t, `SELECT event_id::text AS id, count(*)::int AS n FROM transfers t JOIN officials o ON o.id = t.official_id
        WHERE o.name LIKE 'Bulk %' GROUP BY event_id ORDER BY n`);
      const Q = `query ($id: ID!, $at: DateTime) { rotationEvent(id: $id, asRecordedAt: $at) { version summary { transfers } transfers { kind event { title }
        official { name currentAppointment(asRecordedAt: $at) { startedBy { kind event { title } } predecessor { startedOn } position { code } } } } } }`;
      const at = new Date(Date.now() + 1000).toISOString();
      const counts: number[] = [];
      for (const { id, n } of events) {
        for (const variables of [{ id, at: null }, { id, at }]) {
          let res: any;
          await t.gql(Q, variables); // warm the pool and the prepared statements
          counts.push(await countStatements(async () => (res = await t.gql(Q, variables))));
          expect(res.data.rotationEvent.transfers).toHaveLength(n);
        }
      }
      expect(events.map((e) => e.n)).toEqual([5, 195]);
      expect(new Set(counts).size).toBe(1);
    });

    it('answers a post\'s holders and a snapshot as recorded at an instant in as many statements as the plain reads', async () => {
      const at = new Date().toISOString();
      const holder = `query ($at: DateTime) { position(code: "DINKES-SEK") { a: holder(on: "2026-02-06", asRecordedAt: $at) { definitive { startedBy { event { title } } official { name } } }
        b: holder(on: "2023-01-01", asRecordedAt: $at) { definitive { startedOn } } } }`;
      await t.gql(holder, { at });
      let res: any;
      const counts = [await countStatements(async () => (res = await t.gql(holder, { at }))), await countStatements(() => t.gql(holder, { at: null }))];
      expect(counts).toEqual([3, 3]); // the post with its holders, their transfers, then the transfers' events
      expect(res.data.position.a.definitive.official.name).toBe('Siti Rahmawati');
      const snapshot = `query ($at: DateTime) { snapshot(organizationCode: "DINKES", on: "2026-02-06", first: 50, asRecordedAt: $at) { totalCount edges { node {
        position { code } holder { official { name } startedBy { kind event { title } } } lastHolder { endedOn } acting { official { name } } } } } }`;
      await t.gql(snapshot, { at });
      const [plain, recorded] = [await countStatements(() => t.gql(snapshot, { at: null })), await countStatements(() => t.gql(snapshot, { at }))];
      expect(recorded).toBe(plain);
      expect((await t.gql(snapshot, { at })).data).toEqual((await t.gql(snapshot, { at: null })).data);
    });

    it('runs the count of a page only when totalCount is asked for', async () => {
      const page = (fields: string) => countStatements(() => t.gql(`{ transfers(from: "2020-01-01", to: "2026-12-31", first: 5) { ${fields} } }`));
      await page('totalCount'); // warm the pool
      expect(await page('edges { node { kind } }')).toBe(1);
      expect(await page('totalCount edges { node { kind } }')).toBe(2);
      expect(await page('a: totalCount b: totalCount')).toBe(2);
    });

    it('marks voided transfers through their events in one more statement, whatever the page size', async () => {
      const page = (first: number) =>
        countStatements(() => t.gql(`{ transfers(from: "2020-01-01", to: "2026-12-31", includeVoided: true, first: ${first}) { edges { node { event { status } } } } }`));
      await page(2); // warm the pool
      expect(await page(2)).toBe(2);
      expect(await page(50)).toBe(2);
    });

    it('answers who held a post on a day in one statement: the post with its holders and their officials', async () => {
      const [{ id }] = await query<{ id: string }>(t, `SELECT position_id::text AS id FROM appointments WHERE capacity = 'DEFINITIVE' ORDER BY id LIMIT 1`);
      const Q = `query ($id: ID!) { position(id: $id) { code holder(on: "2026-03-01") { definitive { startedOn official { name } } } } }`;
      await t.gql(Q, { id });
      expect(await countStatements(() => t.gql(Q, { id }))).toBe(1);
    });

    it('reads several days of a post in that one statement, by code, through aliases and fragments, and each day right', async () => {
      const Q = `query ($code: String, $a: Date!, $skip: Boolean!) { position(code: $code) { code
        before: holder(on: "2023-01-01") { definitive { official { name } } }
        ... on Position { after: holder(on: $a) { definitive { startedOn official { name } } acting { official { name } } } }
        ...Later @skip(if: $skip) } }
        fragment Later on Position { later: holder(on: "2026-02-07") { definitive { official { name } } } }`;
      const variables = { code: 'DINKES-SEK', a: '2026-02-06', skip: false };
      await t.gql(Q, variables);
      let res: any;
      expect(await countStatements(async () => (res = await t.gql(Q, variables)))).toBe(1);
      expect(res.data.position).toEqual({
        code: 'DINKES-SEK',
        before: { definitive: null },
        after: { definitive: { startedOn: '2026-02-06', official: { name: 'Siti Rahmawati' } }, acting: [] },
        later: { definitive: { official: { name: 'Siti Rahmawati' } } },
      });
      // A day left out by @skip is not read, and the post alone is one statement too.
      expect((await t.gql(Q, { ...variables, skip: true })).data.position.later).toBeUndefined();
      expect(await countStatements(() => t.gql(`{ position(code: "DINKES-SEK") { title } }`))).toBe(1);
    });

    it('reports an unknown post asked with its holder as POSITION_NOT_FOUND, by id and by code', async () => {
      for (const by of ['id: "999999"', 'code: "NO-SUCH-POST"']) {
        const res = await t.gql(`{ position(${by}) { code holder(on: "2026-03-01") { definitive { id } } } }`);
        expect(res.data).toBeNull();
        expect(res.errors?.[0].extensions).toEqual({ code: 'NOT_FOUND', domainCode: 'POSITION_NOT_FOUND' });
      }
    });
  });
});
