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

/** REST's parameter types for client input; @nestjs/graphql's for `@Args()` is GqlParamtype.ARGS (3, not exported). */
const REST_INPUT = new Set<unknown>(['body', 'query', 'param']);
const GRAPHQL_ARGS = 3;

/**
 * REST input (query strings, bodies, path parameters) gets the text check that GraphQL input
 * gets from the input guard, before any DTO or SQL sees it.
 */
class InputValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // Only what a client sends: REST input and GraphQL arguments. A field resolver's parent,
    // context and info are ours, and validating the parent copied it (plainToInstance) for
    // every field of every row: a third of what a nested query allocated.
    const rest = REST_INPUT.has(metadata.type);
    if (!rest && (metadata.type as unknown) !== GRAPHQL_ARGS) return value;
    if (rest) {
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
