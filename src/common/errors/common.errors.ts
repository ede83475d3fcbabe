import { DomainError, type Problem } from './domain-error.js';

export enum CommonErrorCode {
  VALIDATION_FAILED = 'VALIDATION_FAILED',
  INVALID_CURSOR = 'INVALID_CURSOR',
  PAGE_TOO_LARGE = 'PAGE_TOO_LARGE',
  MISSING_IDENTIFIER = 'MISSING_IDENTIFIER',
  QUERY_TOO_COSTLY = 'QUERY_TOO_COSTLY',
  UNSUPPORTED_OPERATION = 'UNSUPPORTED_OPERATION',
  INTERNAL = 'INTERNAL',
}

export class CommonError extends DomainError<CommonErrorCode> {}

export function validationFailed(problems: Problem[]): CommonError {
  const fields = [...new Set(problems.map((p) => p.field).filter(Boolean))];
  return new CommonError(CommonErrorCode.VALIDATION_FAILED, `Invalid input: ${fields.join(', ')}`, problems);
}
