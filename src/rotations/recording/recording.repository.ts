import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { RotationEventInput } from '../dto/rotation-event.input.js';
import { RotationEvent } from '../rotation-event.entity.js';
import type { RotationEventStatus } from '../rotation.enums.js';
import type { OfficialRow, PlannedTransfer, PositionRow } from './lookups.js';
import type { HistoryFacts } from './history-problems.js';
import type { SideEffectFacts } from './side-effects.js';

/** Serialises recording, amending and voiding: each reads the history, then rewrites part of it. */
const RECORDING_LOCK = 72_616_001;

/** The event's own columns, as a decree states them. */
export interface EventFields {
  input: RotationEventInput;
  effectiveOn: string;
  decreeNumber: string | null;
  decreeDate: string | null;
}

/**
 * The SQL of recording. Every method runs in the caller's transaction (`manager`), under the
 * recording lock.
 */
@Injectable()
export class RecordingRepository {
  /**
   * Takes the recording lock, then stamps the transaction with the instant its changes become
   * the record (read by the history triggers): taken once the lock is held, so recordings'
   * instants come in the order they commit, which the transaction's start would not promise.
   * Whole milliseconds, as the API writes a DateTime: an instant read back from a correction
   * or an event is exactly the one to ask asRecordedAt for. The millisecond is then let pass,
   * so the next recording (which waits for this one's commit) gets a later one.
   */
  async lock(manager: EntityManager): Promise<void> {
    await manager.query('SELECT pg_advisory_xact_lock($1)', [RECORDING_LOCK]);
    await manager.query("SELECT set_config('mutasi.recorded_at', date_trunc('milliseconds', clock_timestamp())::text, true), pg_sleep(0.001)");
  }

  async submissionWithKey(manager: EntityManager, idempotencyKey: string): Promise<{ id: string; request_hash: string } | undefined> {
    const [row]: { id: string; request_hash: string }[] = await manager.query('SELECT id, request_hash FROM rotation_events WHERE idempotency_key = $1', [idempotencyKey]);
    return row;
  }

  /** The event's version, status and date, its row locked against concurrent changes. */
  async lockEvent(manager: EntityManager, id: string): Promise<{ version: number; status: RotationEventStatus; effective_on: string; government_id: string } | undefined> {
    const [row]: { version: number; status: RotationEventStatus; effective_on: string; government_id: string }[] = await manager.query(
      'SELECT version, status, effective_on, government_id FROM rotation_events WHERE id = $1 FOR UPDATE',
      [id],
    );
    return row;
  }

  findEvent(manager: EntityManager, id: string): Promise<RotationEvent> {
    return manager.findOneByOrFail(RotationEvent, { id });
  }

  /** Another event of the issuer with this decree number, if any. */
  async eventWithDecreeNumber(manager: EntityManager, issuer: string, decreeNumber: string, exceptId: string | undefined): Promise<string | undefined> {
    const taken: { id: string }[] = await manager.query('SELECT id FROM rotation_events WHERE issuer = $1 AND decree_number = $2 AND id <> $3', [
      issuer,
      decreeNumber,
      exceptId ?? '0',
    ]);
    return taken[0]?.id;
  }

  /** Every official named by id or NIP, in one query. */
  findOfficials(manager: EntityManager, ids: string[], nips: string[]): Promise<OfficialRow[]> {
    // UNION rather than OR, so each side uses its index instead of a scan of every official;
    // bpchar[], the column's own type: against text[] the column is cast and its index unused
    // (a 90 ms scan of 430,000 officials on every recording).
    return manager.query(
      `SELECT id, name, nip, rank, employment, birth_date FROM officials WHERE id = ANY($1::bigint[])
       UNION SELECT id, name, nip, rank, employment, birth_date FROM officials WHERE nip = ANY($2::bpchar[])`,
      [ids, nips],
    );
  }

  /** Every post named by id or code, in one query. */
  findPositions(manager: EntityManager, ids: string[], codes: string[]): Promise<PositionRow[]> {
    return manager.query(
      `SELECT id, code, title, echelon, category, functional_level, established_on, abolished_on FROM positions WHERE id = ANY($1::bigint[])
       UNION SELECT id, code, title, echelon, category, functional_level, established_on, abolished_on FROM positions WHERE code = ANY($2::text[])`,
      [ids, codes],
    );
  }

  async insertEvent(manager: EntityManager, event: EventFields, governmentId: string, idempotencyKey: string | null, requestHash: string | null): Promise<string> {
    const [row]: { id: string }[] = await manager.query(
      `INSERT INTO rotation_events (title, issuer, decree_number, decree_date, sworn_in_on, effective_on, location, source_url, signatory_name, signatory_title, sworn_in_at, government_id, idempotency_key, request_hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id`,
      [...eventColumns(event), governmentId, idempotencyKey, requestHash],
    );
    return row.id;
  }

  async updateEvent(manager: EntityManager, id: string, event: EventFields): Promise<void> {
    await manager.query(
      `UPDATE rotation_events SET title = $2, issuer = $3, decree_number = $4, decree_date = $5, sworn_in_on = $6, effective_on = $7,
         location = $8, source_url = $9, signatory_name = $10, signatory_title = $11, sworn_in_at = $12, version = version + 1, updated_at = now() WHERE id = $1`,
      [id, ...eventColumns(event)],
    );
  }

  /** Marks the event voided; returns its effective date. */
  async voidEvent(manager: EntityManager, id: string, reason: string): Promise<string> {
    const [{ effective_on }]: { effective_on: string }[] = await manager.query(
      `UPDATE rotation_events SET status = 'VOIDED', void_reason = $2, version = version + 1, updated_at = now() WHERE id = $1 RETURNING effective_on`,
      [id, reason],
    );
    return effective_on;
  }

