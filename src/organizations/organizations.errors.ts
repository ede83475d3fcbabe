import { assertUnreachable } from '../common/errors/assert-unreachable.js';
import { registerConstraintErrors } from '../common/errors/database-errors.js';
import { validationFailed } from '../common/errors/common.errors.js';
import { DomainError, type GraphQLErrorCode } from '../common/errors/domain-error.js';

export enum OrganizationErrorCode {
  ORGANIZATION_NOT_FOUND = 'ORGANIZATION_NOT_FOUND',
  ORGANIZATION_CODE_TAKEN = 'ORGANIZATION_CODE_TAKEN',
  UNKNOWN_PARENT = 'UNKNOWN_PARENT',
  ORGANIZATION_CYCLE = 'ORGANIZATION_CYCLE',
}

export class OrganizationError extends DomainError<OrganizationErrorCode> {
  get graphqlCode(): GraphQLErrorCode {
    switch (this.code) {
      case OrganizationErrorCode.UNKNOWN_PARENT:
      case OrganizationErrorCode.ORGANIZATION_CYCLE:
        return 'BAD_USER_INPUT';
      case OrganizationErrorCode.ORGANIZATION_NOT_FOUND:
        return 'NOT_FOUND';
      case OrganizationErrorCode.ORGANIZATION_CODE_TAKEN:
        return 'CONFLICT';
      default:
        return assertUnreachable(this.code);
    }
  }
}

export const organizationNotFound = () =>
  new OrganizationError(OrganizationErrorCode.ORGANIZATION_NOT_FOUND, 'No organization with this id or code.');

registerConstraintErrors({
  organizations_code_key: () =>
    new OrganizationError(OrganizationErrorCode.ORGANIZATION_CODE_TAKEN, 'An organization with this code already exists.', [
      { field: 'code', code: OrganizationErrorCode.ORGANIZATION_CODE_TAKEN, message: 'This code is already used by another organization.' },
    ]),
  organizations_parent_id_fkey: () =>
    new OrganizationError(OrganizationErrorCode.UNKNOWN_PARENT, 'The parent organization does not exist.', [
      { field: 'parentId', code: OrganizationErrorCode.UNKNOWN_PARENT, message: 'No organization with this id.' },
    ]),
  organizations_dates_check: () =>
    validationFailed([{ field: 'dissolvedOn', code: 'DATES_OUT_OF_ORDER', message: 'dissolvedOn must be after establishedOn' }]),
  organizations_not_own_parent_check: () => cycle(),
  organizations_no_cycle: () => cycle(),
});

export const unknownParentCode = () =>
  new OrganizationError(OrganizationErrorCode.UNKNOWN_PARENT, 'The parent organization does not exist.', [
    { field: 'parentCode', code: OrganizationErrorCode.UNKNOWN_PARENT, message: 'No organization with this code.' },
  ]);

function cycle() {
  return new OrganizationError(OrganizationErrorCode.ORGANIZATION_CYCLE, 'An organization cannot be placed under itself or one of its own sub-units.', [
    { field: 'parentId', code: OrganizationErrorCode.ORGANIZATION_CYCLE, message: 'This parent is the organization itself or one of its sub-units.' },
  ]);
}
