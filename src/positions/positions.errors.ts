import { validationFailed } from '../common/errors/common.errors.js';
import { DomainError } from '../common/errors/domain-error.js';

export enum PositionErrorCode {
  POSITION_NOT_FOUND = 'POSITION_NOT_FOUND',
  POSITION_CODE_TAKEN = 'POSITION_CODE_TAKEN',
  UNKNOWN_ORGANIZATION = 'UNKNOWN_ORGANIZATION',
}

export class PositionError extends DomainError<PositionErrorCode> {}

export const positionNotFound = () => new PositionError(PositionErrorCode.POSITION_NOT_FOUND, 'No position with this id or code.');

export const POSITION_CONSTRAINTS: Record<string, () => DomainError> = {
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
};
