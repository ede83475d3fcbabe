import { assertUnreachable } from '../common/errors/assert-unreachable.js';
import { registerConstraintErrors } from '../common/errors/database-errors.js';
import { validationFailed } from '../common/errors/common.errors.js';
import { DomainError, type GraphQLErrorCode } from '../common/errors/domain-error.js';

export enum PositionErrorCode {
  POSITION_NOT_FOUND = 'POSITION_NOT_FOUND',
  POSITION_CODE_TAKEN = 'POSITION_CODE_TAKEN',
  UNKNOWN_ORGANIZATION = 'UNKNOWN_ORGANIZATION',
}

export class PositionError extends DomainError<PositionErrorCode> {
  get graphqlCode(): GraphQLErrorCode {
    switch (this.code) {
      case PositionErrorCode.UNKNOWN_ORGANIZATION:
        return 'BAD_USER_INPUT';
      case PositionErrorCode.POSITION_NOT_FOUND:
        return 'NOT_FOUND';
      case PositionErrorCode.POSITION_CODE_TAKEN:
        return 'CONFLICT';
      default:
        return assertUnreachable(this.code);
    }
  }
}

export const positionNotFound = () => new PositionError(PositionErrorCode.POSITION_NOT_FOUND, 'No position with this id or code.');

registerConstraintErrors({
  positions_code_key: () =>
    new PositionError(PositionErrorCode.POSITION_CODE_TAKEN, 'A position with this code already exists.', [
      { field: 'code', code: PositionErrorCode.POSITION_CODE_TAKEN, message: 'This code is already used by another position.' },
    ]),
  positions_dates_check: () =>
    validationFailed([{ field: 'abolishedOn', code: 'DATES_OUT_OF_ORDER', message: 'abolishedOn must be after establishedOn' }]),
  positions_organization_id_fkey: () =>
    new PositionError(PositionErrorCode.UNKNOWN_ORGANIZATION, 'The organization does not exist.', [
      { field: 'organizationId', code: PositionErrorCode.UNKNOWN_ORGANIZATION, message: 'No organization with this id.' },
    ]),
});
