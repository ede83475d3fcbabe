/**
 * Scenario 9: the record's own history at scale. Amends the smallest generated event (its
 * title corrected, the same lampiran) and measures what the history tables gain; then times the
 * same reads plain and as recorded just before the amendment, over HTTP (median of `runs`).
 */
import type pg from 'pg';
import { gql, percentile } from './support.js';

const HISTORY = ['rotation_events_history', 'transfers_history', 'appointments_history', 'rotation_event_revisions'];

export interface AsRecordedFigures {
  transfers: number;
  rowsAdded: Record<string, number>;
  bytesAdded: number;
  reads: { name: string; plain: number; asRecorded: number }[];
}

const median = (xs: number[]) => percentile(xs, 50);

export async function asRecordedScenario(db: pg.Pool, base: string, hr: string, runs: number, log: (line: string) => void): Promise<AsRecordedFigures> {
  const { rows: [event] } = await db.query(
    `SELECT e.id::text, e.title, e.issuer, e.sworn_in_on::text, e.version, count(*)::int AS n FROM rotation_events e JOIN transfers t ON t.event_id = e.id
     WHERE e.status = 'RECORDED' GROUP BY e.id ORDER BY count(*), e.id LIMIT 1`,
  );
  const { rows: lampiran } = await db.query(
    `SELECT official_id::text AS "officialId", to_position_id::text AS "toPositionId", CASE WHEN from_stated THEN from_position_id::text END AS "fromPositionId",
            CASE WHEN kind_stated THEN kind::text END AS kind, capacity::text AS capacity, note
     FROM transfers WHERE event_id = $1 ORDER BY seq`,
    [event.id],
  );
  const counts = async () => Object.fromEntries(await Promise.all(HISTORY.map(async (t) => [t, Number((await db.query(`SELECT count(*) FROM ${t}`)).rows[0].count)] as const)));
  const bytes = async () => Number((await db.query(`SELECT sum(pg_total_relation_size(t::regclass))::bigint AS b FROM unnest($1::text[]) t`, [HISTORY])).rows[0].b);
  const [countsBefore, bytesBefore] = [await counts(), await bytes()];
  const instant = (await db.query(`SELECT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at`)).rows[0].at as string;
  const transfers = lampiran.map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== null)));
  const amended = await gql(
    base,
    `mutation ($id: ID!, $v: Int!, $input: RotationEventInput!) { amendRotationEvent(id: $id, expectedVersion: $v, input: $input, reason: "Judul dikoreksi") { event { version } } }`,
    { id: event.id, v: event.version, input: { title: `${event.title} (koreksi)`, issuer: event.issuer, swornInOn: event.sworn_in_on, transfers } },
    hr,
  );
  if (amended.errors) throw new Error(`amendment refused: ${JSON.stringify(amended.errors[0])}`);
  const countsAfter = await counts();
  const rowsAdded = Object.fromEntries(HISTORY.map((t) => [t, countsAfter[t] - countsBefore[t]]));
  const bytesAdded = (await bytes()) - bytesBefore;
  log(`  amended event ${event.id} (${event.n} transfers): history rows added ${JSON.stringify(rowsAdded)}, ${bytesAdded} bytes`);

  // The reads, on what the amended event touched: its biggest unit and a post of its lampiran.
  const { rows: [target] } = await db.query(
    `SELECT o.code AS unit, p.code AS post FROM transfers t JOIN positions p ON p.id = t.to_position_id JOIN organizations o ON o.id = p.organization_id
     WHERE t.event_id = $1 GROUP BY o.code, p.code ORDER BY count(*) OVER (PARTITION BY o.code) DESC LIMIT 1`,
    [event.id],
  );
  const day = event.sworn_in_on;
  const reads: [string, string, Record<string, unknown>][] = [
    ['snapshot of a unit, 100 posts', `query ($u: String!, $on: Date!, $at: DateTime) { snapshot(organizationCode: $u, on: $on, first: 100, asRecordedAt: $at) { edges { node { position { code } heads { official { displayName } startedBy { event { title } } } acting { official { displayName } } } } } }`, { u: target.unit, on: day }],
    ['a post\'s appointments with their decrees', `query ($p: String!, $at: DateTime) { position(code: $p) { appointments(asRecordedAt: $at) { startedOn endedOn official { displayName } startedBy { event { title } } } } }`, { p: target.post }],
    ['the amended event with its lampiran', `query ($id: ID!, $at: DateTime) { rotationEvent(id: $id, asRecordedAt: $at) { title transfers { seq kind official { displayName } toPosition { code } } } }`, { id: event.id }],
  ];
  const timed = async (query: string, variables: Record<string, unknown>) => {
    const times: number[] = [];
    for (let i = 0; i <= runs; i++) {
      const t0 = performance.now();
      const res = await gql(base, query, variables);
      if (res.errors) throw new Error(JSON.stringify(res.errors[0]));
      if (i > 0) times.push(performance.now() - t0); // the first warms the plan cache
    }
    return median(times);
  };
  const out: AsRecordedFigures['reads'] = [];
  for (const [name, query, variables] of reads) {
    const plain = await timed(query, variables);
    const asRecorded = await timed(query, { ...variables, at: instant });
    log(`  ${name}: plain ${plain.toFixed(1)} ms, as recorded before the amendment ${asRecorded.toFixed(1)} ms`);
    out.push({ name, plain, asRecorded });
  }
  return { transfers: event.n, rowsAdded, bytesAdded, reads: out };
}
