import type { GraphQLResolveInfo } from 'graphql';
import { parseResolveInfo, type ResolveTree } from 'graphql-parse-resolve-info';

/**
 * The arguments (variables applied) of each selection of `field` on `typeName` directly below
 * the field being resolved, under any alias or fragment and minus those a `@skip`/`@include`
 * leaves out: lets a resolver read in its own statement what its children will ask for.
 */
export function selectedArgs(info: GraphQLResolveInfo, typeName: string, field: string): Record<string, unknown>[] {
  const tree = parseResolveInfo(info) as ResolveTree | null;
  return Object.values(tree?.fieldsByTypeName[typeName] ?? {})
    .filter((selection) => selection.name === field)
    .map((selection) => selection.args);
}
