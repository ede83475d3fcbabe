import { assertUnreachable } from '../common/errors/assert-unreachable.js';
import { DomainError, type GraphQLErrorCode } from '../common/errors/domain-error.js';

export enum AuthErrorCode {
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  INVALID_API_KEY = 'INVALID_API_KEY',
  FORBIDDEN = 'FORBIDDEN',
  PERSONAL_DATA_RESTRICTED = 'PERSONAL_DATA_RESTRICTED',
  API_KEY_NOT_FOUND = 'API_KEY_NOT_FOUND',
}

export class AuthError extends DomainError<AuthErrorCode> {
  get graphqlCode(): GraphQLErrorCode {
    switch (this.code) {
      case AuthErrorCode.UNAUTHENTICATED:
      case AuthErrorCode.INVALID_API_KEY:
        return 'UNAUTHENTICATED';
      case AuthErrorCode.FORBIDDEN:
      case AuthErrorCode.PERSONAL_DATA_RESTRICTED:
        return 'FORBIDDEN';
      case AuthErrorCode.API_KEY_NOT_FOUND:
        return 'NOT_FOUND';
      default:
        return assertUnreachable(this.code);
    }
  }
}

export const invalidApiKey = () =>
  new AuthError(AuthErrorCode.INVALID_API_KEY, 'The API key is not valid or has been revoked.');

export const unauthenticated = (roles: readonly string[]) =>
  new AuthError(AuthErrorCode.UNAUTHENTICATED, `This operation needs an API key with the role ${roles.join(' or ')}: send it as "Authorization: Bearer <key>".`);

export const forbidden = (roles: readonly string[]) =>
  new AuthError(AuthErrorCode.FORBIDDEN, `This operation needs an API key with the role ${roles.join(' or ')}.`);

export const personalDataRestricted = (field: string, why = 'only HR, ANALYST and ADMIN keys may see or search it') =>
  new AuthError(AuthErrorCode.PERSONAL_DATA_RESTRICTED, `${field} is personal data: ${why}.`);
