import { validationFailed } from './errors/common.errors.js';

/** A range whose end comes before its start is bad input, named by its end field. */
export function checkRange(from: string, to: string, fields: [string, string] = ['from', 'to']) {
  if (from > to) throw validationFailed([{ field: fields[1], code: 'DATES_OUT_OF_ORDER', message: `${fields[1]} (${to}) is before ${fields[0]} (${from})` }]);
}

/** Whole days from one calendar date to another (YYYY-MM-DD, no time zone): 2026-02-05 → 2026-02-06 is 1. */
export function daysBetween(from: string, to: string): number {
  return (Date.parse(to) - Date.parse(from)) / 86_400_000;
}

/** The day after a calendar date (YYYY-MM-DD): a retirement takes effect, and the pension runs, from the day after the last day of service. */
export function dayAfter(date: string): string {
  return new Date(Date.parse(date) + 86_400_000).toISOString().slice(0, 10);
}

/** The day before a calendar date (YYYY-MM-DD). */
export function dayBefore(date: string): string {
  return new Date(Date.parse(date) - 86_400_000).toISOString().slice(0, 10);
}
