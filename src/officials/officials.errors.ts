import { assertUnreachable } from '../common/errors/assert-unreachable.js';
import { registerConstraintErrors } from '../common/errors/database-errors.js';
import { DomainError, type GraphQLErrorCode } from '../common/errors/domain-error.js';

export enum OfficialErrorCode {
  OFFICIAL_NOT_FOUND = 'OFFICIAL_NOT_FOUND',
  NIP_TAKEN = 'NIP_TAKEN',
}

export class OfficialError extends DomainError<OfficialErrorCode> {
  get graphqlCode(): GraphQLErrorCode {
    switch (this.code) {
      case OfficialErrorCode.OFFICIAL_NOT_FOUND:
        return 'NOT_FOUND';
      case OfficialErrorCode.NIP_TAKEN:
        return 'CONFLICT';
      default:
        return assertUnreachable(this.code);
    }
  }
}

export const officialNotFound = () => new OfficialError(OfficialErrorCode.OFFICIAL_NOT_FOUND, 'No official with this id or NIP.');

registerConstraintErrors({
  // The database message repeats the NIP; the client gets only this.
  officials_nip_key: () =>
    new OfficialError(OfficialErrorCode.NIP_TAKEN, 'An official with this NIP is already recorded.', [
      { field: 'nip', code: OfficialErrorCode.NIP_TAKEN, message: 'This NIP is already recorded for another official.' },
    ]),
});
