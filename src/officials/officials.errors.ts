import { DomainError } from '../common/errors/domain-error.js';

export enum OfficialErrorCode {
  OFFICIAL_NOT_FOUND = 'OFFICIAL_NOT_FOUND',
  NIP_TAKEN = 'NIP_TAKEN',
}

export class OfficialError extends DomainError<OfficialErrorCode> {}

export const officialNotFound = () => new OfficialError(OfficialErrorCode.OFFICIAL_NOT_FOUND, 'No official with this id or NIP.');

export const OFFICIAL_CONSTRAINTS: Record<string, () => DomainError> = {
  // The database message repeats the NIP; the client gets only this.
  officials_nip_key: () =>
    new OfficialError(OfficialErrorCode.NIP_TAKEN, 'An official with this NIP is already recorded.', [
      { field: 'nip', code: OfficialErrorCode.NIP_TAKEN, message: 'This NIP is already recorded for another official.' },
    ]),
};
