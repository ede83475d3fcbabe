import fc from 'fast-check';
import { amendOrVoid, clearRecords, eventInput, officials, query, RECORD, unitWithPosts } from './support/rotations.js';
import { startTestApp, type TestApp } from './support/app.js';

/**
 * Random sequences of events — valid and invalid, recorded, amended and voided — must always
 * leave `appointments` equal to the fold of the surviving transfers, computed here again in
 * plain TypeScript, independently of src/appointments, and without overlaps.
 */

interface Row {
  event_id: string;
  effective_on: string;
  seq: number;
  official_id: string;
  from_position_id: string | null;
  to_position_id: string | null;
  capacity: string;
  kind: string;
  id: string;
}

type Period = [official: string, position: string, capacity: string, start: string, end: string | null];

/** The reference fold: every official's transfers in (date, event, seq) order; then acting cut at the next definitive start on the post. */
function referenceFold(rows: Row[]): Period[] {
  const sorted = [...rows].sort((a, b) =>
    a.effective_on !== b.effective_on ? (a.effective_on < b.effective_on ? -1 : 1) : a.event_id !== b.event_id ? Number(BigInt(a.event_id) - BigInt(b.event_id)) : a.seq - b.seq,
  );
  const out: Period[] = [];
  const held = new Map<string, { position: string; start: string }>();
  const acting = new Map<string, { start: string; capacity: string }>(); // key: official|position
  const push = (p: Period) => {
    if (p[4] === null || p[4] > p[3]) out.push(p);
  };
  for (const r of sorted) {
    if (r.kind === 'ACTING_START') {
      acting.set(`${r.official_id}|${r.to_position_id}`, { start: r.effective_on, capacity: r.capacity });
    } else if (r.kind === 'ACTING_END') {
      const key = `${r.official_id}|${r.from_position_id}`;
      const a = acting.get(key)!;
      push([r.official_id, r.from_position_id!, a.capacity, a.start, r.effective_on]);
      acting.delete(key);
    } else {
      const h = held.get(r.official_id);
      if (h) push([r.official_id, h.position, 'DEFINITIVE', h.start, r.effective_on]);
      held.delete(r.official_id);
      if (r.to_position_id) {
        const key = `${r.official_id}|${r.to_position_id}`;
        const a = acting.get(key);
        if (a) {
          push([r.official_id, r.to_position_id, a.capacity, a.start, r.effective_on]);
          acting.delete(key);
        }
        held.set(r.official_id, { position: r.to_position_id, start: r.effective_on });
      }
    }
  }
  for (const [official, h] of held) push([official, h.position, 'DEFINITIVE', h.start, null]);
  for (const [key, a] of acting) {
    const [official, position] = key.split('|');
    push([official, position, a.capacity, a.start, null]);
  }
  // Anyone's definitive start on a post ends an acting appointment there.
  const definitiveStarts = out.filter((p) => p[2] === 'DEFINITIVE');
  return out
    .map((p): Period | null => {
      if (p[2] === 'DEFINITIVE') return p;
      const cut = definitiveStarts.filter((d) => d[1] === p[1] && d[3] >= p[3]).map((d) => d[3]).sort()[0];
      if (cut === undefined || (p[4] !== null && p[4] <= cut)) return p;
      return cut > p[3] ? [p[0], p[1], p[2], p[3], cut] : null;
    })
    .filter((p): p is Period => p !== null)
    .sort((a, b) => a.join('|').localeCompare(b.join('|')));
}

const DATES = ['2019-01-02', '2020-06-01', '2021-03-15', '2022-09-01', '2023-01-02', '2024-07-01', '2025-02-03', '2026-02-06'];

