import { compareTransfers, foldOfficial, type ProjectionTransfer } from '../../history/fold.js';
import { Capacity, TransferKind } from '../../history/history.enums.js';
import { deriveKind, kindContradicts } from '../../history/transfer-kind.js';
import { parseNip } from '../../officials/nip.js';
import type { Employment, Rank } from '../../officials/official.enums.js';
import type { Echelon, PositionCategory } from '../../positions/position.enums.js';
import type { RotationEventInput, TransferInput } from '../dto/rotation-event.input.js';
import { Severity, type RotationProblem } from '../dto/rotation-problem.js';
import { rankTooLow, yearsBefore } from '../rotation-rules.js';
import { error, warning } from './problems.js';

/*
 * The checks a decree's lampiran gets on its own day, as pure functions over what was looked
 * up (officials, posts, each official's earlier transfers). The history-wide checks (what
 * this event does to later decrees, two holders of one post) come from the projection.
 */

export interface OfficialRow {
  id: string;
  name: string;
  nip: string | null;
  rank: Rank | null;
  employment: Employment;
}

export interface PositionRow {
  id: string;
  code: string;
  title: string;
  echelon: Echelon | null;
  category: PositionCategory;
  established_on: string | null;
  abolished_on: string | null;
}

/** A lampiran row ready to insert: a transfer as the projection will see it, before it has an id. */
export type PlannedTransfer = Pick<ProjectionTransfer, 'officialId' | 'fromPositionId' | 'fromStated' | 'toPositionId' | 'kind' | 'kindStated' | 'capacity'> & {
  index: number;
  note: string | null;
};

/** What the rows are checked against: looked-up officials ("id:…", "nip:…") and posts ("id:…", "code:…"), and earlier transfers by official. */
export interface Lookups {
  officials: Map<string, OfficialRow>;
  positions: Map<string, PositionRow>;
  existing: Map<string, ProjectionTransfer[]>;
}

/** Codes after which a row cannot be stored at all (it would break a foreign key or a check). */
const UNSTORABLE = new Set(['OFFICIAL_REQUIRED', 'UNKNOWN_OFFICIAL', 'UNKNOWN_POSITION', 'POSITION_AMBIGUOUS', 'DUPLICATE_OFFICIAL', 'NOTHING_TO_RECORD', 'NOT_ACTING', 'KIND_CAPACITY_MISMATCH', 'DESTINATION_REQUIRED']);

export const describePost = (p: PositionRow | undefined | null) => (p ? `${p.title} (${p.code})` : 'no post');

/** The event's own dates against its decree. */
export function eventDateProblems(input: RotationEventInput, effectiveOn: string): RotationProblem[] {
  const problems: RotationProblem[] = [];
  if (input.decreeDate && effectiveOn < input.decreeDate) {
    problems.push(error('EFFECTIVE_BEFORE_DECREE', `The effective date (${effectiveOn}) is before the decree date (${input.decreeDate}).`, null, 'effectiveOn'));
  }
  if (input.decreeDate && input.swornInOn < input.decreeDate) {
    problems.push(error('SWORN_IN_BEFORE_DECREE', `The ceremony (${input.swornInOn}) is before the decree date (${input.decreeDate}).`, null, 'swornInOn'));
  }
  return problems;
}

export function decreeNumberTaken(issuer: string, decreeNumber: string, otherEventId: string): RotationProblem {
  return error('DECREE_NUMBER_TAKEN', `${issuer} already has an event with decree number ${decreeNumber} (event ${otherEventId}).`, null, 'decreeNumber');
}

/**
 * Every row's problems and the rows that can be stored. `on`: the effective date; `order`:
 * where this event sorts among the events of that day (its id, or after all of them).
 */