  async storeWarnings(manager: EntityManager, id: string, warnings: object[]): Promise<void> {
    await manager.query('UPDATE rotation_events SET warnings = $2 WHERE id = $1', [id, JSON.stringify(warnings)]);
  }

  /** Transfers in lampiran order (seq = row index + 1); returns each new id with its seq. */
  insertTransfers(manager: EntityManager, eventId: string, planned: PlannedTransfer[]): Promise<{ id: string; seq: number }[]> {
    if (planned.length === 0) return Promise.resolve([]);
    return manager.query(
      `INSERT INTO transfers (event_id, seq, official_id, from_position_id, from_stated, to_position_id, kind, kind_stated, capacity, note)
       SELECT $1, * FROM unnest($2::int[], $3::bigint[], $4::bigint[], $5::boolean[], $6::bigint[], $7::transfer_kind[], $8::boolean[], $9::capacity[], $10::text[])
       RETURNING id, seq`,
      [
        eventId,
        planned.map((p) => p.index + 1),
        planned.map((p) => p.officialId),
        planned.map((p) => p.fromPositionId),
        planned.map((p) => p.fromStated),
        planned.map((p) => p.toPositionId),
        planned.map((p) => p.kind),
        planned.map((p) => p.kindStated),
        planned.map((p) => p.capacity),
        planned.map((p) => p.note),
      ],
    );
  }

  /** Removes the event's lampiran; returns the officials it named. */
  async deleteTransfers(manager: EntityManager, eventId: string): Promise<string[]> {
    const old: { official_id: string }[] = await manager.query('SELECT official_id FROM transfers WHERE event_id = $1', [eventId]);
    await manager.query('DELETE FROM transfers WHERE event_id = $1', [eventId]);
    return old.map((r) => r.official_id);
  }

  async officialsOfEvent(manager: EntityManager, eventId: string): Promise<string[]> {
    const rows: { official_id: string }[] = await manager.query('SELECT DISTINCT official_id FROM transfers WHERE event_id = $1', [eventId]);
    return rows.map((r) => r.official_id);
  }

  /** What a message about other events' transfers and posts needs: who, which decree, from and to where. */
  async historyFacts(manager: EntityManager, transferIds: string[], heldIds: string[], postIds: string[]): Promise<HistoryFacts> {
    const transfers: HistoryFacts['transfers'] = await manager.query(
      `SELECT t.id, t.event_id, e.decree_number, e.effective_on, t.official_id, o.name, f.code AS from_code, tp.code AS to_code
       FROM transfers t JOIN rotation_events e ON e.id = t.event_id JOIN officials o ON o.id = t.official_id
       LEFT JOIN positions f ON f.id = t.from_position_id LEFT JOIN positions tp ON tp.id = t.to_position_id
       WHERE t.id = ANY($1::bigint[])`,
      [transferIds],
    );
    const held: { id: string; code: string }[] = heldIds.length ? await manager.query('SELECT id, code FROM positions WHERE id = ANY($1::bigint[])', [heldIds]) : [];
    const posts: { id: string; code: string; title: string }[] = postIds.length
      ? await manager.query('SELECT id, code, title FROM positions WHERE id = ANY($1::bigint[])', [postIds])
      : [];
    return { transfers, held, posts };
  }

  /** The other events' rows and the posts that side-effect warnings name. */
  async sideEffectFacts(manager: EntityManager, transferIds: string[], postIds: string[]): Promise<SideEffectFacts> {
    const transfers: SideEffectFacts['transfers'] = await manager.query(
      `SELECT t.id, t.seq, t.event_id, e.title, e.decree_number, e.effective_on, o.name
       FROM transfers t JOIN rotation_events e ON e.id = t.event_id JOIN officials o ON o.id = t.official_id WHERE t.id = ANY($1::bigint[])`,
      [transferIds],
    );
    const posts: SideEffectFacts['posts'] = postIds.length ? await manager.query('SELECT id, code FROM positions WHERE id = ANY($1::bigint[])', [postIds]) : [];
    return { transfers, posts };
  }

  /** The event with its lampiran, for the audit log's before and after. */
  async snapshot(manager: EntityManager, id: string): Promise<object> {
    const [event] = await manager.query(
      `SELECT e.id, e.title, e.issuer, e.decree_number, e.decree_date, e.sworn_in_on, e.effective_on, e.location, e.source_url, e.signatory_name, e.signatory_title, to_char(e.sworn_in_at, 'HH24:MI') AS sworn_in_at, e.status, e.void_reason, e.version,
         COALESCE((SELECT jsonb_agg(jsonb_build_object('seq', t.seq, 'officialId', t.official_id, 'fromPositionId', t.from_position_id,
           'toPositionId', t.to_position_id, 'kind', t.kind, 'capacity', t.capacity, 'note', t.note) ORDER BY t.seq)
           FROM transfers t WHERE t.event_id = e.id), '[]') AS transfers
       FROM rotation_events e WHERE e.id = $1`,
      [id],
    );
    return event;
  }
}

function eventColumns({ input, effectiveOn, decreeNumber, decreeDate }: EventFields): unknown[] {
  return [
    input.title,
    input.issuer,
    decreeNumber,
    decreeDate,
    input.swornInOn,
    effectiveOn,
    input.location ?? null,
    input.sourceUrl ?? null,
    input.signatoryName ?? null,
    input.signatoryTitle ?? null,
    input.swornInAt ?? null,
  ];
}
