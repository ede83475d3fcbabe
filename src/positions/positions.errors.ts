import { assertUnreachable } from '../common/errors/assert-unreachable.js';
import { registerConstraintErrors } from '../common/errors/database-errors.js';
import { validationFailed } from '../common/errors/common.errors.js';
import { DomainError, type GraphQLErrorCode } from '../common/errors/domain-error.js';

export enum PositionErrorCode {
  POSITION_NOT_FOUND = 'POSITION_NOT_FOUND',
  POSITION_CODE_TAKEN = 'POSITION_CODE_TAKEN',
  UNKNOWN_ORGANIZATION = 'UNKNOWN_ORGANIZATION',
  /** The category of a post with moves on record cannot change. */
  CATEGORY_IN_USE = 'CATEGORY_IN_USE',
  /** A post may move to another unit of its government, not to another government: its holders' history would move with it. */
  POST_CHANGES_GOVERNMENT = 'POST_CHANGES_GOVERNMENT',
}

export class PositionError extends DomainError<PositionErrorCode> {
  get graphqlCode(): GraphQLErrorCode {
    switch (this.code) {
      case PositionErrorCode.UNKNOWN_ORGANIZATION:
      case PositionErrorCode.POST_CHANGES_GOVERNMENT:
        return 'BAD_USER_INPUT';
      case PositionErrorCode.POSITION_NOT_FOUND:
        return 'NOT_FOUND';
      case PositionErrorCode.POSITION_CODE_TAKEN:
      case PositionErrorCode.CATEGORY_IN_USE:
        return 'CONFLICT';
      default:
        return assertUnreachable(this.code);
    }
  }
}

export const positionNotFound = () => new PositionError(PositionErrorCode.POSITION_NOT_FOUND, 'No position with this id or code.');

registerConstraintErrors({
  positions_government_move: () =>
    new PositionError(PositionErrorCode.POST_CHANGES_GOVERNMENT, 'A post cannot move to another government: its past events and holders would move with it. Establish a new post there instead.', [
      { field: 'organizationId', code: PositionErrorCode.POST_CHANGES_GOVERNMENT, message: 'This unit belongs to another government.' },
    ]),
  positions_code_key: () =>
    new PositionError(PositionErrorCode.POSITION_CODE_TAKEN, 'A position with this code already exists.', [
      { field: 'code', code: PositionErrorCode.POSITION_CODE_TAKEN, message: 'This code is already used by another position.' },
    ]),
  positions_dates_check: () =>
    validationFailed([{ field: 'abolishedOn', code: 'DATES_OUT_OF_ORDER', message: 'abolishedOn must be after establishedOn' }]),
  positions_seats_check: () =>
    validationFailed([{ field: 'seats', code: 'SEATS_NOT_ALLOWED', message: 'Only FUNCTIONAL and EXECUTOR posts may have more than one seat.' }]),
  positions_functional_level_check: () =>
    validationFailed([{ field: 'functionalLevel', code: 'FUNCTIONAL_LEVEL_NOT_ALLOWED', message: 'Only a FUNCTIONAL post has a functional level.' }]),
  // Fewer seats than a head's seat number: more heads hold the post at once than it would have seats.
  appointments_seat_check: () =>
    validationFailed([{ field: 'seats', code: 'SEATS_BELOW_HOLDERS', message: 'More officials hold this post at once, now or in its history, than the seats asked for.' }]),
  positions_organization_id_fkey: () =>
    new PositionError(PositionErrorCode.UNKNOWN_ORGANIZATION, 'The organization does not exist.', [
      { field: 'organizationId', code: PositionErrorCode.UNKNOWN_ORGANIZATION, message: 'No organization with this id.' },
    ]),
});
