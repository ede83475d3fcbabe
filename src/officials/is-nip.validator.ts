import { registerDecorator, type ValidationArguments } from 'class-validator';
import { parseNip } from './nip.js';

/** Validates a NIP fully (format, real dates, gender digit, age at appointment); problem code NIP_INVALID. */
export function IsNip(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'NIP_INVALID',
      target: target.constructor,
      propertyName: String(propertyName),
      validator: {
        validate: (value: unknown) => value === null || value === undefined || (typeof value === 'string' && parseNip(value).ok),
        defaultMessage: ({ value }: ValidationArguments) => {
          const result = typeof value === 'string' ? parseNip(value) : { ok: false as const, reason: 'NIP must be a string of 18 digits' };
          return result.ok ? 'invalid NIP' : `invalid NIP: ${result.reason}`;
        },
      },
    });
}
