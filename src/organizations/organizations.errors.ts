import { assertUnreachable } from '../common/errors/assert-unreachable.js';
import { registerConstraintErrors } from '../common/errors/database-errors.js';
import { validationFailed } from '../common/errors/common.errors.js';
import { DomainError, type GraphQLErrorCode } from '../common/errors/domain-error.js';

export enum OrganizationErrorCode {
  ORGANIZATION_NOT_FOUND = 'ORGANIZATION_NOT_FOUND',
  ORGANIZATION_CODE_TAKEN = 'ORGANIZATION_CODE_TAKEN',
  UNKNOWN_PARENT = 'UNKNOWN_PARENT',
  ORGANIZATION_CYCLE = 'ORGANIZATION_CYCLE',
  /** A government is a top-level unit of kind GOVERNMENT with a region code and type; every other unit has a parent. */
  GOVERNMENT_SHAPE = 'GOVERNMENT_SHAPE',
  REGION_CODE_TAKEN = 'REGION_CODE_TAKEN',
  /** A unit may move within its government, not to another. */
  UNIT_CHANGES_GOVERNMENT = 'UNIT_CHANGES_GOVERNMENT',
}

export class OrganizationError extends DomainError<OrganizationErrorCode> {
  get graphqlCode(): GraphQLErrorCode {
    switch (this.code) {
      case OrganizationErrorCode.UNKNOWN_PARENT:
      case OrganizationErrorCode.ORGANIZATION_CYCLE:
      case OrganizationErrorCode.GOVERNMENT_SHAPE:
      case OrganizationErrorCode.UNIT_CHANGES_GOVERNMENT:
        return 'BAD_USER_INPUT';
      case OrganizationErrorCode.ORGANIZATION_NOT_FOUND:
        return 'NOT_FOUND';
      case OrganizationErrorCode.ORGANIZATION_CODE_TAKEN:
      case OrganizationErrorCode.REGION_CODE_TAKEN:
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
  organizations_government_root_check: () =>
    new OrganizationError(
      OrganizationErrorCode.GOVERNMENT_SHAPE,
      'A unit without a parent is a government: kind GOVERNMENT, with its regionCode and governmentType. Every other unit has a parent and no region code.',
      [{ field: 'parentId', code: OrganizationErrorCode.GOVERNMENT_SHAPE, message: 'Give a parent unit, or make this a government (kind GOVERNMENT, regionCode, governmentType).' }],
    ),
  organizations_region_code_key: () =>
    new OrganizationError(OrganizationErrorCode.REGION_CODE_TAKEN, 'A government with this region code already exists.', [
      { field: 'regionCode', code: OrganizationErrorCode.REGION_CODE_TAKEN, message: 'This region code is already another government\'s.' },
    ]),
  organizations_government_move: () =>
    new OrganizationError(OrganizationErrorCode.UNIT_CHANGES_GOVERNMENT, 'A unit cannot move to another government: its posts\' history would move with it.', [
      { field: 'parentId', code: OrganizationErrorCode.UNIT_CHANGES_GOVERNMENT, message: 'The new parent belongs to another government.' },
    ]),
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
