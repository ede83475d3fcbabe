import { readFileSync } from 'node:fs';
import { loadDemo } from '../seeds/load-demo.js';
import { startTestApp, type TestApp } from './support/app.js';
import { footprint, query } from './support/rotations.js';
import { DataSource } from 'typeorm';
import { ProjectionService } from '../src/history/projection.service.js';

/** The ```graphql blocks of a README section. */
function readmeQueries(heading: string): string[] {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const start = readme.indexOf(`## ${heading}`);
  const section = readme.slice(start, readme.indexOf('\n## ', start + 3));
  return [...section.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]);
}

describe('the Kota Bekasi demo', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await loadDemo(t.app);
  });
  afterAll(() => t.close());

  it('has the structure: 12 kecamatan, 56 kelurahan, 56 Puskesmas under Dinas Kesehatan', async () => {
    const count = async (kind: string) => (await t.gql(`{ organizations(kind: ${kind}) { totalCount } }`)).data.organizations.totalCount;
    expect(await count('DISTRICT')).toBe(12);
    expect(await count('SUBDISTRICT')).toBe(56);
    expect(await count('TECHNICAL_UNIT')).toBe(56);
    const dinkes = await t.gql(`{ organization(code: "DINKES") { children { kind } } }`);
    expect(dinkes.data.organization.children.filter((c: any) => c.kind === 'TECHNICAL_UNIT')).toHaveLength(56);
  });

  it('records the 6 February 2026 swearing-in: 61 transfers, 44 of Eselon III and IV and 17 Puskesmas heads', async () => {
    const res = await t.gql(`{ rotationEvents(from: "2026-02-06", to: "2026-02-06") { totalCount edges { node { title issuer signatoryName signatoryTitle swornInOn swornInAt location transfers { seq }
      summary { transfers byEchelon { echelon count } byCategory { category count } byKind { kind count } } } } } }`);
    expect(res.data.rotationEvents.totalCount).toBe(1);
    const event = res.data.rotationEvents.edges[0].node;
    expect(event).toMatchObject({
      title: 'Pelantikan dan Pengambilan Sumpah/Janji Pejabat Administrator, Pengawas, dan Fungsional',
      issuer: 'Wali Kota Bekasi',
      signatoryName: 'Tri Adhianto',
      signatoryTitle: 'Wali Kota Bekasi',
      swornInOn: '2026-02-06',
      swornInAt: '14:00',
      location: 'Aula H. Nonon Sonthanie, Pemkot Bekasi',
    });
    expect(event.transfers).toHaveLength(61);
    expect(event.summary.transfers).toBe(61);
    const byEchelon = Object.fromEntries(event.summary.byEchelon.map((e: any) => [e.echelon, e.count]));
    expect(byEchelon.null).toBe(17);
    expect(byEchelon.III_A + byEchelon.III_B + byEchelon.IV_A + byEchelon.IV_B).toBe(44);
    expect(event.summary.byCategory.find((c: any) => c.category === 'UNIT_HEAD').count).toBe(17);
    const kinds = Object.fromEntries(event.summary.byKind.map((k: any) => [k.kind, k.count]));
    expect(kinds.PROMOTION).toBeGreaterThan(0);
    expect(kinds.REASSIGNMENT).toBeGreaterThan(0);
  });

  it('draws the Puskesmas heads from functional health officials: 10 move to another Puskesmas, 7 are given the task from their functional post', async () => {
    const res = await t.gql(`{ transfers(from: "2026-02-06", to: "2026-02-06", first: 100) { edges { node { kind capacity official { id } toPosition { category } } } } }`);
    const moves = res.data.transfers.edges.map((e: any) => e.node);
    const heads = moves.filter((m: any) => m.toPosition?.category === 'UNIT_HEAD');
    expect(heads).toHaveLength(17);
    expect(heads.every((m: any) => m.capacity === 'ADDITIONAL_TASK')).toBe(true);
    const kinds = heads.reduce((acc: Record<string, number>, m: any) => ({ ...acc, [m.kind]: (acc[m.kind] ?? 0) + 1 }), {});
    expect(kinds).toEqual({ REASSIGNMENT: 10, ADDITIONAL_TASK_START: 7 });
    // Each keeps a functional post, held since before the ceremony.
    const held = await query<{ n: number }>(
      t,
      `SELECT count(DISTINCT a.official_id)::int AS n FROM appointments a JOIN positions p ON p.id = a.position_id
       WHERE a.official_id = ANY($1::bigint[]) AND a.capacity = 'DEFINITIVE' AND p.category = 'FUNCTIONAL' AND a.started_on < '2026-02-06' AND a.ended_on IS NULL`,
      [heads.map((m: any) => m.official.id)],
    );
    expect(held[0].n).toBe(17);
  });

  it('is consistent as an HR officer would check it: no warning on any event but the one a move between governments carries, retirements on the day the rule gives, given names matching the NIP\'s gender, no name twice', async () => {
    const warned = await query<{ issuer: string; codes: string[] }>(
      t,
      `SELECT issuer, array(SELECT w->>'code' FROM jsonb_array_elements(warnings) w) AS codes FROM rotation_events WHERE jsonb_array_length(warnings) > 0`,
    );
    // The Gubernur's decree bringing a Kota Bekasi official into a Provinsi post says so, as it should.
    expect(warned).toEqual([{ issuer: 'Gubernur Jawa Barat', codes: ['MOVE_FROM_OTHER_GOVERNMENT'] }]);
    // Every retirement is its own kind of move, and nobody still holds a post past the retirement age.
    const retirements = await query<{ n: number }>(t, `SELECT count(*)::int AS n FROM transfers WHERE kind = 'RETIREMENT'`);
    expect(retirements[0].n).toBe(10);
    expect((await t.gql(`{ pastRetirementAge(on: "2026-02-06") { totalCount } }`)).data.pastRetirementAge.totalCount).toBe(0);
    // The history before the 2023 rotations starts before 2022, not all on one day.
    const firsts = await query<{ d: string }>(t, `SELECT DISTINCT min(started_on)::text AS d FROM appointments GROUP BY official_id ORDER BY 1`);
    expect(firsts.filter((f) => f.d < '2022-01-01').length).toBeGreaterThanOrEqual(4);
    const names = JSON.parse(readFileSync(new URL('../seeds/data/bekasi.json', import.meta.url), 'utf8')).names;
    const officials = await query<{ name: string; gender: string }>(t, `SELECT name, gender FROM officials`);
    for (const o of officials) expect([o.name, (o.gender === 'FEMALE' ? names.female : names.male).includes(o.name.split(' ')[0])]).toEqual([o.name, true]);
    expect(new Set(officials.map((o) => o.name)).size).toBe(officials.length);
  });

  it('leaves no Puskesmas without a definitive head on 6 February 2026, though some stood empty the day before', async () => {
    const vacant = async (on: string) =>
      (await t.gql(`query ($on: Date!) { vacancies(on: $on, organizationCode: "DINKES", first: 100) { edges { node { position { category } } } } }`, { on })).data.vacancies.edges.filter(
        (e: any) => e.node.position.category === 'UNIT_HEAD',
      ).length;
    expect(await vacant('2026-02-06')).toBe(0);
    expect(await vacant('2026-02-05')).toBe(7);
  });

  it('has a swap and a chain among the moves', async () => {
    const res = await t.gql(`{ transfers(from: "2026-02-06", to: "2026-02-06", first: 100) { edges { node { official { id } fromPosition { code } toPosition { code } } } } }`);
    const moves = res.data.transfers.edges.map((e: any) => e.node);
    const swap = moves.some((a: any) => moves.some((b: any) => a !== b && a.fromPosition?.code === b.toPosition?.code && b.fromPosition?.code === a.toPosition?.code));
    expect(swap).toBe(true);
    const entered = new Set(moves.map((m: any) => m.toPosition?.code));
    const chainEnds = moves.filter((m: any) => m.fromPosition && !entered.has(m.fromPosition.code));
    expect(chainEnds.length).toBeGreaterThan(0);
  });

  it('rebuilding the whole projection from the transfers (projection:rebuild) gives the same appointments', async () => {
    const snapshot = () =>
      query<{ r: string }>(t, `SELECT concat_ws('|', official_id, position_id, capacity, started_on, ended_on, started_by_transfer_id, ended_by_transfer_id) AS r FROM appointments ORDER BY 1`);
    const before = await snapshot();
    const rebuilt = await t.app.get(DataSource).transaction((m) => t.app.get(ProjectionService).rebuildAll(m));
    expect(rebuilt).toBe(before.length);
    expect(await snapshot()).toEqual(before);
  });

  it('is idempotent: loading it again changes nothing', async () => {
    const before = await footprint(t);
    expect(await loadDemo(t.app)).toEqual({ organizations: 0, positions: 0, officials: 0, events: 0 });
    expect(await footprint(t)).toEqual(before);
  });

  it('filters by echelon group as people say it: Eselon III is III_A and III_B, in posts, officials and moves', async () => {
    const total = async (field: string, args: string) => (await t.gql(`{ ${field}(first: 1, ${args}) { totalCount } }`)).data[field].totalCount as number;
    for (const [group, grades] of [['III', ['III_A', 'III_B']], ['IV', ['IV_A', 'IV_B']]] as const) {
      const [a, b] = [await total('positions', `echelon: ${grades[0]}`), await total('positions', `echelon: ${grades[1]}`)];
      expect(a).toBeGreaterThan(0);
      expect(b).toBeGreaterThan(0);
      expect(await total('positions', `echelonGroup: ${group}`)).toBe(a + b);
      // One definitive post each, so an official is counted under one grade.
      expect(await total('officials', `echelonGroup: ${group}`)).toBe((await total('officials', `echelon: ${grades[0]}`)) + (await total('officials', `echelon: ${grades[1]}`)));
      // A move between two grades of the group counts once.
      const moves = await total('transfers', `from: "2026-02-06", to: "2026-02-06", echelonGroup: ${group}`);
      const [ma, mb] = [await total('transfers', `from: "2026-02-06", to: "2026-02-06", echelon: ${grades[0]}`), await total('transfers', `from: "2026-02-06", to: "2026-02-06", echelon: ${grades[1]}`)];
      expect(moves).toBeGreaterThanOrEqual(Math.max(ma, mb));
      expect(moves).toBeLessThanOrEqual(ma + mb);
    }
    expect(await total('positions', 'echelon: IV_A, echelonGroup: III')).toBe(0);
  });

  it("runs the README's journalist queries as written", async () => {
    const queries = readmeQueries('For journalists');
    expect(queries).toHaveLength(7);
    const results = await Promise.all(queries.map((q) => t.gql(q)));
    for (const r of results) expect(r.errors).toBeUndefined();
    expect(results[0].data.transfers.totalCount).toBe(61);
    expect(results[1].data.position.before.definitive).toBeNull();
    expect(results[1].data.position.before.acting).toHaveLength(1);
    expect(results[1].data.position.after.definitive.official.displayName).toBe(results[1].data.position.before.acting[0].official.displayName);
    expect(results[2].data.vacancies.totalCount).toBeGreaterThan(0);
    expect(results[3].data.changes.totalCount).toBeGreaterThan(10);
    expect(results[4].data.officials.edges[0].node.displayName).toContain('Asep Kurniawan');
    // Without an instant, the record as it stands; with the instant it was read at, the same answer.
    expect(results[5].data.rotationEvents.edges[0].node.transfers).toHaveLength(61);
    const at = new Date().toISOString();
    const then = await t.gql(queries[5], { at });
    expect(then.errors).toBeUndefined();
    expect(then.data).toEqual(results[5].data);
    expect(results[6].data.corrections.edges).toEqual([]); // the demo records, and corrects nothing
  });
});

