import { Catch, type ArgumentsHost } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';

/**
 * Hands every error raised in a resolver to Apollo unchanged, where formatGraphQLError (the
 * one mapping) turns it into a client error and logs only the unexpected ones. Without this
 * filter Nest would log each domain error (a clerk's typo) as a server ERROR. HTTP routes
 * keep Nest's default handling.
 */
@Catch()
export class GraphQLExceptionFilter extends BaseExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<string>() === 'graphql') return exception;
    return super.catch(exception, host);
  }
}
