import pg from 'pg';
import { createKeyWithCli, killAllChildren, startChildApp, type ChildApp } from './support/child-app.js';
import { createTestDatabase, dropTestDatabase } from './support/database.js';
import { prng } from '../seeds/prng.js';

/**
 * Crash safety: Mutasi runs as a real child process and is SIGKILLed while it records one
 * large rotation event (every official moves at once). After each crash and restart the
 * database must hold the event whole or not at all, with its history and its audit row,
 * and retrying with the same idempotency key must record it exactly once.
 */

const N = Number(process.env.CRASH_TRANSFERS ?? 1000);
const ROUNDS = 5;
const SEED = Number(process.env.CRASH_SEED ?? 20260206);
/**
 * When each round kills: once the recorder holds its lock, a random part of the way into its
 * transaction, at random after sending, as soon as the commit is visible (the answer is then
 * usually already out: the retry must be a replay), or around the expected commit.
 */
const KILL_AT = ['at lock', 'in transaction', 'after send', 'at commit', 'around commit'] as const;


const letters = (n: number): string => (n >= 26 ? letters(Math.floor(n / 26) - 1) : '') + String.fromCharCode(65 + (n % 26));

const RECORD = `mutation ($input: RotationEventInput!, $key: String) {
  recordRotationEvent(input: $input, idempotencyKey: $key) { replayed event { id version } }
}`;

interface Body {
  data?: any;
  errors?: { message: string; extensions?: Record<string, any> }[];
}

