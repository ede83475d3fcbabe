import { QueryFailedError } from 'typeorm';
import { CommonError, CommonErrorCode } from './common.errors.js';
import type { DomainError } from './domain-error.js';

/** Constraint (or trigger) name → the domain error it means; each module registers its own. */
const constraintErrors = new Map<string, () => DomainError>();

/** Called by a module's errors file when it loads, so a new module touches nothing here. */
export function registerConstraintErrors(errors: Record<string, () => DomainError>): void {
  for (const [constraint, error] of Object.entries(errors)) constraintErrors.set(constraint, error);
}

/** Socket errors, and PostgreSQL's connection exceptions (class 08) and shutdowns (57P01–57P03). */
const UNREACHABLE_CODES = /^(?:ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|ENOTFOUND|EPIPE|08\w{3}|57P0[123])$/;

/** The database went away or cannot be reached: a connection that failed or was cut, not a query it refused. */
export function isDatabaseUnreachable(error: unknown): boolean {
  const cause = (error instanceof QueryFailedError ? error.driverError : error) as { code?: unknown; message?: unknown } | undefined;
  if (typeof cause?.code === 'string') return UNREACHABLE_CODES.test(cause.code);
  // node-postgres's own words when the server closes a connection, one cannot be opened in time,
  // the pool had none free for as long (overloaded: as good as unreachable, and worth a retry),
  // a statement is sent on a connection that broke, or a server does not answer one in time.
  return typeof cause?.message === 'string' && /^Connection terminated|^timeout expired|^timeout exceeded when trying to connect|^Client has encountered a connection error|^Query read timeout/.test(cause.message);
}

/**
 * A database error becomes the domain error its constraint stands for; anything else
 * becomes undefined (an internal error). Constraint messages repeat key values (a NIP),
 * so their text never reaches a client.
 */
export function translateDatabaseError(error: unknown): DomainError | undefined {
  if (isDatabaseUnreachable(error)) return new CommonError(CommonErrorCode.DATABASE_UNAVAILABLE, 'The database cannot be reached; try again shortly');
  if (!(error instanceof QueryFailedError)) return undefined;
  const constraint = (error.driverError as { constraint?: string } | undefined)?.constraint;
  return constraint ? constraintErrors.get(constraint)?.() : undefined;
}
