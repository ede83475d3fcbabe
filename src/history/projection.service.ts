import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Echelon, PositionCategory } from '../positions/position.enums.js';
import { groupByKey } from '../common/group-by.js';
import { deriveKind } from './transfer-kind.js';
import { Capacity, type TransferKind } from './history.enums.js';
import { endActingAtDefinitive, foldOfficial, type FoldIssue, type ProjectedAppointment, type ProjectionTransfer } from './fold.js';

export interface Overlap {
  positionId: string;
  /** The appointment that begins while the other is still held. */
  later: Pick<ProjectedAppointment, 'officialId' | 'startedOn' | 'endedOn' | 'startedByTransferId'>;
  earlier: Pick<ProjectedAppointment, 'officialId' | 'startedOn' | 'endedOn' | 'startedByTransferId'>;
}

export interface Projection {
  /** Every official whose appointments are rebuilt. */
  officialIds: string[];
  /** Nothing before this day changed: appointments that ended earlier are kept as they are. */
  since: string | null;
  appointments: ProjectedAppointment[];
  issues: FoldIssue[];
  overlaps: Overlap[];
  /** The transfers folded, by id. */
  transfers: Map<string, ProjectionTransfer>;
  /** Unstated origins the fold derived (transfer id → post), to store with the transfers. */
  derivedFrom: Map<string, string | null>;
}

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
}

/**
 * The only writer of `appointments`: the projection of the transfers of recorded events.
 * Always called inside the recording transaction, under its lock.
 */
@Injectable()
export class ProjectionService {
  /** Transfers of recorded (not voided) events of these officials. */
  async transfersOf(m: EntityManager, officialIds: string[]): Promise<ProjectionTransfer[]> {
    if (officialIds.length === 0) return [];
    const rows: TransferRow[] = await m.query(
      `SELECT t.id, t.event_id, e.effective_on, t.seq, t.official_id, t.from_position_id, t.from_stated, t.to_position_id, t.kind, t.kind_stated, t.capacity
       FROM transfers t JOIN rotation_events e ON e.id = t.event_id
       WHERE t.official_id = ANY($1::bigint[]) AND e.status = 'RECORDED'`,
      [officialIds],
    );
    return rows.map((r) => ({
      id: r.id,
      eventOrder: BigInt(r.event_id),
      effectiveOn: r.effective_on,
      seq: r.seq,
      officialId: r.official_id,
      fromPositionId: r.from_position_id,
      fromStated: r.from_stated,
      toPositionId: r.to_position_id,
      kind: r.kind,
      kindStated: r.kind_stated,
      capacity: r.capacity,
    }));
  }

  /**
   * Recomputes the appointments of `officialIds` from their transfers, together with those of
   * anyone whose acting appointment a moved definitive start may cut, and checks the result
   * against everyone else's definitive appointments. Writes nothing. `since`: no transfer
   * before this day was added, removed or changed, so only what lasts until it or later can
   * differ — a new decree at the end of a long history touches little. `known`: officials
   * whose transfers the caller already holds, all of them (they are not read again).
   */
  async project(m: EntityManager, officialIds: string[], since: string | null = null, known: Map<string, ProjectionTransfer[]> = new Map()): Promise<Projection> {
    const first = new Set(officialIds);
    const folded = await this.fold(m, [...first], known);
    const current = (a: { endedOn: string | null }) => since === null || a.endedOn === null || a.endedOn >= since;

    // Posts whose definitive holders change: acting holders there may be cut differently.
    const oldPosts: { position_id: string }[] = await m.query(
      `SELECT DISTINCT position_id FROM appointments WHERE official_id = ANY($1::bigint[]) AND capacity = 'DEFINITIVE'
         AND ($2::date IS NULL OR ended_on IS NULL OR ended_on >= $2::date)`,
      [[...first], since],
    );
    const changedPosts = new Set([...oldPosts.map((r) => r.position_id), ...definitive(folded.appointments).filter(current).map((a) => a.positionId)]);
    // From the transfers, not the appointments: an acting period cut to nothing is not stored, yet may come back.
    const actingRows: { official_id: string }[] = await m.query(
      `SELECT DISTINCT t.official_id FROM transfers t JOIN rotation_events e ON e.id = t.event_id
       WHERE e.status = 'RECORDED' AND t.capacity <> 'DEFINITIVE' AND t.to_position_id = ANY($1::bigint[]) AND NOT t.official_id = ANY($2::bigint[])`,
      [[...changedPosts], [...first]],
    );
    const second = actingRows.map((r) => r.official_id);
    const more = await this.fold(m, second);
    const all = [...first, ...second];
    const pre = [...folded.appointments, ...more.appointments];

    const actingPosts = [...new Set(pre.filter((a) => a.capacity !== Capacity.DEFINITIVE).map((a) => a.positionId))];
    const definitivePosts = [...new Set(definitive(pre).filter(current).map((a) => a.positionId))];
    const others = await this.othersDefinitive(m, actingPosts, definitivePosts, all, since);
    const starts = [...definitive(pre), ...others].map((a) => ({ positionId: a.positionId, startedOn: a.startedOn, transferId: a.startedByTransferId }));
    const appointments = endActingAtDefinitive(pre, starts);

    return {
      officialIds: all,
      since,
      appointments,
      issues: [...folded.issues, ...more.issues],
      overlaps: findOverlaps([...definitive(appointments), ...others]),
      transfers: new Map([...folded.transfers, ...more.transfers].map((t) => [t.id, t])),
      derivedFrom: new Map([...folded.derivedFrom, ...more.derivedFrom]),
    };
  }

