import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

function parse(value: unknown): string {
  if (typeof value !== 'string' || !TIME.test(value)) {
    throw new GraphQLError(`TimeOfDay must be a time of day written HH:MM (24-hour clock, e.g. 14:00); got ${JSON.stringify(value)?.slice(0, 40)}`, {
      extensions: { code: 'BAD_USER_INPUT', domainCode: 'TIME_OF_DAY_INVALID' },
    });
  }
  return value;
}

/** A local time of day, `HH:MM` on the 24-hour clock (PostgreSQL's `time`, whose ':SS' is left out). */
export const TimeOfDayScalar = new GraphQLScalarType<string, string>({
  name: 'TimeOfDay',
  description: 'A local time of day, HH:MM on the 24-hour clock (e.g. 14:00 for "pukul 14.00 WIB").',
  serialize: (value) => (value as string).slice(0, 5),
  parseValue: parse,
  parseLiteral: (ast) => parse(ast.kind === Kind.STRING ? ast.value : undefined),
});
