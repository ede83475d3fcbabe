import { appointments, officials, query, record, RECORD, eventInput, unitWithPosts, VALIDATE } from './support/rotations.js';
import { createOfficial, createOrganization, createPosition, nip } from './factories/index.js';
import { startTestApp, type TestApp } from './support/app.js';

/*
 * Functional posts with seats (formasi) and the additional task (tugas tambahan) of heading
 * an UPTD: the rules of issue 14, over HTTP against a real database.
 */

const UPDATE = `mutation ($id: ID!, $input: UpdatePositionInput!) { updatePosition(id: $id, input: $input) { id seats } }`;
const codes = (problems: { code: string }[]) => problems.map((p) => p.code);

describe('functional posts and the additional task', () => {
  let t: TestApp;
  let unit: string;
  beforeAll(async () => {
    t = await startTestApp();
    unit = await createOrganization(t, { code: 'FN-DINKES', name: 'Dinas Kesehatan' });
  });
  afterAll(() => t.close());

  const functionalPost = (code: string, seats: number, o: Record<string, unknown> = {}) =>
    createPosition(t, unit, { code, title: `Dokter ${code}`, echelon: null, category: 'FUNCTIONAL', functionalLevel: 'EXPERT_JUNIOR', seats, ...o });
  const headPost = (code: string) => createPosition(t, unit, { code, title: `Kepala UPTD Puskesmas ${code}`, echelon: null, category: 'UNIT_HEAD' });

  it('lets as many officials hold a functional post at once as it has seats, refusing one more with FORMATION_FULL, as the database does', async () => {
    const post = await functionalPost('FN-SEATS', 2);
    const [a, b, c] = await officials(t, 'Formasi', 3);
    await record(t, [a, b].map((o) => ({ officialId: o.id, toPositionId: post })), { swornInOn: '2021-01-04', decreeDate: '2021-01-02' });
    const res = await t.hr(VALIDATE, { input: eventInput([{ officialId: c.id, toPositionId: post }], { swornInOn: '2022-01-03', decreeDate: '2022-01-02' }) });
    const problem = res.data.validateRotationEvent.problems.find((p: any) => p.code === 'FORMATION_FULL');
    expect(problem).toMatchObject({ severity: 'ERROR', index: 0, field: 'toPositionId' });
    expect(problem.message).toContain('All 2 seats (formasi) of Dokter FN-SEATS (FN-SEATS) are held on 2022-01-03');

    // The database refuses a third head whatever the application does: seat 3 is past the post's seats, seat 1 is taken.
    const [held] = await query<{ official_id: string; started_by_transfer_id: string }>(t, `SELECT official_id, started_by_transfer_id FROM appointments WHERE position_id = $1 LIMIT 1`, [post]);
    const insert = (seat: number) =>
      query(t, `INSERT INTO appointments (official_id, position_id, capacity, started_on, started_by_transfer_id, seat, position_seats) VALUES ($1, $2, 'DEFINITIVE', '2022-01-03', $3, $4, 2)`, [
        c.id,
        post,
        held.started_by_transfer_id,
        seat,
      ]);
    await expect(insert(3)).rejects.toThrow(/appointments_seat_check/);
    await expect(insert(1)).rejects.toThrow(/appointments_position_no_overlap/);

    // One leaves: the seat is free again, for the one who was refused.
    await record(t, [{ officialId: a.id, toPositionId: await functionalPost('FN-ELSEWHERE', 5) }], { swornInOn: '2022-06-01', decreeDate: '2022-05-30' });
    await record(t, [{ officialId: c.id, toPositionId: post }], { swornInOn: '2022-07-01', decreeDate: '2022-06-30' });
    expect((await appointments(t, `p.code = 'FN-SEATS' AND a.ended_on IS NULL`)).map((x) => x.official).sort()).toEqual([b.name, c.name].sort());
  });

  it('renumbers the seats when a back-dated decree fits a head between others, and refuses fewer seats than are held at once', async () => {
    const post = await functionalPost('FN-RESEAT', 2);
    const [a, b, c] = await officials(t, 'Kursi', 3);
    await record(t, [{ officialId: a.id, toPositionId: post }], { swornInOn: '2020-01-06', decreeDate: '2020-01-02' });
    await record(t, [{ officialId: a.id, toPositionId: await functionalPost('FN-RESEAT-NEXT', 3) }], { swornInOn: '2021-01-04', decreeDate: '2021-01-02' });
    await record(t, [{ officialId: b.id, toPositionId: post }], { swornInOn: '2021-01-04', decreeDate: '2021-01-02' });
    // C from mid-2020, recorded last: two heads at most on any day, so it fits.
    await record(t, [{ officialId: c.id, toPositionId: post }], { swornInOn: '2020-06-01', decreeDate: '2020-05-29' });
    const seats = await query<{ name: string; seat: number }>(t, `SELECT o.name, a.seat FROM appointments a JOIN officials o ON o.id = a.official_id WHERE a.position_id = $1 ORDER BY a.started_on`, [post]);
    expect(new Set(seats.map((s) => s.seat))).toEqual(new Set([1, 2]));

    const res = await t.hr(UPDATE, { id: post, input: { seats: 1 } });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', problems: [{ field: 'seats', code: 'SEATS_BELOW_HOLDERS' }] });
    expect((await t.hr(UPDATE, { id: post, input: { seats: 4 } })).data.updatePosition.seats).toBe(4);
  });

  it('allows seats and a functional level only where they mean something', async () => {
    const seats = await t.hr(`mutation ($input: CreatePositionInput!) { createPosition(input: $input) { id } }`, {
      input: { code: 'FN-BAD-SEATS', title: 'Kepala Bidang', organizationId: unit, echelon: 'III_B', category: 'ADMINISTRATOR', seats: 3 },
    });
    expect(seats.errors?.[0].extensions.problems).toEqual([expect.objectContaining({ field: 'seats', code: 'SEATS_NOT_ALLOWED' })]);
    const level = await t.hr(`mutation ($input: CreatePositionInput!) { createPosition(input: $input) { id } }`, {
      input: { code: 'FN-BAD-LEVEL', title: 'Kepala Bidang', organizationId: unit, echelon: 'III_B', category: 'ADMINISTRATOR', functionalLevel: 'EXPERT_MIDDLE' },
    });
    expect(level.errors?.[0].extensions.problems).toEqual([expect.objectContaining({ field: 'functionalLevel', code: 'FUNCTIONAL_LEVEL_NOT_ALLOWED' })]);
  });

  it('gives the additional task only to a functional official and only for an UPTD head post; the head is the post holder and ends a Plt there', async () => {
    const doctors = await functionalPost('FN-DOKTER', 10);
    const head = await headPost('FN-PKM-A');
    const structural = (await unitWithPosts(t, 'FN-STRUK', 1)).posts[0].id;
    const [doctor, plt, clerk] = await officials(t, 'Tugas', 3);
    await record(t, [
      { officialId: doctor.id, toPositionId: doctors },
      { officialId: plt.id, toPositionId: doctors },
      { officialId: clerk.id, toPositionId: structural },
    ], { swornInOn: '2019-01-07', decreeDate: '2019-01-02' });
    await record(t, [{ officialId: plt.id, toPositionId: head, capacity: 'ACTING' }], { swornInOn: '2019-03-01', decreeDate: '2019-02-27' });

    const refused = await t.hr(VALIDATE, {
      input: eventInput([
        { officialId: clerk.id, toPositionId: head, capacity: 'ADDITIONAL_TASK' },
        { officialId: doctor.id, toPositionId: structural, capacity: 'ADDITIONAL_TASK' },
      ], { swornInOn: '2019-06-03', decreeDate: '2019-06-01' }),
    });
    const problems = refused.data.validateRotationEvent.problems;
    expect(problems.filter((p: any) => p.index === 0).map((p: any) => [p.code, p.field])).toContainEqual(['NOT_FUNCTIONAL_OFFICIAL', 'officialId']);
    expect(problems.filter((p: any) => p.index === 1).map((p: any) => [p.code, p.field])).toContainEqual(['NOT_A_UNIT_HEAD_POST', 'toPositionId']);

    const given = await record(t, [{ officialId: doctor.id, toPositionId: head, capacity: 'ADDITIONAL_TASK' }], { swornInOn: '2019-06-03', decreeDate: '2019-06-01' });
    expect(given.event.transfers[0]).toMatchObject({ kind: 'ADDITIONAL_TASK_START', capacity: 'ADDITIONAL_TASK' });
    expect(given.warnings).toEqual([]);

    const read = await t.gql(`{ position(code: "FN-PKM-A") { holder(on: "2019-07-01") { definitive { capacity official { name } } acting { official { name } } } } }`);
    expect(read.data.position.holder).toEqual({ definitive: { capacity: 'ADDITIONAL_TASK', official: { name: doctor.name } }, acting: [] });
    const seats = await t.gql(`{ position(code: "FN-DOKTER") { seats holder(on: "2019-07-01") { heads { official { name } } } } }`);
    expect(seats.data.position.seats).toBe(10);
    expect(seats.data.position.holder.heads.map((h: any) => h.official.name).sort()).toEqual([doctor.name, plt.name].sort());
    expect(await appointments(t, `p.code = 'FN-PKM-A'`)).toEqual([
      { official: plt.name, position: 'FN-PKM-A', capacity: 'ACTING', started_on: '2019-03-01', ended_on: '2019-06-03' },
      { official: doctor.name, position: 'FN-PKM-A', capacity: 'ADDITIONAL_TASK', started_on: '2019-06-03', ended_on: null },
    ]);
    // A second head of the same UPTD is refused, as for a definitive post.
    const second = await t.hr(VALIDATE, { input: eventInput([{ officialId: plt.id, toPositionId: head, capacity: 'ADDITIONAL_TASK' }], { swornInOn: '2020-01-06', decreeDate: '2020-01-02' }) });
    expect(codes(second.data.validateRotationEvent.problems)).toContain('POSITION_OCCUPIED');
  });

  it('ends the additional task with the functional post, and warns of an UPTD head post held definitively', async () => {
    const doctors = await functionalPost('FN-DOKTER-2', 5);
    const head = await headPost('FN-PKM-B');
    const [doctor, other] = await officials(t, 'Akhir', 2);
    await record(t, [{ officialId: doctor.id, toPositionId: doctors }], { swornInOn: '2019-01-07', decreeDate: '2019-01-02' });
    await record(t, [{ officialId: doctor.id, toPositionId: head, capacity: 'ADDITIONAL_TASK' }], { swornInOn: '2019-06-03', decreeDate: '2019-06-01' });
    // Moved to a structural post: the task ends that day; the UPTD is vacant.
    await record(t, [{ officialId: doctor.id, toPositionId: (await unitWithPosts(t, 'FN-STRUK-B', 1)).posts[0].id }], { swornInOn: '2022-01-03', decreeDate: '2022-01-01' });
    expect(await appointments(t, `p.code = 'FN-PKM-B'`)).toEqual([
      { official: doctor.name, position: 'FN-PKM-B', capacity: 'ADDITIONAL_TASK', started_on: '2019-06-03', ended_on: '2022-01-03' },
    ]);
    const vacant = await t.gql(`{ vacancies(on: "2022-02-01", first: 100) { edges { node { position { code } } } } }`);
    expect(vacant.data.vacancies.edges.map((e: any) => e.node.position.code)).toContain('FN-PKM-B');

    const definitive = await record(t, [{ officialId: other.id, toPositionId: head }], { swornInOn: '2022-03-01', decreeDate: '2022-02-25' });
    expect(codes(definitive.warnings)).toContain('UNIT_HEAD_NOT_DEFINITIVE');
  });

  it('derives the kinds of moves between functional levels, and checks a stated penyetaraan (EQUALIZATION) against the level it gives', async () => {
    const muda = await functionalPost('FN-MUDA', 5);
    const madya = await functionalPost('FN-MADYA', 5, { functionalLevel: 'EXPERT_MIDDLE' });
    const administrators = (await unitWithPosts(t, 'FN-ADM', 2, { echelon: 'III_B' })).posts;
    const [a, b, c] = await officials(t, 'Jenjang', 3);
    await record(t, [
      { officialId: a.id, toPositionId: muda },
      { officialId: b.id, toPositionId: administrators[0].id },
      { officialId: c.id, toPositionId: administrators[1].id },
    ], { swornInOn: '2018-01-08', decreeDate: '2018-01-02' });
    const res = await record(t, [
      { officialId: a.id, toPositionId: madya },
      { officialId: b.id, toPositionId: madya, kind: 'EQUALIZATION' },
      { officialId: c.id, toPositionId: muda, kind: 'EQUALIZATION' },
    ], { swornInOn: '2021-12-31', decreeDate: '2021-12-20' });
    expect(res.event.transfers.map((x: any) => x.kind)).toEqual(['PROMOTION', 'EQUALIZATION', 'EQUALIZATION']);
    // An administrator is equalised at Ahli Madya, not Ahli Muda.
    expect(res.warnings.map((w: any) => [w.code, w.index])).toEqual([['EQUALIZATION_LEVEL_MISMATCH', 2]]);
  });

  it('retires a functional Ahli Madya at 60 and an Ahli Utama at 65, and lists an UPTD head by the age of the functional post', async () => {
    const madya = await functionalPost('FN-BUP-MADYA', 5, { functionalLevel: 'EXPERT_MIDDLE' });
    const utama = await functionalPost('FN-BUP-UTAMA', 5, { functionalLevel: 'EXPERT_PRINCIPAL' });
    const head = await headPost('FN-PKM-BUP');
    const person = (name: string, birth: string) => createOfficial(t, { name, nip: nip({ birth, tmt: '199001', serial: 7 }), birthDate: `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6)}` });
    const m = await person('Bup Madya', '19660310');
    const u = await person('Bup Utama', '19610815');
    await record(t, [{ officialId: m, toPositionId: madya }, { officialId: u, toPositionId: utama }], { swornInOn: '2020-01-06', decreeDate: '2020-01-02' });
    await record(t, [{ officialId: m, toPositionId: head, capacity: 'ADDITIONAL_TASK' }], { swornInOn: '2020-02-03', decreeDate: '2020-01-30' });
    const res = await t.hr(`{ retirements(organizationId: "${unit}", from: "2026-01-01", to: "2026-12-31", first: 10) {
      edges { node { position { code } retirementAge lastDayOfService official { name } } } } }`);
    expect(res.data.retirements.edges.map((e: any) => e.node)).toEqual([
      { position: { code: 'FN-BUP-MADYA' }, retirementAge: 60, lastDayOfService: '2026-03-31', official: { name: 'Bup Madya' } },
      { position: { code: 'FN-PKM-BUP' }, retirementAge: 60, lastDayOfService: '2026-03-31', official: { name: 'Bup Madya' } },
      { position: { code: 'FN-BUP-UTAMA' }, retirementAge: 65, lastDayOfService: '2026-08-31', official: { name: 'Bup Utama' } },
    ]);
  });

  it('refuses a task to someone who is not functional when a back-dated decree makes it so, naming the other event', async () => {
    const doctors = await functionalPost('FN-DOKTER-3', 5);
    const head = await headPost('FN-PKM-C');
    const [doctor] = await officials(t, 'Mundur', 1);
    await record(t, [{ officialId: doctor.id, toPositionId: doctors }], { swornInOn: '2019-01-07', decreeDate: '2019-01-02' });
    const task = await record(t, [{ officialId: doctor.id, toPositionId: head, capacity: 'ADDITIONAL_TASK' }], { swornInOn: '2021-01-04', decreeDate: '2021-01-02' });
    const structural = (await unitWithPosts(t, 'FN-STRUK-C', 1)).posts[0].id;
    const res = await t.hr(RECORD, { input: eventInput([{ officialId: doctor.id, toPositionId: structural }], { swornInOn: '2020-01-06', decreeDate: '2020-01-02' }) });
    const problem = res.errors?.[0].extensions.problems.find((p: any) => p.code === 'NOT_FUNCTIONAL_OFFICIAL');
    expect(problem.message).toContain(`event ${task.event.id}`);
    expect(problem.index).toBe(0);
  });

  describe('what an outside review found', () => {
    const VOID = `mutation ($id: ID!, $v: Int!, $reason: String!) { voidRotationEvent(id: $id, expectedVersion: $v, reason: $reason) { id } }`;

    it('refuses a move of the functional post on the day a task was given on it (SAME_DAY_MOVE), and warns when a later move ends the task', async () => {
      const posts = [await functionalPost('FN-SD-1', 3), await functionalPost('FN-SD-2', 3)];
      const head = await headPost('FN-PKM-SD');
      const [e] = await officials(t, 'Sehari', 1);
      await record(t, [{ officialId: e.id, toPositionId: posts[0] }], { swornInOn: '2020-01-06', decreeDate: '2020-01-02' });
      await record(t, [{ officialId: e.id, toPositionId: head, capacity: 'ADDITIONAL_TASK' }], { swornInOn: '2022-03-01', decreeDate: '2022-02-25' });
      const same = await t.hr(VALIDATE, { input: eventInput([{ officialId: e.id, toPositionId: posts[1] }], { swornInOn: '2022-03-01', decreeDate: '2022-02-25' }) });
      expect(same.data.validateRotationEvent.problems).toContainEqual(expect.objectContaining({ code: 'SAME_DAY_MOVE', severity: 'ERROR', index: 0 }));
      const later = await record(t, [{ officialId: e.id, toPositionId: posts[1] }], { swornInOn: '2023-03-01', decreeDate: '2023-02-25' });
      expect(codes(later.warnings)).toContain('ADDITIONAL_TASK_ENDED');
    });

    it('lets an official act in a post with several seats that two hold, and counts seats against the post, not one', async () => {
      const post = await createPosition(t, unit, { code: 'FN-EXEC-3', title: 'Pengadministrasi Umum', echelon: null, category: 'EXECUTOR', seats: 3 });
      const [a, b, x] = await officials(t, 'Pelaksana', 3);
      await record(t, [{ officialId: a.id, toPositionId: post }, { officialId: b.id, toPositionId: post }], { swornInOn: '2020-01-06', decreeDate: '2020-01-02' });
      const res = await t.hr(VALIDATE, { input: eventInput([{ officialId: x.id, toPositionId: post, capacity: 'ACTING' }], { swornInOn: '2021-01-04', decreeDate: '2021-01-02' }) });
      expect(res.data.validateRotationEvent.problems.filter((p: any) => p.severity === 'ERROR')).toEqual([]);
    });

    it('keeps the category of a post with moves on record (CATEGORY_IN_USE)', async () => {
      const post = await functionalPost('FN-CAT', 3);
      const [d] = await officials(t, 'Kategori', 1);
      await record(t, [{ officialId: d.id, toPositionId: post }], { swornInOn: '2020-01-06', decreeDate: '2020-01-02' });
      const res = await t.hr(UPDATE, { id: post, input: { category: 'EXECUTOR', functionalLevel: null } });
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', domainCode: 'CATEGORY_IN_USE' });
    });

    it('renumbers the seats when a void leaves a gap, so the formasi can shrink to what is held', async () => {
      const post = await functionalPost('FN-VOID', 2);
      const [a, b] = await officials(t, 'Batal', 2);
      const first = await record(t, [{ officialId: a.id, toPositionId: post }], { swornInOn: '2020-01-06', decreeDate: '2020-01-02' });
      await record(t, [{ officialId: b.id, toPositionId: post }], { swornInOn: '2021-01-04', decreeDate: '2021-01-02' });
      expect((await t.hr(VOID, { id: first.event.id, v: first.event.version ?? 1, reason: 'Salah input' })).errors).toBeUndefined();
      expect((await t.hr(UPDATE, { id: post, input: { seats: 1 } })).data?.updatePosition.seats).toBe(1);
    });

    it('reads posts with several seats right: every retiree on one post paged, changes in who holds it, vacancies when no seat is held, the longest-serving as holder', async () => {
      const own = await createOrganization(t, { code: 'FN-MULTI-ORG', name: 'UPTD Ganda' });
      const post = await createPosition(t, own, { code: 'FN-MULTI', title: 'Perawat Ahli Muda', echelon: null, category: 'FUNCTIONAL', functionalLevel: 'EXPERT_JUNIOR', seats: 3 });
      const person = (name: string, birth: string, serial: number) => createOfficial(t, { name, nip: nip({ birth, tmt: '199501', serial }) });
      const a = await person('Ganda Satu', '19680305', 21);
      const b = await person('Ganda Dua', '19680310', 22);
      const c = await person('Ganda Tiga', '19800101', 23);
      await record(t, [{ officialId: a, toPositionId: post }], { swornInOn: '2020-01-06', decreeDate: '2020-01-02' });
      await record(t, [{ officialId: b, toPositionId: post }], { swornInOn: '2021-01-04', decreeDate: '2021-01-02' });
      await record(t, [{ officialId: b, toPositionId: await functionalPost('FN-MULTI-NEXT', 3) }, { officialId: c, toPositionId: post }], { swornInOn: '2022-01-03', decreeDate: '2022-01-02' });
      await record(t, [{ officialId: a, toPositionId: await functionalPost('FN-MULTI-LAST', 3) }], { swornInOn: '2023-01-02', decreeDate: '2023-01-02' });
      await record(t, [{ officialId: c, toPositionId: await functionalPost('FN-MULTI-END', 3) }], { swornInOn: '2024-01-02', decreeDate: '2024-01-02' });

      const changes = await t.gql(`{ changes(from: "2021-06-01", to: "2022-06-01", organizationId: "${own}", first: 100) { edges { node { position { code } } } } }`);
      expect(changes.data.changes.edges.map((e: any) => e.node.position.code)).toContain('FN-MULTI');
      const read = await t.gql(`{ position(code: "FN-MULTI") { vacancies { from to } holder(on: "2021-06-01") { definitive { official { name } } } } }`);
      expect(read.data.position.vacancies).toEqual([{ from: '2024-01-02', to: null }]);
      expect(read.data.position.holder.definitive.official.name).toBe('Ganda Satu');
      const snapshot = await t.gql(`{ snapshot(on: "2021-06-01", organizationId: "${own}", first: 100) { edges { node { position { code } holder { official { name } } } } } }`);
      expect(snapshot.data.snapshot.edges.find((e: any) => e.node.position.code === 'FN-MULTI').node.holder.official.name).toBe('Ganda Satu');

      // Two holders of one post reaching 58 in March 2026: both listed, one page each.
      await record(t, [{ officialId: b, toPositionId: post }], { swornInOn: '2024-06-03', decreeDate: '2024-06-01' });
      await record(t, [{ officialId: a, toPositionId: post }], { swornInOn: '2024-07-01', decreeDate: '2024-07-01' });
      const Q = `query ($after: String) { retirements(organizationId: "${own}", from: "2026-01-01", to: "2026-12-31", first: 1, after: $after) { totalCount pageInfo { endCursor hasNextPage } edges { node { official { name } } } } }`;
      const one = (await t.hr(Q)).data.retirements;
      const two = (await t.hr(Q, { after: one.pageInfo.endCursor })).data.retirements;
      expect([...one.edges, ...two.edges].map((e: any) => e.node.official.name).sort()).toEqual(['Ganda Dua', 'Ganda Satu']);
    });

    it('refuses a kind that is not a task\'s on an additional task (KIND_CAPACITY_MISMATCH)', async () => {
      const head = await headPost('FN-PKM-KIND');
      const [d] = await officials(t, 'Jenis', 1);
      const res = await t.hr(VALIDATE, { input: eventInput([{ officialId: d.id, toPositionId: head, capacity: 'ADDITIONAL_TASK', kind: 'PROMOTION' }], { swornInOn: '2021-01-04', decreeDate: '2021-01-02' }) });
      expect(codes(res.data.validateRotationEvent.problems)).toContain('KIND_CAPACITY_MISMATCH');
    });
  });
});
