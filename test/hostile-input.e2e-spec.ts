import { GraphQLSchemaHost } from '@nestjs/graphql';
import fc from 'fast-check';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import { serverAudits } from 'graphql-http';
import { createOfficial, createOrganization, createPosition } from './factories/index.js';
import { startTestApp, type GraphQLResponse, type TestApp } from './support/app.js';

/** One input leaf reachable from a root field: the argument, then input fields down to a String or ID. */
interface Target {
  operation: 'query' | 'mutation';
  field: GraphQLField<unknown, unknown>;
  /** argument name, then input field names (lists are entered as single items). */
  path: string[];
  type: 'ID' | 'String' | 'Int' | 'Date' | 'enum' | 'other';
}

const leafKind = (type: GraphQLInputType): Target['type'] => {
  const named = getNamedType(type);
  if (isEnumType(named)) return 'enum';
  return named.name === 'ID' || named.name === 'String' || named.name === 'Int' || named.name === 'Date' ? named.name : 'other';
};

/** Every leaf of every argument of every query and mutation, read from the schema itself. */
function targets(schema: GraphQLSchema): Target[] {
  const out: Target[] = [];
  const walk = (operation: Target['operation'], field: GraphQLField<unknown, unknown>, type: GraphQLInputType, path: string[], seen: Set<string>) => {
    const named = getNamedType(type);
    if (isInputObjectType(named)) {
      if (seen.has(named.name)) return;
      for (const f of Object.values(named.getFields())) walk(operation, field, f.type, [...path, f.name], new Set([...seen, named.name]));
      return;
    }
    out.push({ operation, field, path, type: leafKind(type) });
  };
  for (const [operation, root] of [['query', schema.getQueryType()], ['mutation', schema.getMutationType()]] as const) {
    for (const field of Object.values(root!.getFields())) {
      for (const arg of field.args) walk(operation, field, arg.type, [arg.name], new Set());
    }
  }
  return out;
}

/** A value of `type` that passes GraphQL coercion (required fields only). */
function plausible(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return plausible(type.ofType);
  if (isListType(type)) return [plausible(type.ofType)];
  if (isInputObjectType(type)) {
    return Object.fromEntries(Object.values(type.getFields()).filter((f) => isNonNullType(f.type)).map((f) => [f.name, plausible(f.type)]));
  }
  if (isEnumType(type)) return type.getValues()[0].value;
  if (isScalarType(type)) return ({ ID: '1', String: 'x', Int: 1, Float: 1, Boolean: true, Date: '2026-02-06' } as Record<string, unknown>)[type.name] ?? 'x';
  return null;
}

/** Sets `value` at `path` inside a plausible value of `type` (entering lists at their first item). */
function withValue(type: GraphQLInputType, path: string[], value: unknown): unknown {
  if (path.length === 0) return value;
  if (isNonNullType(type)) return withValue(type.ofType, path, value);
  if (isListType(type)) return [withValue(type.ofType, path, value)];
  if (!isInputObjectType(type)) throw new Error(`cannot enter ${String(type)}`);
  const base = plausible(type) as Record<string, unknown>;
  const field = type.getFields()[path[0]];
  return { ...base, [path[0]]: withValue(field.type, path.slice(1), value) };
}

/** The operation for a target, every argument passed as a variable so that any value can be sent. */
function operationFor(target: Target, value: unknown): { query: string; variables: Record<string, unknown> } {
  const [argName, ...rest] = target.path;
  const args = target.field.args.filter((a: GraphQLArgument) => a.name === argName || isNonNullType(a.type));
  const variables = Object.fromEntries(args.map((a) => [a.name, a.name === argName ? withValue(a.type, rest, value) : plausible(a.type)]));
  const definitions = args.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
  const call = args.map((a) => `${a.name}: $${a.name}`).join(', ');
  const selection = isObjectType(getNamedType(target.field.type)) ? ' { __typename }' : '';
  return {
    query: `${target.operation}${definitions ? `(${definitions})` : ''} { ${target.field.name}${call ? `(${call})` : ''}${selection} }`,
    variables,
  };
}

/** What no answer may contain: internals of the server or the database. */
const LEAKS = /stacktrace|node_modules|\/src\/|QueryFailedError|invalid input syntax|invalid byte sequence|violates|SELECT |out of range for type/i;

