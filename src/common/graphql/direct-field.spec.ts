import 'reflect-metadata';
import type { ModuleRef } from '@nestjs/core';
import { Args, Context, Field, ObjectType, Parent, Resolver } from '@nestjs/graphql';
import { buildSchema, graphql } from 'graphql';
import { DirectField, wireDirectFields } from './direct-field.js';

@ObjectType()
class Thing {
  @Field()
  id: string;
}

@Resolver(() => Thing)
class ThingResolver {
  constructor(private readonly prefix: string) {}

  @DirectField(() => String)
  label(@Parent() thing: Thing, @Context() ctx: { suffix: string }): string {
    return `${this.prefix}${thing.id}${ctx.suffix}`;
  }
}

@ObjectType()
class Other {
  @Field()
  id: string;
}

@Resolver(() => Other)
class OtherResolver {
  @DirectField(() => String)
  echo(@Parent() other: Other, @Args('word') word: string): string {
    return `${other.id}${word}`;
  }
}

describe('DirectField', () => {
  const schema = buildSchema('type Thing { id: String! label: String } type Other { id: String! echo(word: String): String } type Query { thing: Thing other: Other }');
  const instances = new Map<unknown, unknown>([
    [ThingResolver, new ThingResolver('#')],
    [OtherResolver, new OtherResolver()],
  ]);
  const moduleRef = { get: (type: unknown) => instances.get(type) } as unknown as ModuleRef;

  it('calls the method on the app’s resolver instance with the parent and the context, and refuses other parameters at boot', async () => {
    expect(() => wireDirectFields(schema, moduleRef)).toThrow('@DirectField OtherResolver.echo must take exactly (@Parent(), @Context())');
    const result = await graphql({ schema, source: '{ thing { label } }', rootValue: { thing: { id: '7' } }, contextValue: { suffix: '!' } });
    expect(result).toEqual({ data: { thing: { label: '#7!' } } });
  });

  it('names a field missing from the schema', () => {
    const other = buildSchema('type Thing { id: String! } type Query { thing: Thing }');
    expect(() => wireDirectFields(other, moduleRef)).toThrow('@DirectField ThingResolver.label: no field Thing.label in the schema');
  });
});
