import type { ModuleRef } from '@nestjs/core';
import { RESOLVER_NAME_METADATA, RESOLVER_TYPE_METADATA, ResolveField, type ResolveFieldOptions, type ReturnTypeFunc } from '@nestjs/graphql';
import { isObjectType, type GraphQLSchema } from 'graphql';

/** Nest's metadata key for a method's parameter decorators, and @nestjs/graphql's types for @Parent() (0), @Context() (1) and @Args() (3). */
const PARAMETERS = '__routeArguments__';
const PARENT_THEN_CONTEXT = ['0:0', '1:1'];
const PARENT_CONTEXT_THEN_ARGS = ['0:0', '1:1', '3:2'];

const directFields: { resolver: Function; method: string }[] = [];

/**
 * `@ResolveField` for a field that reads only its parent and the request's context (a relation
 * through a loader). graphql-js calls the method straight, `method(parent, ctx)`, instead of
 * through Nest's per-call wrapper (parameters extracted, pipes run and interceptors consulted,
 * each as a promise), which took a third of a nested query's time: 161 → 230 req/s for an
 * event of 61 transfers with each official's post and unit. Its parameters must be exactly
 * (@Parent(), @Context()), which `wireDirectFields` checks when the schema is built, or those
 * and a last @Args() whose fields need no pipe (optional scalars, e.g. asRecordedAt: the
 * scalar checks the value). Nothing else is lost: field resolvers here get no guards,
 * interceptors or filters (no fieldResolverEnhancers).
 */
export function DirectField(typeFunc: ReturnTypeFunc, options?: ResolveFieldOptions): MethodDecorator {
  return (target, key, descriptor) => {
    ResolveField(typeFunc, options)(target, key, descriptor);
    directFields.push({ resolver: target.constructor, method: String(key) });
  };
}

/** Points every DirectField of `schema` at its method on the app's resolver instance (`transformSchema`). */
export function wireDirectFields(schema: GraphQLSchema, moduleRef: ModuleRef): GraphQLSchema {
  for (const { resolver, method } of directFields) {
    const typeName: string = Reflect.getMetadata(RESOLVER_TYPE_METADATA, resolver);
    const resolve = resolver.prototype[method] as (parent: unknown, context: unknown, args: unknown) => unknown;
    const fieldName: string = Reflect.getMetadata(RESOLVER_NAME_METADATA, resolve) ?? method;
    const type = schema.getType(typeName);
    const field = isObjectType(type) ? type.getFields()[fieldName] : undefined;
    if (!field) throw new Error(`@DirectField ${resolver.name}.${method}: no field ${typeName}.${fieldName} in the schema`);
    const parameters = Object.keys(Reflect.getMetadata(PARAMETERS, resolver, method) ?? {}).sort().join();
    if (parameters !== PARENT_THEN_CONTEXT.join() && parameters !== PARENT_CONTEXT_THEN_ARGS.join()) {
      throw new Error(`@DirectField ${resolver.name}.${method} must take exactly (@Parent(), @Context()) or (@Parent(), @Context(), @Args())`);
    }
    const instance = moduleRef.get(resolver, { strict: false });
    field.resolve = (parent, args, context) => resolve.call(instance, parent, context, args);
  }
  return schema;
}