  /**
   * Replaces the appointments of the projected officials, and stores the origins (and, where
   * the decree did not state it, the kind) that back-filling changed.
   */
  async write(m: EntityManager, projection: Projection): Promise<void> {
    await this.storeDerivedOrigins(m, projection);
    const { since } = projection;
    await m.query(`DELETE FROM appointments WHERE official_id = ANY($1::bigint[]) AND ($2::date IS NULL OR ended_on IS NULL OR ended_on >= $2::date)`, [
      projection.officialIds,
      since,
    ]);
    const a = projection.appointments.filter((x) => since === null || x.endedOn === null || x.endedOn >= since);
    if (a.length === 0) return;
    await m.query(
      `INSERT INTO appointments (official_id, position_id, capacity, started_on, ended_on, started_by_transfer_id, ended_by_transfer_id)
       SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::capacity[], $4::date[], $5::date[], $6::bigint[], $7::bigint[])`,
      [
        a.map((x) => x.officialId),
        a.map((x) => x.positionId),
        a.map((x) => x.capacity),
        a.map((x) => x.startedOn),
        a.map((x) => x.endedOn),
        a.map((x) => x.startedByTransferId),
        a.map((x) => x.endedByTransferId),
      ],
    );
  }

  /**
   * Rebuilds the whole projection from the transfers, for bulk loads (history COPYed in from
   * elsewhere). Definitive appointments come from one set-based statement — each definitive
   * transfer ends the official's previous one and opens the next (a window over the
   * official's transfers); officials with acting transfers are folded in TypeScript, as
   * recording does. The constraints check the result at commit.
   */
  async rebuildAll(m: EntityManager): Promise<number> {
    await m.query('DELETE FROM appointments');
    const [{ count }]: { count: number }[] = await m.query(
      `WITH t AS (
         SELECT t.id, t.official_id, t.to_position_id, e.effective_on,
                lead(e.effective_on) OVER w AS next_on, lead(t.id) OVER w AS next_id
         FROM transfers t JOIN rotation_events e ON e.id = t.event_id
         WHERE e.status = 'RECORDED' AND t.capacity = 'DEFINITIVE'
           AND NOT EXISTS (SELECT 1 FROM transfers a JOIN rotation_events ae ON ae.id = a.event_id
                           WHERE a.official_id = t.official_id AND a.capacity <> 'DEFINITIVE' AND ae.status = 'RECORDED')
         WINDOW w AS (PARTITION BY t.official_id ORDER BY e.effective_on, e.id, t.seq)),
       ins AS (
         INSERT INTO appointments (official_id, position_id, capacity, started_on, ended_on, started_by_transfer_id, ended_by_transfer_id)
         SELECT official_id, to_position_id, 'DEFINITIVE', effective_on, next_on, id, next_id FROM t
         WHERE to_position_id IS NOT NULL AND (next_on IS NULL OR next_on > effective_on)
         RETURNING 1)
       SELECT count(*)::int AS count FROM ins`,
    );
    const acting: { official_id: string }[] = await m.query(
      `SELECT DISTINCT t.official_id FROM transfers t JOIN rotation_events e ON e.id = t.event_id WHERE t.capacity <> 'DEFINITIVE' AND e.status = 'RECORDED'`,
    );
    const projection = await this.project(m, acting.map((r) => r.official_id));
    await this.write(m, projection);
    return count + projection.appointments.length;
  }

