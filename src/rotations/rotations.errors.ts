import { assertUnreachable } from '../common/errors/assert-unreachable.js';
import { registerConstraintErrors } from '../common/errors/database-errors.js';
import { type Problem, type GraphQLErrorCode } from '../common/errors/domain-error.js';
import { DomainError } from '../common/errors/domain-error.js';

export enum RotationErrorCode {
  /** The submission has ERROR problems (`problems` lists them all); nothing was written. */
  ROTATION_REJECTED = 'ROTATION_REJECTED',
  /** The same, where every error is a clash with recorded history (an occupied post, a different origin). */
  ROTATION_CONFLICT = 'ROTATION_CONFLICT',
  ROTATION_EVENT_NOT_FOUND = 'ROTATION_EVENT_NOT_FOUND',
  VERSION_MISMATCH = 'VERSION_MISMATCH',
  EVENT_VOIDED = 'EVENT_VOIDED',
  IDEMPOTENCY_KEY_REUSED = 'IDEMPOTENCY_KEY_REUSED',
  DECREE_NUMBER_TAKEN = 'DECREE_NUMBER_TAKEN',
  POSITION_OVERLAP = 'POSITION_OVERLAP',
}

export class RotationError extends DomainError<RotationErrorCode> {
  get graphqlCode(): GraphQLErrorCode {
    switch (this.code) {
      case RotationErrorCode.ROTATION_REJECTED:
        return 'BAD_USER_INPUT';
      case RotationErrorCode.ROTATION_CONFLICT:
      case RotationErrorCode.VERSION_MISMATCH:
      case RotationErrorCode.EVENT_VOIDED:
      case RotationErrorCode.IDEMPOTENCY_KEY_REUSED:
      case RotationErrorCode.DECREE_NUMBER_TAKEN:
      case RotationErrorCode.POSITION_OVERLAP:
        return 'CONFLICT';
      case RotationErrorCode.ROTATION_EVENT_NOT_FOUND:
        return 'NOT_FOUND';
      default:
        return assertUnreachable(this.code);
    }
  }
}

/** Problems that mean "the history disagrees", not "the input is malformed". */
const CONFLICTS = new Set(['POSITION_OCCUPIED', 'FORMATION_FULL', 'FROM_POSITION_MISMATCH', 'NOT_ACTING', 'ALREADY_ACTING', 'SAME_DAY_MOVE', 'DECREE_NUMBER_TAKEN', 'SAME_POSITION']);

export function rejected(problems: Problem[]): RotationError {
  const errors = problems.filter((p) => p.severity === 'ERROR');
  const conflict = errors.every((p) => CONFLICTS.has(p.code));
  const first = errors[0];
  const where = first.index !== undefined && first.index !== null ? `transfer ${first.index}: ` : '';
  return new RotationError(
    conflict ? RotationErrorCode.ROTATION_CONFLICT : RotationErrorCode.ROTATION_REJECTED,
    `The rotation was not recorded: ${errors.length} error${errors.length === 1 ? '' : 's'} (${where}${first.message}${errors.length > 1 ? '; …' : ''}).`,
    problems,
  );
}

export const eventNotFound = () => new RotationError(RotationErrorCode.ROTATION_EVENT_NOT_FOUND, 'No rotation event with this id.');

registerConstraintErrors({
  rotation_events_issuer_decree_number_key: () =>
    new RotationError(RotationErrorCode.DECREE_NUMBER_TAKEN, 'This issuer already has an event with this decree number.', [
      { field: 'decreeNumber', code: RotationErrorCode.DECREE_NUMBER_TAKEN, message: 'This issuer already has an event with this decree number.' },
    ]),
  rotation_events_idempotency_key_key: () =>
    new RotationError(RotationErrorCode.IDEMPOTENCY_KEY_REUSED, 'This idempotency key was already used for another submission.'),
  // Last line of defence: the recorder checks overlaps before writing, under a lock.
  appointments_position_no_overlap: () =>
    new RotationError(RotationErrorCode.POSITION_OVERLAP, 'A post would have two definitive holders on the same day; nothing was written.'),
  appointments_official_no_overlap: () =>
    new RotationError(RotationErrorCode.POSITION_OVERLAP, 'An official would hold two definitive posts on the same day; nothing was written.'),
  appointments_official_one_task: () =>
    new RotationError(RotationErrorCode.POSITION_OVERLAP, 'An official would hold two additional tasks on the same day; nothing was written.'),
});
