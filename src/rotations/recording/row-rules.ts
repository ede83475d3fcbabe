import { compareTransfers, foldOfficial, type ProjectedAppointment, type ProjectionTransfer } from '../../history/fold.js';
import { ACTING_CAPACITIES, Capacity, TransferKind } from '../../history/history.enums.js';
import { deriveKind, kindContradicts } from '../../history/transfer-kind.js';
import { parseNip } from '../../officials/nip.js';
import { Employment } from '../../officials/official.enums.js';
import { dayAfter } from '../../common/date-range.js';
import { Echelon, FunctionalLevel, PositionCategory } from '../../positions/position.enums.js';
import { lastDayOfService, retirementAge } from '../../positions/retirement-age.js';
import type { TransferInput } from '../dto/rotation-event.input.js';
import type { RotationProblem } from '../dto/rotation-problem.js';
import { ACTING_LIMIT_MONTHS, monthsBefore, rankTooLow, yearsBefore } from '../rotation-rules.js';
import type { Lookups, OfficialRow, PlannedTransfer, PositionRow } from './lookups.js';
import { error, warning } from './problems.js';
import { sentFields } from './row-input.js';

/*
 * The day-of checks for one lampiran row, as pure functions over the looked-up maps: name the
 * official and posts, see what the official held that day, check the move against it, then
 * the posts' and the official's own dates, then the advisories. Problems come out in that order.
 */

export const describePost = (p: PositionRow | undefined | null) => (p ? `${p.title} (${p.code})` : 'no post');

/** A row whose official and posts were all found; `statedFrom`/`to` are null when the row names none. */
interface NamedRow {
  row: TransferInput;
  index: number;
  on: string;
  official: OfficialRow;
  statedFrom: PositionRow | null;
  to: PositionRow | null;
}

/** What the official held just before the row: the definitive post, any additional task, and any acting posts. */
interface Standing {
  held: ProjectedAppointment | undefined;
  heldPost: PositionRow | undefined;
  heldName: string;
  task: ProjectedAppointment | undefined;
  acting: ProjectedAppointment[];
  /** A post's title and code, for messages. */
  postName: (positionId: string) => string;
}

const ACTING_KINDS: readonly TransferKind[] = [TransferKind.ACTING_START, TransferKind.ACTING_END];
const TASK_KINDS: readonly TransferKind[] = [TransferKind.ADDITIONAL_TASK_START, TransferKind.ADDITIONAL_TASK_END];

/** The capacity a row states, or the one its stated kind implies; and whether the two disagree. */
function capacityOf(row: TransferInput): { capacity: Capacity; mismatch: boolean } {
  const kind = row.kind ?? null;
  const implied = kind && ACTING_KINDS.includes(kind) ? Capacity.ACTING : kind && TASK_KINDS.includes(kind) ? Capacity.ADDITIONAL_TASK : Capacity.DEFINITIVE;
  const capacity = row.capacity ?? implied;
  const acting = ACTING_CAPACITIES.includes(capacity);
  // A task row is the task's own kinds, or its move between UPTDs.
  const taskKind = TASK_KINDS.includes(kind!) || kind === TransferKind.REASSIGNMENT;
  const mismatch = !!kind && (acting !== ACTING_KINDS.includes(kind) || (TASK_KINDS.includes(kind) && capacity !== Capacity.ADDITIONAL_TASK) || (capacity === Capacity.ADDITIONAL_TASK && !taskKind));
  return { capacity, mismatch };
}

const officialField = (row: TransferInput) => sentFields(row).official;
const fromField = (row: TransferInput) => sentFields(row).from;
const toField = (row: TransferInput) => sentFields(row).to;

