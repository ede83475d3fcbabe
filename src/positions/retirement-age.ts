import { PositionCategory } from './position.enums.js';

/**
 * Batas usia pensiun (BUP) by the kind of post held, PP 11/2017 Pasal 239 ayat (2) as amended
 * by PP 17/2020: 58 for administrative posts (administrator, pengawas, pelaksana) and
 * functional officials up to Ahli Muda and the skilled levels; 60 for high leadership (JPT)
 * and functional Ahli Madya; 65 for functional Ahli Utama. Mutasi does not yet record a
 * functional official's level, so functional posts and UPTD heads (functional officials with
 * an additional task) take 58, the age of most of them; see docs/design-notes.md.
 */
export const RETIREMENT_AGE: Record<PositionCategory, number> = {
  [PositionCategory.HIGH_LEADERSHIP]: 60,
  [PositionCategory.ADMINISTRATOR]: 58,
  [PositionCategory.SUPERVISOR]: 58,
  [PositionCategory.EXECUTOR]: 58,
  [PositionCategory.FUNCTIONAL]: 58,
  [PositionCategory.UNIT_HEAD]: 58,
};

/** RETIREMENT_AGE as SQL, for a `position_category` column. */
export function retirementAgeSql(category: string): string {
  return `CASE ${category} ${Object.entries(RETIREMENT_AGE)
    .map(([c, age]) => `WHEN '${c}' THEN ${age}`)
    .join(' ')} END`;
}

/**
 * The last day of service of someone born on `birthDate` who retires at `age`: the end of
 * the month in which the age is reached; the pension runs from the first day of the next
 * month (how BKN dates a retirement; see docs/design-notes.md). As SQL over date expressions.
 */
export function lastDayOfServiceSql(birthDate: string, age: string): string {
  return `(date_trunc('month', ${birthDate} + make_interval(years => ${age})) + interval '1 month' - interval '1 day')::date`;
}

/** The same in TypeScript: the last day of service (YYYY-MM-DD) of someone born on `birthDate` who retires at `age`. */
export function lastDayOfService(birthDate: string, age: number): string {
  const [year, month] = birthDate.split('-').map(Number);
  // Day 0 of the next month is the last day of the month in which the age is reached.
  return new Date(Date.UTC(year + age, month, 0)).toISOString().slice(0, 10);
}
