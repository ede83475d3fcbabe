import type { ApolloServerPlugin } from '@apollo/server';
import type { Request } from 'express';

/** Errors raised before execution: the document, its variables, or our own input and cost checks. */
const REQUEST_ERROR_CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT']);

/**
 * An operation refused because the database cannot be reached answers 503 with Retry-After.
 * GraphQL over HTTP: a well-formed request whose document or variables are refused answers
 * 400 as `application/graphql-response+json` but 200 as `application/json` (legacy clients
 * read the body, not the status). Apollo answers 400 for both.
 */
export const responseStatusPlugin: ApolloServerPlugin<{ req: Request }> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response, contextValue }) {
        if (response.body.kind !== 'single') return;
        // The primary is unreachable: a write that cannot be done now, which a retry later may do.
        if (response.body.singleResult.errors?.some((e) => e.extensions?.code === 'SERVICE_UNAVAILABLE')) {
          response.http.status = 503;
          response.http.headers.set('retry-after', '5');
          return;
        }
        if (response.http.status !== 400) return;
        const { data, errors } = response.body.singleResult;
        if (data !== undefined || !errors?.length || !errors.every((e) => REQUEST_ERROR_CODES.has(String(e.extensions?.code)))) return;
        if (contextValue.req.accepts(['application/json', 'application/graphql-response+json']) === 'application/json') response.http.status = 200;
      },
    };
  },
};