describe('hostile input', () => {
  let t: TestApp;
  let schema: GraphQLSchema;

  beforeAll(async () => {
    t = await startTestApp();
    schema = t.app.get(GraphQLSchemaHost).schema;
    const org = await createOrganization(t);
    await createPosition(t, org);
    await createOfficial(t);
  });
  afterAll(() => t.close());

  /** Sends with the HR key, and again as ADMIN when HR may not: hostile input must reach the resolvers. */
  async function send(body: { query: string; variables: Record<string, unknown> }): Promise<{ status: number; body: GraphQLResponse; text: string }> {
    const post = async (headers: Record<string, string>) => {
      const res = await t.http().post('/graphql').set({ 'content-type': 'application/json', ...headers }).send(body);
      return { status: res.status, body: res.body as GraphQLResponse, text: res.text };
    };
    const asHr = await post(t.auth.HR);
    return asHr.body.errors?.some((e) => e.extensions.code === 'FORBIDDEN' && !e.extensions.field) ? post(t.auth.ADMIN) : asHr;
  }

  const expectHandled = (res: { status: number; body: GraphQLResponse; text: string }, what: string) => {
    const internal = res.body.errors?.filter((e) => e.extensions?.code === 'INTERNAL_SERVER_ERROR') ?? [];
    expect([what, res.status < 500, internal]).toEqual([what, true, []]);
    expect([what, LEAKS.test(res.text)]).toEqual([what, false]);
  };

  it('finds the arguments to attack in the schema itself', () => {
    const all = targets(schema);
    const names = new Set(all.map((x) => `${x.field.name}.${x.path.join('.')}`));
    // A few that the first attack broke, to show the enumeration reaches them.
    for (const name of ['rotationEvent.id', 'officials.search', 'positions.organizationId', 'transfers.after', 'recordRotationEvent.input.transfers.nip', 'revokeApiKey.id', 'auditLog.targetId']) {
      expect(names).toContain(name);
    }
    expect(all.filter((x) => x.type === 'ID').length).toBeGreaterThan(20);
  });

  it('refuses a NUL or an unpaired surrogate in every string and ID argument, naming it, before any SQL', async () => {
    for (const target of targets(schema).filter((x) => x.type === 'String' || x.type === 'ID')) {
      for (const bad of ['a\u0000b', 'a\ud800b']) {
        const res = await send(operationFor(target, bad));
        const what = `${target.field.name}(${target.path.join('.')}) = ${JSON.stringify(bad)}`;
        expectHandled(res, what);
        expect([what, res.body.errors?.[0]?.extensions.code]).toEqual([what, 'BAD_USER_INPUT']);
        const fields = (res.body.errors?.[0]?.extensions.problems ?? []).map((p: { field: string }) => p.field.replace(/\.\d+(?=\.|$)/g, ''));
        expect([what, fields]).toEqual([what, expect.arrayContaining([target.path.join('.')])]);
      }
    }
  });

  it('refuses every ID argument that is not a bigint id, literal or variable', async () => {
    for (const target of targets(schema).filter((x) => x.type === 'ID')) {
      for (const bad of ['abc', '-1', '9223372036854775808', '1e3', ' 1', '']) {
        const res = await send(operationFor(target, bad));
        const what = `${target.field.name}(${target.path.join('.')}) = ${JSON.stringify(bad)}`;
        expectHandled(res, what);
        expect([what, res.body.errors?.[0]?.extensions.code]).toEqual([what, 'BAD_USER_INPUT']);
      }
    }
  });

  it('answers the reproductions from the attack with BAD_USER_INPUT', async () => {
    const cursor = (key: unknown[]) => Buffer.from(JSON.stringify(key)).toString('base64url');
    const cases: [string, Record<string, unknown>?][] = [
      ['query($s:String){ officials(search:$s){ totalCount } }', { s: '\u0000' }],
      ['{ rotationEvent(id:"abc"){ id } }'],
      ['{ rotationEvent(id:"9223372036854775808"){ id } }'],
      ['{ rotationEvent(id: 9223372036854775808){ id } }'],
      ['{ positions(organizationId:"abc"){ totalCount } }'],
      ['{ organizations(parentId:"abc"){ totalCount } }'],
      ['{ officials(search: "a\\u0000b") { totalCount } }'],
      ['{ organization(code: "\\ud800") { id } }'],
      ['mutation { updatePosition(id: "abc", input: { title: "x" }) { id } }'],
      ['mutation { voidRotationEvent(id: "abc", expectedVersion: 1, reason: "x") { id } }'],
      ['mutation { revokeApiKey(id: "x") { id } }'],
      ['{ auditLog(targetId: "x") { totalCount } }'],
      [`{ transfers(after: "${cursor(['2026-02-30', '1', 1])}") { totalCount } }`],
      [`{ transfers(after: "${cursor(['2026-02-06', '99999999999999999999', 1])}") { totalCount } }`],
      [`{ transfers(after: "${cursor(['2026-02-06', '1', 99999999999])}") { totalCount } }`],
      [`{ organizations(after: "${cursor(['9223372036854775808'])}") { totalCount } }`],
      [`{ officials(search: "asep", after: "${cursor([1e308 * 10, '1'])}") { totalCount } }`],
      ['{ organizations(first: 100) { edges { node { children { children { children { id } } } } } } }'],
      ['subscription { organizations { totalCount } }'],
    ];
    for (const [query, variables] of cases) {
      const res = await send({ query, variables: variables ?? {} });
      expectHandled(res, query);
      const codes = res.body.errors?.map((e) => e.extensions.code);
      expect([query, codes?.[0]]).toEqual([query, expect.stringMatching(/^(BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED|GRAPHQL_PARSE_FAILED)$/)]);
    }
  });

  it('survives random garbage in every argument (fast-check)', async () => {
    const all = targets(schema);
    const garbage: Record<Target['type'], fc.Arbitrary<unknown>> = {
      String: fc.oneof(
        fc.string({ unit: 'binary', maxLength: 40 }),
        fc.string({ unit: 'grapheme', maxLength: 40 }),
        fc.constantFrom("'; DROP TABLE officials; --", '%', '_%\\', '\\x00', 'ü̈́', '2026-02-30', 'NaN', '-0', '   ', '<script>alert(1)</script>', '${x}', '\u202e'),
        fc.constant('x'.repeat(100_000)),
      ),
      ID: fc.oneof(fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }).map(String), fc.string({ maxLength: 25 }), fc.integer()),
      Int: fc.oneof(fc.integer(), fc.constantFrom(2 ** 31, -(2 ** 31) - 1, 2 ** 53, 1.5, -1, 0, 101), fc.string({ maxLength: 5 })),
      Date: fc.oneof(fc.constantFrom('2026-02-30', '0000-01-01', '9999-12-31', '2026-2-6', '20260206', '2026-02-06T00:00:00Z', '-2026-01-01'), fc.string({ maxLength: 12 })),
      enum: fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('IV_Z', '', 'iii_a')),
      other: fc.oneof(fc.boolean(), fc.double(), fc.string({ maxLength: 10 }), fc.constant(null), fc.constant({})),
    };
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...all).chain((target) => garbage[target.type].map((value) => ({ target, value }))),
        async ({ target, value }) => {
          expectHandled(await send(operationFor(target, value)), `${target.field.name}(${target.path.join('.')}) = ${String(JSON.stringify(value)).slice(0, 80)}`);
        },
      ),
      { numRuns: 1500, seed: 20260206 },
    );
  });

  it('checks REST query strings the same way', async () => {
    for (const query of ['organizationCode=%00', 'organizationCode=%ED%A0%80', 'organizationId=abc', 'organizationId=9223372036854775808', 'from=2026-02-30']) {
      const res = await t.http().get(`/exports/transfers.csv?${query}`).set(t.auth.ANALYST);
      expect([query, res.status]).toEqual([query, 400]);
      expect([query, res.body.error.code]).toEqual([query, 'BAD_USER_INPUT']);
    }
  });

  it('answers GraphQL-over-HTTP status codes by media type, and never 500 for a refused request', async () => {
    const post = (accept: string, body: object) => t.http().post('/graphql').set({ 'content-type': 'application/json', accept }).send(body);
    const costly = { query: '{ organizations(first: 100) { edges { node { children { children { children { id } } } } } } }' };
    for (const body of [{ query: '{' }, { query: '{ nope }' }, { query: 'query($id: ID!) { __typename }', variables: { id: null } }, costly, { query: '{ rotationEvent(id: "x") { id } }' }]) {
      expect([body.query, (await post('application/json', body)).status]).toEqual([body.query, 200]);
      expect([body.query, (await post('application/graphql-response+json', body)).status]).toEqual([body.query, 400]);
    }
    const persisted = await post('application/json', { query: '{ __typename }', extensions: { persistedQuery: { version: 1, sha256Hash: 'nope' } } });
    expect(persisted.status).toBeLessThan(500);
    expect(persisted.body.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_SUPPORTED');

    const url = `http://127.0.0.1:${(t.app.getHttpServer().address() as { port: number }).port}/graphql`;
    const failed = [];
    for (const audit of serverAudits({ url })) {
      const result = await audit.fn();
      if (result.status !== 'ok') failed.push(`${audit.id} ${audit.name}: ${result.reason}`);
    }
    // 28B9 asks `__type`, which is introspection: off unless NODE_ENV=development.
    expect(failed.filter((f) => /^(572B|FDE2|7B9B) |MUST/.test(f) && !f.startsWith('28B9 '))).toEqual([]);
  });
});
