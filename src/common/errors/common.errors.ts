import { assertUnreachable } from './assert-unreachable.js';
import { DomainError, type Problem, type GraphQLErrorCode } from './domain-error.js';

export enum CommonErrorCode {
  VALIDATION_FAILED = 'VALIDATION_FAILED',
  INVALID_CURSOR = 'INVALID_CURSOR',
  PAGE_TOO_LARGE = 'PAGE_TOO_LARGE',
  MISSING_IDENTIFIER = 'MISSING_IDENTIFIER',
  QUERY_TOO_COSTLY = 'QUERY_TOO_COSTLY',
  UNSUPPORTED_OPERATION = 'UNSUPPORTED_OPERATION',
  INTERNAL = 'INTERNAL',
  DATABASE_UNAVAILABLE = 'DATABASE_UNAVAILABLE',
}

export class CommonError extends DomainError<CommonErrorCode> {
  get graphqlCode(): GraphQLErrorCode {
    switch (this.code) {
      case CommonErrorCode.VALIDATION_FAILED:
      case CommonErrorCode.INVALID_CURSOR:
      case CommonErrorCode.PAGE_TOO_LARGE:
      case CommonErrorCode.MISSING_IDENTIFIER:
      case CommonErrorCode.QUERY_TOO_COSTLY:
      case CommonErrorCode.UNSUPPORTED_OPERATION:
        return 'BAD_USER_INPUT';
      case CommonErrorCode.INTERNAL:
        return 'INTERNAL_SERVER_ERROR';
      case CommonErrorCode.DATABASE_UNAVAILABLE:
        return 'SERVICE_UNAVAILABLE';
      default:
        return assertUnreachable(this.code);
    }
  }
}

export function validationFailed(problems: Problem[]): CommonError {
  const fields = [...new Set(problems.map((p) => p.field).filter(Boolean))];
  return new CommonError(CommonErrorCode.VALIDATION_FAILED, `Invalid input: ${fields.join(', ')}`, problems);
}
