import type { ComponentChildren } from 'preact';
import { isCalendarDate } from '../../common/scalars/date.scalar.js';
import { today } from '../../common/today.js';
import type { Capacity } from '../gql/schema-enums.js';
import { formatDay, formatDuration } from '../i18n/dates.js';
import { capacityLabel } from '../i18n/labels.js';
import { tr, type Lang } from '../i18n/lang.js';
import { href } from './common.js';

/**
 * The pieces the unit's page and the vacancies page share: the day asked about, the form that
 * asks for it, who holds a post or since when it stands empty, and the link to the next page.
 */

/** An appointment as the pages' operations ask for it. */
export interface Holder {
  capacity: Capacity;
  endedOn: string | null;
  official: { id: string; displayName: string };
}

/** The day in `?tanggal=` (today in Jakarta when absent), and the text given when it is not a day. */
export function dayParam(value: string | undefined): { day: string; invalid?: string } {
  const given = value?.trim();
  if (!given) return { day: today() };
  return isCalendarDate(given) ? { day: given } : { day: today(), invalid: given };
}

/** The notice for a date that could not be read: the page then shows today. */
export function InvalidDay({ lang, text, day }: { lang: Lang; text: string; day: string }) {
  return (
    <p class="notice error" role="alert">
      {tr(
        lang,
        `Tanggal “${text}” tidak dapat dibaca (tulis seperti 2026-02-06); yang ditampilkan keadaan hari ini, ${formatDay(lang, day)}.`,
        `The date “${text}” could not be read (write it like 2026-02-06); shown is today, ${formatDay(lang, day)}.`,
      )}
    </p>
  );
}

/** A GET form for the day, so the page for a day is a link; `keep` carries the page's other choices. */
export function DayForm({ lang, action, day, id, keep = {} }: { lang: Lang; action: string; day: string; id: string; keep?: Record<string, string | undefined> }) {
  return (
    <form class="filters" method="get" action={action}>
      {Object.entries(keep).map(([name, value]) => value && <input key={name} type="hidden" name={name} value={value} />)}
      <div class="field">
        <label for={id}>{tr(lang, 'Tanggal', 'Date')}</label>
        <input id={id} name="tanggal" type="date" value={day} required />
      </div>
      <button type="submit">{tr(lang, 'Tampilkan', 'Show')}</button>
    </form>
  );
}

/**
 * A table cell of a "stack" table: at phone width the cell is a grid of its label and its
 * content, so the content is one element however many parts it has.
 */
export function Td({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <td data-label={label}>
      <div>{children}</div>
    </td>
  );
}

/** An official as a link, with the capacity in words when it is not definitive. */
export function HolderLink({ lang, holder }: { lang: Lang; holder: Holder }) {
  return (
    <>
      <a href={href.official(holder.official.id)}>{holder.official.displayName}</a>
      {holder.capacity !== 'DEFINITIVE' && <span class={holder.capacity === 'ACTING' || holder.capacity === 'STAND_IN' ? 'tag acting' : 'tag'}>{capacityLabel(lang, holder.capacity)}</span>}
    </>
  );
}

/** "Kosong sejak 6 Februari 2026 (12 hari)". */
export function vacantWords(lang: Lang, post: { vacantSince: string | null; vacantDays: number | null }): string {
  if (!post.vacantSince) return tr(lang, 'Kosong', 'Vacant');
  const days = post.vacantDays === null ? '' : ` (${vacantDays(lang, post.vacantDays)})`;
  return tr(lang, `Kosong sejak ${formatDay(lang, post.vacantSince)}`, `Vacant since ${formatDay(lang, post.vacantSince)}`) + days;
}

/** "45 hari, ±1 bulan": the exact count, and past a month also roughly. */
export function vacantDays(lang: Lang, days: number): string {
  const exact = tr(lang, `${days} hari`, `${days} days`);
  return days > 31 ? `${exact}, ±${formatDuration(lang, days)}` : exact;
}

/** Acting (Plt) and stand-in (Plh) holders, one per line. */
export function ActingList({ lang, acting }: { lang: Lang; acting: Holder[] }) {
  if (!acting.length) return null;
  return (
    <ul class="plain">
      {acting.map((a) => (
        <li key={a.official.id}>
          <HolderLink lang={lang} holder={a} />
        </li>
      ))}
    </ul>
  );
}

/** The link to the next 100, the cursor in the URL; the other parameters kept. */
export function NextPage({ lang, path, query, param, cursor, anchor }: { lang: Lang; path: string; query: Record<string, string | undefined>; param: string; cursor: string | null; anchor?: string }) {
  if (!cursor) return null;
  const params = new URLSearchParams(Object.entries({ ...query, [param]: cursor }).filter((e): e is [string, string] => e[1] !== undefined));
  return (
    <p>
      <a href={`${path}?${params}${anchor ? `#${anchor}` : ''}`} rel="next">
        {tr(lang, '100 berikutnya →', 'Next 100 →')}
      </a>
    </p>
  );
}
