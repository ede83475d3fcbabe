import { validationFailed } from './errors/common.errors.js';

/** A range whose end comes before its start is bad input, named by its end field. */
export function checkRange(from: string, to: string, fields: [string, string] = ['from', 'to']) {
  if (from > to) throw validationFailed([{ field: fields[1], code: 'DATES_OUT_OF_ORDER', message: `${fields[1]} (${to}) is before ${fields[0]} (${from})` }]);
}

/** Whole days from one calendar date to another (YYYY-MM-DD, no time zone): 2026-02-05 → 2026-02-06 is 1. */
export function daysBetween(from: string, to: string): number {
  return (Date.parse(to) - Date.parse(from)) / 86_400_000;
}
