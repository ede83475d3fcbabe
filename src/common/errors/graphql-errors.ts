import { Logger } from '@nestjs/common';
import type { GraphQLFormattedError } from 'graphql';
import { currentRequestId } from '../logging/request-context.js';
import { translateDatabaseError } from './database-errors.js';
import { DomainError } from './domain-error.js';

const logger = new Logger('GraphQL');

/** The one mapping from whatever a request raised to what its client sees. */
export function createErrorFormatter(development: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = (error as { originalError?: unknown })?.originalError;
    const domain = original instanceof DomainError ? original : translateDatabaseError(original);
    const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };
    if (domain) {
      return {
        ...base,
        message: domain.message,
        extensions: {
          code: domain.graphqlCode,
          domainCode: domain.code,
          ...(domain.problems.length > 0 ? { problems: domain.problems } : {}),
          ...domain.details,
        },
      };
    }
    // By name, not instanceof: graphql ships CJS and ESM builds, and packages load either.
    if (original !== undefined && (original as Error)?.name !== 'GraphQLError') {
      // An unexpected failure: log it whole, tell the client nothing about its insides. The
      // request id is on the log line and in the answer, so an operator can find one from the other.
      logger.error(original instanceof Error ? (original.stack ?? original.message) : String(original));
      return { ...base, message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: currentRequestId() } };
    }
    // Parse, validation, limit and variable errors from graphql-js, Apollo and our rules.
    // Outside development, graphql-js's "Did you mean …?" would let a stranger map the schema.
    return !development ? { ...formatted, message: formatted.message.replace(/ ?Did you mean .*\?$/, '') } : formatted;
  };
}