describe('the projection is always the fold of the surviving transfers (property)', () => {
  let t: TestApp;
  let people: { id: string }[];
  let posts: { id: string }[];

  beforeAll(async () => {
    t = await startTestApp();
    people = await officials(t, 'Prop', 5);
    posts = (await unitWithPosts(t, 'PROP', 4)).posts;
  });
  afterAll(() => t.close());

  const transferArb = fc.record({
    official: fc.nat({ max: 4 }),
    to: fc.option(fc.nat({ max: 3 }), { nil: null, freq: 6 }),
    // Mostly derived, sometimes stated (and then often wrong).
    statedFrom: fc.oneof(
      { weight: 6, arbitrary: fc.constant(undefined) },
      { weight: 1, arbitrary: fc.option(fc.nat({ max: 3 }), { nil: null }) },
    ),
    acting: fc.constantFrom<'no' | 'start' | 'end'>('no', 'no', 'no', 'no', 'no', 'start', 'end'),
  });
  // Mostly one row per official (a repeated official is one of the invalid cases).
  const transfersArb = fc.oneof(
    { weight: 5, arbitrary: fc.uniqueArray(transferArb, { minLength: 1, maxLength: 4, selector: (x) => x.official }) },
    { weight: 1, arbitrary: fc.array(transferArb, { minLength: 1, maxLength: 4 }) },
  );
  const eventArb = fc.record({ date: fc.constantFrom(...DATES), transfers: transfersArb });
  const commandArb = fc.oneof(
    { weight: 5, arbitrary: eventArb.map((e) => ({ op: 'record' as const, ...e })) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('amend' as const), pick: fc.nat(), event: eventArb }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('void' as const), pick: fc.nat() }) },
  );

  const toInput = (e: { date: string; transfers: { official: number; to: number | null; statedFrom: number | null | undefined; acting: string }[] }) =>
    eventInput(
      e.transfers.map((x) => ({
        officialId: people[x.official].id,
        ...(x.acting === 'end' ? { kind: 'ACTING_END' } : { toPositionId: x.to === null ? null : posts[x.to].id }),
        ...(x.acting === 'start' ? { capacity: 'ACTING' } : {}),
        ...(x.statedFrom !== undefined && x.acting === 'no' ? { fromPositionId: x.statedFrom === null ? null : posts[x.statedFrom].id } : {}),
      })),
      { swornInOn: e.date, decreeDate: e.date, decreeNumber: null },
    );

  it('holds for random sequences of record, amend and void', async () => {
    let accepted = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(commandArb, { minLength: 1, maxLength: 12 }), async (commands) => {
        await clearRecords(t);
        for (const c of commands) {
          let res;
          if (c.op === 'record') {
            res = await t.hr(RECORD, { input: toInput(c) });
          } else {
            res = await amendOrVoid(t, c.op, c.pick, c.op === 'amend' ? toInput(c.event) : undefined);
            if (!res) continue;
          }
          if (res.errors) {
            refused++;
            // Refusals are domain errors, never internal ones.
            expect(['BAD_USER_INPUT', 'CONFLICT']).toContain(res.errors[0].extensions.code);
          } else {
            accepted++;
          }

          const rows = await query<Row>(
            t,
            `SELECT t.id, t.event_id, e.effective_on, t.seq, t.official_id, t.from_position_id, t.to_position_id, t.capacity, t.kind
             FROM transfers t JOIN rotation_events e ON e.id = t.event_id WHERE e.status = 'RECORDED'`,
          );
          const stored = await query<{ p: Period }>(t, `SELECT json_build_array(official_id::text, position_id::text, capacity, started_on, ended_on) AS p FROM appointments`);
          const actual = stored.map((r) => r.p).sort((a, b) => a.join('|').localeCompare(b.join('|')));
          expect(actual).toEqual(referenceFold(rows));
          const overlaps = await query(
            t,
            `SELECT 1 FROM appointments a JOIN appointments b ON a.id < b.id AND a.capacity = 'DEFINITIVE' AND b.capacity = 'DEFINITIVE'
               AND (a.position_id = b.position_id OR a.official_id = b.official_id)
               AND daterange(a.started_on, a.ended_on) && daterange(b.started_on, b.ended_on)`,
          );
          expect(overlaps).toEqual([]);
        }
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 60), seed: Number(process.env.PROPERTY_SEED ?? 20260206) },
    );
    // The generator must exercise both paths.
    expect(accepted).toBeGreaterThan(20);
    expect(refused).toBeGreaterThan(20);
  });
});
