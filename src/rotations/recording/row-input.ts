import { idProblem, isDatabaseId, unsafeTextReason } from '../../common/input-safety.js';
import { Capacity, TransferKind } from '../../history/history.enums.js';
import { MAX_CODE, MAX_NOTE, type TransferInput } from '../dto/rotation-event.input.js';
import type { RotationProblem } from '../dto/rotation-problem.js';
import { error } from './problems.js';

/*
 * The form of one lampiran row: what each field must look like before anything is looked up.
 * A malformed field is one problem of its row, reported beside every other row's, and the row
 * is neither resolved nor planned. Only the bound against hostile input (a string no field
 * could need) stays on the DTO, refused before the recorder runs.
 */

/** The fields a row used to name its official and its two posts: what a problem about each must name. */
export interface SentFields {
  official: 'officialId' | 'nip';
  from: 'fromPositionId' | 'fromPositionCode';
  to: 'toPositionId' | 'toPositionCode';
}

const given = (value: unknown) => value !== null && value !== undefined && value !== '';

/**
 * The field the row sent for each; for an end it left out (a problem can be about a missing
 * destination) the form its other end used, ids unless it used codes.
 */
export function sentFields(row: TransferInput): SentFields {
  const fromCode = !given(row.fromPositionId) && given(row.fromPositionCode);
  const toCode = !given(row.toPositionId) && given(row.toPositionCode);
  const byCode = toCode || fromCode;
  return {
    official: given(row.officialId) || !given(row.nip) ? 'officialId' : 'nip',
    from: fromCode || (!given(row.fromPositionId) && byCode) ? 'fromPositionCode' : 'fromPositionId',
    to: toCode || (!given(row.toPositionId) && byCode) ? 'toPositionCode' : 'toPositionId',
  };
}

const NIP = /^[0-9]{18}$/;
const KINDS = new Set<unknown>(Object.values(TransferKind));
const CAPACITIES = new Set<unknown>(Object.values(Capacity));

/** Why a text field is unusable, or undefined. The value itself is never repeated. */
function textProblem(value: unknown, field: string, max: number, code: string, index: number): RotationProblem | undefined {
  if (!given(value)) return undefined;
  if (typeof value !== 'string') return error(code, `${field} must be text.`, index, field);
  const unsafe = unsafeTextReason(value);
  if (unsafe) return error('TEXT_INVALID', `${field} ${unsafe}.`, index, field);
  if (value.length > max) return error(code, `${field} must be at most ${max} characters; this one has ${value.length}.`, index, field);
  return undefined;
}

function nipProblem(value: unknown, index: number): RotationProblem | undefined {
  if (!given(value) || (typeof value === 'string' && NIP.test(value))) return undefined;
  const unsafe = typeof value === 'string' ? unsafeTextReason(value) : undefined;
  if (unsafe) return error('TEXT_INVALID', `nip ${unsafe}.`, index, 'nip');
  const digits = typeof value === 'string' && /^[0-9]+$/.test(value) ? ` (this one has ${value.length})` : '';
  return error('NIP_INVALID', `nip must be 18 digits${digits}.`, index, 'nip');
}

/** Every malformed field of one row, in the order of the DTO's fields; none for a well-formed row. */
export function rowInputProblems(row: TransferInput, index: number): RotationProblem[] {
  const problems: (RotationProblem | undefined)[] = [];
  const id = (field: 'officialId' | 'fromPositionId' | 'toPositionId') => {
    const value = row[field];
    if (given(value) && !isDatabaseId(value)) problems.push(error('ID_INVALID', idProblem(field).message, index, field));
  };
  id('officialId');
  problems.push(nipProblem(row.nip, index));
  id('fromPositionId');
  problems.push(textProblem(row.fromPositionCode, 'fromPositionCode', MAX_CODE, 'CODE_TOO_LONG', index));
  id('toPositionId');
  problems.push(textProblem(row.toPositionCode, 'toPositionCode', MAX_CODE, 'CODE_TOO_LONG', index));
  if (given(row.kind) && !KINDS.has(row.kind)) problems.push(error('KIND_INVALID', `kind must be one of ${[...KINDS].join(', ')}.`, index, 'kind'));
  if (given(row.capacity) && !CAPACITIES.has(row.capacity)) problems.push(error('CAPACITY_INVALID', `capacity must be one of ${[...CAPACITIES].join(', ')}.`, index, 'capacity'));
  problems.push(textProblem(row.note, 'note', MAX_NOTE, 'NOTE_TOO_LONG', index));
  return problems.filter((p): p is RotationProblem => !!p);
}

/** True when the row's fields can be looked up and checked. */
export const wellFormed = (row: TransferInput, index = 0) => rowInputProblems(row, index).length === 0;
