import fc from 'fast-check';
import { ApiKeysService } from '../src/api-keys/api-keys.service.js';
import { Role } from '../src/auth/role.enum.js';
import { createOrganization, TEST_GOVERNMENT } from './factories/index.js';
import { clearRecords, eventInput, footprint, officials, query, RECORD, unitWithPosts } from './support/rotations.js';
import { startTestApp, type GraphQLResponse, type TestApp } from './support/app.js';

/**
 * Three governments, each with its posts and a key acting for it alone; officials registered by
 * each. Random sequences of events — filling one government's posts with officials from anywhere
 * (moves between governments), on dates before and after the ones already recorded — amended and
 * voided by the owning key, and tried by another government's key. After every step: no
 * official holds two definitive posts on a day (in the table and in what the API answers), every
 * event's posts are its government's, an event keeps its government, the employing government on
 * a day is the one of the definitive post then held, and a refusal changed nothing and said why.
 */

const DATES = ['2019-01-02', '2020-06-01', '2021-03-15', '2022-09-01', '2023-01-02', '2024-07-01', '2025-02-03', '2026-02-06'];
const GOVERNMENTS = 3;
const POSTS = 5;
const PEOPLE_PER_GOVERNMENT = 3;

interface Government {
  id: string;
  regionCode: string;
  headers: Record<string, string>;
  posts: string[];
}

/** The ISO day before. */
const dayBefore = (iso: string) => new Date(Date.parse(iso) - 86_400_000).toISOString().slice(0, 10);
/** Every event date and the day before it: the days the employing government is asked for. */
const DAYS = DATES.flatMap((d) => [dayBefore(d), d]);

const aliases = (field: string) => Array.from({ length: GOVERNMENTS * PEOPLE_PER_GOVERNMENT }, (_, i) => `o${i}: official(id: $o${i}) { ${field} }`).join('\n  ');
const variables = Array.from({ length: GOVERNMENTS * PEOPLE_PER_GOVERNMENT }, (_, i) => `$o${i}: ID!`).join(', ');
/** Each official's career. */
const CAREERS = `query (${variables}) {\n  ${aliases('appointments { capacity startedOn endedOn position { id } }')}\n}`;
/** The government employing each official on a day (one day a request: the API allows 15 aliases). */
const EMPLOYING = `query (${variables}, $on: Date!) {\n  ${aliases('government(on: $on) { id }')}\n}`;

