import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

/** An instant with its offset: 2026-02-06T09:00:00+07:00 or …Z (fractions optional). */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

function parse(value: unknown): Date {
  const date = typeof value === 'string' && INSTANT.test(value) ? new Date(value) : undefined;
  if (!date || Number.isNaN(date.getTime())) {
    throw new GraphQLError(`DateTime must be an ISO 8601 instant with its offset, e.g. 2026-02-06T09:00:00+07:00; got ${JSON.stringify(value)?.slice(0, 60)}`, {
      extensions: { code: 'BAD_USER_INPUT', domainCode: 'DATE_TIME_INVALID' },
    });
  }
  return date;
}

/**
 * Replaces Nest's built-in DateTime, which turns anything into `new Date(x)`: an Invalid
 * Date then reached SQL as "0NaN-NaN-…" and failed there.
 */
export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description: 'An instant in ISO 8601 with its offset, e.g. 2026-02-06T09:00:00+07:00.',
  serialize: (value) => (value instanceof Date ? value : new Date(value as string)).toISOString(),
  parseValue: parse,
  parseLiteral: (ast) => parse(ast.kind === Kind.STRING ? ast.value : undefined),
});
