import fc from 'fast-check';
import { amendOrVoid, clearRecords, eventInput, officials, query, RECORD, unitWithPosts } from './support/rotations.js';
import { startTestApp, type TestApp } from './support/app.js';

/**
 * Transaction time: after every step of a random sequence of record, amend and void, remember
 * the instant and what a fixed set of reads answered; at the end, each read asked
 * `asRecordedAt` each remembered instant must answer exactly what it answered then.
 */

const DATES = ['2020-06-01', '2022-09-01', '2024-07-01', '2026-02-06'];

/** The reads a journalist would have published from, with the relations below them (transfers, events, origins). */
const READS = `query ($at: DateTime, $post: ID!, $official: ID!, $unit: ID!) {
  position(id: $post) {
    early: holder(on: "2021-01-01", asRecordedAt: $at) { ...Held }
    middle: holder(on: "2023-06-01", asRecordedAt: $at) { ...Held }
    late: holder(on: "2026-03-01", asRecordedAt: $at) { ...Held }
    appointments(asRecordedAt: $at) { ...Period predecessor { official { id } } successor { official { id } } }
  }
  official(id: $official) {
    appointments(asRecordedAt: $at) { ...Period }
    currentAppointment(asRecordedAt: $at) { position { id } startedOn }
  }
  snapshot(organizationId: $unit, on: "2026-03-01", first: 20, asRecordedAt: $at) {
    totalCount edges { node { position { id } holder { ...Period } lastHolder { ...Period } heads { official { id } } acting { official { id } } vacantSince } }
  }
  vacancies(organizationId: $unit, on: "2023-06-01", first: 20, asRecordedAt: $at) {
    totalCount edges { node { position { id } lastHolder { ...Period } vacantSince } }
  }
  transfers(organizationId: $unit, first: 50, asRecordedAt: $at) {
    totalCount edges { node { seq kind capacity effectiveOn official { id } fromPosition { id } toPosition { id } event { id version status title } } }
  }
  everywhere: rotationEvents(first: 50, asRecordedAt: $at) { totalCount edges { node { id version status } } }
  rotationEvents(organizationId: $unit, first: 50, asRecordedAt: $at) {
    totalCount edges { node { id version status title voidReason effectiveOn summary { transfers byKind { kind count } } transfers { seq kind fromPosition { id } toPosition { id } official { id } } } }
  }
}
fragment Held on PositionHolder { definitive { ...Period } heads { official { id } } acting { ...Period } }
fragment Period on Appointment {
  official { id } position { id } capacity startedOn endedOn
  startedBy { seq kind fromPosition { id } event { id version status title effectiveOn } }
  endedBy { seq kind event { id version } }
}`;

