import { DataSource } from 'typeorm';
import { ProjectionService } from '../src/history/projection.service.js';
import { startTestApp, type TestApp } from './support/app.js';
import { officials, query, unitWithPosts } from './support/rotations.js';
import { prng } from '../seeds/prng.js';

/**
 * Soak: several clients at once, over real HTTP, record, amend, void and validate small
 * rotations over one small pool of officials and posts, so that they collide (occupied
 * posts, stale versions, taken decree numbers, shared idempotency keys). Every refusal must be
 * a domain error, never an internal one; afterwards the history has no overlap the exclusion
 * constraints forbid, and the audit log has exactly one row per successful change.
 */

const CLIENTS = Number(process.env.SOAK_CLIENTS ?? 6);
const OPERATIONS = Number(process.env.SOAK_OPERATIONS ?? 40);
const SEED = Number(process.env.SOAK_SEED ?? 20260206);
const OFFICIALS = 8;
const POSTS = 5;
const DATES = ['2016-01-04', '2018-03-01', '2019-07-01', '2021-02-01', '2022-09-01', '2024-01-02', '2025-06-02'];
/** A few decree numbers and idempotency keys every client draws from, so they clash. */
const DECREES = ['821.2/SOAK-1', '821.2/SOAK-2', '821.2/SOAK-3'];
const KEYS = ['soak-key-1', 'soak-key-2', 'soak-key-3', 'soak-key-4'];

const RECORD = `mutation ($input: RotationEventInput!, $key: String) {
  recordRotationEvent(input: $input, idempotencyKey: $key) { replayed event { id version status } warnings { code } }
}`;
const AMEND = `mutation ($id: ID!, $v: Int!, $input: RotationEventInput!) {
  amendRotationEvent(id: $id, expectedVersion: $v, input: $input, reason: "soak: koreksi lampiran") { replayed event { id version status } }
}`;
const VOID = `mutation ($id: ID!, $v: Int!) { voidRotationEvent(id: $id, expectedVersion: $v, reason: "soak: SK dibatalkan") { id version status } }`;
const VALIDATE = `mutation ($input: RotationEventInput!) { validateRotationEvent(input: $input) { valid problems { code severity } } }`;


type Op = 'record' | 'amend' | 'void' | 'validate';
type Input = ReturnType<typeof makeInput>;

let inputCounter = 0;
function makeInput(transfers: Record<string, unknown>[], date: string, decreeNumber: string | null) {
  return { title: `Pelantikan soak ${++inputCounter}`, issuer: 'Wali Kota Bekasi', decreeNumber, decreeDate: date, swornInOn: date, location: 'Aula Soak', transfers };
}

interface Outcome {
  client: number;
  op: Op;
  status: number;
  ok: boolean;
  codes: string[];
  body: unknown;
}

