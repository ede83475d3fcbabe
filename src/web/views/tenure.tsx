import type { Capacity, TransferKind } from '../gql/schema-enums.js';
import { formatDay } from '../i18n/dates.js';
import { CAPACITIES, capacityLabel, kindLabel } from '../i18n/labels.js';
import { tr, type Lang } from '../i18n/lang.js';
import { COLORS } from './charts.js';
import { href } from './common.js';

/** Who held a post, and when: the pieces an official's career and a post's holders share. */

const CAPACITY_COLORS: Record<Capacity, string> = {
  DEFINITIVE: COLORS.definitive,
  ACTING: COLORS.acting,
  STAND_IN: COLORS.standIn,
  ADDITIONAL_TASK: COLORS.task,
};

export function vacantLabel(lang: Lang): string {
  return tr(lang, 'Kosong', 'Vacant');
}

/** A timeline's legend: only the capacities it shows (a legend entry with no bar would mislead), in a fixed order. */
export function tenureColors(lang: Lang, shown: Capacity[], withVacancy = false): Record<string, string> {
  const entries = CAPACITIES.filter((c) => shown.includes(c)).map((c) => [capacityLabel(lang, c), CAPACITY_COLORS[c]]);
  if (withVacancy) entries.push([vacantLabel(lang), COLORS.vacant]);
  return Object.fromEntries(entries);
}

/** "1 Desember 2025 – 6 Februari 2026", or "… – sekarang" while held. */
export function periodLabel(lang: Lang, from: string, to: string | null): string {
  return `${formatDay(lang, from)} – ${to ? formatDay(lang, to) : tr(lang, 'sekarang', 'now')}`;
}

interface DecreeTransfer {
  kind: TransferKind;
  event: { id: string; title: string; decreeNumber?: string | null; swornInOn: string };
}

/** The decree that began or ended a tenure, linked to its swearing-in, with the kind of move in words. */
export function DecreeLink({ lang, transfer }: { lang: Lang; transfer: DecreeTransfer | null | undefined }) {
  if (!transfer) return <span class="muted">—</span>;
  const { event } = transfer;
  // One element, so a phone's card layout (a grid per cell) keeps the link and its words on one line.
  return (
    <span>
      <a href={href.event(event.id)}>{event.decreeNumber ?? event.title}</a>
      <span class="muted">
        {' '}
        · {kindLabel(lang, transfer.kind)}, {formatDay(lang, event.swornInOn)}
      </span>
    </span>
  );
}

/** A capacity in words; an acting one (Plt, Plh) marked, as it is not the post's holder. */
export function CapacityTag({ lang, capacity }: { lang: Lang; capacity: Capacity }) {
  if (capacity === 'DEFINITIVE') return <>{capacityLabel(lang, capacity)}</>;
  return <span class={capacity === 'ADDITIONAL_TASK' ? 'tag' : 'tag acting'}>{capacityLabel(lang, capacity)}</span>;
}
