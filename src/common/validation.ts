import { ValidationPipe, type ValidationError } from '@nestjs/common';
import type { Problem } from './errors/domain-error.js';
import { validationFailed } from './errors/common.errors.js';

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

/** Global pipe: every wrong field reported at once, as one VALIDATION_FAILED domain error. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    forbidUnknownValues: false,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => validationFailed(problemsOf(errors)),
  });
}
