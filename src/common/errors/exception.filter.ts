import { Catch, type ArgumentsHost } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import type { Response } from 'express';
import { DomainError } from './domain-error.js';
import { graphqlCodeFor, translateDatabaseError, type DomainErrorCode, type GraphQLErrorCode } from './graphql-errors.js';

const HTTP_STATUS: Record<GraphQLErrorCode, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INTERNAL_SERVER_ERROR: 500,
};

/**
 * GraphQL: hands every error to Apollo unchanged, where the error formatter (createErrorFormatter, the one mapping)
 * turns it into a client error and logs only the unexpected ones; without this Nest would
 * log each domain error (a clerk's typo) as a server ERROR.
 * REST (exports, health): a domain error becomes its HTTP status and a JSON body with the
 * same codes; anything else gets Nest's default handling.
 */
@Catch()
export class AppExceptionFilter extends BaseExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<string>() === 'graphql') return exception;
    const domain = exception instanceof DomainError ? exception : translateDatabaseError(exception);
    const res = host.switchToHttp().getResponse<Response>();
    if (domain && !res.headersSent) {
      const code = graphqlCodeFor(domain.code as DomainErrorCode);
      res.status(HTTP_STATUS[code]).json({ error: { code, domainCode: domain.code, message: domain.message, ...(domain.problems.length ? { problems: domain.problems } : {}) } });
      return;
    }
    return super.catch(exception, host);
  }
}
