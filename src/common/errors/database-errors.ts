import { QueryFailedError } from 'typeorm';
import type { DomainError } from './domain-error.js';

/** Constraint (or trigger) name → the domain error it means; each module registers its own. */
const constraintErrors = new Map<string, () => DomainError>();

/** Called by a module's errors file when it loads, so a new module touches nothing here. */
export function registerConstraintErrors(errors: Record<string, () => DomainError>): void {
  for (const [constraint, error] of Object.entries(errors)) constraintErrors.set(constraint, error);
}

/**
 * A database error becomes the domain error its constraint stands for; anything else
 * becomes undefined (an internal error). Constraint messages repeat key values (a NIP),
 * so their text never reaches a client.
 */
export function translateDatabaseError(error: unknown): DomainError | undefined {
  if (!(error instanceof QueryFailedError)) return undefined;
  const constraint = (error.driverError as { constraint?: string } | undefined)?.constraint;
  return constraint ? constraintErrors.get(constraint)?.() : undefined;
}