  private async storeDerivedOrigins(m: EntityManager, projection: Projection): Promise<void> {
    const changed = [...projection.derivedFrom].filter(([id, from]) => projection.transfers.get(id)!.fromPositionId !== from);
    if (changed.length === 0) return;
    const postIds = [...new Set(changed.flatMap(([id, from]) => [from, projection.transfers.get(id)!.toPositionId]).filter((p): p is string => !!p))];
    const facts: { id: string; echelon: Echelon | null; category: PositionCategory }[] = await m.query(
      'SELECT id, echelon, category FROM positions WHERE id = ANY($1::bigint[])',
      [postIds],
    );
    const post = new Map(facts.map((f) => [f.id, f]));
    const kinds = changed.map(([id, from]) => {
      const t = projection.transfers.get(id)!;
      return t.kindStated ? t.kind : deriveKind(t.capacity, from ? post.get(from)! : null, t.toPositionId ? post.get(t.toPositionId)! : null);
    });
    await m.query(
      `UPDATE transfers t SET from_position_id = u.from_id, kind = u.kind, updated_at = now()
       FROM unnest($1::bigint[], $2::bigint[], $3::transfer_kind[]) AS u(id, from_id, kind) WHERE t.id = u.id`,
      [changed.map(([id]) => id), changed.map(([, from]) => from), kinds],
    );
  }

  private async fold(m: EntityManager, officialIds: string[], known: Map<string, ProjectionTransfer[]> = new Map()) {
    const transfers = [
      ...officialIds.flatMap((id) => known.get(id) ?? []),
      ...(await this.transfersOf(m, officialIds.filter((id) => !known.has(id)))),
    ];
    const byOfficial = groupByKey(transfers, (t) => t.officialId);
    const appointments: ProjectedAppointment[] = [];
    const issues: FoldIssue[] = [];
    const derivedFrom = new Map<string, string | null>();
    for (const list of byOfficial.values()) {
      const result = foldOfficial(list);
      appointments.push(...result.appointments);
      issues.push(...result.issues);
      for (const [id, from] of result.derivedFrom) derivedFrom.set(id, from);
    }
    return { appointments, issues, transfers, derivedFrom };
  }

  /**
   * Definitive appointments of officials not being rebuilt: on the acting posts, all of them
   * (they decide where acting periods end); on the other posts, those lasting until `since`.
   */
  private async othersDefinitive(m: EntityManager, actingPosts: string[], posts: string[], exclude: string[], since: string | null): Promise<ProjectedAppointment[]> {
    if (actingPosts.length === 0 && posts.length === 0) return [];
    const rows: { official_id: string; position_id: string; started_on: string; ended_on: string | null; started_by_transfer_id: string; ended_by_transfer_id: string | null }[] =
      await m.query(
        `SELECT official_id, position_id, started_on, ended_on, started_by_transfer_id, ended_by_transfer_id FROM appointments
         WHERE capacity = 'DEFINITIVE' AND NOT official_id = ANY($3::bigint[])
           AND (position_id = ANY($1::bigint[]) OR (position_id = ANY($2::bigint[]) AND daterange(started_on, ended_on) && daterange($4::date, NULL)))`,
        [actingPosts, posts, exclude, since],
      );
    return rows.map((r) => ({
      officialId: r.official_id,
      positionId: r.position_id,
      capacity: Capacity.DEFINITIVE,
      startedOn: r.started_on,
      endedOn: r.ended_on,
      startedByTransferId: r.started_by_transfer_id,
      endedByTransferId: r.ended_by_transfer_id,
    }));
  }
}

function definitive(appointments: ProjectedAppointment[]): ProjectedAppointment[] {
  return appointments.filter((a) => a.capacity === Capacity.DEFINITIVE);
}

/** Pairs of definitive appointments on one post whose periods [start, end) intersect. */
export function findOverlaps(appointments: ProjectedAppointment[]): Overlap[] {
  const byPost = groupByKey(appointments, (a) => a.positionId);
  const overlaps: Overlap[] = [];
  for (const [positionId, list] of byPost) {
    list.sort((a, b) => (a.startedOn < b.startedOn ? -1 : a.startedOn > b.startedOn ? 1 : 0));
    let open = list[0];
    for (const next of list.slice(1)) {
      if (open.endedOn === null || open.endedOn > next.startedOn) overlaps.push({ positionId, earlier: open, later: next });
      if (open.endedOn !== null && (next.endedOn === null || next.endedOn > open.endedOn)) open = next;
    }
  }
  return overlaps;
}
