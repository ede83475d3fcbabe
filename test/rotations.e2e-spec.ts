import { appointments, eventInput, footprint, officials, query, record, RECORD, unitWithPosts, VALIDATE } from './support/rotations.js';
import { createOfficial, createPosition, nip } from './factories/index.js';
import { startTestApp, type TestApp } from './support/app.js';

const AMEND = `mutation ($id: ID!, $v: Int!, $input: RotationEventInput!, $reason: String!) {
  amendRotationEvent(id: $id, expectedVersion: $v, input: $input, reason: $reason) { event { id version transfers { seq official { name } toPosition { code } } } warnings { code } }
}`;
const VOID = `mutation ($id: ID!, $v: Int!, $reason: String!) { voidRotationEvent(id: $id, expectedVersion: $v, reason: $reason) { id status version voidReason } }`;

const holders = async (t: TestApp, prefix: string, on: string) =>
  query<{ position: string; official: string }>(
    t,
    `SELECT p.code AS position, o.name AS official FROM appointments a JOIN positions p ON p.id = a.position_id JOIN officials o ON o.id = a.official_id
     WHERE p.code LIKE $1 AND a.capacity IN ('DEFINITIVE', 'ADDITIONAL_TASK') AND a.started_on <= $2 AND (a.ended_on IS NULL OR a.ended_on > $2) ORDER BY p.code`,
    [`${prefix}-%`, on],
  );

