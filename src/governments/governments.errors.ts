import { assertUnreachable } from '../common/errors/assert-unreachable.js';
import { DomainError, type GraphQLErrorCode } from '../common/errors/domain-error.js';

export enum GovernmentErrorCode {
  GOVERNMENT_NOT_FOUND = 'GOVERNMENT_NOT_FOUND',
  /** The key does not act for the government a row belongs to. */
  OUTSIDE_SCOPE = 'OUTSIDE_SCOPE',
  /** Which government is meant cannot be told (the key acts for several, or the database holds several). */
  GOVERNMENT_REQUIRED = 'GOVERNMENT_REQUIRED',
}

export class GovernmentError extends DomainError<GovernmentErrorCode> {
  get graphqlCode(): GraphQLErrorCode {
    switch (this.code) {
      case GovernmentErrorCode.GOVERNMENT_NOT_FOUND:
        return 'NOT_FOUND';
      case GovernmentErrorCode.OUTSIDE_SCOPE:
        return 'FORBIDDEN';
      case GovernmentErrorCode.GOVERNMENT_REQUIRED:
        return 'BAD_USER_INPUT';
      default:
        return assertUnreachable(this.code);
    }
  }
}

/** A government as errors and answers name it. */
export interface GovernmentRef {
  id: string;
  code: string;
  regionCode: string;
  name: string;
}

export const governmentNotFound = (field: string) =>
  new GovernmentError(GovernmentErrorCode.GOVERNMENT_NOT_FOUND, 'No government with this code or region code.', [
    { field, code: GovernmentErrorCode.GOVERNMENT_NOT_FOUND, message: 'No government has this code or region code (e.g. "32.75" or "PEMKOT-BKS").' },
  ]);

/** FORBIDDEN, naming the government and the row: what the clerk needs to see why. */
export const outsideScope = (government: Pick<GovernmentRef, 'code' | 'regionCode' | 'name'>, row: string) =>
  new GovernmentError(GovernmentErrorCode.OUTSIDE_SCOPE, `This API key does not act for ${government.name} (${government.regionCode}): ${row}.`, [], {
    government: { code: government.code, regionCode: government.regionCode, name: government.name },
    row,
  });

export const governmentRequired = (field: string, why: string) =>
  new GovernmentError(GovernmentErrorCode.GOVERNMENT_REQUIRED, `Say which government: ${why}.`, [
    { field, code: GovernmentErrorCode.GOVERNMENT_REQUIRED, message: `Give the government's code or region code: ${why}.` },
  ]);

/** What a key acting for some governments is refused when it asks for all of them. */
export const EVERY_GOVERNMENT = { code: '*', regionCode: '*', name: 'every government' };
