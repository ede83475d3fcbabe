import type { ProjectionTransfer } from '../../history/fold.js';
import type { RowIndex } from './history-problems.js';
import type { TransferInput } from '../dto/rotation-event.input.js';
import type { PlannedTransfer } from './lookups.js';
import { sentFields } from './row-input.js';

/*
 * What the project phase is given: the histories already in hand, where to start the rebuild,
 * and how to point the rebuilt history's problems back at this event's rows.
 */

/** A transfer just inserted: its id and its place in the lampiran (row index + 1). */
export interface InsertedTransfer {
  id: string;
  seq: number;
}

/**
 * The planned officials' histories, already in hand: what was read while resolving, and the
 * rows just inserted — so the projection need not read them again.
 */
export function knownHistories(
  existing: Map<string, ProjectionTransfer[]>,
  planned: PlannedTransfer[],
  inserted: InsertedTransfer[],
  eventId: string,
  effectiveOn: string,
): Map<string, ProjectionTransfer[]> {
  const known = new Map(planned.map((p) => [p.officialId, [...(existing.get(p.officialId) ?? [])]]));
  const planAt = new Map(planned.map((p) => [p.index + 1, p]));
  for (const row of inserted) {
    const { index: _index, note: _note, ...plan } = planAt.get(row.seq)!;
    known.get(plan.officialId)!.push({ ...plan, id: row.id, eventOrder: BigInt(eventId), effectiveOn, seq: row.seq });
  }
  return known;
}

/** Nothing before this event's date (or, when amending, the earlier of its old and new dates) changes. */
export function rebuildSince(effectiveOn: string, oldDate?: string): string {
  return oldDate && oldDate < effectiveOn ? oldDate : effectiveOn;
}

/** This event's rows by their new transfers' ids and by official, and the fields each planned row sent. */
export function rowIndex(planned: PlannedTransfer[], inserted: InsertedTransfer[], rows: TransferInput[]): RowIndex {
  return {
    ofTransfer: new Map(inserted.map((r) => [r.id, r.seq - 1])),
    ofOfficial: new Map(planned.map((p) => [p.officialId, p.index])),
    sent: new Map(planned.map((p) => [p.index, sentFields(rows[p.index])])),
  };
}
