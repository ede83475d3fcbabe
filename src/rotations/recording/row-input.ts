import type { TransferInput } from '../dto/rotation-event.input.js';

/*
 * The form of one lampiran row: which fields it used to name its official and posts.
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
