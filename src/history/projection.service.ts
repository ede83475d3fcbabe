import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { groupByKey } from '../common/group-by.js';
import { assignSeats, endActingAtDefinitive, foldOfficial, type FoldIssue, type Overlap, type ProjectedAppointment, type ProjectionTransfer } from './fold.js';
import { HEAD_CAPACITIES, type TransferKind } from './history.enums.js';
import { ProjectionRepository } from './projection.repository.js';
import { deriveKind } from './transfer-kind.js';

export interface Projection {
  /** Every official whose appointments are rebuilt. */
  officialIds: string[];
  /** Nothing before this day changed: appointments that ended earlier are kept as they are. */
  since: string | null;
  appointments: ProjectedAppointment[];
  /** Other stored appointments on posts with several seats whose seat number changes. */
  reseated: { id: string; seat: number }[];
  issues: FoldIssue[];
  overlaps: Overlap[];
  /** The transfers folded, by id. */
  transfers: Map<string, ProjectionTransfer>;
  /** Unstated origins the fold derived (transfer id → post), to store with the transfers. */
  derivedFrom: Map<string, string | null>;
  /** The derived origins that differ from the stored ones, with the kind each then has (the stated one, or derived anew). */
  originChanges: OriginChange[];
}

export interface OriginChange {
  id: string;
  fromPositionId: string | null;
  kind: TransferKind;
}

/** A stored acting appointment: who started it, and when it ends. */
export interface StoredActing {
  startedByTransferId: string;
  startedOn: string;
  endedOn: string | null;
}

/**
 * The only writer of `appointments`: the projection of the transfers of recorded events.
 * Always called inside the caller's transaction (recording runs it under its lock).
 */
@Injectable()
export class ProjectionService {
  constructor(private readonly repository: ProjectionRepository) {}

  /** Transfers of recorded (not voided) events of these officials. */
  transfersOf(manager: EntityManager, officialIds: string[]): Promise<ProjectionTransfer[]> {
    return this.repository.transfersOf(manager, officialIds);
  }

  /**
   * Recomputes the appointments of `officialIds` from their transfers, together with those of
   * anyone whose acting appointment a moved definitive start may cut, and checks the result
   * against everyone else's definitive appointments. Writes nothing. `since`: no transfer
   * before this day was added, removed or changed, so only what lasts until it or later can
   * differ — a new decree at the end of a long history touches little. `known`: officials
   * whose transfers the caller already holds, all of them (they are not read again).
   */
  async project(manager: EntityManager, officialIds: string[], since: string | null = null, known: Map<string, ProjectionTransfer[]> = new Map()): Promise<Projection> {
    const first = [...new Set(officialIds)];
    const folded = await this.fold(manager, first, known);
    const current = (a: { endedOn: string | null }) => since === null || a.endedOn === null || a.endedOn >= since;

    // Posts whose heads change: acting holders there may be cut differently.
    const changedPosts = new Set([...(await this.repository.headPostsOf(manager, first, since)), ...heads(folded.appointments).filter(current).map((a) => a.positionId)]);
    const second = await this.repository.actingOfficialsOn(manager, [...changedPosts], first);
    const more = await this.fold(manager, second);
    const all = [...first, ...second];
    const pre = [...folded.appointments, ...more.appointments];

    // Everyone else's head appointments: on acting posts they decide where acting periods end; elsewhere they may overlap.
    const actingPosts = [...new Set(pre.filter((a) => !HEAD_CAPACITIES.includes(a.capacity)).map((a) => a.positionId))];
    const headPosts = [...new Set(heads(pre).filter(current).map((a) => a.positionId))];
    const others = await this.repository.othersHeads(manager, actingPosts, headPosts, all, since);
    const starts = [...heads(pre), ...others].map((a) => ({ positionId: a.positionId, startedOn: a.startedOn, transferId: a.startedByTransferId }));
    const projected = endActingAtDefinitive(pre, starts);

    // Seats. A single-seat post only needs its heads not to overlap. A post with several seats
    // (formasi) is renumbered whole — its stored heads that are kept, and the new ones — so
    // that a head fits whenever fewer heads than seats hold it on each day.
    const seatsOf = await this.repository.multiSeatPosts(manager, [...new Set([...changedPosts, ...headPosts, ...others.map((a) => a.positionId)])]);
    const single = (a: { positionId: string }) => !seatsOf.has(a.positionId);
    // Renumbered: every post with several seats whose heads change (joined or left).
    const renumbered = [...seatsOf.keys()].filter((p) => changedPosts.has(p) || headPosts.includes(p));
    const kept = await this.repository.keptHeads(manager, renumbered, all, since);
    const multi = assignSeats([...heads(projected).filter((a) => !single(a) && current(a)), ...kept], (p) => seatsOf.get(p)!);
    const appointments = projected.map((a) => (multi.seated.has(a) ? { ...a, seat: multi.seated.get(a) } : a));

    const transfers = new Map([...folded.transfers, ...more.transfers].map((t) => [t.id, t]));
    const derivedFrom = new Map([...folded.derivedFrom, ...more.derivedFrom]);
    return {
      officialIds: all,
      since,
      appointments,
      reseated: kept.filter((k) => multi.seated.has(k) && multi.seated.get(k) !== k.seat).map((k) => ({ id: k.id, seat: multi.seated.get(k)! })),
      issues: [...folded.issues, ...more.issues],
      overlaps: [...assignSeats([...heads(projected), ...others].filter(single)).overlaps, ...multi.overlaps],
      transfers,
      derivedFrom,
      originChanges: await this.originChanges(manager, transfers, derivedFrom),
    };
  }