describe('the README, as written, on the demo', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await loadDemo(t.app);
  });
  afterAll(() => t.close());

  it('runs the example operations, then records the clerk\'s first rotation, changing nothing the journalist examples show', async () => {
    const journalistQueries = readmeQueries('For journalists');
    const journalistAnswers = () => Promise.all(journalistQueries.map((q) => t.gql(q)));
    const before = await journalistAnswers();
    const [createUnit, createPost, createOfficial, read, oneGovernment] = readmeQueries('Example queries');
    const unit = await t.hr(createUnit);
    expect(unit.errors).toBeUndefined();
    const parent = await t.gql(`query ($id: ID) { organization(id: $id) { parent { code } } }`, { id: unit.data.createOrganization.id });
    expect(parent.data.organization.parent.code).toBe('PEMKOT-BKS');
    expect((await t.hr(createPost, { org: unit.data.createOrganization.id })).errors).toBeUndefined();
    expect((await t.hr(createOfficial)).data.createOfficial.displayName).toBe('dr. H. Ahmad Fauzi, M.Kes.');
    const tree = await t.gql(read);
    expect(tree.data.positions.totalCount).toBe(1);
    // The move from the Kota to the Provinsi, in the Kota's list, on the Provinsi's decree.
    const government = await t.gql(oneGovernment);
    expect(government.errors).toBeUndefined();
    expect(government.data.governments.map((g: any) => g.regionCode)).toEqual(expect.arrayContaining(['32', '32.16', '32.75']));
    expect(government.data.transfers.totalCount).toBe(1);
    expect(government.data.transfers.edges[0].node).toMatchObject({
      event: { issuer: 'Gubernur Jawa Barat', government: { name: 'Pemerintah Provinsi Jawa Barat' } },
      official: { before: { regionCode: '32.75' }, after: { regionCode: '32' } },
      fromPosition: { organization: { government: { regionCode: '32.75' } } },
      toPosition: { organization: { government: { regionCode: '32' } } },
    });

    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const section = readme.slice(readme.indexOf('## Recording a rotation'));
    const variables = JSON.parse(/```json\n([\s\S]*?)```/.exec(section)![1]);
    const [check, record] = readmeQueries('Recording a rotation (for HR)');
    const checked = await t.hr(check, variables);
    expect(checked.data.validateRotationEvent).toEqual({ valid: true, problems: [] });
    const recorded = await t.hr(record, variables);
    expect(recorded.errors).toBeUndefined();
    expect(recorded.data.recordRotationEvent.event.transfers).toEqual([
      { seq: 1, kind: 'APPOINTMENT', official: { displayName: 'dr. H. Ahmad Fauzi, M.Kes.' }, fromPosition: null, toPosition: { code: 'DISKOMINFO-SEK' } },
    ]);
    // The idempotency key in the README makes a retry harmless.
    expect((await t.hr(record, variables)).data.recordRotationEvent.event.id).toBe(recorded.data.recordRotationEvent.event.id);
    expect(await journalistAnswers()).toEqual(before);
  });
});
