import { isURL } from 'class-validator';
import { unsafeTextReason } from '../../common/input-safety.js';
import { EVENT_TEXT, type RotationEventInput, type TransferInput } from '../dto/rotation-event.input.js';
import { Severity, type RotationProblem } from '../dto/rotation-problem.js';
import type { Lookups, PlannedTransfer } from './lookups.js';
import { error } from './problems.js';
import { rowInputProblems } from './row-input.js';
import { checkRow } from './row-rules.js';

/*
 * The checks a decree gets on its own day, as pure functions over what was looked up: the
 * event's own fields here, each lampiran row in row-rules.ts. The history-wide checks (what
 * this event does to later decrees, two holders of one post) come from the projection.
 */

/** Codes after which a row cannot be stored at all (it would break a foreign key or a check). */
const UNSTORABLE = new Set(['OFFICIAL_REQUIRED', 'UNKNOWN_OFFICIAL', 'UNKNOWN_POSITION', 'POSITION_AMBIGUOUS', 'DUPLICATE_OFFICIAL', 'NOTHING_TO_RECORD', 'NOT_ACTING', 'KIND_CAPACITY_MISMATCH', 'DESTINATION_REQUIRED']);

const REQUIRED: readonly string[] = ['title', 'issuer'];

/**
 * The event's own malformed fields (a blank title, an issuer longer than its column, a source
 * that is not an http(s) URL), as ERRORs of the event: reported with the rows' problems, under
 * the codes and messages they had as input errors. The value itself is not repeated.
 */
export function eventInputProblems(input: RotationEventInput): RotationProblem[] {
  const problems: RotationProblem[] = [];
  for (const [field, max] of Object.entries(EVENT_TEXT)) {
    const value: unknown = input[field as keyof typeof EVENT_TEXT];
    const blank = value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
    if (blank) {
      if (REQUIRED.includes(field)) problems.push(error('IS_NOT_EMPTY', `${field} must not be empty`, null, field));
      continue;
    }
    const unsafe = typeof value === 'string' ? unsafeTextReason(value) : `must be text`;
    if (unsafe) problems.push(error('TEXT_INVALID', `${field} ${unsafe}`, null, field));
    else if ((value as string).length > max) problems.push(error('MAX_LENGTH', `${field} must be at most ${max} characters`, null, field));
    else if (field === 'sourceUrl' && !isURL(value as string, { require_protocol: true, protocols: ['http', 'https'] })) {
      problems.push(error('IS_URL', 'sourceUrl must be an http(s) URL', null, field));
    }
  }
  return problems;
}

/** The event as it can be written for the trial run: its malformed fields blank (there is an ERROR: nothing is kept). */
export function storableEvent(input: RotationEventInput, malformed: RotationProblem[]): RotationEventInput {
  if (malformed.length === 0) return input;
  const blanked = Object.fromEntries(malformed.map((p) => [p.field, REQUIRED.includes(p.field!) ? '' : null]));
  return { ...input, ...blanked };
}

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
 * where this event sorts among the events of that day (its id, or after all of them). A
 * malformed row (a NIP of 17 digits, an over-long note) gets its form's problems only and is
 * not planned; the resolve phase was not given it.
 */
export function checkLampiran(rows: TransferInput[], on: string, order: bigint, lookups: Lookups): { problems: RotationProblem[]; planned: PlannedTransfer[] } {
  const problems: RotationProblem[] = [];
  const planned: PlannedTransfer[] = [];
  const seen = new Map<string, number>();
  rows.forEach((row, index) => {
    const malformed = rowInputProblems(row, index);
    if (malformed.length > 0) {
      problems.push(...malformed);
      return;
    }
    const checked = checkRow(row, index, on, order, lookups, seen);
    problems.push(...checked.problems);
    if (checked.plan && !checked.problems.some((p) => p.severity === Severity.ERROR && UNSTORABLE.has(p.code))) planned.push(checked.plan);
  });
  return { problems, planned };
}