describe('a SIGKILL in the middle of recording a large rotation (real child process)', () => {
  let database: { name: string; url: string } | undefined;
  let db: pg.Client;
  let app: ChildApp | undefined;
  let secret: string;
  let officials: string[] = [];
  let posts: string[] = [];
  /** Everything every child wrote, to show when a test fails. */
  const logs: string[] = [];

  const post = async (body: unknown): Promise<{ status: number; body: Body }> => {
    const res = await fetch(`${app!.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Body };
  };

  const restart = async () => {
    if (app) {
      await app.kill('SIGKILL');
      logs.push(app.output());
    }
    app = await startChildApp(database!.url);
  };

  /** Official i moves to post (i + shift) mod N on `date`: a cycle over every post, valid from any earlier shift. */
  const shiftInput = (shift: number, date: string) => ({
    title: `Pelantikan rotasi besar ${shift}`,
    issuer: 'Wali Kota Bekasi',
    decreeNumber: `821.2/Kep.${shift}-CRASH/${date.slice(0, 4)}`,
    decreeDate: date,
    swornInOn: date,
    location: 'Aula H. Nonon Sonthanie',
    transfers: officials.map((officialId, i) => ({ officialId, toPositionId: posts[(i + shift) % N] })),
  });

  beforeAll(async () => {
    database = await createTestDatabase();
    db = new pg.Client({ connectionString: database.url });
    await db.connect();
    // Officials and posts straight into the tables: the API is not what is under test here.
    const [{ id: unit }] = (await db.query(`INSERT INTO organizations (code, name, kind, parent_id) VALUES ('CRASH', 'Dinas Uji Crash', 'AGENCY', (SELECT id FROM organizations WHERE code = 'PEMDA-UJI')) RETURNING id`)).rows;
    posts = (
      await db.query(
        `INSERT INTO positions (code, title, organization_id, echelon, category)
         SELECT 'CRASH-' || i, 'Kepala Bidang ' || i, $1, 'III_B', 'ADMINISTRATOR' FROM generate_series(1, $2::int) i ORDER BY i RETURNING id`,
        [unit, N],
      )
    ).rows.map((r) => r.id);
    const names = Array.from({ length: N }, (_, i) => `Pejabat Crash ${letters(i)}`);
    // Valid PNS NIPs, all distinct: birth dates one day apart, TMT CPNS 2005-01.
    officials = (
      await db.query(
        `INSERT INTO officials (nip, name, employment, rank, government_id)
         SELECT to_char(date '1970-01-01' + i::int, 'YYYYMMDD') || '200501' || '1' || '001', n, 'PNS', 'IV_A', (SELECT id FROM organizations WHERE code = 'PEMDA-UJI')
         FROM unnest($1::text[]) WITH ORDINALITY AS x(n, i) ORDER BY i RETURNING id`,
        [names],
      )
    ).rows.map((r) => r.id);
    secret = await createKeyWithCli(database.url, 'HR', 'crash test');
    await restart();
  }, 60_000);

  afterAll(async () => {
    await killAllChildren();
    await db?.end().catch(() => undefined);
    if (database) await dropTestDatabase(database.name);
  });

  /** Runs a test body; on failure, shows what the children wrote (kept quiet otherwise). */
  const showingChildOutput = (body: () => Promise<void>) => async () => {
    try {
      await body();
    } catch (error) {
      process.stderr.write(`--- Mutasi child output ---\n${[...logs, app?.output() ?? ''].join('\n--- restart ---\n')}\n`);
      throw error;
    }
  };

  const count = async (sql: string, params: unknown[] = []) => Number((await db.query(sql, params)).rows[0].n);

  /** The invariants that must hold after any crash, whatever the moment. */
  const checkInvariants = async () => {
    // No transfer without its event.
    expect(await count(`SELECT count(*) AS n FROM transfers t LEFT JOIN rotation_events e ON e.id = t.event_id WHERE e.id IS NULL`)).toBe(0);
    // No partial event: every event has exactly the N rows of its input, seq 1…N.
    const events = (
      await db.query(
        `SELECT e.id, count(t.id)::int AS rows, count(DISTINCT t.seq)::int AS seqs, min(t.seq) AS lo, max(t.seq) AS hi,
                count(DISTINCT t.official_id)::int AS officials
         FROM rotation_events e LEFT JOIN transfers t ON t.event_id = e.id GROUP BY e.id ORDER BY e.id`,
      )
    ).rows;
    for (const e of events) expect({ id: e.id, rows: e.rows, seqs: e.seqs, lo: e.lo, hi: e.hi, officials: e.officials }).toEqual({ id: e.id, rows: N, seqs: N, lo: 1, hi: N, officials: N });
    // No appointment started or ended by a transfer that is gone.
    expect(
      await count(
        `SELECT count(*) AS n FROM appointments a WHERE NOT EXISTS (SELECT 1 FROM transfers t WHERE t.id = a.started_by_transfer_id)
           OR (a.ended_by_transfer_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM transfers t WHERE t.id = a.ended_by_transfer_id))`,
      ),
    ).toBe(0);
    // The exclusion constraints' rule: definitive appointments of one post, or of one official, never overlap.
    for (const column of ['position_id', 'official_id']) {
      expect({
        column,
        overlaps: await count(
          `SELECT count(*) AS n FROM appointments a JOIN appointments b ON a.${column} = b.${column} AND a.id < b.id
           WHERE a.capacity = 'DEFINITIVE' AND b.capacity = 'DEFINITIVE' AND daterange(a.started_on, a.ended_on) && daterange(b.started_on, b.ended_on)`,
        ),
      }).toEqual({ column, overlaps: 0 });
    }
    // One audit row per recorded event, and none for an event that is not there.
    const audit = (
      await db.query(
        `SELECT e.id, (SELECT count(*)::int FROM audit_log a WHERE a.operation = 'recordRotationEvent' AND a.target_type = 'rotation_event' AND a.target_id = e.id) AS n
         FROM rotation_events e`,
      )
    ).rows;
    for (const a of audit) expect({ event: a.id, auditRows: a.n }).toEqual({ event: a.id, auditRows: 1 });
    expect(await count(`SELECT count(*) AS n FROM audit_log WHERE operation = 'recordRotationEvent'`)).toBe(events.length);
    return events.length;
  };

  /** Who holds what today must be exactly the last recorded shift: the whole cycle applied, or none of it. */
  const expectHoldings = async (shift: number) => {
    const rows = (await db.query(`SELECT official_id, position_id FROM appointments WHERE ended_on IS NULL AND capacity = 'DEFINITIVE'`)).rows;
    const held = new Map(rows.map((r) => [r.official_id as string, r.position_id as string]));
    expect(rows.length).toBe(N);
    const wrong = officials.filter((id, i) => held.get(id) !== posts[(i + shift) % N]);
    expect(wrong).toEqual([]);
  };

  /** Resolves once some backend of this database holds an advisory lock (the recorder's: its transaction is open), or `done()` turns true. */
  const lockHeld = async (done: () => boolean): Promise<boolean> => {
    while (!done()) {
      const held = await count(
        `SELECT count(*) AS n FROM pg_locks WHERE locktype = 'advisory' AND granted AND pid <> pg_backend_pid()
           AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
      );
      if (held > 0) return true;
      await new Promise((r) => setTimeout(r, 2));
    }
    return false;
  };

  /** Resolves once the event with this idempotency key is visible (committed), or `done()` turns true. */
  const committed = async (key: string, done: () => boolean): Promise<void> => {
    while (!done() && (await count(`SELECT count(*) AS n FROM rotation_events WHERE idempotency_key = $1`, [key])) === 0) {
      await new Promise((r) => setImmediate(r));
    }
  };

  /** Sends a recording; returns the pending answer (or the transport error) and a flag that turns true when it settles. */
  const send = (input: unknown, key: string) => {
    const state = { settled: false };
    const answer = post({ query: RECORD, variables: { input, key } }).then(
      (r) => ({ answered: true as const, status: r.status, body: r.body }),
      (error: unknown) => ({ answered: false as const, error }),
    );
    void answer.then(() => (state.settled = true));
    return { answer, settled: () => state.settled };
  };

  /** Records to completion (retrying while the child starts), and times it: from sending, and from the lock being taken. */
  const timedRecord = async (input: unknown, key: string) => {
    for (let attempt = 1; ; attempt++) {
      const sent = Date.now();
      const request = send(input, key);
      const locked = (await lockHeld(request.settled)) ? Date.now() : null;
      const outcome = await request.answer;
      const done = Date.now();
      if (outcome.answered) {
        expect(outcome.status).toBe(200);
        return { body: outcome.body, total: done - sent, inTransaction: locked === null ? 0 : done - locked };
      }
      if (attempt >= 20 || !(outcome.error instanceof TypeError)) throw outcome.error; // fetch failed: refused or reset
      await new Promise((r) => setTimeout(r, 100));
    }
  };

  it('leaves every event whole or absent, and records each retried event exactly once', showingChildOutput(async () => {
    const random = prng(SEED);
    // The starting position, recorded normally: official i holds post i. Its timing calibrates the kills.
    const first = await timedRecord(shiftInput(0, '2012-01-02'), 'crash-shift-0');
    /** The last full (not replayed) recording: the kill delays are drawn against it. */
    let timing = first;
    const outcomes: string[] = [];
    expect(first.body.errors).toBeUndefined();
    expect(first.body.data.recordRotationEvent.replayed).toBe(false);
    expect(await checkInvariants()).toBe(1);
    await expectHoldings(0);

    for (let round = 1; round <= ROUNDS; round++) {
      const key = `crash-shift-${round}`;
      const input = shiftInput(round, `${2012 + 2 * round}-01-02`);
      const before = await count(`SELECT count(*) AS n FROM rotation_events`);

      // Send, and SIGKILL the child at a moment chosen per round: as soon as the recorder holds
      // its lock, somewhere inside its transaction, around its commit, or at random after sending.
      const request = send(input, key);
      const when = KILL_AT[(round - 1) % KILL_AT.length];
      if (when === 'at commit') await committed(key, request.settled);
      else if (when !== 'after send') await lockHeld(request.settled);
      const delay = Math.round(
        when === 'at lock' || when === 'at commit'
          ? 0
          : when === 'in transaction'
            ? random() * timing.inTransaction * 0.8
            : when === 'around commit'
              ? (0.8 + random() * 0.4) * timing.inTransaction
              : random() * timing.total,
      );
      await new Promise((r) => setTimeout(r, delay));
      await app!.kill('SIGKILL');
      const outcome = await request.answer;
      // An answer that came before the kill must be a success: the request is valid.
      if (outcome.answered) expect(outcome.body.errors).toBeUndefined();

      await restart();
      const after = await checkInvariants();
      expect([before, before + 1]).toContain(after);
      const recordedBeforeRetry = after === before + 1;
      // An answered success was committed.
      if (outcome.answered) expect(recordedBeforeRetry).toBe(true);
      await expectHoldings(recordedBeforeRetry ? round : round - 1);
      outcomes.push(`${when} +${delay} ms: ${outcome.answered ? 'answered' : 'no answer'}, ${recordedBeforeRetry ? 'committed' : 'rolled back'}`);

      // Retry with the same key until it succeeds: it is recorded exactly once.
      const retried = await timedRecord(input, key);
      if (!recordedBeforeRetry) timing = retried;
      expect(retried.body.errors).toBeUndefined();
      expect(retried.body.data.recordRotationEvent.replayed).toBe(recordedBeforeRetry);
      const id = retried.body.data.recordRotationEvent.event.id;
      expect(await checkInvariants()).toBe(before + 1);
      await expectHoldings(round);

      // And once more: a replay of the same event, nothing new written.
      const again = await timedRecord(input, key);
      expect(again.body.errors).toBeUndefined();
      expect(again.body.data.recordRotationEvent).toEqual({ replayed: true, event: { id, version: 1 } });
      expect(await checkInvariants()).toBe(before + 1);
      expect(await count(`SELECT count(*) AS n FROM rotation_events WHERE idempotency_key = $1`, [key])).toBe(1);
    }
    // Every round's event, once each, and the history is the last shift applied in full.
    expect(await count(`SELECT count(*) AS n FROM rotation_events`)).toBe(ROUNDS + 1);
    expect(await count(`SELECT count(*) AS n FROM transfers`)).toBe((ROUNDS + 1) * N);
    await expectHoldings(ROUNDS);
    if (process.env.CRASH_VERBOSE) console.log(`last full record ${timing.total} ms (${timing.inTransaction} ms holding the lock); ${outcomes.join('; ')}`);
  }), 120_000);
});
