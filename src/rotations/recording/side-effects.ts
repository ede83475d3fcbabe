import type { ProjectionTransfer } from '../../history/fold.js';
import { ACTING_CAPACITIES } from '../../history/history.enums.js';
import type { Projection, StoredActing } from '../../history/projection.service.js';
import type { RotationProblem, SideEffect, SideEffectField } from '../dto/rotation-problem.js';
import type { RowIndex } from './history-problems.js';
import { warning } from './problems.js';

/** A derived fact of another event's transfer that the rebuilt history changes; origins as post ids. */
export interface OtherEventChange {
  transferId: string;
  officialId: string;
  field: SideEffectField;
  before: string | null;
  after: string | null;
}

/** What the warnings name, read only when there are changes. */
export interface SideEffectFacts {
  transfers: { id: string; seq: number; event_id: string; title: string; decree_number: string | null; effective_on: string; name: string }[];
  posts: { id: string; code: string }[];
}

const ofOtherEvent = (eventId: string) => (t: Pick<ProjectionTransfer, 'eventOrder'>) => t.eventOrder !== BigInt(eventId);
/** A transfer not folded (another official's head cutting an acting period) is never this event's: this event's officials are all folded. */
const NOT_FOLDED = { eventOrder: -1n };

/** Other events' acting transfers among those folded: the acting periods whose end may change. */
export function otherActingTransfers(projection: Projection, eventId: string): ProjectionTransfer[] {
  return [...projection.transfers.values()].filter((t) => ACTING_CAPACITIES.includes(t.capacity) && t.toPositionId !== null && ofOtherEvent(eventId)(t));
}

/**
 * The derived facts of other events' transfers that writing the projection would change: an
 * unstated origin, an unstated kind (both as the projection stores them), and the end of an
 * acting period (`stored`: as it is now). An acting period cut to nothing ends the day it starts.
 * This event's own rows are not side effects, nor an open acting period that one of them ends.
 */
export function otherEventChanges(projection: Projection, stored: StoredActing[], eventId: string): OtherEventChange[] {
  const other = ofOtherEvent(eventId);
  const changes: OtherEventChange[] = [];
  for (const c of projection.originChanges) {
    const t = projection.transfers.get(c.id)!;
    if (!other(t)) continue;
    changes.push({ transferId: t.id, officialId: t.officialId, field: 'origin', before: t.fromPositionId, after: c.fromPositionId });
    if (c.kind !== t.kind) changes.push({ transferId: t.id, officialId: t.officialId, field: 'kind', before: t.kind, after: c.kind });
  }

  const { since } = projection;
  const acting = new Set(otherActingTransfers(projection, eventId).map((t) => t.id));
  const before = new Map(stored.map((a) => [a.startedByTransferId, a]));
  const after = new Map(
    projection.appointments.filter((a) => acting.has(a.startedByTransferId) && (since === null || a.endedOn === null || a.endedOn >= since)).map((a) => [a.startedByTransferId, a]),
  );
  for (const id of new Set([...before.keys(), ...after.keys()])) {
    const was = before.get(id);
    const is = after.get(id);
    const startedOn = (was ?? is)!.startedOn;
    const endOf = (a: StoredActing | undefined) => (a ? a.endedOn : startedOn);
    // Ending an open acting period is what this event's own row says (a definitive head, an ACTING_END), not a side effect.
    const endsOpenHere = was?.endedOn === null && !!is?.endedByTransferId && !other(projection.transfers.get(is.endedByTransferId) ?? NOT_FOLDED);
    if (endOf(was) !== endOf(is) && !endsOpenHere) changes.push({ transferId: id, officialId: projection.transfers.get(id)!.officialId, field: 'actingEnd', before: endOf(was), after: endOf(is) });
  }
  return changes;
}

/** Each change as a WARNING naming the other event, its row and the fact, before and after; on this event's row for the official when there is one. */
export function sideEffectProblems(changes: OtherEventChange[], facts: SideEffectFacts, rows: RowIndex): RotationProblem[] {
  const transfer = new Map(facts.transfers.map((t) => [t.id, t]));
  const code = new Map(facts.posts.map((p) => [p.id, p.code]));
  return changes.map((c) => {
    const t = transfer.get(c.transferId)!;
    const [before, after] = c.field === 'origin' ? [c.before && (code.get(c.before) ?? c.before), c.after && (code.get(c.after) ?? c.after)] : [c.before, c.after];
    const sideEffect: SideEffect = { eventId: t.event_id, eventTitle: t.title, decreeNumber: t.decree_number, seq: t.seq, officialId: c.officialId, field: c.field, before, after };
    const event = `event ${t.event_id} ("${t.title}"${t.decree_number ? `, decree ${t.decree_number}` : ''}) of ${t.effective_on}, row ${t.seq} (${t.name})`;
    const what =
      c.field === 'origin'
        ? `the post it moves ${t.name} from, which its decree does not state, becomes ${after ?? 'no post'} instead of ${before ?? 'no post'}`
        : c.field === 'kind'
          ? `its kind, which its decree does not state, becomes ${after} instead of ${before}`
          : `${t.name}'s acting period it starts ${after === null ? 'no longer ends' : `ends on ${after}`} instead of ${before === null ? 'staying open' : `on ${before}`}`;
    return { ...warning('OTHER_EVENT_CHANGED', `This changes ${event}: ${what}.`, rows.ofOfficial.get(c.officialId) ?? null), sideEffect };
  });
}