/** The day-of checks for one lampiran row, and the row to store. `seen`: officials of earlier rows, with their row. */
export function checkRow(
  row: TransferInput,
  index: number,
  on: string,
  order: bigint,
  lookups: Lookups,
  seen: Map<string, number>,
): { problems: RotationProblem[]; plan?: PlannedTransfer } {
  const named = nameRow(row, index, on, lookups);
  if ('problems' in named) return named;
  const { official, statedFrom, to } = named;
  const earlier = seen.get(official.id);
  if (earlier !== undefined) {
    return { problems: [error('DUPLICATE_OFFICIAL', `${official.name} already appears in transfer ${earlier}; one official may move once per event.`, index, officialField(row))] };
  }
  seen.set(official.id, index);

  const statedKind = row.kind ?? null;
  const { capacity, mismatch } = capacityOf(row);
  if (mismatch) {
    return { problems: [error('KIND_CAPACITY_MISMATCH', `A ${statedKind} transfer cannot have capacity ${capacity}.`, index, 'capacity')] };
  }

  const standing = standingBefore(official.id, on, order, index, lookups);
  const acting = ACTING_CAPACITIES.includes(capacity);
  const { from, problems } = acting ? actingMove(named, standing) : capacity === Capacity.ADDITIONAL_TASK ? taskMove(named, standing) : definitiveMove(named, standing);
  problems.push(...dayProblems(named));
  const fromPost = from ? (lookups.positions.get(`id:${from}`) ?? null) : null;
  const derived = deriveKind(capacity, fromPost, to);
  problems.push(...advisories(named, standing, capacity, fromPost, derived));
  return {
    problems,
    plan: {
      index,
      officialId: official.id,
      fromPositionId: from,
      // Acting ends always name (or single out) the acting post: they are checked, never re-derived.
      fromStated: !!statedFrom || acting,
      toPositionId: to?.id ?? null,
      toFunctional: to?.category === PositionCategory.FUNCTIONAL,
      kind: statedKind ?? derived,
      kindStated: !!statedKind,
      capacity,
      note: row.note ?? null,
    },
  };
}

