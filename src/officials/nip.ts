import { isCalendarDate } from '../common/scalars/date.scalar.js';
import { Employment, Gender } from './official.enums.js';

export interface ParsedNip {
  employment: Employment;
  birthDate: string;
  gender: Gender;
  /** PNS: 'YYYY-MM' of TMT CPNS; PPPK: 'YYYY' of appointment. */
  appointed: string;
  /** First day the NIP's appointment can have taken effect. */
  appointedFrom: string;
}

export type NipResult = { ok: true; value: ParsedNip } | { ok: false; reason: string };

const MIN_AGE_AT_APPOINTMENT = 15;

/**
 * NIP (PNS): YYYYMMDD birth + YYYYMM TMT CPNS + gender digit (1 male, 2 female) + 3-digit serial.
 * NIP (PPPK): YYYYMMDD birth + YYYY appointment year + "21" + gender digit + serial.
 * `today` bounds dates that cannot lie in the future.
 */
export function parseNip(nip: string, today: string = new Date().toISOString().slice(0, 10)): NipResult {
  if (!/^[0-9]{18}$/.test(nip)) return { ok: false, reason: 'NIP must be exactly 18 digits' };
  const birthDate = `${nip.slice(0, 4)}-${nip.slice(4, 6)}-${nip.slice(6, 8)}`;
  if (!isCalendarDate(birthDate)) return { ok: false, reason: `digits 1–8 must be a real birth date (YYYYMMDD); ${nip.slice(0, 8)} is not` };
  if (birthDate > today) return { ok: false, reason: 'the birth date in digits 1–8 is in the future' };
  const pppk = nip.slice(12, 14) === '21';
  const year = nip.slice(8, 12);
  const month = pppk ? '01' : nip.slice(12, 14);
  const appointedFrom = `${year}-${month}-01`;
  if (!isCalendarDate(appointedFrom)) {
    return { ok: false, reason: `digits 9–14 must be the TMT CPNS as YYYYMM (or YYYY21 for PPPK); ${nip.slice(8, 14)} is not` };
  }
  if (appointedFrom > today) return { ok: false, reason: 'the appointment date in digits 9–14 is in the future' };
  const minimum = `${String(Number(birthDate.slice(0, 4)) + MIN_AGE_AT_APPOINTMENT).padStart(4, '0')}${birthDate.slice(4)}`;
  // PPPK numbers carry only the year: compare with the last day of that year.
  const appointedLatest = pppk ? `${year}-12-31` : lastDayOfMonth(year, month);
  if (appointedLatest < minimum) {
    return { ok: false, reason: `the appointment (${pppk ? year : `${year}-${month}`}) is less than ${MIN_AGE_AT_APPOINTMENT} years after the birth date (${birthDate})` };
  }
  const genderDigit = nip[14];
  if (genderDigit !== '1' && genderDigit !== '2') return { ok: false, reason: `digit 15 must be the gender (1 male, 2 female); it is ${genderDigit}` };
  return {
    ok: true,
    value: {
      employment: pppk ? Employment.PPPK : Employment.PNS,
      birthDate,
      gender: genderDigit === '1' ? Gender.MALE : Gender.FEMALE,
      appointed: pppk ? year : `${year}-${month}`,
      appointedFrom,
    },
  };
}

function lastDayOfMonth(year: string, month: string): string {
  const day = new Date(Date.UTC(Number(year), Number(month), 0)).getUTCDate();
  return `${year}-${month}-${String(day).padStart(2, '0')}`;
}
