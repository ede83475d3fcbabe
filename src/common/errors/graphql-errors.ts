import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import type { GraphQLContext } from '../loaders/request-loaders.js';
import type { LoggedRequest } from '../logging/request-logging.js';
import { translateDatabaseError } from './database-errors.js';
import { DomainError } from './domain-error.js';

/** A failure no check foresaw: not a domain error, not a refusal of the database's we name, not graphql-js's or Apollo's. */
function unexpected(original: unknown): boolean {
  // By name, not instanceof: graphql ships CJS and ESM builds, and packages load either.
  return original !== undefined && !(original instanceof DomainError) && !translateDatabaseError(original) && (original as Error)?.name !== 'GraphQLError';
}

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
    // An unexpected failure: nothing of its insides for the client (unexpectedErrorPlugin logs
    // it and adds the request id).
    if (unexpected(original)) return { ...base, message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
    // Parse, validation, limit and variable errors from graphql-js, Apollo and our rules.
    // Outside development, graphql-js's "Did you mean …?" would let a stranger map the schema.
    return !development ? { ...formatted, message: formatted.message.replace(/ ?Did you mean .*\?$/, '') } : formatted;
  };
}

/**
 * An unexpected failure is logged whole, once, on the request's logger, and its answer
 * carries the request id: an operator finds the one log line from what the client saw.
 */
export const unexpectedErrorPlugin: ApolloServerPlugin<GraphQLContext> = {
  async requestDidStart() {
    return {
      async didEncounterErrors({ errors, contextValue }) {
        // One line per failure, not per field: a failed batch fails every field that waited on it.
        const failures = new Set(errors.map((e) => e.originalError).filter(unexpected));
        for (const failure of failures) (contextValue.req as LoggedRequest).log.error({ context: 'GraphQL' }, failure!.stack ?? failure!.message);
      },
      async willSendResponse({ response, contextValue }) {
        if (response.body.kind !== 'single') return;
        for (const error of response.body.singleResult.errors ?? []) {
          if (error.extensions?.code === 'INTERNAL_SERVER_ERROR') (error.extensions as Record<string, unknown>).requestId = (contextValue.req as LoggedRequest).id;
        }
      },
    };
  },
};
