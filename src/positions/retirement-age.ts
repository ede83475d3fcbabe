import { FunctionalLevel, PositionCategory } from './position.enums.js';

/**
 * Batas usia pensiun (BUP) by the post held, PP 11/2017 Pasal 239 ayat (2) as amended by
 * PP 17/2020: 58 for administrative posts (administrator, pengawas, pelaksana) and functional
 * officials up to Ahli Muda and the skilled levels; 60 for high leadership (JPT) and
 * functional Ahli Madya; 65 for functional Ahli Utama. An UPTD head is a functional official
 * with an additional task: the age is that of the functional post (58 where the post alone
 * is known). See docs/design-notes.md.
 */
export function retirementAge(post: { category: PositionCategory; functional_level?: FunctionalLevel | null }): number {
  if (post.category === PositionCategory.HIGH_LEADERSHIP) return 60;
  if (post.category !== PositionCategory.FUNCTIONAL) return 58;
  if (post.functional_level === FunctionalLevel.EXPERT_PRINCIPAL) return 65;
  return post.functional_level === FunctionalLevel.EXPERT_MIDDLE ? 60 : 58;
}

/** retirementAge as SQL, over a post's `position_category` and `functional_level` columns. */
export function retirementAgeSql(category: string, level: string): string {
  return `CASE WHEN ${category} = '${PositionCategory.HIGH_LEADERSHIP}' THEN 60
    WHEN ${category} <> '${PositionCategory.FUNCTIONAL}' THEN 58
    WHEN ${level} = '${FunctionalLevel.EXPERT_PRINCIPAL}' THEN 65
    WHEN ${level} = '${FunctionalLevel.EXPERT_MIDDLE}' THEN 60 ELSE 58 END`;
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