describe('as-recorded reads answer what was answered then (property)', () => {
  let t: TestApp;
  let people: { id: string }[];
  let posts: { id: string }[];
  let unit: string;

  beforeAll(async () => {
    t = await startTestApp();
    people = await officials(t, 'Asrec', 4);
    const made = await unitWithPosts(t, 'ASREC', 3);
    posts = made.posts;
    unit = made.unit;
  });
  afterAll(() => t.close());

  const transferArb = fc.record({ official: fc.nat({ max: 3 }), to: fc.option(fc.nat({ max: 2 }), { nil: null, freq: 5 }), acting: fc.constantFrom(false, false, false, true) });
  const eventArb = fc.record({
    date: fc.constantFrom(...DATES),
    title: fc.constantFrom('Pelantikan Eselon III', 'Pelantikan Pejabat Administrator'),
    transfers: fc.uniqueArray(transferArb, { minLength: 1, maxLength: 3, selector: (x) => x.official }),
  });
  const commandArb = fc.oneof(
    { weight: 4, arbitrary: eventArb.map((e) => ({ op: 'record' as const, ...e })) },
    { weight: 3, arbitrary: fc.record({ op: fc.constant('amend' as const), pick: fc.nat(), event: eventArb }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('void' as const), pick: fc.nat() }) },
  );

  const toInput = (e: { date: string; title: string; transfers: { official: number; to: number | null; acting: boolean }[] }) =>
    eventInput(
      e.transfers.map((x) => ({
        officialId: people[x.official].id,
        toPositionId: x.to === null ? null : posts[x.to].id,
        ...(x.acting && x.to !== null ? { capacity: 'ACTING' } : {}),
      })),
      { title: e.title, swornInOn: e.date, decreeDate: e.date, decreeNumber: null },
    );

  const read = async (at: string | null) => {
    const res = await t.gql(READS, { at, post: posts[0].id, official: people[0].id, unit });
    expect(res.errors).toBeUndefined();
    return res.data;
  };
  /** The database's clock after the last commit (to the millisecond a DateTime holds): an instant at which the last step is the record. */
  const instant = async () =>
    (await query<{ now: string }>(t, `SELECT to_char(date_trunc('milliseconds', now()) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS now`))[0].now;

  it('holds for random sequences of record, amend and void', async () => {
    let changes = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(commandArb, { minLength: 2, maxLength: 7 }), async (commands) => {
        await clearRecords(t);
        const seen: { at: string; answer: unknown }[] = [{ at: await instant(), answer: await read(null) }];
        for (const c of commands) {
          let res;
          if (c.op === 'record') {
            res = await t.hr(RECORD, { input: toInput(c) });
          } else {
            res = await amendOrVoid(t, c.op, c.pick, c.op === 'amend' ? toInput(c.event) : undefined);
            if (!res) continue;
          }
          if (!res.errors) changes++;
          seen.push({ at: await instant(), answer: await read(null) });
        }
        for (const { at, answer } of seen) expect(await read(at)).toEqual(answer);
        // A future instant reads as now; one before anything was recorded finds nothing.
        expect(await read(new Date(Date.now() + 86_400_000).toISOString())).toEqual(seen[seen.length - 1].answer);
        expect(await read('2000-01-01T00:00:00Z')).toEqual(seen[0].answer);
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 15), seed: Number(process.env.PROPERTY_SEED ?? 20260206) },
    );
    // The generator must change the record often enough for the property to mean something.
    expect(changes).toBeGreaterThan(15);
  });

  it('keeps a replaced lampiran row with the instants it was the record', async () => {
    await clearRecords(t);
    const recorded = await t.hr(RECORD, { input: toInput({ date: '2024-07-01', title: 'Pelantikan', transfers: [{ official: 0, to: 0, acting: false }] }) });
    const event = recorded.data.recordRotationEvent.event;
    const before = await instant();
    const amended = await t.hr(
      `mutation ($id: ID!, $input: RotationEventInput!) { amendRotationEvent(id: $id, expectedVersion: 1, input: $input, reason: "wrong post") { event { version } } }`,
      { id: event.id, input: toInput({ date: '2024-07-01', title: 'Pelantikan', transfers: [{ official: 0, to: 1, acting: false }] }) },
    );
    expect(amended.errors).toBeUndefined();
    const kept = await query(t, `SELECT to_position_id::text AS post, recorded_from < recorded_until AS ordered FROM transfers_history WHERE event_id = $1`, [event.id]);
    expect(kept).toEqual([{ post: posts[0].id, ordered: true }]);
    const Q = `query ($id: ID!, $at: DateTime) { rotationEvent(id: $id, asRecordedAt: $at) { version transfers { toPosition { id } } } }`;
    expect((await t.gql(Q, { id: event.id, at: before })).data.rotationEvent).toEqual({ version: 1, transfers: [{ toPosition: { id: posts[0].id } }] });
    expect((await t.gql(Q, { id: event.id, at: null })).data.rotationEvent).toEqual({ version: 2, transfers: [{ toPosition: { id: posts[1].id } }] });
    const early = await t.gql(Q, { id: event.id, at: '2000-01-01T00:00:00Z' });
    expect(early.errors?.[0].extensions.domainCode).toBe('ROTATION_EVENT_NOT_FOUND');
  });
});
