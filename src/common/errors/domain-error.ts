/** One thing wrong with the input: which field, a stable code, and a sentence a clerk understands. */
export interface Problem {
  field?: string | null;
  code: string;
  message: string;
  /** For batch inputs: the index of the offending item (e.g. the transfer). */
  index?: number | null;
  severity?: 'ERROR' | 'WARNING';
}

/** The GraphQL error classes a client sees in `extensions.code`. */
export type GraphQLErrorCode = 'BAD_USER_INPUT' | 'NOT_FOUND' | 'CONFLICT' | 'FORBIDDEN' | 'UNAUTHENTICATED' | 'INTERNAL_SERVER_ERROR' | 'SERVICE_UNAVAILABLE';

/**
 * Base of every error a service throws on purpose. `code` is a member of a module's
 * `*ErrorCode` enum; its module maps the code to a GraphQL error class (`graphqlCode`);
 * the one formatter (graphql-errors.ts) turns it into `extensions.code` BAD_USER_INPUT, NOT_FOUND, CONFLICT, …
 */
export abstract class DomainError<C extends string = string> extends Error {
  /** Each module maps its own codes, with an exhaustive switch over its enum (assertUnreachable). */
  abstract get graphqlCode(): GraphQLErrorCode;

  constructor(
    readonly code: C,
    message: string,
    readonly problems: Problem[] = [],
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}
