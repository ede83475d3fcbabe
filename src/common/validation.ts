import { ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import type { Problem } from './errors/domain-error.js';
import { validationFailed } from './errors/common.errors.js';
import { unsafeTextProblems } from './input-safety.js';

/** `isNotEmpty` → `IS_NOT_EMPTY`; custom constraints are already named by their code (`NIP_INVALID`). */
function problemCode(constraint: string): string {
  return constraint.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
}

/** Flattens nested errors; inside a list (`transfers.3.nip`) the problem gets index 3 and field `nip`. */
export function problemsOf(errors: ValidationError[], parent = '', index?: number): Problem[] {
  return errors.flatMap((e) => {
    if (/^[0-9]+$/.test(e.property)) return problemsOf(e.children ?? [], '', Number(e.property));
    const field = parent ? `${parent}.${e.property}` : e.property;
    const own = Object.entries(e.constraints ?? {}).map(([constraint, message]) => ({
      field,
      code: problemCode(constraint),
      message,
      ...(index !== undefined ? { index, severity: 'ERROR' as const } : {}),
    }));
    return [...own, ...problemsOf(e.children ?? [], field, index)];
  });
}

/** REST's parameter types, and @nestjs/graphql's for `@Args()` (GqlParamtype.ARGS, not exported). */
const CLIENT_INPUT = new Set<unknown>(['body', 'query', 'param', 3]);

/**
 * REST input (query strings, bodies, path parameters) gets the text check that GraphQL input
 * gets from the input guard, before any DTO or SQL sees it.
 */
class InputValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // Only what a client sends: REST input and GraphQL arguments. A field resolver's parent,
    // context and info are ours, and validating the parent copied it (plainToInstance) for
    // every field of every row: a third of what a nested query allocated.
    if (!CLIENT_INPUT.has(metadata.type)) return value;
    if (metadata.type === 'query' || metadata.type === 'body' || metadata.type === 'param') {
      const problems = unsafeTextProblems(value, metadata.data ?? '');
      if (problems.length > 0) throw validationFailed(problems);
    }
    return super.transform(value, metadata);
  }
}

/** Global pipe: every wrong field reported at once, as one VALIDATION_FAILED domain error. */
export function createValidationPipe(): ValidationPipe {
  return new InputValidationPipe({
    transform: true,
    forbidUnknownValues: false,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => validationFailed(problemsOf(errors)),
  });
}
