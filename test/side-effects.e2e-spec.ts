import { createOrganization, createPosition } from './factories/index.js';
import { startTestApp, type TestApp } from './support/app.js';
import { eventInput, officials, query, record, unitWithPosts } from './support/rotations.js';

const PROBLEM = 'code severity index field message sideEffect { eventId eventTitle decreeNumber seq officialId field before after }';
const VALIDATE = `mutation ($input: RotationEventInput!) { validateRotationEvent(input: $input) { valid problems { ${PROBLEM} } } }`;
const RECORD = `mutation ($input: RotationEventInput!) { recordRotationEvent(input: $input) { event { id } warnings { ${PROBLEM} } } }`;
const AMEND = `mutation ($id: ID!, $v: Int!, $input: RotationEventInput!, $reason: String!) {
  amendRotationEvent(id: $id, expectedVersion: $v, input: $input, reason: $reason) { warnings { ${PROBLEM} } }
}`;
const VOID = `mutation ($id: ID!, $v: Int!, $reason: String!) { voidRotationEvent(id: $id, expectedVersion: $v, reason: $reason) { status warnings { ${PROBLEM} } } }`;

const sideEffects = (problems: { code: string }[]) => problems.filter((p) => p.code === 'OTHER_EVENT_CHANGED');

describe('side effects on other events are warnings (issue 17)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('a back-dated decree that changes a later transfer’s derived origin: the dry run and the answer name the later event, its row, before and after', async () => {
    const unit = await createOrganization(t, { code: 'SFX-PEMKOT', kind: 'AGENCY' });
    const post = (code: string) => createPosition(t, unit, { code, echelon: 'III_A', category: 'ADMINISTRATOR' });
    const [bapenda, diskominfo, bkpsdm] = [await post('SFX-BAPENDA-SEK'), await post('SFX-DISKOMINFO-SEK'), await post('SFX-BKPSDM-SEK')];
    const [a, other] = await officials(t, 'Sfx', 2);
    await record(t, [{ officialId: a.id, toPositionId: bapenda }], { swornInOn: '2024-01-02', decreeDate: '2024-01-02' });
    // Recorded first, stating no origin: "from SFX-BAPENDA-SEK" is derived.
    const later = await record(t, [{ officialId: other.id, toPositionId: diskominfo }, { officialId: a.id, toPositionId: bkpsdm }], {
      title: 'Pelantikan Maret',
      decreeNumber: '821.2/Kep.SFX-3/2026',
      swornInOn: '2026-03-02',
      decreeDate: '2026-03-02',
    });
    expect(later.warnings).toEqual([]);
    const laterRow = (await query(t, 'SELECT t.id FROM transfers t WHERE t.event_id = $1 AND t.seq = 2', [later.event.id]))[0].id;
    const origin = async () => (await query(t, 'SELECT p.code FROM transfers t JOIN positions p ON p.id = t.from_position_id WHERE t.id = $1', [laterRow]))[0].code;
    expect(await origin()).toBe('SFX-BAPENDA-SEK');

    // A back-dated decree, stating no origin either, moves A to SFX-DISKOMINFO-SEK in 2025 (A leaves it the day `other` enters it).
    const backDated = eventInput([{ officialId: a.id, toPositionId: diskominfo }], { swornInOn: '2025-06-02', decreeDate: '2025-06-02' });
    const expected = {
      code: 'OTHER_EVENT_CHANGED',
      severity: 'WARNING',
      index: 0,
      field: null,
      message: expect.stringContaining(`event ${later.event.id} ("Pelantikan Maret", decree 821.2/Kep.SFX-3/2026) of 2026-03-02, row 2 (${a.name})`),
      sideEffect: { eventId: later.event.id, eventTitle: 'Pelantikan Maret', decreeNumber: '821.2/Kep.SFX-3/2026', seq: 2, officialId: a.id, field: 'origin', before: 'SFX-BAPENDA-SEK', after: 'SFX-DISKOMINFO-SEK' },
    };
    const dry = await t.hr(VALIDATE, { input: backDated });
    expect(dry.errors).toBeUndefined();
    expect(dry.data.validateRotationEvent.valid).toBe(true);
    expect(sideEffects(dry.data.validateRotationEvent.problems)).toEqual([expected]);
    expect(await origin()).toBe('SFX-BAPENDA-SEK'); // the dry run wrote nothing

    const res = await t.hr(RECORD, { input: backDated });
    expect(res.errors).toBeUndefined();
    expect(sideEffects(res.data.recordRotationEvent.warnings)).toEqual([expected]);
    expect(await origin()).toBe('SFX-DISKOMINFO-SEK');
    // Kept with the event, as its other warnings are.
    const [stored] = await query(t, 'SELECT warnings FROM rotation_events WHERE id = $1', [res.data.recordRotationEvent.event.id]);
    expect(stored.warnings.map((w: { code: string }) => w.code)).toContain('OTHER_EVENT_CHANGED');
    // And in the open: the later event's re-derived origin is a correction of kind BACKFILL, naming its cause.
    const corrections = await t.gql(`{ corrections(first: 10) { edges { node { kind reason event { id } rowsChanged { seq changes { field before after } } } } } }`);
    const backfill = corrections.data.corrections.edges.map((e: any) => e.node).find((c: any) => c.kind === 'BACKFILL');
    expect(backfill).toMatchObject({ event: { id: later.event.id }, reason: expect.stringContaining(res.data.recordRotationEvent.event.id) });
    expect(backfill.rowsChanged).toEqual([{ seq: 2, changes: expect.arrayContaining([expect.objectContaining({ before: expect.stringContaining('SFX-BAPENDA-SEK'), after: expect.stringContaining('SFX-DISKOMINFO-SEK') })]) }]);
  });

  it('an amendment that changes a later transfer’s derived kind (and origin) warns of both', async () => {
    const { posts } = await unitWithPosts(t, 'SFK', 2);
    const [lower] = (await unitWithPosts(t, 'SFK-LOW', 1, { echelon: 'IV_A' })).posts;
    const [b] = await officials(t, 'Sfk', 1);
    const first = await record(t, [{ officialId: b.id, toPositionId: posts[0].id }], { swornInOn: '2024-01-02', decreeDate: '2024-01-02' });
    const later = await record(t, [{ officialId: b.id, toPositionId: posts[1].id }], { swornInOn: '2026-03-02', decreeDate: '2026-03-02' });
    expect(later.event.transfers[0]).toMatchObject({ kind: 'ROTATION', fromPosition: { code: 'SFK-1' } });

    // The first decree really put B in an echelon IV.a post: the later move is a promotion.
    const res = await t.hr(AMEND, {
      id: first.event.id,
      v: 1,
      input: eventInput([{ officialId: b.id, toPositionId: lower.id }], { swornInOn: '2024-01-02', decreeDate: '2024-01-02' }),
      reason: 'Salah ketik jabatan',
    });
    expect(res.errors).toBeUndefined();
    const fact = (field: string, before: string, after: string) =>
      expect.objectContaining({ severity: 'WARNING', index: 0, sideEffect: expect.objectContaining({ eventId: later.event.id, seq: 1, officialId: b.id, field, before, after }) });
    expect(sideEffects(res.data.amendRotationEvent.warnings)).toEqual([fact('origin', 'SFK-1', lower.code), fact('kind', 'ROTATION', 'PROMOTION')]);
    expect((await query(t, 'SELECT kind FROM transfers WHERE event_id = $1', [later.event.id]))[0].kind).toBe('PROMOTION');
  });

  it('a void that reopens an acting period another event started warns; the definitive appointment that ended it did not', async () => {
    const { unit, posts } = await unitWithPosts(t, 'SFV', 2);
    const kadis = await createPosition(t, unit, { code: 'SFV-KADIS', echelon: 'II_B', category: 'HIGH_LEADERSHIP' });
    const [c, d] = await officials(t, 'Sfv', 2);
    await record(t, [{ officialId: c.id, toPositionId: posts[0].id }, { officialId: d.id, toPositionId: posts[1].id }], { swornInOn: '2024-01-02', decreeDate: '2024-01-02' });
    const acting = await record(t, [{ officialId: c.id, toPositionId: kadis, capacity: 'ACTING' }], { swornInOn: '2024-08-01', decreeDate: '2024-08-01' });
    // Ending an open Plt is what a definitive appointment says, not a side effect.
    const definitive = await record(t, [{ officialId: d.id, toPositionId: kadis }], { swornInOn: '2025-01-06', decreeDate: '2025-01-06' });
    expect(sideEffects(definitive.warnings)).toEqual([]);

    const res = await t.hr(VOID, { id: definitive.event.id, v: 1, reason: 'SK dibatalkan' });
    expect(res.errors).toBeUndefined();
    expect(res.data.voidRotationEvent.status).toBe('VOIDED');
    expect(sideEffects(res.data.voidRotationEvent.warnings)).toEqual([
      expect.objectContaining({
        severity: 'WARNING',
        index: null,
        message: expect.stringContaining('no longer ends instead of on 2025-01-06'),
        sideEffect: expect.objectContaining({ eventId: acting.event.id, seq: 1, officialId: c.id, field: 'actingEnd', before: '2025-01-06', after: null }),
      }),
    ]);
    expect((await query(t, `SELECT ended_on FROM appointments WHERE official_id = $1 AND capacity = 'ACTING'`, [c.id]))[0].ended_on).toBeNull();
  });

  it('a recording that touches no other event has no such warning', async () => {
    const { posts } = await unitWithPosts(t, 'SFN', 2);
    const [e] = await officials(t, 'Sfn', 1);
    await record(t, [{ officialId: e.id, toPositionId: posts[0].id }], { swornInOn: '2024-01-02', decreeDate: '2024-01-02' });
    const input = eventInput([{ officialId: e.id, toPositionId: posts[1].id }], { swornInOn: '2026-03-02', decreeDate: '2026-03-02' });
    const dry = await t.hr(VALIDATE, { input });
    expect(sideEffects(dry.data.validateRotationEvent.problems)).toEqual([]);
    const res = await t.hr(RECORD, { input });
    expect(res.data.recordRotationEvent.warnings).toEqual([]);
  });
});