describe('governments: moves between them, scoped keys and the employing government (property)', () => {
  let t: TestApp;
  let governments: Government[];
  let people: { id: string }[];
  /** Government id of every post. */
  const postGovernment = new Map<string, string>();

  beforeAll(async () => {
    t = await startTestApp();
    const ids = [await createOrganization(t, { kind: 'GOVERNMENT' }), await createOrganization(t, { kind: 'GOVERNMENT' })];
    const [test] = await query<{ id: string }>(t, `SELECT id::text FROM organizations WHERE code = $1`, [TEST_GOVERNMENT.code]);
    ids.push(test.id);
    governments = [];
    people = [];
    for (const [g, id] of ids.entries()) {
      const [{ region_code: regionCode }] = await query<{ region_code: string }>(t, `SELECT region_code FROM organizations WHERE id = $1`, [id]);
      const { secret } = await t.app.get(ApiKeysService).create(Role.HR, `property ${regionCode}`, null, [regionCode]);
      const posts = (await unitWithPosts(t, `GOVPROP${g}`, POSTS, { parentId: id })).posts.map((p) => p.id);
      for (const p of posts) postGovernment.set(p, id);
      governments.push({ id, regionCode, headers: { authorization: `Bearer ${secret}` }, posts });
      people.push(...(await officials(t, `Gov${'ABC'[g]}`, PEOPLE_PER_GOVERNMENT, { government: regionCode })));
    }
  });
  afterAll(() => t.close());

  const transferArb = fc.record({
    official: fc.nat({ max: GOVERNMENTS * PEOPLE_PER_GOVERNMENT - 1 }),
    to: fc.option(fc.nat({ max: POSTS - 1 }), { nil: null, freq: 6 }),
    acting: fc.constantFrom<'no' | 'start' | 'end'>('no', 'no', 'no', 'no', 'no', 'no', 'start', 'end'),
    /** A post of the next government instead (a decree filling two governments' posts: refused). */
    foreign: fc.oneof({ weight: 12, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
  });
  // One row per official (a repeated official is the plain property test's business); the first
  // row fills a post, so the event's government is that post's.
  const eventArb = fc.record({
    date: fc.constantFrom(...DATES),
    transfers: fc.uniqueArray(transferArb, { minLength: 1, maxLength: 4, selector: (x) => x.official }),
  });
  /** The key used: mostly the owning government's, sometimes another's (which must be refused). */
  const keyArb = fc.oneof({ weight: 4, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: GOVERNMENTS - 1 }) });
  const commandArb = fc.oneof(
    { weight: 6, arbitrary: fc.record({ op: fc.constant('record' as const), government: fc.nat({ max: GOVERNMENTS - 1 }), key: keyArb, event: eventArb }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('amend' as const), pick: fc.nat(), key: keyArb, event: eventArb }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('void' as const), pick: fc.nat(), key: keyArb }) },
  );

  type EventSpec = typeof eventArb extends fc.Arbitrary<infer E> ? E : never;
  const toInput = (g: Government, e: EventSpec) =>
    eventInput(
      e.transfers.map((x, i) => {
        const acting = i === 0 && x.acting === 'end' ? 'no' : x.acting;
        const to = i === 0 ? (x.to ?? 0) : x.to;
        const posts = i > 0 && x.foreign ? governments[(governments.indexOf(g) + 1) % GOVERNMENTS].posts : g.posts;
        return {
          officialId: people[x.official].id,
          ...(acting === 'end' ? { kind: 'ACTING_END' } : { toPositionId: to === null ? null : posts[to] }),
          ...(acting === 'start' && to !== null ? { capacity: 'ACTING' } : {}),
        };
      }),
      { swornInOn: e.date, decreeDate: e.date, decreeNumber: null },
    );

  /** Every invariant of the record as it stands. */
  async function checkInvariants(eventGovernments: Map<string, string>) {
    const overlaps = await query(
      t,
      `SELECT a.official_id, a.position_id, b.position_id AS other FROM appointments a JOIN appointments b ON a.id < b.id
         AND a.capacity = 'DEFINITIVE' AND b.capacity = 'DEFINITIVE' AND (a.official_id = b.official_id OR a.position_id = b.position_id)
         AND daterange(a.started_on, a.ended_on) && daterange(b.started_on, b.ended_on)`,
    );
    expect(overlaps).toEqual([]);

    // A row's post — the one it fills, else the one it leaves — is the event's government's.
    const strays = await query(
      t,
      `SELECT e.id, t.seq FROM transfers t JOIN rotation_events e ON e.id = t.event_id
         JOIN positions p ON p.id = COALESCE(t.to_position_id, t.from_position_id) JOIN organizations u ON u.id = p.organization_id
       WHERE u.government_id <> e.government_id`,
    );
    expect(strays).toEqual([]);

    // An event never changes government (amendments keep it).
    for (const e of await query<{ id: string; government_id: string }>(t, `SELECT id::text, government_id::text FROM rotation_events`)) {
      if (!eventGovernments.has(e.id)) eventGovernments.set(e.id, e.government_id);
      expect(e.government_id).toBe(eventGovernments.get(e.id));
    }

    // What the API answers: no official's career has two definitive periods on one day.
    const ids = Object.fromEntries(people.map((p, i) => [`o${i}`, p.id]));
    const careers = await t.analyst(CAREERS, ids);
    expect(careers.errors).toBeUndefined();
    const definitive = new Map<string, { post: string; from: string; to: string | null }[]>();
    for (const p of people) {
      const periods = (careers.data[`o${people.indexOf(p)}`].appointments as { capacity: string; startedOn: string; endedOn: string | null; position: { id: string } }[])
        .filter((a) => a.capacity === 'DEFINITIVE')
        .map((a) => ({ post: a.position.id, from: a.startedOn, to: a.endedOn }));
      for (const [i, a] of periods.entries()) {
        for (const b of periods.slice(i + 1)) {
          const overlap = a.from < (b.to ?? '9999-12-31') && b.from < (a.to ?? '9999-12-31');
          expect({ official: p.id, a, b, overlap }).toEqual({ official: p.id, a, b, overlap: false });
        }
      }
      definitive.set(p.id, periods);
    }

    // The employing government on a day (Official.government(on:)): the one of the definitive post
    // held then; else that of the last one held before; else the registering government.
    const registering = new Map((await query<{ id: string; government_id: string }>(t, `SELECT id::text, government_id::text FROM officials WHERE id = ANY($1)`, [people.map((p) => p.id)])).map((r) => [r.id, r.government_id]));
    for (const day of DAYS) {
      const employing = await t.analyst(EMPLOYING, { ...ids, on: day });
      expect(employing.errors).toBeUndefined();
      for (const [i, p] of people.entries()) {
        const periods = definitive.get(p.id)!;
        const held = periods.find((a) => a.from <= day && (a.to === null || day < a.to));
        const last = periods.filter((a) => a.from <= day).sort((a, b) => (a.from < b.from ? 1 : -1))[0];
        const expected = held ? postGovernment.get(held.post) : last ? postGovernment.get(last.post) : registering.get(p.id);
        expect({ official: p.id, day, government: employing.data[`o${i}`].government.id }).toEqual({ official: p.id, day, government: expected });
      }
    }
  }

  /** A refusal names its reason: the rows' problems, a version conflict or the government outside the key's scope; never an internal error. */
  function expectExplainedRefusal(res: GraphQLResponse) {
    const error = res.errors![0];
    expect(['BAD_USER_INPUT', 'CONFLICT', 'FORBIDDEN']).toContain(error.extensions.code);
    if (error.extensions.code === 'BAD_USER_INPUT' && error.extensions.domainCode !== 'ROTATION_EVENT_NOT_FOUND') {
      expect(error.extensions.problems.length).toBeGreaterThan(0);
      for (const p of error.extensions.problems) expect(p).toEqual(expect.objectContaining({ code: expect.any(String), severity: expect.any(String), message: expect.any(String) }));
    }
    if (error.extensions.code === 'FORBIDDEN') expect(error.extensions.domainCode).toBe('OUTSIDE_SCOPE');
  }

  it('holds for random sequences of events between governments, amendments, voids and wrong keys', async () => {
    const tally = { accepted: 0, refused: 0, wrongKeyRefused: 0, foreignRefused: 0, withMoves: 0 };
    await fc.assert(
      fc.asyncProperty(fc.array(commandArb, { minLength: 2, maxLength: 10 }), async (commands) => {
        await clearRecords(t);
        const eventGovernments = new Map<string, string>();
        // Each government first fills some of its posts with its own officials: later rows then move them between governments.
        for (const [g, government] of governments.entries()) {
          const founding = people.slice(g * PEOPLE_PER_GOVERNMENT, (g + 1) * PEOPLE_PER_GOVERNMENT).map((p, i) => ({ officialId: p.id, toPositionId: government.posts[i] }));
          const res = await t.gql(RECORD, { input: eventInput(founding, { swornInOn: DATES[0], decreeDate: DATES[0], decreeNumber: null }) }, government.headers);
          expect(res.errors).toBeUndefined();
        }
        for (const c of commands) {
          let owner: Government;
          let res: GraphQLResponse;
          const before = await footprint(t);
          if (c.op === 'record') {
            owner = governments[c.government];
            const key = governments[(c.government + c.key) % GOVERNMENTS];
            res = await t.gql(RECORD, { input: toInput(owner, c.event) }, key.headers);
          } else {
            const events = await query<{ id: string; version: number; government_id: string }>(t, `SELECT id::text, version, government_id::text FROM rotation_events WHERE status = 'RECORDED' ORDER BY id`);
            if (events.length === 0) continue;
            const target = events[c.pick % events.length];
            const g = governments.findIndex((x) => x.id === target.government_id);
            owner = governments[g];
            const key = governments[(g + c.key) % GOVERNMENTS];
            res =
              c.op === 'amend'
                ? await t.gql(
                    `mutation ($id: ID!, $v: Int!, $input: RotationEventInput!) { amendRotationEvent(id: $id, expectedVersion: $v, input: $input, reason: "property") { event { id } } }`,
                    { id: target.id, v: target.version, input: toInput(owner, c.event) },
                    key.headers,
                  )
                : await t.gql(`mutation ($id: ID!, $v: Int!) { voidRotationEvent(id: $id, expectedVersion: $v, reason: "property") { id } }`, { id: target.id, v: target.version }, key.headers);
          }
          if (c.key !== 0) {
            // Another government's key: refused as outside its scope, nothing written.
            expect(res.errors?.[0].extensions).toEqual(expect.objectContaining({ code: 'FORBIDDEN', domainCode: 'OUTSIDE_SCOPE' }));
            expect(res.errors![0].extensions.government).toEqual(expect.objectContaining({ regionCode: owner.regionCode }));
            tally.wrongKeyRefused++;
          }
          if (c.key === 0 && c.op !== 'void' && c.event.transfers.some((x, i) => i > 0 && x.foreign && x.to !== null && x.acting !== 'end')) {
            // A row filling another government's post: refused, that row named.
            expect(res.errors?.[0].extensions.problems).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'POST_OF_OTHER_GOVERNMENT', severity: 'ERROR' })]));
            tally.foreignRefused++;
          }
          if (res.errors) {
            expectExplainedRefusal(res);
            expect(await footprint(t)).toEqual(before);
            tally.refused++;
          } else {
            tally.accepted++;
          }
          await checkInvariants(eventGovernments);
          // Steps checked while the record holds a move between governments (a row bringing an official from another government's post).
          const [move] = await query(
            t,
            `SELECT 1 FROM transfers t JOIN rotation_events e ON e.id = t.event_id AND e.status = 'RECORDED'
               JOIN positions p ON p.id = t.from_position_id JOIN organizations u ON u.id = p.organization_id
             WHERE t.to_position_id IS NOT NULL AND u.government_id <> e.government_id LIMIT 1`,
          );
          if (move) tally.withMoves++;
        }
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 25), seed: Number(process.env.PROPERTY_SEED ?? 20261129) },
    );
    // The generator must exercise every path: accepted writes, moves between governments, every kind of refusal.
    expect(tally.accepted).toBeGreaterThan(20);
    expect(tally.withMoves).toBeGreaterThan(20);
    expect(tally.wrongKeyRefused).toBeGreaterThan(5);
    expect(tally.foreignRefused).toBeGreaterThan(3);
    expect(tally.refused - tally.wrongKeyRefused).toBeGreaterThan(5);
  });
});