describe('recording rotations', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('appoints, then rotates, deriving the kinds and rebuilding the history', async () => {
    const { posts } = await unitWithPosts(t, 'SMOKE', 2);
    const [a] = await officials(t, 'Smoke', 1);
    const first = await record(t, [{ officialId: a.id, toPositionCode: posts[0].code }], { swornInOn: '2020-01-06', decreeDate: '2020-01-02' });
    expect(first.event.transfers).toEqual([
      { seq: 1, kind: 'APPOINTMENT', capacity: 'DEFINITIVE', official: { id: a.id, name: a.name }, fromPosition: null, toPosition: { code: 'SMOKE-1' } },
    ]);
    expect(first.warnings).toEqual([]);
    const second = await record(t, [{ nip: a.nip, toPositionId: posts[1].id }], { swornInOn: '2023-02-06', decreeDate: '2023-02-01' });
    expect(second.event.transfers[0]).toMatchObject({ kind: 'ROTATION', fromPosition: { code: 'SMOKE-1' }, toPosition: { code: 'SMOKE-2' } });
    expect(await appointments(t, `p.code LIKE 'SMOKE-%'`)).toEqual([
      { official: a.name, position: 'SMOKE-1', capacity: 'DEFINITIVE', started_on: '2020-01-06', ended_on: '2023-02-06' },
      { official: a.name, position: 'SMOKE-2', capacity: 'DEFINITIVE', started_on: '2023-02-06', ended_on: null },
    ]);
  });

  it('records one event of 61: 44 Eselon III and IV moves and 17 UPTD Puskesmas heads, leaving no Puskesmas without a head', async () => {
    const iii = await unitWithPosts(t, 'E3', 14, { echelon: 'III_A' });
    const iiib = await unitWithPosts(t, 'E3B', 10, { echelon: 'III_B' });
    const iv = await unitWithPosts(t, 'E4', 20, { echelon: 'IV_A', category: 'SUPERVISOR' });
    const pkm = await unitWithPosts(t, 'PKM', 17, { echelon: null, category: 'UNIT_HEAD', kind: 'TECHNICAL_UNIT' });
    const doctors = await createPosition(t, pkm.unit, { code: 'DOKTER-AHLI-MUDA', title: 'Dokter Ahli Muda', echelon: null, category: 'FUNCTIONAL', functionalLevel: 'EXPERT_JUNIOR', seats: 17 });
    const structural = [...iii.posts, ...iiib.posts, ...iv.posts];
    const staff = await officials(t, 'Struktural', 44);
    const heads = await officials(t, 'Kapus', 10);
    const newHeads = await officials(t, 'Dokter', 7);
    // Before: 44 structural officials in 44 posts; 17 doctors in one functional post of 17
    // seats, 10 of them heading a Puskesmas by additional task.
    await record(t, [
      ...staff.map((o, i) => ({ officialId: o.id, toPositionId: structural[i].id })),
      ...[...heads, ...newHeads].map((o) => ({ officialId: o.id, toPositionId: doctors })),
    ], { swornInOn: '2023-02-01', decreeDate: '2023-01-20' });
    await record(t, heads.map((o, i) => ({ officialId: o.id, toPositionId: pkm.posts[i].id, capacity: 'ADDITIONAL_TASK' })), { swornInOn: '2023-03-01', decreeDate: '2023-02-20' });

    // 6 February 2026: every structural official moves one post on (a cycle of 44), the 10
    // heads rotate among their Puskesmas, and 7 doctors are given the 7 empty ones.
    const transfers = [
      ...staff.map((o, i) => ({ officialId: o.id, toPositionId: structural[(i + 1) % 44].id })),
      ...heads.map((o, i) => ({ officialId: o.id, toPositionId: pkm.posts[(i + 1) % 10].id, capacity: 'ADDITIONAL_TASK' })),
      ...newHeads.map((o, i) => ({ officialId: o.id, toPositionId: pkm.posts[10 + i].id, capacity: 'ADDITIONAL_TASK' })),
    ];
    const res = await record(t, transfers, { swornInOn: '2026-02-06', decreeDate: '2026-02-05' });
    expect(res.event.transfers).toHaveLength(61);
    const kinds = res.event.transfers.reduce((acc: Record<string, number>, x: any) => ({ ...acc, [x.kind]: (acc[x.kind] ?? 0) + 1 }), {});
    // III_A→III_A 13, III_A→III_B 1, III_B→III_B 9, III_B→IV_A 1, IV_A→IV_A 19, IV_A→III_A 1 (the cycle closes).
    expect(kinds).toEqual({ ROTATION: 41, DEMOTION: 2, PROMOTION: 1, REASSIGNMENT: 10, ADDITIONAL_TASK_START: 7 });
    // Short tenure (< 2 years) is not at issue: they served almost three.
    expect(res.warnings).toEqual([]);

    const after = await holders(t, 'PKM', '2026-02-06');
    expect(after).toHaveLength(17);
    expect(await holders(t, 'PKM', '2026-02-05')).toHaveLength(10);
    // The heads keep their functional post: 17 doctors hold its 17 seats, before and after.
    expect(await holders(t, 'DOKTER', '2026-02-06')).toHaveLength(17);
    const structuralAfter = [...(await holders(t, 'E3', '2026-02-06')), ...(await holders(t, 'E3B', '2026-02-06')), ...(await holders(t, 'E4', '2026-02-06'))];
    expect(new Set(structuralAfter.map((h) => h.official)).size).toBe(44);
    expect(structuralAfter.find((h) => h.position === structural[1].code)?.official).toBe(staff[0].name);
  });

  it('swaps two heads in one event', async () => {
    const { posts } = await unitWithPosts(t, 'SWAP', 2);
    const [a, b] = await officials(t, 'Swap', 2);
    await record(t, [{ officialId: a.id, toPositionId: posts[0].id }, { officialId: b.id, toPositionId: posts[1].id }], { swornInOn: '2022-01-03', decreeDate: '2022-01-03' });
    await record(t, [{ officialId: a.id, fromPositionId: posts[0].id, toPositionId: posts[1].id }, { officialId: b.id, toPositionId: posts[0].id }], { swornInOn: '2025-01-06', decreeDate: '2025-01-02' });
    expect(await holders(t, 'SWAP', '2025-01-06')).toEqual([{ position: 'SWAP-1', official: b.name }, { position: 'SWAP-2', official: a.name }]);
    expect(await holders(t, 'SWAP', '2025-01-05')).toEqual([{ position: 'SWAP-1', official: a.name }, { position: 'SWAP-2', official: b.name }]);
  });

  it('moves a cycle of three, and a chain that leaves its first post vacant', async () => {
    const { posts } = await unitWithPosts(t, 'CYC', 5);
    const [a, b, c, d] = await officials(t, 'Cyc', 4);
    await record(t, [a, b, c, d].map((o, i) => ({ officialId: o.id, toPositionId: posts[i].id })), { swornInOn: '2021-05-03', decreeDate: '2021-05-03' });
    await record(t, [{ officialId: a.id, toPositionId: posts[1].id }, { officialId: b.id, toPositionId: posts[2].id }, { officialId: c.id, toPositionId: posts[0].id }], { swornInOn: '2024-05-02', decreeDate: '2024-05-02' });
    expect(await holders(t, 'CYC', '2024-05-02')).toEqual([
      { position: 'CYC-1', official: c.name },
      { position: 'CYC-2', official: a.name },
      { position: 'CYC-3', official: b.name },
      { position: 'CYC-4', official: d.name },
    ]);
    // A chain: C takes the empty CYC-5, A takes C's CYC-1, D takes A's CYC-2; CYC-4 (D's) is left vacant.
    await record(t, [{ officialId: c.id, toPositionId: posts[4].id }, { officialId: a.id, toPositionId: posts[0].id }, { officialId: d.id, toPositionId: posts[1].id }], { swornInOn: '2026-02-06', decreeDate: '2026-02-05' });
    expect(await holders(t, 'CYC', '2026-02-06')).toEqual([
      { position: 'CYC-1', official: a.name },
      { position: 'CYC-2', official: d.name },
      { position: 'CYC-3', official: b.name },
      { position: 'CYC-5', official: c.name },
    ]);
  });

  it('back-fills an older decree: the history comes out as if recorded in date order', async () => {
    const { posts } = await unitWithPosts(t, 'BACK', 3);
    const [a, b] = await officials(t, 'Back', 2);
    // Recorded first: the 2025 decree (A appointed to BACK-2; B to BACK-3).
    const late = await record(t, [{ officialId: a.id, toPositionId: posts[1].id }, { officialId: b.id, toPositionId: posts[2].id }], { swornInOn: '2025-06-02', decreeDate: '2025-06-02' });
    expect(late.event.transfers[0].kind).toBe('APPOINTMENT');
    // Then found in the archive: the 2019 decree appointing A to BACK-1, and a 2022 one moving B there.
    await record(t, [{ officialId: a.id, toPositionId: posts[0].id }], { swornInOn: '2019-03-01', decreeDate: '2019-03-01' });
    await record(t, [{ officialId: b.id, toPositionId: posts[0].id }, { officialId: a.id, toPositionId: posts[2].id }], { swornInOn: '2022-07-01', decreeDate: '2022-07-01' });
    expect(await appointments(t, `p.code LIKE 'BACK-%'`)).toEqual([
      { official: a.name, position: 'BACK-1', capacity: 'DEFINITIVE', started_on: '2019-03-01', ended_on: '2022-07-01' },
      { official: b.name, position: 'BACK-1', capacity: 'DEFINITIVE', started_on: '2022-07-01', ended_on: '2025-06-02' },
      { official: a.name, position: 'BACK-2', capacity: 'DEFINITIVE', started_on: '2025-06-02', ended_on: null },
      { official: a.name, position: 'BACK-3', capacity: 'DEFINITIVE', started_on: '2022-07-01', ended_on: '2025-06-02' },
      { official: b.name, position: 'BACK-3', capacity: 'DEFINITIVE', started_on: '2025-06-02', ended_on: null },
    ]);
    // The 2025 transfers now read as they would have: rotations from the posts then held.
    const rows = await query(t, `SELECT o.name, f.code AS from, t.kind FROM transfers t JOIN officials o ON o.id = t.official_id LEFT JOIN positions f ON f.id = t.from_position_id WHERE t.event_id = $1 ORDER BY t.seq`, [late.event.id]);
    expect(rows).toEqual([
      { name: a.name, from: 'BACK-3', kind: 'ROTATION' },
      { name: b.name, from: 'BACK-1', kind: 'ROTATION' },
    ]);
  });

  it('runs an acting (Plt) appointment beside the definitive post, ended by a definitive appointment to that post', async () => {
    const { posts } = await unitWithPosts(t, 'PLT', 2);
    const kadis = await createPosition(t, (await query(t, `SELECT organization_id FROM positions WHERE code = 'PLT-1'`))[0].organization_id, { code: 'PLT-KADIS', echelon: 'II_B', category: 'HIGH_LEADERSHIP' });
    const [a, b] = await officials(t, 'Plt', 2);
    await record(t, [{ officialId: a.id, toPositionId: posts[0].id }, { officialId: b.id, toPositionId: posts[1].id }], { swornInOn: '2022-01-03', decreeDate: '2022-01-03' });
    const acting = await record(t, [{ officialId: a.id, toPositionId: kadis, capacity: 'ACTING' }], { swornInOn: '2024-08-01', decreeDate: '2024-08-01' });
    expect(acting.event.transfers[0]).toMatchObject({ kind: 'ACTING_START', capacity: 'ACTING', fromPosition: null, toPosition: { code: 'PLT-KADIS' } });
    // Later B is installed as the definitive head: A's Plt ends that day, A keeps PLT-1.
    const definitive = await record(t, [{ officialId: b.id, toPositionId: kadis }], { swornInOn: '2025-01-06', decreeDate: '2025-01-06' });
    expect(definitive.event.transfers[0].kind).toBe('PROMOTION');
    expect(await appointments(t, `o.name IN ('${a.name}', '${b.name}')`)).toEqual([
      { official: a.name, position: 'PLT-1', capacity: 'DEFINITIVE', started_on: '2022-01-03', ended_on: null },
      { official: b.name, position: 'PLT-2', capacity: 'DEFINITIVE', started_on: '2022-01-03', ended_on: '2025-01-06' },
      { official: a.name, position: 'PLT-KADIS', capacity: 'ACTING', started_on: '2024-08-01', ended_on: '2025-01-06' },
      { official: b.name, position: 'PLT-KADIS', capacity: 'DEFINITIVE', started_on: '2025-01-06', ended_on: null },
    ]);
  });

  it('ends an acting appointment with ACTING_END, and when the acting official is appointed to the post', async () => {
    const { posts } = await unitWithPosts(t, 'PLH', 3);
    const [a, b] = await officials(t, 'Plh', 2);
    await record(t, [{ officialId: a.id, toPositionId: posts[0].id }, { officialId: b.id, toPositionId: posts[1].id }], { swornInOn: '2022-01-03', decreeDate: '2022-01-03' });
    await record(t, [{ officialId: a.id, toPositionId: posts[2].id, kind: 'ACTING_START', capacity: 'STAND_IN' }], { swornInOn: '2023-01-02', decreeDate: '2023-01-02' });
    const end = await record(t, [{ officialId: a.id, kind: 'ACTING_END' }], { swornInOn: '2023-03-01', decreeDate: '2023-03-01' });
    expect(end.event.transfers[0]).toMatchObject({ kind: 'ACTING_END', capacity: 'ACTING', fromPosition: { code: 'PLH-3' }, toPosition: null });
    await record(t, [{ officialId: b.id, toPositionId: posts[2].id, capacity: 'ACTING' }], { swornInOn: '2024-01-02', decreeDate: '2024-01-02' });
    await record(t, [{ officialId: b.id, toPositionId: posts[2].id }], { swornInOn: '2025-01-02', decreeDate: '2025-01-02' });
    expect(await appointments(t, `p.code = 'PLH-3'`)).toEqual([
      { official: a.name, position: 'PLH-3', capacity: 'STAND_IN', started_on: '2023-01-02', ended_on: '2023-03-01' },
      { official: b.name, position: 'PLH-3', capacity: 'ACTING', started_on: '2024-01-02', ended_on: '2025-01-02' },
      { official: b.name, position: 'PLH-3', capacity: 'DEFINITIVE', started_on: '2025-01-02', ended_on: null },
    ]);
  });

  describe('refusals leave the database unchanged', () => {
    let posts: { id: string; code: string }[];
    let people: { id: string; name: string; nip: string }[];
    beforeAll(async () => {
      ({ posts } = await unitWithPosts(t, 'REF', 4));
      people = await officials(t, 'Ref', 4);
      await record(t, [{ officialId: people[0].id, toPositionId: posts[0].id }, { officialId: people[1].id, toPositionId: posts[1].id }], { swornInOn: '2022-01-03', decreeDate: '2022-01-03' });
    });

    const refuse = async (transfers: Record<string, unknown>[], o: Record<string, unknown> = {}) => {
      const before = await footprint(t);
      const res = await t.hr(RECORD, { input: eventInput(transfers, { swornInOn: '2026-02-06', decreeDate: '2026-02-05', ...o }) });
      expect(res.data).toBeNull();
      expect(await footprint(t)).toEqual(before);
      return res.errors![0];
    };

    it('a destination still held by someone who stays: POSITION_OCCUPIED, naming the holder', async () => {
      const err = await refuse([{ officialId: people[2].id, toPositionId: posts[0].id }]);
      expect(err.extensions).toMatchObject({ code: 'CONFLICT', domainCode: 'ROTATION_CONFLICT' });
      expect(err.extensions.problems).toEqual([
        expect.objectContaining({ code: 'POSITION_OCCUPIED', severity: 'ERROR', index: 0, field: 'toPositionId' }),
      ]);
      expect(err.extensions.problems[0].message).toContain(people[0].name);
      expect(err.extensions.problems[0].message).toContain('REF-1');
    });

    it('an origin that is not what the official held: FROM_POSITION_MISMATCH', async () => {
      const err = await refuse([{ officialId: people[0].id, fromPositionId: posts[1].id, toPositionId: posts[2].id }]);
      expect(err.extensions.problems).toEqual([
        { code: 'FROM_POSITION_MISMATCH', severity: 'ERROR', index: 0, field: 'fromPositionId', message: expect.stringContaining('REF-1') },
      ]);
    });

    it('the same official twice in one event', async () => {
      const err = await refuse([{ officialId: people[2].id, toPositionId: posts[2].id }, { nip: people[2].nip, toPositionId: posts[3].id }]);
      expect(err.extensions).toMatchObject({ code: 'BAD_USER_INPUT', domainCode: 'ROTATION_REJECTED' });
      expect(err.extensions.problems).toEqual([expect.objectContaining({ code: 'DUPLICATE_OFFICIAL', index: 1, field: 'nip' })]);
    });

    it('an unknown NIP or position code, each named with its row and field (and the NIP not repeated)', async () => {
      const err = await refuse([{ nip: '196001011985031999', toPositionId: posts[2].id }, { officialId: people[2].id, toPositionCode: 'NO-SUCH-POST' }]);
      expect(err.extensions.problems).toEqual([
        { code: 'UNKNOWN_OFFICIAL', severity: 'ERROR', index: 0, field: 'nip', message: 'No official with this NIP.' },
        { code: 'UNKNOWN_POSITION', severity: 'ERROR', index: 1, field: 'toPositionCode', message: 'No position with code NO-SUCH-POST.' },
      ]);
    });

    it('a post abolished on the date', async () => {
      const abolished = await createPosition(t, (await query(t, `SELECT organization_id FROM positions WHERE code = 'REF-1'`))[0].organization_id, { code: 'REF-OLD', establishedOn: '2010-01-01', abolishedOn: '2025-12-31' });
      const err = await refuse([{ officialId: people[2].id, toPositionId: abolished }]);
      expect(err.extensions.problems).toEqual([expect.objectContaining({ code: 'POSITION_NOT_ACTIVE', index: 0, message: expect.stringContaining('abolished on 2025-12-31') })]);
    });

    it('an effective date before the appointment date in the NIP', async () => {
      const err = await refuse([{ officialId: people[2].id, toPositionId: posts[2].id }], { swornInOn: '2004-06-01', decreeDate: '2004-06-01' });
      expect(err.extensions.problems).toEqual([expect.objectContaining({ code: 'EFFECTIVE_BEFORE_APPOINTMENT', index: 0, field: 'officialId' })]);
    });

    it('a second event that would give one post two definitive holders on the same day', async () => {
      // People[2] into REF-3 on 2026-03-01 is fine …
      await record(t, [{ officialId: people[2].id, toPositionId: posts[2].id }], { swornInOn: '2026-03-02', decreeDate: '2026-03-02' });
      // … so people[3] into REF-3 from 2026-01-05 (back-filled) would overlap from March.
      const err = await refuse([{ officialId: people[3].id, toPositionId: posts[2].id }], { swornInOn: '2026-01-05', decreeDate: '2026-01-05' });
      expect(err.extensions.problems).toEqual([expect.objectContaining({ code: 'POSITION_OCCUPIED', index: 0, message: expect.stringContaining(people[2].name) })]);
    });

    it('reports every problem at once, with validateRotationEvent writing nothing', async () => {
      const before = await footprint(t);
      const res = await t.hr(VALIDATE, {
        input: eventInput(
          [
            { officialId: people[2].id, toPositionId: posts[1].id },
            { officialId: '99999999', toPositionId: posts[3].id },
            { officialId: people[0].id, fromPositionId: posts[3].id, toPositionId: posts[3].id },
            { officialId: people[2].id, toPositionId: posts[3].id },
          ],
          { swornInOn: '2026-02-06', decreeDate: '2026-02-05' },
        ),
      });
      expect(res.errors).toBeUndefined();
      expect(res.data.validateRotationEvent.valid).toBe(false);
      expect(res.data.validateRotationEvent.problems.map((p: any) => [p.index, p.code])).toEqual([
        [0, 'POSITION_OCCUPIED'],
        [1, 'UNKNOWN_OFFICIAL'],
        [2, 'FROM_POSITION_MISMATCH'],
        [3, 'DUPLICATE_OFFICIAL'],
        // Row 0 comes before people[2]'s recorded move into REF-3 in March: that move's derived origin (and kind) would change.
        [0, 'OTHER_EVENT_CHANGED'],
        [0, 'OTHER_EVENT_CHANGED'],
      ]);
      expect(res.data.validateRotationEvent.problems.filter((p: any) => p.code === 'OTHER_EVENT_CHANGED').map((p: any) => p.message)).toEqual([
        expect.stringMatching(/the post it moves .* from, which its decree does not state, becomes REF-2 instead of /),
        expect.stringMatching(/its kind, which its decree does not state, becomes /),
      ]);
      expect(await footprint(t)).toEqual(before);
    });
  });

  it('validates a good event as valid, with its warnings, and writes nothing', async () => {
    const { posts } = await unitWithPosts(t, 'VAL', 2, { echelon: 'III_A' });
    const [a] = await officials(t, 'Val', 1, { rank: 'III_B' });
    const before = await footprint(t);
    const res = await t.hr(VALIDATE, { input: eventInput([{ officialId: a.id, toPositionId: posts[0].id, kind: 'ROTATION' }]) });
    expect(res.data.validateRotationEvent).toEqual({
      valid: true,
      problems: [
        { code: 'KIND_MISMATCH', severity: 'WARNING', index: 0, field: 'kind', message: expect.stringContaining('APPOINTMENT') },
        { code: 'RANK_BELOW_MINIMUM', severity: 'WARNING', index: 0, field: 'toPositionId', message: expect.stringContaining('III_B') },
      ],
    });
    expect(await footprint(t)).toEqual(before);
  });

  it('records with warnings: a short tenure', async () => {
    const { posts } = await unitWithPosts(t, 'TEN', 2);
    const [a] = await officials(t, 'Ten', 1);
    await record(t, [{ officialId: a.id, toPositionId: posts[0].id }], { swornInOn: '2025-06-02', decreeDate: '2025-06-02' });
    const res = await record(t, [{ officialId: a.id, toPositionId: posts[1].id }]);
    expect(res.warnings).toEqual([{ code: 'SHORT_TENURE', severity: 'WARNING', index: 0, field: 'fromPositionId', message: expect.stringContaining('2025-06-02') }]);
  });

  it('answers a retry with the same idempotency key with the first result, and refuses the key for another input', async () => {
    const { posts } = await unitWithPosts(t, 'IDEM', 2);
    const [a] = await officials(t, 'Idem', 1);
    const input = eventInput([{ officialId: a.id, toPositionId: posts[0].id }]);
    const first = await t.hr(RECORD, { input, key: 'sk-2026-061' });
    const again = await t.hr(RECORD, { input, key: 'sk-2026-061' });
    expect(first.data.recordRotationEvent.replayed).toBe(false);
    expect(again.data.recordRotationEvent).toEqual({ ...first.data.recordRotationEvent, replayed: true });
    expect((await query(t, `SELECT count(*)::int AS n FROM rotation_events WHERE idempotency_key = 'sk-2026-061'`))[0].n).toBe(1);
    const other = await t.hr(RECORD, { input: { ...input, title: 'Lain' }, key: 'sk-2026-061' });
    expect(other.errors?.[0].extensions).toEqual({ code: 'CONFLICT', domainCode: 'IDEMPOTENCY_KEY_REUSED' });
  });

  it('amends and voids with the expected version, rebuilding the history and auditing why', async () => {
    const { posts } = await unitWithPosts(t, 'AMD', 3);
    const [a, b] = await officials(t, 'Amd', 2);
    const recorded = await record(t, [{ officialId: a.id, toPositionId: posts[0].id }], { swornInOn: '2024-01-02', decreeDate: '2024-01-02' });
    const id = recorded.event.id;
    // The clerk typed the wrong post and forgot B.
    const amended = await t.hr(AMEND, {
      id,
      v: 1,
      input: eventInput([{ officialId: a.id, toPositionId: posts[1].id }, { officialId: b.id, toPositionId: posts[2].id }], { swornInOn: '2024-01-02', decreeDate: '2024-01-02' }),
      reason: 'Salah ketik lampiran',
    });
    expect(amended.errors).toBeUndefined();
    expect(amended.data.amendRotationEvent.event.version).toBe(2);
    expect(await holders(t, 'AMD', '2024-01-02')).toEqual([{ position: 'AMD-2', official: a.name }, { position: 'AMD-3', official: b.name }]);

    const stale = await t.hr(VOID, { id, v: 1, reason: 'Batal' });
    expect(stale.errors?.[0].extensions).toEqual({ code: 'CONFLICT', domainCode: 'VERSION_MISMATCH', currentVersion: 2 });

    const voided = await t.hr(VOID, { id, v: 2, reason: 'SK dibatalkan' });
    expect(voided.data.voidRotationEvent).toEqual({ id, status: 'VOIDED', version: 3, voidReason: 'SK dibatalkan' });
    expect(await holders(t, 'AMD', '2024-01-02')).toEqual([]);
    const again = await t.hr(VOID, { id, v: 3, reason: 'lagi' });
    expect(again.errors?.[0].extensions.domainCode).toBe('EVENT_VOIDED');

    const audit = await t.admin(`query ($id: ID) { auditLog(targetType: "rotation_event", targetId: $id) { edges { node { operation reason before after } } } }`, { id });
    const entries = audit.data.auditLog.edges.map((e: any) => e.node);
    expect(entries.map((e: any) => [e.operation, e.reason])).toEqual([
      ['recordRotationEvent', null],
      ['amendRotationEvent', 'Salah ketik lampiran'],
      ['voidRotationEvent', 'SK dibatalkan'],
    ]);
    expect(entries[1].before.transfers).toHaveLength(1);
    expect(entries[1].after.transfers).toHaveLength(2);
    expect(entries[2].after.status).toBe('VOIDED');
  });

  it('keeps the decree\'s signatory and the ceremony\'s start time as their own fields, amended like the rest', async () => {
    const { posts } = await unitWithPosts(t, 'SIG', 2);
    const [a] = await officials(t, 'Sig', 1);
    const EVENT = `query ($id: ID!) { rotationEvent(id: $id) { signatoryName signatoryTitle swornInOn swornInAt location } }`;
    const ceremony = { swornInOn: '2024-03-04', decreeDate: '2024-03-01', signatoryName: 'Tri Adhianto', signatoryTitle: 'Wali Kota Bekasi', swornInAt: '14:00' };
    const { event } = await record(t, [{ officialId: a.id, toPositionId: posts[0].id }], ceremony);
    expect((await t.gql(EVENT, { id: event.id })).data.rotationEvent).toEqual({
      signatoryName: 'Tri Adhianto',
      signatoryTitle: 'Wali Kota Bekasi',
      swornInOn: '2024-03-04',
      swornInAt: '14:00',
      location: 'Aula H. Nonon Sonthanie',
    });
    const input = eventInput([{ officialId: a.id, toPositionId: posts[0].id }], { ...ceremony, signatoryName: 'Abdul Harris Bobihoe', signatoryTitle: 'Wakil Wali Kota Bekasi', swornInAt: '09:30' });
    expect((await t.hr(AMEND, { id: event.id, v: 1, input, reason: 'Penandatangan salah ketik' })).errors).toBeUndefined();
    expect((await t.gql(EVENT, { id: event.id })).data.rotationEvent).toMatchObject({ signatoryName: 'Abdul Harris Bobihoe', signatoryTitle: 'Wakil Wali Kota Bekasi', swornInAt: '09:30' });
  });

  it('refuses a start time that is not HH:MM on the 24-hour clock, naming it', async () => {
    const { posts } = await unitWithPosts(t, 'TIM', 1);
    const [a] = await officials(t, 'Tim', 1);
    for (const swornInAt of ['24:00', '14.00', '2 PM', '14:00:00']) {
      const res = await t.hr(RECORD, { input: eventInput([{ officialId: a.id, toPositionId: posts[0].id }], { swornInAt }) });
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', domainCode: 'TIME_OF_DAY_INVALID' });
    }
    expect(await query(t, `SELECT 1 FROM transfers t JOIN positions p ON p.id = t.to_position_id WHERE p.code LIKE 'TIM-%'`)).toEqual([]);
  });

  it('lists the posts under a Plt on a day, beside a definitive holder or not (snapshot heldAs)', async () => {
    const { unit, posts } = await unitWithPosts(t, 'UNDERPLT', 3);
    const [a, b, c] = await officials(t, 'Plt', 3);
    await record(t, [{ officialId: a.id, toPositionId: posts[0].id }, { officialId: b.id, toPositionId: posts[1].id }], { swornInOn: '2025-01-02', decreeDate: '2025-01-02' });
    // B acts for the head of post 0 (A still holds it), C for the empty post 2.
    await record(t, [{ officialId: b.id, toPositionId: posts[0].id, capacity: 'ACTING' }, { officialId: c.id, toPositionId: posts[2].id, capacity: 'ACTING' }], { swornInOn: '2025-03-03', decreeDate: '2025-03-03' });
    const Q = `query ($on: Date!, $unit: ID, $as: Capacity) { snapshot(on: $on, organizationId: $unit, heldAs: $as) { totalCount edges { node { position { code } holder { official { name } } acting { official { name } } } } } }`;
    const rows = async (on: string, as?: string) =>
      (await t.gql(Q, { on, unit, as })).data.snapshot.edges.map(({ node: n }: any) => [n.position.code, n.holder?.official.name ?? null, n.acting.map((x: any) => x.official.name)]);
    expect(await rows('2025-03-03', 'ACTING')).toEqual([
      ['UNDERPLT-1', a.name, [b.name]],
      ['UNDERPLT-3', null, [c.name]],
    ]);
    expect(await rows('2025-03-02', 'ACTING')).toEqual([]);
    expect((await rows('2025-03-03', 'DEFINITIVE')).map((r: any[]) => r[0])).toEqual(['UNDERPLT-1', 'UNDERPLT-2']);
    expect(await rows('2025-03-03')).toHaveLength(3);

    // Past the six months BKN allows a Plt: both on 2025-09-10 (191 days), neither on 2025-06-01.
    const LONG = `query ($on: Date!, $unit: ID, $days: Int) { snapshot(on: $on, organizationId: $unit, heldLongerThanDays: $days) { edges { node { position { code } } } } }`;
    const long = async (on: string) => (await t.gql(LONG, { on, unit, days: 183 })).data.snapshot.edges.map(({ node: n }: any) => n.position.code);
    expect(await long('2025-09-10')).toEqual(['UNDERPLT-1', 'UNDERPLT-3']);
    expect(await long('2025-06-01')).toEqual([]);
    // Ending an acting period: within the limit nothing, past it ACTING_OVER_LIMIT.
    const end = (officialId: string, post: string, on: string) =>
      record(t, [{ officialId, fromPositionId: post, kind: 'ACTING_END' }], { swornInOn: on, decreeDate: on });
    expect((await end(b.id, posts[0].id, '2025-08-01')).warnings.map((w: any) => w.code)).not.toContain('ACTING_OVER_LIMIT');
    // Any other move of an official whose acting period is past the limit and left open says so too.
    const moved = await record(t, [{ officialId: c.id, toPositionId: (await unitWithPosts(t, 'UNDERPLT-NEW', 1)).posts[0].id }], { swornInOn: '2025-09-15', decreeDate: '2025-09-15' });
    expect(moved.warnings).toEqual([
      expect.objectContaining({ code: 'ACTING_OVER_LIMIT', index: 0, message: expect.stringContaining('(UNDERPLT-3) since 2025-03-03, longer than 6 months, and still does on 2025-09-15') }),
    ]);
    expect((await end(c.id, posts[2].id, '2025-10-01')).warnings).toContainEqual(expect.objectContaining({ code: 'ACTING_OVER_LIMIT', index: 0, field: 'fromPositionId' }));
  });

  it('lists the vacancies to come: holders reaching the retirement age of their post, at the end of that month, the official for personal-data keys only', async () => {
    const { unit, posts } = await unitWithPosts(t, 'BUP', 3);
    const jpt = await createPosition(t, unit, { code: 'BUP-JPT', title: 'Kepala Badan', echelon: 'II_B', category: 'HIGH_LEADERSHIP' });
    const born = (birth: string, name: string) => createOfficial(t, { nip: nip({ birth, tmt: `${Number(birth.slice(0, 4)) + 22}03` }), name });
    // 58 for an administrator, 60 for high leadership (PP 11/2017 Pasal 239 as amended by PP 17/2020).
    const admin = await born('19680315', 'Bup Admin'); // 58 in March 2026
    const head = await born('19660720', 'Bup Kepala'); // 60 in July 2026
    const young = await born('19800101', 'Bup Muda'); // 58 in 2038
    const late = await born('19681205', 'Bup Akhir'); // 58 in December 2026
    await record(t, [
      { officialId: admin, toPositionId: posts[0].id },
      { officialId: head, toPositionId: jpt },
      { officialId: young, toPositionId: posts[1].id },
      { officialId: late, toPositionId: posts[2].id },
    ], { swornInOn: '2025-01-06', decreeDate: '2025-01-06' });
    const Q = `query ($unit: ID, $from: Date!, $to: Date!, $group: EchelonGroup) { retirements(organizationId: $unit, from: $from, to: $to, echelonGroup: $group) {
      totalCount edges { node { position { code } retirementAge lastDayOfService pensionFrom official { name } } } } }`;
    const res = await t.hr(Q, { unit, from: '2026-01-01', to: '2026-12-30' });
    expect(res.data.retirements.edges.map((e: any) => e.node)).toEqual([
      { position: { code: 'BUP-1' }, retirementAge: 58, lastDayOfService: '2026-03-31', pensionFrom: '2026-04-01', official: { name: 'Bup Admin' } },
      { position: { code: 'BUP-JPT' }, retirementAge: 60, lastDayOfService: '2026-07-31', pensionFrom: '2026-08-01', official: { name: 'Bup Kepala' } },
    ]);
    expect((await t.hr(Q, { unit, from: '2026-01-01', to: '2026-12-31' })).data.retirements.totalCount).toBe(3);
    expect((await t.hr(Q, { unit, from: '2026-01-01', to: '2026-12-31', group: 'II' })).data.retirements.totalCount).toBe(1);
    // Anonymous: the posts and when they fall vacant, not who retires.
    const anonymous = await t.gql(Q, { unit, from: '2026-01-01', to: '2026-12-30' });
    expect(anonymous.data.retirements.edges.map((e: any) => [e.node.position.code, e.node.pensionFrom, e.node.official])).toEqual([
      ['BUP-1', '2026-04-01', null],
      ['BUP-JPT', '2026-08-01', null],
    ]);
    expect(anonymous.errors?.[0].extensions.domainCode).toBe('PERSONAL_DATA_RESTRICTED');
    expect((await t.hr(Q, { unit, from: '2026-02-01', to: '2026-01-01' })).errors?.[0].extensions.domainCode).toBe('VALIDATION_FAILED');

    // Still in office past the last day of service: the administrator from 1 April 2026 on.
    const PAST = `query ($unit: ID, $on: Date!) { pastRetirementAge(organizationId: $unit, on: $on) { edges { node { position { code } lastDayOfService official { name } } } } }`;
    const past = async (on: string) => (await t.hr(PAST, { unit, on })).data.pastRetirementAge.edges.map((e: any) => e.node);
    expect(await past('2026-03-31')).toEqual([]);
    expect(await past('2026-04-01')).toEqual([{ position: { code: 'BUP-1' }, lastDayOfService: '2026-03-31', official: { name: 'Bup Admin' } }]);
    expect((await past('2026-08-01')).map((n: any) => n.position.code)).toEqual(['BUP-1', 'BUP-JPT']);
  });

  it('records a retirement as its own kind, on its own decree, warning when its date is not the one the retirement age gives', async () => {
    const { posts } = await unitWithPosts(t, 'PENSIUN', 2);
    const born = (birth: string, name: string) => createOfficial(t, { nip: nip({ birth, tmt: `${Number(birth.slice(0, 4)) + 22}03` }), name });
    const onTime = await born('19680210', 'Pensiun Tepat'); // 58 in February 2026: pension from 2026-03-01
    const early = await born('19680405', 'Pensiun Awal'); // 58 in April 2026: pension from 2026-05-01
    await record(t, [{ officialId: onTime, toPositionId: posts[0].id }, { officialId: early, toPositionId: posts[1].id }], { swornInOn: '2025-01-06', decreeDate: '2025-01-06' });
    const retire = (officialId: string, on: string) =>
      t.hr(RECORD, { input: eventInput([{ officialId, kind: 'RETIREMENT' }], { title: 'Pemberhentian dengan hormat karena mencapai batas usia pensiun', swornInOn: on, decreeDate: '2026-01-15' }) });
    const right = await retire(onTime, '2026-03-01');
    expect(right.errors).toBeUndefined();
    expect(right.data.recordRotationEvent.event.transfers[0]).toMatchObject({ kind: 'RETIREMENT', toPosition: null, fromPosition: { code: 'PENSIUN-1' } });
    expect(right.data.recordRotationEvent.warnings.map((w: any) => w.code)).not.toContain('RETIREMENT_DATE_MISMATCH');
    const wrong = await retire(early, '2026-04-15');
    expect(wrong.data.recordRotationEvent.warnings).toContainEqual(expect.objectContaining({ code: 'RETIREMENT_DATE_MISMATCH', index: 0, field: 'kind' }));
    expect(await appointments(t, "p.code LIKE 'PENSIUN-%'")).toEqual([
      { official: 'Pensiun Tepat', position: 'PENSIUN-1', capacity: 'DEFINITIVE', started_on: '2025-01-06', ended_on: '2026-03-01' },
      { official: 'Pensiun Awal', position: 'PENSIUN-2', capacity: 'DEFINITIVE', started_on: '2025-01-06', ended_on: '2026-04-15' },
    ]);
  });

  it('refuses to void an event that a later event depends on', async () => {
    const { posts } = await unitWithPosts(t, 'DEP', 2);
    const [a] = await officials(t, 'Dep', 1);
    const first = await record(t, [{ officialId: a.id, toPositionId: posts[0].id }], { swornInOn: '2023-01-02', decreeDate: '2023-01-02' });
    await record(t, [{ officialId: a.id, fromPositionId: posts[0].id, toPositionId: posts[1].id }], { swornInOn: '2025-01-02', decreeDate: '2025-01-02' });
    const before = await footprint(t);
    const res = await t.hr(VOID, { id: first.event.id, v: 1, reason: 'x' });
    expect(res.errors?.[0].extensions.domainCode).toBe('ROTATION_CONFLICT');
    expect(res.errors?.[0].extensions.problems[0]).toMatchObject({ code: 'FROM_POSITION_MISMATCH', message: expect.stringContaining('DEP-1') });
    expect(await footprint(t)).toEqual(before);
  });

  it('refuses a reused decree number for the same issuer', async () => {
    const { posts } = await unitWithPosts(t, 'SK', 2);
    const [a, b] = await officials(t, 'Sk', 2);
    await record(t, [{ officialId: a.id, toPositionId: posts[0].id }], { decreeNumber: '800/SAMA/2026' });
    const res = await t.hr(RECORD, { input: eventInput([{ officialId: b.id, toPositionId: posts[1].id }], { decreeNumber: '800/SAMA/2026' }) });
    expect(res.errors?.[0].extensions.problems).toEqual([expect.objectContaining({ code: 'DECREE_NUMBER_TAKEN', field: 'decreeNumber', index: null })]);
  });

  it('concurrency: of two conflicting events sent at once, exactly one is recorded; the other is a CONFLICT naming the post', async () => {
    const { posts } = await unitWithPosts(t, 'RACE', 1);
    const [a, b] = await officials(t, 'Race', 2);
    const results = await Promise.all([
      t.hr(RECORD, { input: eventInput([{ officialId: a.id, toPositionId: posts[0].id }]) }),
      t.hr(RECORD, { input: eventInput([{ officialId: b.id, toPositionId: posts[0].id }]) }),
    ]);
    const ok = results.filter((r) => !r.errors);
    const failed = results.filter((r) => r.errors);
    expect(ok).toHaveLength(1);
    expect(failed).toHaveLength(1);
    expect(failed[0].errors![0].extensions.code).toBe('CONFLICT');
    expect(JSON.stringify(failed[0].errors![0].extensions.problems)).toContain('RACE-1');
    expect(await appointments(t, `p.code = 'RACE-1'`)).toHaveLength(1);
  });

  it('refuses an event to anyone but HR', async () => {
    const res = await t.analyst(RECORD, { input: eventInput([{ officialId: '1', toPositionId: '1' }]) });
    expect(res.errors?.[0].extensions.code).toBe('FORBIDDEN');
  });

  describe('a malformed row is one problem among the others', () => {
    let posts: { id: string; code: string }[];
    let people: { id: string; name: string; nip: string }[];
    beforeAll(async () => {
      ({ posts } = await unitWithPosts(t, 'ROWS', 5));
      people = await officials(t, 'Rows', 5);
      await record(t, [{ officialId: people[0].id, toPositionId: posts[0].id }, { officialId: people[1].id, toPositionId: posts[1].id }], { swornInOn: '2022-01-03', decreeDate: '2022-01-03' });
    });

    /** Seven rows, seven different problems; row 2's NIP has 17 digits. */
    const sevenRows = () => [
      { officialId: people[2].id, toPositionCode: 'ROWS-1' }, // held by people[0], who stays
      { officialId: '99999999', toPositionId: posts[2].id },
      { nip: people[3].nip.slice(0, 17), toPositionId: posts[3].id },
      { officialId: people[1].id, fromPositionCode: 'ROWS-3', toPositionId: posts[4].id }, // held ROWS-2
      { officialId: people[3].id, toPositionCode: 'NO-SUCH-POST' },
      { officialId: people[4].id, toPositionId: posts[3].id, kind: 'ACTING_START', capacity: 'DEFINITIVE' },
      { nip: people[2].nip, toPositionId: posts[4].id },
    ];
    const expected = [
      [0, 'POSITION_OCCUPIED', 'toPositionCode'],
      [1, 'UNKNOWN_OFFICIAL', 'officialId'],
      [2, 'NIP_INVALID', 'nip'],
      [3, 'FROM_POSITION_MISMATCH', 'fromPositionCode'],
      [4, 'UNKNOWN_POSITION', 'toPositionCode'],
      [5, 'KIND_CAPACITY_MISMATCH', 'capacity'],
      [6, 'DUPLICATE_OFFICIAL', 'nip'],
    ];
    const where = (problems: { index: number; code: string; field: string; severity: string }[]) => problems.map((p) => [p.index, p.code, p.field]);
    const dated = { swornInOn: '2026-02-06', decreeDate: '2026-02-05' };

    it('validateRotationEvent reports a 17-digit NIP beside the six other rows\' problems, each with its row and field', async () => {
      const before = await footprint(t);
      const res = await t.hr(VALIDATE, { input: eventInput(sevenRows(), dated) });
      expect(res.errors).toBeUndefined();
      expect(res.data.validateRotationEvent.valid).toBe(false);
      expect(where(res.data.validateRotationEvent.problems)).toEqual(expected);
      expect(res.data.validateRotationEvent.problems.every((p: { severity: string }) => p.severity === 'ERROR')).toBe(true);
      expect(res.data.validateRotationEvent.problems[2]).toEqual({ code: 'NIP_INVALID', severity: 'ERROR', index: 2, field: 'nip', message: 'nip must be 18 digits (this one has 17).' });
      expect(await footprint(t)).toEqual(before);
    });

    it('recordRotationEvent refuses with all seven in the error\'s problems, writing nothing', async () => {
      const before = await footprint(t);
      const res = await t.hr(RECORD, { input: eventInput(sevenRows(), dated) });
      expect(res.data).toBeNull();
      expect(res.errors).toHaveLength(1);
      expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', domainCode: 'ROTATION_REJECTED' });
      expect(where(res.errors![0].extensions.problems)).toEqual(expected);
      expect(res.errors![0].message).toContain('7 errors');
      expect(await footprint(t)).toEqual(before);
    });

    it('reports the event\'s own malformed fields with the rows\' problems', async () => {
      const res = await t.hr(VALIDATE, { input: eventInput(sevenRows(), { ...dated, title: '   ', sourceUrl: 'ftp://example.org/sk.pdf', location: 'x'.repeat(501) }) });
      expect(where(res.data.validateRotationEvent.problems)).toEqual([[null, 'IS_NOT_EMPTY', 'title'], [null, 'MAX_LENGTH', 'location'], [null, 'IS_URL', 'sourceUrl'], ...expected]);
      const recorded = await t.hr(RECORD, { input: eventInput(sevenRows(), { ...dated, issuer: 'x'.repeat(256) }) });
      expect(recorded.errors![0].extensions.domainCode).toBe('ROTATION_REJECTED');
      expect(where(recorded.errors![0].extensions.problems)).toEqual([[null, 'MAX_LENGTH', 'issuer'], ...expected]);
    });

    it('records the other rows once the malformed one is corrected, as the clerk would', async () => {
      const rows = [{ nip: people[3].nip, toPositionId: posts[3].id }];
      const bad = await t.hr(VALIDATE, { input: eventInput([{ nip: `${people[3].nip}0`, toPositionId: posts[3].id }], dated) });
      expect(where(bad.data.validateRotationEvent.problems)).toEqual([[0, 'NIP_INVALID', 'nip']]);
      const res = await record(t, rows, dated);
      expect(res.event.transfers).toEqual([expect.objectContaining({ official: { id: people[3].id, name: people[3].name }, toPosition: { code: 'ROWS-4' } })]);
    });

    it('names the field the row sent: toPositionCode into an occupied post, toPositionId when the id was sent', async () => {
      const res = await t.hr(VALIDATE, {
        input: eventInput(
          [
            { nip: people[2].nip, toPositionCode: 'ROWS-2' }, // held by people[1], who stays
            { officialId: people[4].id, toPositionId: posts[0].id }, // held by people[0], who stays
          ],
          dated,
        ),
      });
      expect(where(res.data.validateRotationEvent.problems)).toEqual([
        [0, 'POSITION_OCCUPIED', 'toPositionCode'],
        [1, 'POSITION_OCCUPIED', 'toPositionId'],
      ]);
      const same = await t.hr(RECORD, { input: eventInput([{ officialId: people[0].id, toPositionCode: 'ROWS-1' }], dated) });
      expect(where(same.errors![0].extensions.problems)).toEqual([[0, 'SAME_POSITION', 'toPositionCode']]);
    });

    it('reports an over-long note or code as its row\'s problem, and still refuses a huge string before the recorder runs', async () => {
      const res = await t.hr(VALIDATE, {
        input: eventInput([{ officialId: people[4].id, toPositionCode: 'C'.repeat(51) }, { officialId: people[2].id, toPositionId: posts[2].id, note: 'n'.repeat(2001) }], dated),
      });
      expect(res.data.validateRotationEvent.problems.map((p: any) => [p.index, p.code, p.field, p.severity])).toEqual([
        [0, 'CODE_TOO_LONG', 'toPositionCode', 'ERROR'],
        [1, 'NOTE_TOO_LONG', 'note', 'ERROR'],
      ]);
      const huge = await t.hr(VALIDATE, { input: eventInput([{ officialId: people[2].id, toPositionId: posts[2].id, note: 'n'.repeat(100_000) }], dated) });
      expect(huge.data).toBeNull();
      expect(huge.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', domainCode: 'VALIDATION_FAILED', problems: [{ index: 0, field: 'note', code: 'MAX_LENGTH' }] });
    });
  });
});