export function checkLampiran(rows: TransferInput[], on: string, order: bigint, lookups: Lookups): { problems: RotationProblem[]; planned: PlannedTransfer[] } {
  const problems: RotationProblem[] = [];
  const planned: PlannedTransfer[] = [];
  const seen = new Map<string, number>();
  rows.forEach((row, index) => {
    const checked = checkRow(row, index, on, order, lookups, seen);
    problems.push(...checked.problems);
    if (checked.plan && !checked.problems.some((p) => p.severity === Severity.ERROR && UNSTORABLE.has(p.code))) planned.push(checked.plan);
  });
  return { problems, planned };
}

/** The day-of checks for one lampiran row, and the row to store. `seen`: officials of earlier rows, with their row. */
export function checkRow(
  row: TransferInput,
  index: number,
  on: string,
  order: bigint,
  { officials, positions, existing }: Lookups,
  seen: Map<string, number>,
): { problems: RotationProblem[]; plan?: PlannedTransfer } {
  const problems: RotationProblem[] = [];
  const officialField = row.officialId ? 'officialId' : 'nip';
  if (!row.officialId === !row.nip) {
    return { problems: [error('OFFICIAL_REQUIRED', 'Name the official by exactly one of officialId and nip.', index, 'officialId')] };
  }
  const official = officials.get(row.officialId ? `id:${row.officialId}` : `nip:${row.nip}`);
  if (!official) {
    // The NIP itself is not repeated: the message names the row and the field.
    problems.push(error('UNKNOWN_OFFICIAL', row.officialId ? `No official with id ${row.officialId}.` : 'No official with this NIP.', index, officialField));
  }
  const post = (id: string | null | undefined, code: string | null | undefined, end: 'from' | 'to'): PositionRow | null | undefined => {
    if (id && code) {
      problems.push(error('POSITION_AMBIGUOUS', `Give ${end}PositionId or ${end}PositionCode, not both.`, index, `${end}PositionCode`));
      return undefined;
    }
    if (!id && !code) return null;
    const found = positions.get(id ? `id:${id}` : `code:${code}`);
    if (!found) problems.push(error('UNKNOWN_POSITION', id ? `No position with id ${id}.` : `No position with code ${code}.`, index, id ? `${end}PositionId` : `${end}PositionCode`));
    return found;
  };
  const statedFrom = post(row.fromPositionId, row.fromPositionCode, 'from');
  const to = post(row.toPositionId, row.toPositionCode, 'to');
  if (!official || statedFrom === undefined || to === undefined) return { problems };

  const earlier = seen.get(official.id);
  if (earlier !== undefined) {
    return { problems: [...problems, error('DUPLICATE_OFFICIAL', `${official.name} already appears in transfer ${earlier}; one official may move once per event.`, index, officialField)] };
  }
  seen.set(official.id, index);

  // What the official held just before this row: the fold of everything ordered before it.
  const key = { id: '', eventOrder: order, effectiveOn: on, seq: index + 1 } as ProjectionTransfer;
  const before = foldOfficial((existing.get(official.id) ?? []).filter((t) => compareTransfers(t, key) < 0)).appointments.filter((a) => a.endedOn === null);
  const held = before.find((a) => a.capacity === Capacity.DEFINITIVE);
  const acting = before.filter((a) => a.capacity !== Capacity.DEFINITIVE);
  const heldName = describePost(held ? positions.get(`id:${held.positionId}`) : null);

  const statedKind = row.kind ?? null;
  const actingKind = statedKind === TransferKind.ACTING_START || statedKind === TransferKind.ACTING_END;
  const capacity = row.capacity ?? (actingKind ? Capacity.ACTING : Capacity.DEFINITIVE);
  if (statedKind && actingKind !== (capacity !== Capacity.DEFINITIVE)) {
    problems.push(error('KIND_CAPACITY_MISMATCH', `A ${statedKind} transfer cannot have capacity ${capacity}.`, index, 'capacity'));
    return { problems };
  }

  let from: string | null;
  if (capacity === Capacity.DEFINITIVE) {
    from = statedFrom ? statedFrom.id : (held?.positionId ?? null);
    if (statedFrom && statedFrom.id !== (held?.positionId ?? null)) {
      problems.push(
        error('FROM_POSITION_MISMATCH', `${official.name} held ${heldName} on ${on}, not ${describePost(statedFrom)}.`, index, row.fromPositionId ? 'fromPositionId' : 'fromPositionCode'),
      );
    }
    if (!from && !to) {
      problems.push(error('NOTHING_TO_RECORD', `${official.name} holds no post on ${on} and the row names no destination.`, index, 'toPositionId'));
    }
    if (to && held && to.id === held.positionId) {
      problems.push(error('SAME_POSITION', `${official.name} already holds ${describePost(to)} on ${on}.`, index, row.toPositionId ? 'toPositionId' : 'toPositionCode'));
    }
  } else if (to) {
    from = null;
    if (acting.some((a) => a.positionId === to.id)) problems.push(error('ALREADY_ACTING', `${official.name} is already acting in ${describePost(to)} on ${on}.`, index, 'toPositionId'));
  } else {
    from = statedFrom?.id ?? (acting.length === 1 ? acting[0].positionId : null);
    if (!from || !acting.some((a) => a.positionId === from)) {
      const what = statedFrom ? describePost(statedFrom) : 'any single post';
      problems.push(error('NOT_ACTING', `${official.name} is not acting in ${what} on ${on}; name the post being left.`, index, 'fromPositionId'));
    }
  }
  if (statedKind === TransferKind.ACTING_START && !to) problems.push(error('DESTINATION_REQUIRED', 'ACTING_START needs the post to act in.', index, 'toPositionId'));

  if (to && ((to.established_on && to.established_on > on) || (to.abolished_on && to.abolished_on <= on))) {
    const why = to.established_on && to.established_on > on ? `is only established on ${to.established_on}` : `was abolished on ${to.abolished_on}`;
    problems.push(error('POSITION_NOT_ACTIVE', `${describePost(to)} ${why}; the transfer takes effect on ${on}.`, index, row.toPositionId ? 'toPositionId' : 'toPositionCode'));
  }
  const nip = official.nip ? parseNip(official.nip) : undefined;
  if (nip?.ok && nip.value.appointedFrom > on) {
    problems.push(error('EFFECTIVE_BEFORE_APPOINTMENT', `${on} is before ${official.name}'s appointment as civil servant (${nip.value.appointed}, from the NIP).`, index, officialField));
  }

  const fromPost = from ? (positions.get(`id:${from}`) ?? null) : null;
  const derived = deriveKind(capacity, fromPost, to);
  if (statedKind && kindContradicts(statedKind, derived)) {
    problems.push(warning('KIND_MISMATCH', `Stated as ${statedKind}, but from ${describePost(fromPost)} to ${describePost(to)} is a ${derived}.`, index, 'kind'));
  }
  if (capacity === Capacity.DEFINITIVE && to && rankTooLow(official.rank, to.echelon)) {
    problems.push(
      warning('RANK_BELOW_MINIMUM', `${official.name}'s rank ${official.rank} is more than one grade below the minimum for echelon ${to.echelon} (PP 13/2002).`, index, 'toPositionId'),
    );
  }
  if (capacity === Capacity.DEFINITIVE && held && held.startedOn > yearsBefore(on, 2)) {
    problems.push(warning('SHORT_TENURE', `${official.name} has held ${heldName} only since ${held.startedOn}, less than 2 years.`, index, 'fromPositionId'));
  }
  return {
    problems,
    plan: {
      index,
      officialId: official.id,
      fromPositionId: from,
      // Acting ends always name (or single out) the acting post: they are checked, never re-derived.
      fromStated: !!statedFrom || capacity !== Capacity.DEFINITIVE,
      toPositionId: to?.id ?? null,
      kind: statedKind ?? derived,
      kindStated: !!statedKind,
      capacity,
      note: row.note ?? null,
    },
  };
}
