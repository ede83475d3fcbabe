import pg from 'pg';
import { createOfficial, createOrganization, createPosition, nip } from '../factories/index.js';
import type { GraphQLResponse, TestApp } from './app.js';

export const RECORD = `mutation ($input: RotationEventInput!, $key: String) {
  recordRotationEvent(input: $input, idempotencyKey: $key) {
    replayed
    event { id version status effectiveOn transfers { seq kind capacity official { id name } fromPosition { code } toPosition { code } } }
    warnings { code severity index field message }
  }
}`;

export const VALIDATE = `mutation ($input: RotationEventInput!) {
  validateRotationEvent(input: $input) { valid problems { code severity index field message } }
}`;

let eventCounter = 0;

/** A valid event around `transfers`, with overridable fields. */
export function eventInput(transfers: Record<string, unknown>[], o: Record<string, unknown> = {}) {
  const n = ++eventCounter;
  return {
    title: `Pelantikan ${n}`,
    issuer: 'Wali Kota Bekasi',
    decreeNumber: `821.2/Kep.${n}-BKPSDM/2026`,
    decreeDate: '2026-02-02',
    swornInOn: '2026-02-06',
    location: 'Aula H. Nonon Sonthanie',
    transfers,
    ...o,
  };
}

export async function record(t: TestApp, transfers: Record<string, unknown>[], o: Record<string, unknown> = {}) {
  const res = await t.hr(RECORD, { input: eventInput(transfers, o) });
  if (res.errors) throw new Error(`recordRotationEvent failed: ${JSON.stringify(res.errors, null, 1)}`);
  return res.data.recordRotationEvent;
}

export interface AppointmentRow {
  official: string;
  position: string;
  capacity: string;
  started_on: string;
  ended_on: string | null;
}

/** The projection, as (official name, post code, capacity, dates), sorted. */
export async function appointments(t: TestApp, where = 'true'): Promise<AppointmentRow[]> {
  return query(
    t,
    `SELECT o.name AS official, p.code AS position, a.capacity, a.started_on, a.ended_on
     FROM appointments a JOIN officials o ON o.id = a.official_id JOIN positions p ON p.id = a.position_id
     WHERE ${where} ORDER BY p.code, a.started_on, o.name`,
  );
}

export async function query<T = any>(t: TestApp, sql: string, params: unknown[] = []): Promise<T[]> {
  const db = new pg.Client(t.databaseUrl);
  await db.connect();
  try {
    return (await db.query(sql, params)).rows;
  } finally {
    await db.end();
  }
}

/** Everything a rotation writes, to show a refusal changed nothing. */
export async function footprint(t: TestApp) {
  const [row] = await query(
    t,
    `SELECT (SELECT count(*) FROM rotation_events) AS events, (SELECT count(*) FROM transfers) AS transfers,
            (SELECT count(*) FROM audit_log) AS audit,
            (SELECT coalesce(string_agg(concat_ws(',', official_id, position_id, capacity, started_on, ended_on), ';' ORDER BY id), '') FROM appointments) AS appointments`,
  );
  return row;
}

let unitCounter = 0;

/** A unit with `count` posts of one echelon (codes PREFIX-1…), and officials to fill them. */
export async function unitWithPosts(t: TestApp, prefix: string, count: number, o: { echelon?: string | null; category?: string; kind?: string; parentId?: string } = {}) {
  const unit = await createOrganization(t, { code: `${prefix}-UNIT-${++unitCounter}`, kind: o.kind ?? 'AGENCY', parentId: o.parentId });
  const posts: { id: string; code: string }[] = [];
  for (let i = 1; i <= count; i++) {
    const code = `${prefix}-${i}`;
    posts.push({ id: await createPosition(t, unit, { code, echelon: o.echelon === undefined ? 'III_B' : o.echelon, category: o.category ?? 'ADMINISTRATOR' }), code });
  }
  return { unit, posts };
}

let serial = 0;

/** `count` officials named `${prefix} A`, `${prefix} B`, … with valid NIPs (TMT CPNS 2005). */
export async function officials(t: TestApp, prefix: string, count: number, o: Record<string, unknown> = {}) {
  const out: { id: string; name: string; nip: string }[] = [];
  for (let i = 0; i < count; i++) {
    const value = nip({ birth: '19780512', tmt: '200501', serial: ++serial % 1000, gender: 1 });
    const name = `${prefix} ${String.fromCharCode(65 + (i % 26))}${i >= 26 ? String.fromCharCode(65 + Math.floor(i / 26)) : ''}`;
    out.push({ id: await createOfficial(t, { nip: value, name, rank: 'IV_A', ...o }), name, nip: value });
  }
  return out;
}

/** Empties everything recordings write, the record's history included: a property test's fresh start. */
export async function clearRecords(t: TestApp): Promise<void> {
  await query(t, 'TRUNCATE appointments, transfers, import_rows, imports, rotation_event_revisions, rotation_events, audit_log, appointments_history, transfers_history, rotation_events_history');
}

/**
 * A property test's amend or void of the `pick`-th recorded event (modulo how many there are),
 * with `input` for an amendment; null when no event is recorded.
 */
export async function amendOrVoid(t: TestApp, op: 'amend' | 'void', pick: number, input?: unknown): Promise<GraphQLResponse | null> {
  const events = await query<{ id: string; version: number }>(t, `SELECT id, version FROM rotation_events WHERE status = 'RECORDED' ORDER BY id`);
  if (events.length === 0) return null;
  const target = events[pick % events.length];
  return op === 'amend'
    ? t.hr(`mutation ($id: ID!, $v: Int!, $input: RotationEventInput!) { amendRotationEvent(id: $id, expectedVersion: $v, input: $input, reason: "property") { event { id } } }`, {
        id: target.id,
        v: target.version,
        input,
      })
    : t.hr(`mutation ($id: ID!, $v: Int!) { voidRotationEvent(id: $id, expectedVersion: $v, reason: "property") { id } }`, { id: target.id, v: target.version });
}
