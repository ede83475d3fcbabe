import type { ApolloServerPlugin } from '@apollo/server';
import {
  GraphQLID,
  TypeInfo,
  getNamedType,
  isInputObjectType,
  isListType,
  isNonNullType,
  typeFromAST,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { CommonError, CommonErrorCode, validationFailed } from '../errors/common.errors.js';
import type { Problem } from '../errors/domain-error.js';
import { requestError } from '../errors/request-error.js';
import { idProblem, isDatabaseId, textProblem, unsafeTextReason } from '../input-safety.js';

const isId = (type: GraphQLInputType | null | undefined) => !!type && getNamedType(type) === GraphQLID;

function leafProblems(value: unknown, type: GraphQLInputType | null | undefined, field: string): Problem[] {
  if (isId(type) && (typeof value === 'string' || typeof value === 'number') && !isDatabaseId(value)) return [idProblem(field)];
  const reason = typeof value === 'string' ? unsafeTextReason(value) : undefined;
  return reason ? [textProblem(field, reason)] : [];
}

/** Apollo hands back the same parsed document for a repeated query: its literals are checked once. */
const literalsChecked = new WeakMap<DocumentNode, Problem[]>();

/** Literals written in the document: every string and every ID, named by argument and input field. */
function literalProblems(schema: GraphQLSchema, document: DocumentNode): Problem[] {
  const known = literalsChecked.get(document);
  if (known) return known;
  const problems: Problem[] = [];
  const path: string[] = [];
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Argument: { enter: (node) => void path.push(node.name.value), leave: () => void path.pop() },
      ObjectField: { enter: (node) => void path.push(node.name.value), leave: () => void path.pop() },
      StringValue: (node) => void problems.push(...leafProblems(node.value, typeInfo.getInputType(), path.join('.'))),
      IntValue: (node) => void problems.push(...leafProblems(node.value, typeInfo.getInputType(), path.join('.'))),
    }),
  );
  literalsChecked.set(document, problems);
  return problems;
}

/** A variable's value against its declared type; graphql-js coerces it later, we only look for what would reach SQL unsafely. */
function valueProblems(value: unknown, type: GraphQLInputType, field: string): Problem[] {
  if (value === null || value === undefined) return [];
  if (isNonNullType(type)) return valueProblems(value, type.ofType, field);
  if (isListType(type)) {
    return Array.isArray(value) ? value.flatMap((item, i) => valueProblems(item, type.ofType, `${field}.${i}`)) : valueProblems(value, type.ofType, field);
  }
  if (isInputObjectType(type)) {
    if (typeof value !== 'object' || Array.isArray(value)) return [];
    const fields = type.getFields();
    return Object.entries(value).flatMap(([key, item]) => (fields[key] ? valueProblems(item, fields[key].type, `${field}.${key}`) : []));
  }
  return leafProblems(value, type, field);
}

function variableProblems(schema: GraphQLSchema, operation: OperationDefinitionNode, variables: Record<string, unknown>): Problem[] {
  return (operation.variableDefinitions ?? []).flatMap((definition) => {
    const type = typeFromAST(schema, definition.type) as GraphQLInputType | undefined;
    const name = definition.variable.name.value;
    return type ? valueProblems(variables[name], type, name) : [];
  });
}

/**
 * The one place where client input is checked before any resolver (and so any SQL) runs:
 * every ID argument must be a bigint id, and no string — literal or variable, at any depth —
 * may hold a NUL or an unpaired surrogate. New arguments are covered without opting in.
 */
export const inputGuardPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ request, document, schema, operation }) {
        if (operation?.operation === 'subscription') {
          throw requestError(new CommonError(CommonErrorCode.UNSUPPORTED_OPERATION, 'Mutasi has no subscriptions; send a query or a mutation.'));
        }
        const problems = [...literalProblems(schema, document), ...(operation ? variableProblems(schema, operation, request.variables ?? {}) : [])];
        if (problems.length > 0) throw requestError(validationFailed(problems));
      },
    };
  },
};
