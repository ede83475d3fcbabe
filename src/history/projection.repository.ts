import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ProjectedAppointment, ProjectionTransfer } from './fold.js';
import type { Capacity, TransferKind } from './history.enums.js';
import type { PostFacts } from './transfer-kind.js';
import { IS_ACTING, IS_HEAD } from './capacity.sql.js';

interface TransferRow {
  id: string;
  event_id: string;
  effective_on: string;
  seq: number;
  official_id: string;
  from_position_id: string | null;
  from_stated: boolean;
  to_position_id: string | null;
  kind: TransferKind;
  kind_stated: boolean;
  capacity: Capacity;
  to_functional: boolean;
}

interface AppointmentRow {
  id: string;
  official_id: string;
  position_id: string;
  capacity: Capacity;
  started_on: string;
  ended_on: string | null;
  started_by_transfer_id: string;
  ended_by_transfer_id: string | null;
  seat: number;
}


/** An appointment row as the projection sees it. */
const projected = (r: AppointmentRow): ProjectedAppointment & { id: string; seat: number } => ({
  id: r.id,
  officialId: r.official_id,
  positionId: r.position_id,
  capacity: r.capacity,
  startedOn: r.started_on,
  endedOn: r.ended_on,
  startedByTransferId: r.started_by_transfer_id,
  endedByTransferId: r.ended_by_transfer_id,
  seat: r.seat,
});

/** The fields of an appointment in the order of the INSERT's columns, each sent as one array to unnest. */
const APPOINTMENT_COLUMNS = ['officialId', 'positionId', 'capacity', 'startedOn', 'endedOn', 'startedByTransferId', 'endedByTransferId', 'seat'] as const satisfies readonly (keyof ProjectedAppointment)[];

/** Officials whose transfers are read in one statement. */
const TRANSFERS_CHUNK = 5000;

/** Posts with several seats: their holders are folded one by one, which numbers the seats. */
const toMultiSeatPost = (transfer: string) => `${transfer}.to_position_id IN (SELECT id FROM positions WHERE seats > 1)`;

/**
 * One copy of each repeated value of the transfers read (dates, post and official ids, kinds,
 * events): the driver makes a new string for every cell, and a lampiran's officials have
 * hundreds of thousands of transfers, held for the whole recording.
 */
class Interned {
  private readonly texts = new Map<string, string>();
  private readonly orders = new Map<string, bigint>();

  text<T extends string | null>(value: T): T {
    if (value === null) return value;
    const known = this.texts.get(value);
    if (known !== undefined) return known as T;
    this.texts.set(value, value);
    return value;
  }

  order(eventId: string): bigint {
    let order = this.orders.get(eventId);
    if (order === undefined) this.orders.set(eventId, (order = BigInt(eventId)));
    return order;
  }
}

/**
 * The SQL of the projection. Every method runs in the caller's transaction (`manager`): the
 * recording transaction, under its lock, or a bulk rebuild.
 */
@Injectable()
export class ProjectionRepository {
  /**
   * Transfers of recorded (not voided) events of these officials. Read by chunks of officials:
   * the driver's rows of a 50,000-row lampiran's officials (600,000 transfers) would otherwise
   * be held all at once beside the transfers made from them.
   */
  async transfersOf(manager: EntityManager, officialIds: string[]): Promise<ProjectionTransfer[]> {
    const out: ProjectionTransfer[] = [];
    const shared = new Interned();
    for (let start = 0; start < officialIds.length; start += TRANSFERS_CHUNK) {
      for (const t of await this.transfersOfChunk(manager, officialIds.slice(start, start + TRANSFERS_CHUNK), shared)) out.push(t);
    }
    return out;
  }

  private async transfersOfChunk(manager: EntityManager, officialIds: string[], shared: Interned): Promise<ProjectionTransfer[]> {
    const rows: TransferRow[] = await manager.query(
      `SELECT t.id, t.event_id, e.effective_on, t.seq, t.official_id, t.from_position_id, t.from_stated, t.to_position_id, t.kind, t.kind_stated, t.capacity,
              coalesce(p.category = 'FUNCTIONAL', false) AS to_functional
       FROM transfers t JOIN rotation_events e ON e.id = t.event_id LEFT JOIN positions p ON p.id = t.to_position_id
       WHERE t.official_id = ANY($1::bigint[]) AND e.status = 'RECORDED'`,
      [officialIds],
    );
    return rows.map((r) => ({
      id: r.id,
      eventOrder: shared.order(r.event_id),
      effectiveOn: shared.text(r.effective_on),
      seq: r.seq,
      officialId: shared.text(r.official_id),
      fromPositionId: shared.text(r.from_position_id),
      fromStated: r.from_stated,
      toPositionId: shared.text(r.to_position_id),
      kind: shared.text(r.kind),
      kindStated: r.kind_stated,
      capacity: shared.text(r.capacity),
      toFunctional: r.to_functional,
    }));
  }

