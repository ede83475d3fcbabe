import { Catch, HttpException, type ArgumentsHost } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import type { Response } from 'express';
import type { LoggedRequest } from '../logging/request-logging.js';
import { translateDatabaseError } from './database-errors.js';
import { DomainError, type GraphQLErrorCode } from './domain-error.js';

const HTTP_STATUS: Record<GraphQLErrorCode, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INTERNAL_SERVER_ERROR: 500,
  SERVICE_UNAVAILABLE: 503,
};

/** http-errors' shape (body-parser's 400 and 413): Nest's default handling answers these well. */
const isHttpError = (e: unknown) => typeof (e as { statusCode?: unknown })?.statusCode === 'number';

/**
 * GraphQL: hands every error to Apollo unchanged, where the error formatter (createErrorFormatter)
 * turns it into a client error and unexpectedErrorPlugin logs only the unexpected ones; without this Nest would
 * log each domain error (a clerk's typo) as a server ERROR.
 * REST (exports, health): a domain error becomes its HTTP status and a JSON body with the
 * same codes; an HTTP error keeps Nest's default handling; anything else is logged once and
 * answered 500 with the request id, nothing of its insides.
 */
@Catch()
export class AppExceptionFilter extends BaseExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<string>() === 'graphql') return exception;
    if (exception instanceof HttpException || isHttpError(exception)) return super.catch(exception, host);
    const res = host.switchToHttp().getResponse<Response>();
    const req = host.switchToHttp().getRequest<LoggedRequest>();
    const domain = exception instanceof DomainError ? exception : translateDatabaseError(exception);
    if (!domain) req.log.error({ context: 'HTTP' }, exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    if (res.headersSent) return res.destroy();
    if (!domain) {
      res.status(500).json({ error: { code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error', requestId: req.id } });
      return;
    }
    sendDomainError(res, domain);
  }
}

/** A domain error as a REST answer: its HTTP status and a JSON body with the same codes as GraphQL's. */
export function sendDomainError(res: Response, domain: DomainError): void {
  const code = domain.graphqlCode;
  if (code === 'SERVICE_UNAVAILABLE') res.setHeader('retry-after', '5');
  res.status(HTTP_STATUS[code]).json({ error: { code, domainCode: domain.code, message: domain.message, ...(domain.problems.length ? { problems: domain.problems } : {}) } });
}
