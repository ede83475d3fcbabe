import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, NoSchemaIntrospectionCustomRule, validate, type DocumentNode } from 'graphql';

/** Apollo hands back the same parsed document for a repeated query: it is looked at once. */
const introspects = new WeakMap<DocumentNode, string | null>();

/**
 * Introspection — the explorer's docs and completion — for callers with an API key, and for
 * everyone in development. The schema is no secret (schema.gql is in the repository), but an
 * anonymous caller gets no map of the API to probe, as before. Reads the caller from the
 * shape the auth middleware leaves on the request (common/ knows no domain module).
 */
export function introspectionPlugin(openToAll: boolean): ApolloServerPlugin {
  return {
    async requestDidStart() {
      if (openToAll) return;
      return {
        async didResolveOperation({ document, schema, contextValue }) {
          if ((contextValue as { req?: { actor?: unknown } }).req?.actor) return;
          let refusal = introspects.get(document);
          if (refusal === undefined) {
            refusal = validate(schema, document, [NoSchemaIntrospectionCustomRule])[0]?.message ?? null;
            introspects.set(document, refusal);
          }
          if (refusal) throw new GraphQLError(`${refusal} Send an API key to use introspection.`, { extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } } });
        },
      };
    },
  };
}
