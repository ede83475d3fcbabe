import { Rank } from '../officials/official.enums.js';
import { Echelon } from '../positions/position.enums.js';

/** PNS ranks from the lowest (I/a) up. */
const RANK_ORDER: Rank[] = [
  Rank.I_A, Rank.I_B, Rank.I_C, Rank.I_D, Rank.II_A, Rank.II_B, Rank.II_C, Rank.II_D,
  Rank.III_A, Rank.III_B, Rank.III_C, Rank.III_D, Rank.IV_A, Rank.IV_B, Rank.IV_C, Rank.IV_D, Rank.IV_E,
];

/** Lowest pangkat for each echelon (PP 13/2002, lampiran). */
export const MINIMUM_RANK: Record<Echelon, Rank> = {
  [Echelon.I_A]: Rank.IV_D,
  [Echelon.I_B]: Rank.IV_C,
  [Echelon.II_A]: Rank.IV_C,
  [Echelon.II_B]: Rank.IV_B,
  [Echelon.III_A]: Rank.IV_A,
  [Echelon.III_B]: Rank.III_D,
  [Echelon.IV_A]: Rank.III_B,
  [Echelon.IV_B]: Rank.III_A,
  [Echelon.V_A]: Rank.II_D,
};

/** PP 100/2000 Ps. 5 allows one grade below the minimum; further below is reported. */
export function rankTooLow(rank: Rank | null, echelon: Echelon | null): boolean {
  if (!rank || !echelon) return false;
  const have = RANK_ORDER.indexOf(rank);
  return have >= 0 && have < RANK_ORDER.indexOf(MINIMUM_RANK[echelon]) - 1;
}

/** The date `years` years before `date` (29 February falls back to 28). */
export function yearsBefore(date: string, years: number): string {
  const y = String(Number(date.slice(0, 4)) - years).padStart(4, '0');
  const md = date.slice(5) === '02-29' ? '02-28' : date.slice(5);
  return `${y}-${md}`;
}

/**
 * How long a Plt or Plh may serve: appointed for at most three months and extended once by
 * three more (BKN circular on Plh/Plt authority, SE Kepala BKN 1/SE/I/2021; see
 * docs/design-notes.md): longer is reported.
 */
export const ACTING_LIMIT_MONTHS = 6;

/** The date `months` months before `date` (a day past the month's end falls back to its last day). */
export function monthsBefore(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const last = new Date(Date.UTC(y, m - 1 - months + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m - 1 - months, Math.min(d, last))).toISOString().slice(0, 10);
}
