import type { Problem } from './errors/domain-error.js';

/** Every table's key is a PostgreSQL bigint. */
const BIGINT_MAX = 9223372036854775807n;

/** True for an id PostgreSQL can compare with a bigint key: 1 to 19 digits, at most 2^63 − 1. */
export function isDatabaseId(value: unknown): boolean {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value >= 0;
  return typeof value === 'string' && /^[0-9]{1,19}$/.test(value) && BIGINT_MAX >= BigInt(value);
}

/**
 * Why PostgreSQL (or JSON) would choke on this text, or undefined when it is fine: a NUL byte
 * cannot be stored in a UTF-8 text column, and a lone UTF-16 surrogate is no character at all.
 */
export function unsafeTextReason(value: string): string | undefined {
  if (value.includes('\u0000')) return 'must not contain a NUL character (\\u0000)';
  if (!value.isWellFormed()) return 'must be valid Unicode (it contains an unpaired surrogate)';
  return undefined;
}

export const idProblem = (field: string): Problem => ({
  field,
  code: 'ID_INVALID',
  message: `${field} must be an id: a whole number of at most 19 digits, as this API gives out`,
});

export const textProblem = (field: string, reason: string): Problem => ({ field, code: 'TEXT_INVALID', message: `${field} ${reason}` });

/** Problems for every unsafe string anywhere in `value` (a parsed query string or JSON body), named by path. */
export function unsafeTextProblems(value: unknown, path: string): Problem[] {
  if (typeof value === 'string') {
    const reason = unsafeTextReason(value);
    return reason ? [textProblem(path || 'value', reason)] : [];
  }
  if (Array.isArray(value)) return value.flatMap((item, i) => unsafeTextProblems(item, `${path}.${i}`));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => {
      const keyProblems = unsafeTextReason(key) ? [textProblem(path || 'key', 'has a key that is not valid text')] : [];
      return [...keyProblems, ...unsafeTextProblems(item, path ? `${path}.${key}` : key)];
    });
  }
  return [];
}
