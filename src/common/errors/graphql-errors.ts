import { Logger } from '@nestjs/common';
import type { GraphQLFormattedError } from 'graphql';
import { QueryFailedError } from 'typeorm';
import { AuthErrorCode } from '../../auth/auth.errors.js';
import { OFFICIAL_CONSTRAINTS, OfficialErrorCode } from '../../officials/officials.errors.js';
import { ORGANIZATION_CONSTRAINTS, OrganizationErrorCode } from '../../organizations/organizations.errors.js';
import { ROTATION_CONSTRAINTS, RotationErrorCode } from '../../rotations/rotations.errors.js';
import { POSITION_CONSTRAINTS, PositionErrorCode } from '../../positions/positions.errors.js';
import { assertUnreachable } from './assert-unreachable.js';
import { CommonErrorCode } from './common.errors.js';
import { DomainError } from './domain-error.js';
import { currentRequestId } from '../logging/request-context.js';

export type DomainErrorCode = CommonErrorCode | AuthErrorCode | RotationErrorCode | OrganizationErrorCode | PositionErrorCode | OfficialErrorCode;

export type GraphQLErrorCode = 'BAD_USER_INPUT' | 'NOT_FOUND' | 'CONFLICT' | 'FORBIDDEN' | 'UNAUTHENTICATED' | 'INTERNAL_SERVER_ERROR';

/** The one place a domain code becomes a GraphQL error class. */
export function graphqlCodeFor(code: DomainErrorCode): GraphQLErrorCode {
  switch (code) {
    case CommonErrorCode.VALIDATION_FAILED:
    case CommonErrorCode.INVALID_CURSOR:
    case CommonErrorCode.PAGE_TOO_LARGE:
    case CommonErrorCode.MISSING_IDENTIFIER:
    case CommonErrorCode.QUERY_TOO_COSTLY:
    case CommonErrorCode.UNSUPPORTED_OPERATION:
    case OrganizationErrorCode.UNKNOWN_PARENT:
    case OrganizationErrorCode.ORGANIZATION_CYCLE:
    case PositionErrorCode.UNKNOWN_ORGANIZATION:
      return 'BAD_USER_INPUT';
    case OrganizationErrorCode.ORGANIZATION_NOT_FOUND:
    case PositionErrorCode.POSITION_NOT_FOUND:
    case OfficialErrorCode.OFFICIAL_NOT_FOUND:
      return 'NOT_FOUND';
    case OrganizationErrorCode.ORGANIZATION_CODE_TAKEN:
    case PositionErrorCode.POSITION_CODE_TAKEN:
    case OfficialErrorCode.NIP_TAKEN:
      return 'CONFLICT';
    case AuthErrorCode.UNAUTHENTICATED:
    case AuthErrorCode.INVALID_API_KEY:
      return 'UNAUTHENTICATED';
    case AuthErrorCode.FORBIDDEN:
    case AuthErrorCode.PERSONAL_DATA_RESTRICTED:
      return 'FORBIDDEN';
    case AuthErrorCode.API_KEY_NOT_FOUND:
      return 'NOT_FOUND';
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
    case CommonErrorCode.INTERNAL:
      return 'INTERNAL_SERVER_ERROR';
    default:
      return assertUnreachable(code);
  }
}

const CONSTRAINTS: Record<string, () => DomainError> = {
  ...ORGANIZATION_CONSTRAINTS,
  ...POSITION_CONSTRAINTS,
  ...OFFICIAL_CONSTRAINTS,
  ...ROTATION_CONSTRAINTS,
};

/**
 * A database error becomes the domain error its constraint stands for; anything else
 * becomes undefined (an internal error). Constraint messages repeat key values (a NIP),
 * so their text never reaches a client.
 */
export function translateDatabaseError(error: unknown): DomainError | undefined {
  if (!(error instanceof QueryFailedError)) return undefined;
  const constraint = (error.driverError as { constraint?: string } | undefined)?.constraint;
  return constraint ? CONSTRAINTS[constraint]?.() : undefined;
}

const logger = new Logger('GraphQL');

/** The one mapping from whatever a request raised to what its client sees. */
export function createErrorFormatter(development: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = (error as { originalError?: unknown })?.originalError;
    const domain = original instanceof DomainError ? original : translateDatabaseError(original);
    const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };
    if (domain) {
      return {
        ...base,
        message: domain.message,
        extensions: {
          code: graphqlCodeFor(domain.code as DomainErrorCode),
          domainCode: domain.code,
          ...(domain.problems.length > 0 ? { problems: domain.problems } : {}),
          ...domain.details,
        },
      };
    }
    // By name, not instanceof: graphql ships CJS and ESM builds, and packages load either.
    if (original !== undefined && (original as Error)?.name !== 'GraphQLError') {
      // An unexpected failure: log it whole, tell the client nothing about its insides.
      // The request id is on the log line and in the answer, so an operator can find one from the other.
      logger.error(original instanceof Error ? (original.stack ?? original.message) : String(original));
      return { ...base, message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: currentRequestId() } };
    }
    // Parse, validation, limit and variable errors from graphql-js, Apollo and our rules.
    // Outside development, graphql-js's "Did you mean …?" would let a stranger map the schema.
    return !development ? { ...formatted, message: formatted.message.replace(/ ?Did you mean .*\?$/, '') } : formatted;
  };
}
