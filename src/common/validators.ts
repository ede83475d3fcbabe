import { Transform } from 'class-transformer';
import { Matches, MaxLength, IsNotEmpty, ValidateBy } from 'class-validator';
import { idProblem, isDatabaseId } from './input-safety.js';

/** Trims strings before validation; an all-blank string becomes '' so IsNotEmpty catches it. */
export const Trim = () => Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));

/** Required trimmed text of at most `max` characters. */
export function RequiredText(max: number): PropertyDecorator {
  return (target, key) => {
    Trim()(target, key);
    IsNotEmpty({ message: `${String(key)} must not be empty` })(target, key);
    MaxLength(max, { message: `${String(key)} must be at most ${max} characters` })(target, key);
  };
}

/** Optional trimmed text of at most `max` characters. */
export function OptionalText(max: number): PropertyDecorator {
  return (target, key) => {
    Trim()(target, key);
    MaxLength(max, { message: `${String(key)} must be at most ${max} characters` })(target, key);
  };
}

/** Codes are short, upper-case and URL-safe: "DINKES", "PKM-BANTARGEBANG", "KEC.BEKASI-TIMUR". */
export function CodeField(): PropertyDecorator {
  return (target, key) => {
    RequiredText(50)(target, key);
    Matches(/^[A-Z0-9][A-Z0-9._-]*$/, { message: `${String(key)} may contain only capital letters, digits, '.', '_' and '-'` })(target, key);
  };
}

/** A bigint id (checked again here for callers that do not come through GraphQL: the CLI, imports). */
export function DatabaseId(): PropertyDecorator {
  return ValidateBy({
    name: 'ID_INVALID',
    validator: { validate: (value) => isDatabaseId(value), defaultMessage: (args) => idProblem(args?.property ?? 'id').message },
  });
}

/**
 * Trimmed text refused before any resolver only when it is longer than any value of the field
 * could be (`cap`, a bound against hostile input). The field's own rule is checked later, where
 * a problem can be reported with the others (a lampiran row's, by the recorder).
 */
export function CappedText(cap: number): PropertyDecorator {
  return (target, key) => {
    Trim()(target, key);
    MaxLength(cap, { message: `${String(key)} is far too long (more than ${cap} characters)` })(target, key);
  };
}
