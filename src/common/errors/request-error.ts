import { GraphQLError } from 'graphql';
import type { DomainError } from './domain-error.js';

/**
 * A domain error raised before execution (input checks, query cost) in Apollo's request
 * pipeline, where a plain throw becomes HTTP 500. It carries its HTTP status (400, adjusted
 * for the accepted media type by the response-status plugin) and reaches the client through
 * the one error mapping as its domain error.
 */
export function requestError(error: DomainError): GraphQLError {
  return new GraphQLError(error.message, { originalError: error, extensions: { http: { status: 400 } } });
}
