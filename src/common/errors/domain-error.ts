/** One thing wrong with the input: which field, a stable code, and a sentence a clerk understands. */
export interface Problem {
  field?: string | null;
  code: string;
  message: string;
  /** For batch inputs: the index of the offending item (e.g. the transfer). */
  index?: number | null;
  severity?: 'ERROR' | 'WARNING';
}

/**
 * Base of every error a service throws on purpose. `code` is a member of a module's
 * `*ErrorCode` enum; the one global mapping (graphql-errors.ts) turns it into a GraphQL
 * error whose `extensions.code` is BAD_USER_INPUT, NOT_FOUND, CONFLICT, …
 */
export abstract class DomainError<C extends string = string> extends Error {
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