  /**
   * Replaces the appointments of the projected officials, and stores the origins (and, where
   * the decree did not state it, the kind) that back-filling changed.
   */
  async write(manager: EntityManager, projection: Projection): Promise<void> {
    if (projection.originChanges.length > 0) await this.repository.updateOrigins(manager, projection.originChanges);
    const { since } = projection;
    const lasting = projection.appointments.filter((a) => since === null || a.endedOn === null || a.endedOn >= since);
    await this.repository.replaceAppointments(manager, projection.officialIds, since, lasting);
    await this.repository.updateSeats(manager, projection.reseated);
  }

  /**
   * Rebuilds the whole projection from the transfers, for bulk loads (history COPYed in from
   * elsewhere): officials with only definitive moves between single-seat posts set-based in
   * SQL, the others (acting, additional tasks, posts with seats) folded here, as recording
   * does. The constraints check the result at commit.
   */
  async rebuildAll(manager: EntityManager): Promise<number> {
    const count = await this.repository.rebuildDefinitiveOnly(manager);
    const projection = await this.project(manager, await this.repository.officialsToFold(manager));
    await this.write(manager, projection);
    return count + projection.appointments.length;
  }

  /**
   * Stored acting appointments started by these transfers that a rebuild since `since` replaces
   * (those ending earlier are kept as they are), to compare with the projection's.
   */
  storedActing(manager: EntityManager, transfers: ProjectionTransfer[], since: string | null): Promise<StoredActing[]> {
    if (transfers.length === 0) return Promise.resolve([]);
    return this.repository.actingStartedBy(manager, [...new Set(transfers.map((t) => t.officialId))], transfers.map((t) => t.id), since);
  }

  /** The derived origins that differ from the stored ones; the post facts deciding their kinds are read only when there are any. */
  private async originChanges(manager: EntityManager, transfers: Map<string, ProjectionTransfer>, derivedFrom: Map<string, string | null>): Promise<OriginChange[]> {
    const changed = [...derivedFrom].filter(([id, from]) => transfers.get(id)!.fromPositionId !== from);
    if (changed.length === 0) return [];
    const postIds = [...new Set(changed.flatMap(([id, from]) => [from, transfers.get(id)!.toPositionId]).filter((p): p is string => !!p))];
    const post = new Map((await this.repository.postFacts(manager, postIds)).map((f) => [f.id, f]));
    return changed.map(([id, from]) => {
      const t = transfers.get(id)!;
      const kind = t.kindStated ? t.kind : deriveKind(t.capacity, from ? post.get(from)! : null, t.toPositionId ? post.get(t.toPositionId)! : null);
      return { id, fromPositionId: from, kind };
    });
  }

  /** Folds each official's transfers (those in `known` as given, the others read). */
  private async fold(manager: EntityManager, officialIds: string[], known: Map<string, ProjectionTransfer[]> = new Map()) {
    const transfers = [
      ...officialIds.flatMap((id) => known.get(id) ?? []),
      ...(await this.repository.transfersOf(manager, officialIds.filter((id) => !known.has(id)))),
    ];
    const appointments: ProjectedAppointment[] = [];
    const issues: FoldIssue[] = [];
    const derivedFrom = new Map<string, string | null>();
    for (const list of groupByKey(transfers, (t) => t.officialId).values()) {
      const result = foldOfficial(list);
      appointments.push(...result.appointments);
      issues.push(...result.issues);
      for (const [id, from] of result.derivedFrom) derivedFrom.set(id, from);
    }
    return { appointments, issues, transfers, derivedFrom };
  }
}

function heads(appointments: ProjectedAppointment[]): ProjectedAppointment[] {
  return appointments.filter((a) => HEAD_CAPACITIES.includes(a.capacity));
}