/** The official and posts the row names, or why they cannot be found. */
export function nameRow(row: TransferInput, index: number, on: string, { officials, positions }: Lookups): NamedRow | { problems: RotationProblem[] } {
  if (!row.officialId === !row.nip) {
    return { problems: [error('OFFICIAL_REQUIRED', 'Name the official by exactly one of officialId and nip.', index, 'officialId')] };
  }
  const problems: RotationProblem[] = [];
  const official = officials.get(row.officialId ? `id:${row.officialId}` : `nip:${row.nip}`);
  if (!official) {
    // The NIP itself is not repeated: the message names the row and the field.
    problems.push(error('UNKNOWN_OFFICIAL', row.officialId ? `No official with id ${row.officialId}.` : 'No official with this NIP.', index, officialField(row)));
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
  return { row, index, on, official, statedFrom, to };
}

/** What the official held just before this row: the fold of everything ordered before it. */
export function standingBefore(officialId: string, on: string, order: bigint, index: number, { positions, existing }: Lookups): Standing {
  const key = { id: '', eventOrder: order, effectiveOn: on, seq: index + 1 } as ProjectionTransfer;
  const before = foldOfficial((existing.get(officialId) ?? []).filter((t) => compareTransfers(t, key) < 0)).appointments.filter((a) => a.endedOn === null);
  const held = before.find((a) => a.capacity === Capacity.DEFINITIVE);
  const heldPost = held ? positions.get(`id:${held.positionId}`) : undefined;
  return {
    held,
    heldPost,
    heldName: describePost(heldPost),
    task: before.find((a) => a.capacity === Capacity.ADDITIONAL_TASK),
    acting: before.filter((a) => ACTING_CAPACITIES.includes(a.capacity)),
    postName: (id) => describePost(positions.get(`id:${id}`)),
  };
}

/** A definitive move leaves the post held (or the stated one, which must be it) for another post, or for none. */
function definitiveMove({ row, index, on, official, statedFrom, to }: NamedRow, { held, heldName }: Standing): { from: string | null; problems: RotationProblem[] } {
  const problems: RotationProblem[] = [];
  const from = statedFrom ? statedFrom.id : (held?.positionId ?? null);
  if (statedFrom && statedFrom.id !== (held?.positionId ?? null)) {
    problems.push(error('FROM_POSITION_MISMATCH', `${official.name} held ${heldName} on ${on}, not ${describePost(statedFrom)}.`, index, fromField(row)));
  }
  if (!from && !to) {
    problems.push(error('NOTHING_TO_RECORD', `${official.name} holds no post on ${on} and the row names no destination.`, index, toField(row)));
  }
  if (to && held && to.id === held.positionId) {
    problems.push(error('SAME_POSITION', `${official.name} already holds ${describePost(to)} on ${on}.`, index, toField(row)));
  }
  return { from, problems };
}

/**
 * An additional task (tugas tambahan) heads an UPTD (a UNIT_HEAD post) and is given only to an
 * official holding a functional post; it moves from the task held (or the stated one, which
 * must be it) to another, or ends.
 */
function taskMove({ row, index, on, official, statedFrom, to }: NamedRow, { heldPost, heldName, task, postName }: Standing): { from: string | null; problems: RotationProblem[] } {
  const problems: RotationProblem[] = [];
  const from = statedFrom ? statedFrom.id : (task?.positionId ?? null);
  const taskName = task ? postName(task.positionId) : 'no post';
  if (statedFrom && statedFrom.id !== (task?.positionId ?? null)) {
    problems.push(error('FROM_POSITION_MISMATCH', `${official.name} had the additional task of ${taskName} on ${on}, not ${describePost(statedFrom)}.`, index, fromField(row)));
  }
  if (!from && !to) problems.push(error('NOTHING_TO_RECORD', `${official.name} has no additional task on ${on} and the row names none to give.`, index, toField(row)));
  if (to && task && to.id === task.positionId) problems.push(error('SAME_POSITION', `${official.name} already heads ${describePost(to)} on ${on}.`, index, toField(row)));
  if (to && to.category !== PositionCategory.UNIT_HEAD) {
    problems.push(error('NOT_A_UNIT_HEAD_POST', `An additional task heads an UPTD: ${describePost(to)} is not an UPTD head's post (category UNIT_HEAD).`, index, toField(row)));
  }
  if (to && heldPost?.category !== PositionCategory.FUNCTIONAL) {
    problems.push(error('NOT_FUNCTIONAL_OFFICIAL', `Only a functional official can be given an additional task; ${official.name} holds ${heldName} on ${on}.`, index, officialField(row)));
  }
  return { from, problems };
}

/** An acting move starts acting in a post not yet acted in, or ends one the official acts in (named, or the only one). */
function actingMove({ row, index, on, official, statedFrom, to }: NamedRow, { acting }: Standing): { from: string | null; problems: RotationProblem[] } {
  const problems: RotationProblem[] = [];
  if (to) {
    if (acting.some((a) => a.positionId === to.id)) problems.push(error('ALREADY_ACTING', `${official.name} is already acting in ${describePost(to)} on ${on}.`, index, toField(row)));
    return { from: null, problems };
  }
  const from = statedFrom?.id ?? (acting.length === 1 ? acting[0].positionId : null);
  if (!from || !acting.some((a) => a.positionId === from)) {
    const what = statedFrom ? describePost(statedFrom) : 'any single post';
    problems.push(error('NOT_ACTING', `${official.name} is not acting in ${what} on ${on}; name the post being left.`, index, fromField(row)));
  }
  return { from, problems };
}

/** The destination must exist on the day, and the official must be a civil servant by then. */
export function dayProblems({ row, index, on, official, to }: NamedRow): RotationProblem[] {
  const problems: RotationProblem[] = [];
  if (row.kind === TransferKind.ACTING_START && !to) problems.push(error('DESTINATION_REQUIRED', 'ACTING_START needs the post to act in.', index, toField(row)));
  if (to && ((to.established_on && to.established_on > on) || (to.abolished_on && to.abolished_on <= on))) {
    const why = to.established_on && to.established_on > on ? `is only established on ${to.established_on}` : `was abolished on ${to.abolished_on}`;
    problems.push(error('POSITION_NOT_ACTIVE', `${describePost(to)} ${why}; the transfer takes effect on ${on}.`, index, toField(row)));
  }
  const nip = official.nip ? parseNip(official.nip) : undefined;
  if (nip?.ok && nip.value.appointedFrom > on) {
    problems.push(error('EFFECTIVE_BEFORE_APPOINTMENT', `${on} is before ${official.name}'s appointment as civil servant (${nip.value.appointed}, from the NIP).`, index, officialField(row)));
  }
  return problems;
}

/** The level a penyetaraan gives (PermenPANRB 17/2021): administrator Ahli Madya, pengawas Ahli Muda, eselon V Ahli Pertama. */
function equalizedLevel(post: PositionRow): FunctionalLevel | undefined {
  if (post.echelon === Echelon.V_A) return FunctionalLevel.EXPERT_FIRST;
  if (post.category === PositionCategory.ADMINISTRATOR) return FunctionalLevel.EXPERT_MIDDLE;
  return post.category === PositionCategory.SUPERVISOR ? FunctionalLevel.EXPERT_JUNIOR : undefined;
}

/**
 * Warnings only: a stated kind the posts contradict, a rank too low for the echelon, a short
 * tenure, an acting period past its limit, a move past the post's retirement age, a retirement
 * on another day than the age gives.
 */
export function advisories(
  { row, index, on, official, to }: NamedRow,
  { held, heldPost, heldName, task, acting, postName }: Standing,
  capacity: Capacity,
  fromPost: PositionRow | null,
  derived: TransferKind,
): RotationProblem[] {
  const problems: RotationProblem[] = [];
  if (row.kind && kindContradicts(row.kind, derived)) {
    problems.push(warning('KIND_MISMATCH', `Stated as ${row.kind}, but from ${describePost(fromPost)} to ${describePost(to)} is a ${derived}.`, index, 'kind'));
  }
  if (capacity === Capacity.DEFINITIVE && to?.category === PositionCategory.UNIT_HEAD) {
    problems.push(
      warning('UNIT_HEAD_NOT_DEFINITIVE', `${describePost(to)} is headed by a functional official given an additional task (capacity ADDITIONAL_TASK), not held definitively.`, index, 'capacity'),
    );
  }
  const level = row.kind === TransferKind.EQUALIZATION && fromPost ? equalizedLevel(fromPost) : undefined;
  if (level && to && to.functional_level !== level) {
    problems.push(
      warning('EQUALIZATION_LEVEL_MISMATCH', `${describePost(fromPost)} is equalised into a functional post at level ${level} (PermenPANRB 17/2021), not ${to.functional_level ?? 'none'}.`, index, toField(row)),
    );
  }
  if (capacity === Capacity.DEFINITIVE && to && task) {
    problems.push(
      warning('ADDITIONAL_TASK_ENDED', `${official.name}'s additional task as head of ${postName(task.positionId)} ends with the functional post on ${on}; give it again if it goes on.`, index, toField(row)),
    );
  }
  if (capacity === Capacity.DEFINITIVE && to && rankTooLow(official.rank, to.echelon)) {
    problems.push(
      warning('RANK_BELOW_MINIMUM', `${official.name}'s rank ${official.rank} is more than one grade below the minimum for echelon ${to.echelon} (PP 13/2002).`, index, toField(row)),
    );
  }
  if (capacity === Capacity.DEFINITIVE && held && held.startedOn > yearsBefore(on, 2)) {
    problems.push(warning('SHORT_TENURE', `${official.name} has held ${heldName} only since ${held.startedOn}, less than 2 years.`, index, fromField(row)));
  }
  // Acting past the limit: the period this row ends, or one it leaves open.
  const limit = monthsBefore(on, ACTING_LIMIT_MONTHS);
  const ended = ACTING_CAPACITIES.includes(capacity) && !to && fromPost ? acting.find((a) => a.positionId === fromPost.id) : undefined;
  if (ended && ended.startedOn < limit) {
    problems.push(
      warning('ACTING_OVER_LIMIT', `${official.name} acted in ${describePost(fromPost)} from ${ended.startedOn}, longer than ${ACTING_LIMIT_MONTHS} months (3, extended once by 3: SE Kepala BKN 1/SE/I/2021).`, index, fromField(row)),
    );
  }
  for (const open of acting.filter((a) => a !== ended && a.positionId !== to?.id && a.startedOn < limit)) {
    problems.push(
      warning('ACTING_OVER_LIMIT', `${official.name} has acted in ${postName(open.positionId)} since ${open.startedOn}, longer than ${ACTING_LIMIT_MONTHS} months, and still does on ${on}.`, index, null),
    );
  }
  // No last day for a PPPK (no retirement age) or an unknown birth date.
  const lastDayIn = (post: PositionRow) =>
    official.employment === Employment.PNS && official.birth_date ? lastDayOfService(official.birth_date, retirementAge(post)) : undefined;
  const lastDayLeft = row.kind === TransferKind.RETIREMENT && fromPost ? lastDayIn(fromPost) : undefined;
  if (lastDayLeft && on !== dayAfter(lastDayLeft)) {
    problems.push(
      warning('RETIREMENT_DATE_MISMATCH', `${official.name} retires from ${describePost(fromPost)} on ${dayAfter(lastDayLeft)} by the retirement age of the post, not ${on} (PP 11/2017 Pasal 239).`, index, 'kind'),
    );
  }
  // An additional task keeps the functional post, whose age applies.
  const ageOf = capacity === Capacity.ADDITIONAL_TASK ? heldPost : to;
  const lastDayTo = to && ageOf ? lastDayIn(ageOf) : undefined;
  if (to && ageOf && lastDayTo && on > lastDayTo) {
    problems.push(
      warning('RETIREMENT_AGE_REACHED', `${official.name} reached ${retirementAge(ageOf)}, the retirement age of ${describePost(ageOf)}; the last day of service was ${lastDayTo} (PP 11/2017 Pasal 239).`, index, toField(row)),
    );
  }
  return problems;
}
