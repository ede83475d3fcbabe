import type { Lang } from './lang.js';

const LOCALE: Record<Lang, string> = { id: 'id-ID', en: 'en-GB' };

// Dates arrive as YYYY-MM-DD (calendar days, no zone): formatted in UTC so no zone shifts them.
const formats = new Map<string, Intl.DateTimeFormat>();
function format(lang: Lang, withWeekday: boolean): Intl.DateTimeFormat {
  const key = `${lang}:${withWeekday}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(LOCALE[lang], { weekday: withWeekday ? 'long' : undefined, day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    formats.set(key, f);
  }
  return f;
}

function parseDay(day: string): Date | null {
  const d = /^\d{4}-\d{2}-\d{2}$/.test(day) ? new Date(`${day}T00:00:00Z`) : null;
  return d && !Number.isNaN(d.getTime()) ? d : null;
}

/** "6 Februari 2026" (or "6 February 2026"); as given if it is not a day. */
export function formatDay(lang: Lang, day: string | null | undefined): string {
  if (!day) return '';
  const d = parseDay(day);
  return d ? format(lang, false).format(d) : day;
}

/** "Jumat, 6 Februari 2026": as Indonesians write the day of a swearing-in. */
export function formatDayLong(lang: Lang, day: string | null | undefined): string {
  if (!day) return '';
  const d = parseDay(day);
  return d ? format(lang, true).format(d) : day;
}

/** "14.00 WIB" from "14:00:00": Indonesian writes the hour with a dot. */
export function formatTime(lang: Lang, time: string | null | undefined): string {
  if (!time) return '';
  const [h, m] = time.split(':');
  return lang === 'en' ? `${h}:${m} WIB` : `${h}.${m} WIB`;
}

/** A number of days as years and months, roughly: "3 tahun 2 bulan". */
export function formatDuration(lang: Lang, days: number): string {
  const years = Math.floor(days / 365.25);
  const months = Math.floor((days - years * 365.25) / 30.44);
  const parts: string[] = [];
  if (years) parts.push(lang === 'en' ? `${years} yr` : `${years} tahun`);
  if (months || !years) parts.push(lang === 'en' ? `${months} mo` : `${months} bulan`);
  return days < 31 ? (lang === 'en' ? `${days} days` : `${days} hari`) : parts.join(' ');
}
