import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import type { Lang } from '../i18n/lang.js';

/**
 * Charts drawn on the server with Observable Plot into a DOM-less document (linkedom): the page
 * carries a finished SVG, no chart script. Every chart sits beside a table or list of the same
 * figures, which is what screen readers and the tests read.
 */
const { document } = parseHTML('<!doctype html><html><body></body></html>');

// The site's palette (site.css), chosen for contrast on white.
export const COLORS = {
  definitive: '#1f5f8b',
  acting: '#c26a00',
  task: '#5b7f2b',
  standIn: '#8a5a9e',
  vacant: '#b8b8b8',
};

/** Longer labels are cut on the axis; the caption beside the chart has them whole. */
const MAX_LABEL = 26;

export interface BarDatum {
  label: string;
  count: number;
}

/** Horizontal bars, one per label, longest first as given. */
export function barChart(data: BarDatum[], options: { ariaLabel: string; width?: number }): string {
  // Drawn about as wide as it is shown (a third of the page), so its text stays legible.
  const width = options.width ?? 380;
  const short = (label: string) => (label.length > MAX_LABEL ? `${label.slice(0, MAX_LABEL - 1)}…` : label);
  const longest = Math.max(...data.map((d) => short(d.label).length), 4);
  const svg = Plot.plot({
    document,
    width,
    height: 24 * data.length + 36,
    marginLeft: Math.min(width / 2, longest * 7.4 + 14),
    marginRight: 30,
    ariaLabel: options.ariaLabel,
    x: { grid: true, label: null, axis: 'top', ticks: 4 },
    y: { label: null, domain: data.map((d) => d.label), tickFormat: short },
    style: { fontSize: '12px', background: 'transparent' },
    marks: [
      Plot.barX(data, { x: 'count', y: 'label', fill: COLORS.definitive }),
      Plot.text(data, { x: 'count', y: 'label', text: (d: BarDatum) => String(d.count), dx: 4, textAnchor: 'start', fill: 'currentColor' }),
      Plot.ruleX([0]),
    ],
  });
  return svgOf(svg);
}

export interface Span {
  /** The row the span sits on: a post (on an official's page) or a holder (on a post's page). */
  row: string;
  start: string;
  /** Open spans run to `until`. */
  end: string | null;
  /** Which legend entry, already in words. */
  kind: string;
  label: string;
}

/** Spans on a time axis, a row each (a Gantt chart): careers, holders and vacancies of a post. */
/** The time axis in the page's language: a year at January, else the month ("Mei", "Agu"). */
function timeTicks(lang: Lang): (d: Date) => string {
  const month = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'id-ID', { month: 'short', timeZone: 'UTC' });
  return (d) => (d.getUTCMonth() === 0 ? String(d.getUTCFullYear()) : month.format(d));
}

export function timelineChart(spans: Span[], options: { lang: Lang; ariaLabel: string; until: string; colors: Record<string, string>; width?: number }): string {
  const rows = [...new Set(spans.map((s) => s.row))];
  const longest = Math.max(...rows.map((r) => r.length), 4);
  const day = (d: string) => new Date(`${d}T00:00:00Z`);
  const data = spans.map((s) => ({ ...s, x1: day(s.start), x2: day(s.end ?? options.until) }));
  const svg = Plot.plot({
    document,
    width: options.width ?? 760,
    height: 30 * rows.length + 60,
    marginLeft: Math.min(300, longest * 6.5 + 10),
    ariaLabel: options.ariaLabel,
    x: { type: 'utc', label: null, grid: true, tickFormat: timeTicks(options.lang) },
    y: { label: null, domain: rows },
    color: { domain: Object.keys(options.colors), range: Object.values(options.colors), legend: true },
    style: { fontSize: '12px', background: 'transparent' },
    marks: [Plot.barX(data, { x1: 'x1', x2: 'x2', y: 'row', fill: 'kind', title: 'label', inset: 2 })],
  });
  return svgOf(svg);
}

/**
 * The chart's markup, its inner groups unlabelled: Plot names each mark group with aria-label,
 * which ARIA forbids on an element without a role; the chart is one image, named once.
 */
interface MarkupNode {
  tagName: string;
  outerHTML: string;
  setAttribute(name: string, value: string): void;
  removeAttribute(name: string): void;
  querySelector(selector: string): MarkupNode | null;
  querySelectorAll(selector: string): Iterable<MarkupNode>;
}

function svgOf(node: unknown): string {
  const root = node as MarkupNode;
  // With a legend, Plot wraps the chart in a figure whose first svgs are the swatches: the chart is the named one.
  const svg = root.tagName.toLowerCase() === 'svg' ? root : root.querySelector('svg[aria-label]');
  svg?.setAttribute('role', 'img');
  // A swatch is decoration: its words stand beside it.
  for (const swatch of root.querySelectorAll('span[class$="-swatch"] > svg')) swatch.setAttribute('aria-hidden', 'true');
  for (const g of root.querySelectorAll('g[aria-label], g[aria-description]')) {
    g.removeAttribute('aria-label');
    g.removeAttribute('aria-description');
  }
  return root.outerHTML;
}
