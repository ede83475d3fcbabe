import type { ApolloServerPlugin } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { GraphQLError, getNamedType, getNullableType, isLeafType, isListType, type DocumentNode, type GraphQLSchema, type ValidationContext, type ValidationRule } from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import { CommonError, CommonErrorCode } from '../errors/common.errors.js';
import { requestError } from '../errors/request-error.js';

/** Anchors: GitHub's GraphQL API limits, the OWASP GraphQL cheat sheet, Apollo's production checklist. */
export const QUERY_LIMITS = {
  maxDepth: 8,
  maxAliases: 15,
  maxCost: 10_000,
  /** Assumed length of a list that takes no `first` (children, ancestors, a career). */
  unpagedListSize: 10,
} as const;

/**
 * graphql-armor throws its rejection (from its own copy of graphql), which Apollo would turn
 * into a 500; reported as a validation error instead, it reaches the client as
 * GRAPHQL_VALIDATION_FAILED with the limit and what was found.
 */
const report = { propagateOnRejection: false, exposeLimits: true, onReject: [(ctx: ValidationContext | null, err: Error) => ctx?.reportError(new GraphQLError(err.message.replace(/^Syntax Error: /, '')))] };

export const validationRules = [
  // Depth is the nesting of fields, where cost grows: a fragment spread is no level of its own, so clients may share fragments freely.
  maxDepthRule({ n: QUERY_LIMITS.maxDepth, flattenFragments: true, ...report }),
  maxAliasesRule({ n: QUERY_LIMITS.maxAliases, ...report }),
] as unknown as ValidationRule[];

/**
 * Cost in the manner of GitHub's: a field asking for `first: n` items multiplies what lies
 * under it by n; an unpaged list by `unpagedListSize`; a connection's `edges` by 1 (its
 * `first` already counted); scalars cost nothing and every object 1.
 */
const costEstimator: ComplexityEstimator = ({ field, args, childComplexity }) => {
  if (isLeafType(getNamedType(field.type))) return 0;
  const first = typeof args.first === 'number' ? args.first : undefined;
  const isList = isListType(getNullableType(field.type));
  const multiplier = first ?? (field.name === 'edges' || !isList ? 1 : QUERY_LIMITS.unpagedListSize);
  return 1 + multiplier * childComplexity;
};

/**
 * Costs already computed, per parsed document (Apollo reuses the parsed document of a query
 * it has seen): the cost depends only on the operation and the variables that are numbers
 * (`first`) or booleans (`@include`, `@skip`), so a point read asked with ever new ids is
 * costed once.
 */
const knownCosts = new WeakMap<DocumentNode, Map<string, number>>();

function costOf(schema: GraphQLSchema, document: DocumentNode, operationName: string | undefined, variables: Record<string, unknown>): number {
  const key = JSON.stringify([operationName, Object.entries(variables).filter(([, v]) => typeof v === 'number' || typeof v === 'boolean')]);
  let costs = knownCosts.get(document);
  if (!costs) knownCosts.set(document, (costs = new Map()));
  let cost = costs.get(key);
  if (cost === undefined) {
    cost = getComplexity({ schema, query: document, operationName, variables, estimators: [costEstimator] });
    if (costs.size < 100) costs.set(key, cost);
  }
  return cost;
}

/** Refuses an operation whose cost exceeds the limit before anything executes, saying both numbers. */
export const costLimitPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ request, document, schema }) {
        let cost: number;
        try {
          cost = costOf(schema, document, request.operationName ?? undefined, request.variables ?? {});
        } catch {
          // Variables that do not coerce: execution refuses them next, with graphql-js's own
          // BAD_USER_INPUT error, before any resolver runs.
          return;
        }
        if (cost > QUERY_LIMITS.maxCost) {
          throw requestError(
            new CommonError(
              CommonErrorCode.QUERY_TOO_COSTLY,
              `This query would cost ${cost} points; the limit is ${QUERY_LIMITS.maxCost}. Ask for fewer items (first) or fewer nested lists.`,
              [],
              { cost, limit: QUERY_LIMITS.maxCost },
            ),
          );
        }
      },
    };
  },
};