describe('soak: concurrent clients recording, amending and voiding over shared posts', () => {
  let t: TestApp;
  let url: string;
  let people: { id: string }[];
  let posts: { id: string }[];

  beforeAll(async () => {
    t = await startTestApp();
    url = `${await t.app.getUrl()}/graphql`.replace('[::1]', '127.0.0.1');
    people = await officials(t, 'Soak', OFFICIALS);
    posts = (await unitWithPosts(t, 'SOAK', POSTS)).posts;
  });
  afterAll(() => t?.close());

  it('answers every request with data or a domain error, and leaves a consistent history and audit log', async () => {
    /** Events any client has seen, with the version it last saw (often stale by the time another client uses it). */
    const seen: { id: string; version: number; voided: boolean }[] = [];
    /** Per event, what each successful change made it: version → transfer count (or VOIDED). */
    const changes = new Map<string, Map<number, { op: Op; transfers: number }>>();
    /** For each shared key, the first input sent with it; other clients resend it (a retry) or, sometimes, something else (a misuse). */
    const keyed = new Map<string, Input>();
    const replays: { key: string; id: string }[] = [];
    const outcomes: Outcome[] = [];
    const successes: Record<Op, number> = { record: 0, amend: 0, void: 0, validate: 0 };

    const note = (id: string, version: number, op: Op, transfers: number) => {
      if (!changes.has(id)) changes.set(id, new Map());
      const versions = changes.get(id)!;
      // Two successes can never produce the same version of one event.
      expect({ id, version, duplicate: versions.has(version) }).toEqual({ id, version, duplicate: false });
      versions.set(version, { op, transfers });
      const entry = seen.find((e) => e.id === id);
      if (!entry) seen.push({ id, version, voided: op === 'void' });
      else if (entry.version < version) entry.version = version;
      if (op === 'void') seen.find((e) => e.id === id)!.voided = true;
    };

    const send = async (client: number, op: Op, query: string, variables: Record<string, unknown>) => {
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...t.auth.HR }, body: JSON.stringify({ query, variables }) });
      const text = await res.text();
      let body: { data?: any; errors?: { message: string; extensions?: Record<string, any> }[] };
      try {
        body = JSON.parse(text);
      } catch {
        body = { errors: [{ message: `not JSON: ${text.slice(0, 200)}` }] };
      }
      const ok = !body.errors && !!body.data;
      const outcome = { client, op, status: res.status, ok, codes: (body.errors ?? []).map((e) => `${e.extensions?.code}/${e.extensions?.domainCode}`), body };
      outcomes.push(outcome);
      return { ...outcome, data: body.data, errors: body.errors ?? [] };
    };

    const client = async (n: number) => {
      const random = prng(SEED + n);
      const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
      /** 1 to 3 rows, mostly definitive moves, sometimes leaving office, acting, or naming one official twice. */
      const transfers = () => {
        const count = 1 + Math.floor(random() * 3);
        const rows: Record<string, unknown>[] = [];
        const used = new Set<number>();
        for (let i = 0; i < count; i++) {
          let who = Math.floor(random() * OFFICIALS);
          if (random() < 0.95) while (used.has(who)) who = (who + 1) % OFFICIALS;
          used.add(who);
          const officialId = people[who].id;
          const r = random();
          if (r < 0.2) rows.push({ officialId, toPositionId: null });
          else if (r < 0.27) rows.push({ officialId, toPositionId: pick(posts).id, capacity: 'ACTING' });
          else if (r < 0.32) rows.push({ officialId, kind: 'ACTING_END' });
          else rows.push({ officialId, toPositionId: pick(posts).id });
        }
        return rows;
      };
      const freshInput = () => makeInput(transfers(), pick(DATES), random() < 0.25 ? pick(DECREES) : null);

      for (let i = 0; i < OPERATIONS; i++) {
        const r = random();
        const op: Op = seen.length === 0 || r < 0.45 ? 'record' : r < 0.7 ? 'amend' : r < 0.9 ? 'void' : 'validate';
        if (op === 'record') {
          let key: string | null = null;
          let input = freshInput();
          if (random() < 0.3) {
            key = pick(KEYS);
            const first = keyed.get(key);
            if (!first) keyed.set(key, input);
            else if (random() < 0.8) input = first; // a retry: the very same submission
          }
          const res = await send(n, op, RECORD, { input, key });
          if (res.ok) {
            const { replayed, event } = res.data.recordRotationEvent;
            if (replayed) replays.push({ key: key!, id: event.id });
            else {
              successes.record++;
              expect(event.version).toBe(1);
              note(event.id, event.version, op, input.transfers.length);
            }
          }
        } else if (op === 'amend' || op === 'void') {
          // Mostly an event not known to be voided; now and then one that is.
          const live = seen.filter((e) => !e.voided);
          const target = live.length > 0 && random() < 0.9 ? pick(live) : pick(seen);
          // Usually the version last seen; sometimes one behind, as a slow client would send.
          const version = random() < 0.75 ? target.version : Math.max(1, target.version - 1);
          const input = freshInput();
          const res = op === 'amend' ? await send(n, op, AMEND, { id: target.id, v: version, input }) : await send(n, op, VOID, { id: target.id, v: version });
          if (res.ok) {
            successes[op]++;
            const event = op === 'amend' ? res.data.amendRotationEvent.event : res.data.voidRotationEvent;
            expect(event).toMatchObject({ id: target.id, version: version + 1, status: op === 'amend' ? 'RECORDED' : 'VOIDED' });
            note(event.id, event.version, op, op === 'amend' ? input.transfers.length : -1);
          } else {
            // A stale version says where the event is now: the client reloads.
            const current = res.errors.find((e) => e.extensions?.domainCode === 'VERSION_MISMATCH')?.extensions?.currentVersion;
            if (typeof current === 'number' && current > target.version) target.version = current;
            if (res.errors.some((e) => e.extensions?.domainCode === 'EVENT_VOIDED')) target.voided = true;
          }
        } else {
          const res = await send(n, op, VALIDATE, { input: freshInput() });
          if (res.ok) {
            successes.validate++;
            expect(typeof res.data.validateRotationEvent.valid).toBe('boolean');
          }
        }
      }
    };

    // Every client runs to the end even if one fails an assertion, so nothing is still sending when the app closes.
    const settled = await Promise.allSettled(Array.from({ length: CLIENTS }, (_, n) => client(n)));
    for (const s of settled) if (s.status === 'rejected') throw s.reason;

    // Every answer: no 5xx, no internal error; every refusal a domain error with its code.
    const internal = outcomes.filter((o) => o.status >= 500 || o.codes.some((c) => c.startsWith('INTERNAL_SERVER_ERROR')));
    expect(internal.map((o) => ({ client: o.client, op: o.op, status: o.status, body: o.body }))).toEqual([]);
    const notDomain = outcomes.filter((o) => !o.ok && (o.status !== 200 || o.codes.length === 0 || o.codes.some((c) => !/^(BAD_USER_INPUT|CONFLICT)\/[A-Z_]+$/.test(c))));
    expect(notDomain.map((o) => ({ client: o.client, op: o.op, status: o.status, body: o.body }))).toEqual([]);
    expect(outcomes).toHaveLength(CLIENTS * OPERATIONS);
    // The clients really did collide, and really did get work done.
    const refusals = [...new Set(outcomes.flatMap((o) => o.codes.map((c) => c.split('/')[1])))];
    expect(refusals).toEqual(expect.arrayContaining(['VERSION_MISMATCH', 'ROTATION_CONFLICT']));
    expect(successes.record).toBeGreaterThan(10);
    expect(successes.amend + successes.void).toBeGreaterThan(5);

    // No overlap of definitive appointments, per post or per official (the exclusion constraints' rule).
    for (const column of ['position_id', 'official_id']) {
      const overlaps = await query(
        t,
        `SELECT a.id, b.id AS other FROM appointments a JOIN appointments b ON a.${column} = b.${column} AND a.id < b.id
         WHERE a.capacity = 'DEFINITIVE' AND b.capacity = 'DEFINITIVE' AND daterange(a.started_on, a.ended_on) && daterange(b.started_on, b.ended_on)`,
      );
      expect({ column, overlaps }).toEqual({ column, overlaps: [] });
    }
    // A voided event's transfers count no more: no appointment starts or ends by one.
    expect(
      await query(
        t,
        `SELECT a.id FROM appointments a JOIN transfers t ON t.id IN (a.started_by_transfer_id, a.ended_by_transfer_id)
         JOIN rotation_events e ON e.id = t.event_id WHERE e.status = 'VOIDED'`,
      ),
    ).toEqual([]);

    // What the concurrent, incremental rebuilds left is what a rebuild from scratch gives (tried in a rolled-back transaction).
    const APPOINTMENTS = `SELECT official_id::text, position_id::text, capacity::text, started_on::text, coalesce(ended_on::text, '-') AS ended_on,
                                 started_by_transfer_id::text AS started_by, coalesce(ended_by_transfer_id::text, '-') AS ended_by
                          FROM appointments ORDER BY 1, 4, 2, 3`;
    const incremental = await query(t, APPOINTMENTS);
    let rebuilt: unknown[] = [];
    await t.app
      .get(DataSource)
      .transaction(async (m) => {
        await t.app.get(ProjectionService).rebuildAll(m);
        rebuilt = await m.query(APPOINTMENTS);
        throw new Error('roll back');
      })
      .catch((e: Error) => {
        if (e.message !== 'roll back') throw e;
      });
    expect(incremental).toEqual(rebuilt);

    // One audit row per successful change, of its kind; none for a refusal, a replay or a validation.
    const audit = await query<{ operation: string; n: number }>(
      t,
      `SELECT operation, count(*)::int AS n FROM audit_log WHERE target_type = 'rotation_event' GROUP BY operation ORDER BY operation`,
    );
    const expected = [
      { operation: 'amendRotationEvent', n: successes.amend },
      { operation: 'recordRotationEvent', n: successes.record },
      { operation: 'voidRotationEvent', n: successes.void },
    ].filter((r) => r.n > 0);
    expect(audit).toEqual(expected);
    // And per event: one record row, one row per later version.
    const perEvent = await query<{ id: string; version: number; status: string; records: number; changes: number; transfers: number }>(
      t,
      `SELECT e.id, e.version, e.status,
              (SELECT count(*)::int FROM audit_log a WHERE a.target_type = 'rotation_event' AND a.target_id = e.id AND a.operation = 'recordRotationEvent') AS records,
              (SELECT count(*)::int FROM audit_log a WHERE a.target_type = 'rotation_event' AND a.target_id = e.id) AS changes,
              (SELECT count(*)::int FROM transfers t WHERE t.event_id = e.id) AS transfers
       FROM rotation_events e ORDER BY e.id`,
    );
    expect(perEvent.length).toBe(successes.record);
    for (const e of perEvent) {
      const versions = changes.get(e.id);
      expect({ id: e.id, known: !!versions }).toEqual({ id: e.id, known: true });
      const last = Math.max(...versions!.keys());
      // The lampiran is the one of the last record or amend that succeeded.
      const lastLampiran = Math.max(...[...versions!].filter(([, c]) => c.op !== 'void').map(([v]) => v));
      const voided = [...versions!.values()].some((c) => c.op === 'void');
      expect(e).toEqual({
        id: e.id,
        version: last,
        status: voided ? 'VOIDED' : 'RECORDED',
        records: 1,
        changes: versions!.size,
        transfers: versions!.get(lastLampiran)!.transfers,
      });
      // Every version from 1 to the last came from a success this test saw.
      expect([...versions!.keys()].sort((a, b) => a - b)).toEqual(Array.from({ length: last }, (_, i) => i + 1));
    }
    // A replay answers the event first recorded with that key.
    const byKey = new Map((await query<{ idempotency_key: string; id: string }>(t, `SELECT idempotency_key, id FROM rotation_events WHERE idempotency_key IS NOT NULL`)).map((r) => [r.idempotency_key, r.id]));
    for (const r of replays) expect({ key: r.key, id: r.id }).toEqual({ key: r.key, id: byKey.get(r.key) });
    if (process.env.SOAK_VERBOSE) {
      const tally = new Map<string, number>();
      for (const o of outcomes) {
        const k = `${o.op} ${o.ok ? 'ok' : o.codes.join(',')}`;
        tally.set(k, (tally.get(k) ?? 0) + 1);
      }
      console.log(`successes ${JSON.stringify(successes)}, replays ${replays.length}\n${[...tally].sort().map(([k, v]) => `${v}\t${k}`).join('\n')}`);
    }
  }, 120_000);
});
