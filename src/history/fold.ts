import { groupByKey } from '../common/group-by.js';
import { Capacity, TransferKind } from './history.enums.js';

/** A transfer as the projection sees it. `eventOrder` breaks ties between events on one day (the event id). */
export interface ProjectionTransfer {
  id: string;
  eventOrder: bigint;
  effectiveOn: string;
  seq: number;
  officialId: string;
  fromPositionId: string | null;
  /** False: the origin is derived from the history (and re-derived by the fold). */
  fromStated: boolean;
  toPositionId: string | null;
  kind: TransferKind;
  kindStated: boolean;
  capacity: Capacity;
}

export interface ProjectedAppointment {
  officialId: string;
  positionId: string;
  capacity: Capacity;
  startedOn: string;
  endedOn: string | null;
  startedByTransferId: string;
  endedByTransferId: string | null;
}

/** A transfer that does not fit the history before it. `held` is what the official held (definitive, or acting for ACTING_END). */
export interface FoldIssue {
  transferId: string;
  code: 'FROM_POSITION_MISMATCH' | 'NOTHING_TO_RECORD' | 'NOT_ACTING' | 'ALREADY_ACTING' | 'SAME_DAY_MOVE';
  held: string | null;
}

export function compareTransfers(a: ProjectionTransfer, b: ProjectionTransfer): number {
  if (a.effectiveOn !== b.effectiveOn) return a.effectiveOn < b.effectiveOn ? -1 : 1;
  if (a.eventOrder !== b.eventOrder) return a.eventOrder < b.eventOrder ? -1 : 1;
  return a.seq - b.seq;
}

const isActingKind = (t: ProjectionTransfer) => t.kind === TransferKind.ACTING_START || t.kind === TransferKind.ACTING_END;

/**
 * One official's appointments: the fold of their transfers ordered by (effective_on, event,
 * seq). A definitive transfer ends the definitive appointment held on its date and, with a
 * destination, opens the next; ACTING_START opens an acting (Plt/Plh) appointment beside it,
 * closed by ACTING_END or by the official's own definitive appointment to that post.
 * Appointments of no length (moved twice on one day) are not emitted; they are issues.
 * A stated origin that is not what the official held is an issue; an unstated one is
 * derived, and returned in `derivedFrom` (transfer id → post held, or null).
 */
export function foldOfficial(transfers: ProjectionTransfer[]): { appointments: ProjectedAppointment[]; issues: FoldIssue[]; derivedFrom: Map<string, string | null> } {
  const appointments: ProjectedAppointment[] = [];
  const issues: FoldIssue[] = [];
  const derivedFrom = new Map<string, string | null>();
  let definitive: { positionId: string; startedOn: string; by: string } | null = null;
  const acting = new Map<string, { startedOn: string; by: string; capacity: Capacity }>();
  const close = (officialId: string, positionId: string, capacity: Capacity, open: { startedOn: string; by: string }, t: ProjectionTransfer) => {
    if (open.startedOn === t.effectiveOn) {
      issues.push({ transferId: t.id, code: 'SAME_DAY_MOVE', held: positionId });
      return;
    }
    appointments.push({ officialId, positionId, capacity, startedOn: open.startedOn, endedOn: t.effectiveOn, startedByTransferId: open.by, endedByTransferId: t.id });
  };

  for (const t of [...transfers].sort(compareTransfers)) {
    if (isActingKind(t)) {
      if (t.kind === TransferKind.ACTING_START) {
        if (!t.toPositionId || acting.has(t.toPositionId)) {
          issues.push({ transferId: t.id, code: 'ALREADY_ACTING', held: t.toPositionId });
          continue;
        }
        acting.set(t.toPositionId, { startedOn: t.effectiveOn, by: t.id, capacity: t.capacity });
      } else {
        const open = t.fromPositionId ? acting.get(t.fromPositionId) : undefined;
        if (!open) {
          issues.push({ transferId: t.id, code: 'NOT_ACTING', held: null });
          continue;
        }
        close(t.officialId, t.fromPositionId!, open.capacity, open, t);
        acting.delete(t.fromPositionId!);
      }
      continue;
    }
    const held = definitive?.positionId ?? null;
    if (t.fromStated && t.fromPositionId !== held) issues.push({ transferId: t.id, code: 'FROM_POSITION_MISMATCH', held });
    if (!t.fromStated) {
      derivedFrom.set(t.id, held);
      if (!held && !t.toPositionId) issues.push({ transferId: t.id, code: 'NOTHING_TO_RECORD', held });
    }
    if (definitive) close(t.officialId, definitive.positionId, Capacity.DEFINITIVE, definitive, t);
    definitive = null;
    if (t.toPositionId) {
      const open = acting.get(t.toPositionId);
      if (open) {
        close(t.officialId, t.toPositionId, open.capacity, open, t);
        acting.delete(t.toPositionId);
      }
      definitive = { positionId: t.toPositionId, startedOn: t.effectiveOn, by: t.id };
    }
  }
  const officialId = transfers[0]?.officialId;
  if (definitive && officialId) {
    appointments.push({ officialId, positionId: definitive.positionId, capacity: Capacity.DEFINITIVE, startedOn: definitive.startedOn, endedOn: null, startedByTransferId: definitive.by, endedByTransferId: null });
  }
  for (const [positionId, open] of acting) {
    appointments.push({ officialId: officialId!, positionId, capacity: open.capacity, startedOn: open.startedOn, endedOn: null, startedByTransferId: open.by, endedByTransferId: null });
  }
  return { appointments, issues, derivedFrom };
}

/**
 * A definitive appointment to a post also ends anyone's acting appointment there: each acting
 * appointment is cut at the first definitive start on its post after it began (an acting
 * appointment that would start on that day disappears). `definitiveStarts` lists every
 * definitive appointment's (post, start, transfer) — of the officials folded and of all others.
 */
export function endActingAtDefinitive(
  appointments: ProjectedAppointment[],
  definitiveStarts: { positionId: string; startedOn: string; transferId: string }[],
): ProjectedAppointment[] {
  const starts = groupByKey(definitiveStarts, (s) => s.positionId);
  for (const list of starts.values()) list.sort((a, b) => (a.startedOn < b.startedOn ? -1 : a.startedOn > b.startedOn ? 1 : 0));
  const out: ProjectedAppointment[] = [];
  for (const a of appointments) {
    if (a.capacity === Capacity.DEFINITIVE) {
      out.push(a);
      continue;
    }
    const cut = starts.get(a.positionId)?.find((s) => s.startedOn >= a.startedOn);
    if (!cut || (a.endedOn !== null && a.endedOn <= cut.startedOn)) {
      out.push(a);
    } else if (cut.startedOn > a.startedOn) {
      out.push({ ...a, endedOn: cut.startedOn, endedByTransferId: cut.transferId });
    }
  }
  return out;
}

/** Two definitive appointments on one post whose periods intersect. */
export interface Overlap {
  positionId: string;
  /** The appointment that begins while the other is still held. */
  later: Pick<ProjectedAppointment, 'officialId' | 'startedOn' | 'endedOn' | 'startedByTransferId'>;
  earlier: Pick<ProjectedAppointment, 'officialId' | 'startedOn' | 'endedOn' | 'startedByTransferId'>;
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