  /** Posts these officials head as stored, lasting until `since` or later. */
  async headPostsOf(manager: EntityManager, officialIds: string[], since: string | null): Promise<string[]> {
    const rows: { position_id: string }[] = await manager.query(
      `SELECT DISTINCT position_id FROM appointments WHERE official_id = ANY($1::bigint[]) AND capacity ${IS_HEAD}
         AND ($2::date IS NULL OR ended_on IS NULL OR ended_on >= $2::date)`,
      [officialIds, since],
    );
    return rows.map((r) => r.position_id);
  }

  /**
   * Officials other than `exclude` with an acting transfer to one of the posts. From the
   * transfers, not the appointments: an acting period cut to nothing is not stored, yet may come back.
   */
  async actingOfficialsOn(manager: EntityManager, positionIds: string[], exclude: string[]): Promise<string[]> {
    const rows: { official_id: string }[] = await manager.query(
      `SELECT DISTINCT t.official_id FROM transfers t JOIN rotation_events e ON e.id = t.event_id
       WHERE e.status = 'RECORDED' AND t.capacity ${IS_ACTING} AND t.to_position_id = ANY($1::bigint[]) AND NOT t.official_id = ANY($2::bigint[])`,
      [positionIds, exclude],
    );
    return rows.map((r) => r.official_id);
  }

  /**
   * Head appointments of officials other than `exclude`: on the acting posts, all of them; on
   * the other posts, those lasting until `since` or later.
   */
  async othersHeads(manager: EntityManager, actingPosts: string[], posts: string[], exclude: string[], since: string | null): Promise<ProjectedAppointment[]> {
    if (actingPosts.length === 0 && posts.length === 0) return [];
    const rows: AppointmentRow[] = await manager.query(
      `SELECT * FROM appointments
       WHERE capacity ${IS_HEAD} AND NOT official_id = ANY($3::bigint[])
         AND (position_id = ANY($1::bigint[]) OR (position_id = ANY($2::bigint[]) AND daterange(started_on, ended_on) && daterange($4::date, NULL)))`,
      [actingPosts, posts, exclude, since],
    );
    return rows.map(projected);
  }

  /** The seats of those of the posts that have more than one. */
  async multiSeatPosts(manager: EntityManager, positionIds: string[]): Promise<Map<string, number>> {
    const rows: { id: string; seats: number }[] = await manager.query('SELECT id, seats FROM positions WHERE id = ANY($1::bigint[]) AND seats > 1', [positionIds]);
    return new Map(rows.map((r) => [r.id, r.seats]));
  }

  /** Stored head appointments on the posts that a rebuild of `replaced` since `since` keeps (every other official's, and the replaced' older ones). */
  async keptHeads(manager: EntityManager, positionIds: string[], replaced: string[], since: string | null): Promise<(ProjectedAppointment & { id: string; seat: number })[]> {
    if (positionIds.length === 0) return [];
    const rows: AppointmentRow[] = await manager.query(
      `SELECT * FROM appointments WHERE position_id = ANY($1::bigint[]) AND capacity ${IS_HEAD}
         AND NOT (official_id = ANY($2::bigint[]) AND ($3::date IS NULL OR ended_on IS NULL OR ended_on >= $3::date))`,
      [positionIds, replaced, since],
    );
    return rows.map(projected);
  }

  async updateSeats(manager: EntityManager, seats: { id: string; seat: number }[]): Promise<void> {
    if (seats.length === 0) return;
    await manager.query('UPDATE appointments a SET seat = u.seat FROM unnest($1::bigint[], $2::int[]) AS u(id, seat) WHERE a.id = u.id', [
      seats.map((s) => s.id),
      seats.map((s) => s.seat),
    ]);
  }

  /** Deletes the officials' appointments lasting until `since` or later (all, without `since`), and inserts `appointments`. */
  async replaceAppointments(manager: EntityManager, officialIds: string[], since: string | null, appointments: ProjectedAppointment[]): Promise<void> {
    await manager.query(`DELETE FROM appointments WHERE official_id = ANY($1::bigint[]) AND ($2::date IS NULL OR ended_on IS NULL OR ended_on >= $2::date)`, [
      officialIds,
      since,
    ]);
    if (appointments.length === 0) return;
    await manager.query(
      `INSERT INTO appointments (official_id, position_id, capacity, started_on, ended_on, started_by_transfer_id, ended_by_transfer_id, seat, position_seats)
       SELECT u.*, p.seats FROM unnest($1::bigint[], $2::bigint[], $3::capacity[], $4::date[], $5::date[], $6::bigint[], $7::bigint[], $8::int[])
         AS u(official_id, position_id, capacity, started_on, ended_on, started_by_transfer_id, ended_by_transfer_id, seat)
       JOIN positions p ON p.id = u.position_id`,
      APPOINTMENT_COLUMNS.map((key) => appointments.map((x) => (key === 'seat' ? (x.seat ?? 1) : x[key]))),
    );
  }

