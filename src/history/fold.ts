import { groupByKey } from '../common/group-by.js';
import { Capacity, HEAD_CAPACITIES, TransferKind } from './history.enums.js';

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
  /** Whether the destination is a functional post (only a functional official may be given an additional task). */
  toFunctional: boolean;
}

export interface ProjectedAppointment {
  officialId: string;
  positionId: string;
  capacity: Capacity;
  startedOn: string;
  endedOn: string | null;
  startedByTransferId: string;
  endedByTransferId: string | null;
  /** Which of the post's seats a head holds; set by `assignSeats` (1 when absent). */
  seat?: number;
}

/** A transfer that does not fit the history before it. `held` is what the official held (definitive, or acting for ACTING_END). */
export interface FoldIssue {
  transferId: string;
  code: 'FROM_POSITION_MISMATCH' | 'NOTHING_TO_RECORD' | 'NOT_ACTING' | 'ALREADY_ACTING' | 'SAME_DAY_MOVE' | 'NOT_FUNCTIONAL_OFFICIAL';
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
 * An additional task (tugas tambahan) is held beside a functional definitive post, one at a
 * time: its transfers move it as definitive ones move the post, and it ends when the
 * definitive post does. Appointments of no length (moved twice on one day) are not emitted;
 * they are issues. A stated origin that is not what the official held is an issue; an
 * unstated one is derived, and returned in `derivedFrom` (transfer id → post held, or null).
 */
export function foldOfficial(transfers: ProjectionTransfer[]): { appointments: ProjectedAppointment[]; issues: FoldIssue[]; derivedFrom: Map<string, string | null> } {
  const appointments: ProjectedAppointment[] = [];
  const issues: FoldIssue[] = [];
  const derivedFrom = new Map<string, string | null>();
  let definitive: { positionId: string; startedOn: string; by: string; functional: boolean } | null = null;
  let task: { positionId: string; startedOn: string; by: string } | null = null;
  const acting = new Map<string, { startedOn: string; by: string; capacity: Capacity }>();
  const close = (officialId: string, positionId: string, capacity: Capacity, open: { startedOn: string; by: string }, t: ProjectionTransfer) => {
    if (open.startedOn === t.effectiveOn) {
      issues.push({ transferId: t.id, code: 'SAME_DAY_MOVE', held: positionId });
      return;
    }
    appointments.push({ officialId, positionId, capacity, startedOn: open.startedOn, endedOn: t.effectiveOn, startedByTransferId: open.by, endedByTransferId: t.id });
  };
  /** Heading a post one acts in ends the acting there. */
  const endActing = (positionId: string, t: ProjectionTransfer) => {
    const open = acting.get(positionId);
    if (!open) return;
    close(t.officialId, positionId, open.capacity, open, t);
    acting.delete(positionId);
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
    const isTask = t.capacity === Capacity.ADDITIONAL_TASK;
    const held = (isTask ? task?.positionId : definitive?.positionId) ?? null;
    if (t.fromStated && t.fromPositionId !== held) issues.push({ transferId: t.id, code: 'FROM_POSITION_MISMATCH', held });
    if (!t.fromStated) {
      derivedFrom.set(t.id, held);
      if (!held && !t.toPositionId) issues.push({ transferId: t.id, code: 'NOTHING_TO_RECORD', held });
    }
    // The task ends with the definitive post it was given on, and when it moves.
    if (task) close(t.officialId, task.positionId, Capacity.ADDITIONAL_TASK, task, t);
    task = null;
    if (isTask) {
      if (t.toPositionId) {
        if (!definitive?.functional) issues.push({ transferId: t.id, code: 'NOT_FUNCTIONAL_OFFICIAL', held: definitive?.positionId ?? null });
        task = { positionId: t.toPositionId, startedOn: t.effectiveOn, by: t.id };
        endActing(t.toPositionId, t);
      }
      continue;
    }
    if (definitive) close(t.officialId, definitive.positionId, Capacity.DEFINITIVE, definitive, t);
    definitive = null;
    if (t.toPositionId) {
      endActing(t.toPositionId, t);
      definitive = { positionId: t.toPositionId, startedOn: t.effectiveOn, by: t.id, functional: t.toFunctional };
    }
  }
  const officialId = transfers[0]?.officialId;
  for (const [open, capacity] of [[definitive, Capacity.DEFINITIVE], [task, Capacity.ADDITIONAL_TASK]] as const) {
    if (open && officialId) {
      appointments.push({ officialId, positionId: open.positionId, capacity, startedOn: open.startedOn, endedOn: null, startedByTransferId: open.by, endedByTransferId: null });
    }
  }
  for (const [positionId, open] of acting) {
    appointments.push({ officialId: officialId!, positionId, capacity: open.capacity, startedOn: open.startedOn, endedOn: null, startedByTransferId: open.by, endedByTransferId: null });
  }
  return { appointments, issues, derivedFrom };
}

/**
 * A head's appointment (definitive or by additional task) to a post also ends anyone's acting
 * appointment there: each acting appointment is cut at the first head's start on its post
 * after it began (an acting appointment that would start on that day disappears).
 * `definitiveStarts` lists every head appointment's (post, start, transfer) — of the officials
 * folded and of all others.
 */
export function endActingAtDefinitive(
  appointments: ProjectedAppointment[],
  definitiveStarts: { positionId: string; startedOn: string; transferId: string }[],
): ProjectedAppointment[] {
  const starts = groupByKey(definitiveStarts, (s) => s.positionId);
  for (const list of starts.values()) list.sort((a, b) => (a.startedOn < b.startedOn ? -1 : a.startedOn > b.startedOn ? 1 : 0));
  const out: ProjectedAppointment[] = [];
  for (const a of appointments) {
    if (HEAD_CAPACITIES.includes(a.capacity)) {
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

/** Two head appointments on one post whose periods intersect, where the post has no seat left for the later. */
export interface Overlap {
  positionId: string;
  /** The appointment that begins while the other is still held. */
  later: Pick<ProjectedAppointment, 'officialId' | 'startedOn' | 'endedOn' | 'startedByTransferId'>;
  /** The one whose seat was freed last before, or is still held when, the later begins. */
  earlier: Pick<ProjectedAppointment, 'officialId' | 'startedOn' | 'endedOn' | 'startedByTransferId'>;
  /** The post's seats (1: a single head). */
  seats: number;
}

type Seated<T> = T & Pick<ProjectedAppointment, 'positionId' | 'startedOn' | 'endedOn'>;

/**
 * Numbers the seats of each post's head appointments, in order of start: each takes the
 * lowest seat free on its first day (for intervals, this never needs more seats than the
 * most heads held on one day). An appointment that finds every seat of its post taken is an
 * overlap, paired with the holder whose seat frees up soonest, and gets no seat.
 * `seatsOf`: a post's seats (1 when absent).
 */
export function assignSeats<T extends Seated<Pick<ProjectedAppointment, 'officialId' | 'startedByTransferId'>>>(
  appointments: T[],
  seatsOf: (positionId: string) => number = () => 1,
): { seated: Map<T, number>; overlaps: Overlap[] } {
  const seated = new Map<T, number>();
  const overlaps: Overlap[] = [];
  for (const [positionId, list] of groupByKey(appointments, (a) => a.positionId)) {
    const seats = seatsOf(positionId);
    const holders: (T | undefined)[] = new Array(seats).fill(undefined);
    // Ties by official, so that the numbering is the same however the list came.
    list.sort((a, b) => (a.startedOn < b.startedOn ? -1 : a.startedOn > b.startedOn ? 1 : a.officialId < b.officialId ? -1 : a.officialId > b.officialId ? 1 : 0));
    for (const next of list) {
      const free = holders.findIndex((h) => h === undefined || (h.endedOn !== null && h.endedOn <= next.startedOn));
      if (free >= 0) {
        holders[free] = next;
        seated.set(next, free + 1);
        continue;
      }
      const soonest = holders.reduce((a, b) => (a!.endedOn !== null && (b!.endedOn === null || a!.endedOn < b!.endedOn) ? a : b))!;
      overlaps.push({ positionId, earlier: soonest, later: next, seats });
    }
  }
  return { seated, overlaps };
}