  /** Echelon, category and functional level of posts, which decide a transfer's kind. */
  postFacts(manager: EntityManager, positionIds: string[]): Promise<({ id: string } & PostFacts)[]> {
    return manager.query('SELECT id, echelon, category, functional_level FROM positions WHERE id = ANY($1::bigint[])', [positionIds]);
  }

  /** Acting appointments started by these transfers (of these officials: by the index), lasting until `since` or later (all, without `since`). */
  async actingStartedBy(manager: EntityManager, officialIds: string[], transferIds: string[], since: string | null): Promise<{ startedByTransferId: string; startedOn: string; endedOn: string | null }[]> {
    const rows: { started_by_transfer_id: string; started_on: string; ended_on: string | null }[] = await manager.query(
      `SELECT started_by_transfer_id, started_on, ended_on FROM appointments
       WHERE official_id = ANY($1::bigint[]) AND started_by_transfer_id = ANY($2::bigint[]) AND capacity ${IS_ACTING}
         AND ($3::date IS NULL OR ended_on IS NULL OR ended_on >= $3::date)`,
      [officialIds, transferIds, since],
    );
    return rows.map((r) => ({ startedByTransferId: r.started_by_transfer_id, startedOn: r.started_on, endedOn: r.ended_on }));
  }

  async updateOrigins(manager: EntityManager, changes: { id: string; fromPositionId: string | null; kind: TransferKind }[]): Promise<void> {
    await manager.query(
      `UPDATE transfers t SET from_position_id = u.from_id, kind = u.kind, updated_at = now()
       FROM unnest($1::bigint[], $2::bigint[], $3::transfer_kind[]) AS u(id, from_id, kind) WHERE t.id = u.id`,
      [changes.map((c) => c.id), changes.map((c) => c.fromPositionId), changes.map((c) => c.kind)],
    );
  }

  /**
   * Deletes every appointment and inserts the definitive ones of officials with no other kind
   * of transfer and none to a post with several seats, in one set-based statement: each definitive transfer ends the official's
   * previous one and opens the next (a window over the official's transfers). Returns the
   * count inserted.
   */
  async rebuildDefinitiveOnly(manager: EntityManager): Promise<number> {
    await manager.query('DELETE FROM appointments');
    const [{ count }]: { count: number }[] = await manager.query(
      `WITH t AS (
         SELECT t.id, t.official_id, t.to_position_id, e.effective_on,
                lead(e.effective_on) OVER w AS next_on, lead(t.id) OVER w AS next_id
         FROM transfers t JOIN rotation_events e ON e.id = t.event_id
         WHERE e.status = 'RECORDED' AND t.capacity = 'DEFINITIVE'
           AND NOT EXISTS (SELECT 1 FROM transfers a JOIN rotation_events ae ON ae.id = a.event_id
                           WHERE a.official_id = t.official_id AND (a.capacity <> 'DEFINITIVE' OR ${toMultiSeatPost('a')}) AND ae.status = 'RECORDED')
         WINDOW w AS (PARTITION BY t.official_id ORDER BY e.effective_on, e.id, t.seq)),
       ins AS (
         INSERT INTO appointments (official_id, position_id, capacity, started_on, ended_on, started_by_transfer_id, ended_by_transfer_id)
         SELECT official_id, to_position_id, 'DEFINITIVE', effective_on, next_on, id, next_id FROM t
         WHERE to_position_id IS NOT NULL AND (next_on IS NULL OR next_on > effective_on)
         RETURNING 1)
       SELECT count(*)::int AS count FROM ins`,
    );
    return count;
  }

  /** Officials `rebuildDefinitiveOnly` leaves out: with an acting or additional-task transfer, or one to a post with several seats, in a recorded event. */
  async officialsToFold(manager: EntityManager): Promise<string[]> {
    const rows: { official_id: string }[] = await manager.query(
      `SELECT DISTINCT t.official_id FROM transfers t JOIN rotation_events e ON e.id = t.event_id
       WHERE (t.capacity <> 'DEFINITIVE' OR ${toMultiSeatPost('t')}) AND e.status = 'RECORDED'`,
    );
    return rows.map((r) => r.official_id);
  }
}
