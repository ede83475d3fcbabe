import type { GovernmentType } from '../gql/schema-enums.js';
import { echelonLabel, governmentTypeLabel } from '../i18n/labels.js';
import { tr, type Lang } from '../i18n/lang.js';

/** Path of a page, its parts escaped: the URLs that may be published. */
export const href = {
  event: (id: string) => `/pelantikan/${encodeURIComponent(id)}`,
  official: (id: string) => `/pejabat/${encodeURIComponent(id)}`,
  post: (code: string) => `/jabatan/${encodeURIComponent(code)}`,
  unit: (code: string) => `/unit/${encodeURIComponent(code)}`,
  vacancies: (code: string) => `/unit/${encodeURIComponent(code)}/jabatan-kosong`,
  /** A government by its region code ("32.75"), the address a journalist can remember. */
  government: (g: GovernmentLike) => `/pemerintah/${encodeURIComponent(governmentKey(g))}`,
  /** The Atom feed of a government's new events or corrections (its whole tree). */
  governmentFeed: (g: GovernmentLike, what: 'events' | 'corrections') => `/feeds/pemerintah/${encodeURIComponent(governmentKey(g))}/${what}.atom`,
};

export interface GovernmentLike {
  code: string;
  name: string;
  regionCode?: string | null;
  governmentType?: GovernmentType | null;
}

/** What filters and links name a government by: its region code, else its code. */
export const governmentKey = (g: GovernmentLike) => g.regionCode ?? g.code;

/** "Kota · kode wilayah 32.75": a government's type and region code in words. */
export function governmentWords(lang: Lang, g: GovernmentLike): string {
  return [governmentTypeLabel(lang, g.governmentType), g.regionCode && tr(lang, `kode wilayah ${g.regionCode}`, `region code ${g.regionCode}`)].filter(Boolean).join(' · ');
}

/** The government named by a page's `?pemerintah=` (region code or code), among those listed. */
export function chosenGovernment<G extends GovernmentLike>(governments: G[], asked: string | undefined): G | undefined {
  const key = asked?.trim();
  return key ? governments.find((g) => g.regionCode === key || g.code === key) : undefined;
}

/** A select of every government (by region code) for a GET form; "all" first. */
export function GovernmentSelect({ lang, id, governments, chosen }: { lang: Lang; id: string; governments: GovernmentLike[]; chosen?: GovernmentLike }) {
  return (
    <div class="field">
      <label for={id}>{tr(lang, 'Pemerintah', 'Government')}</label>
      <select id={id} name="pemerintah">
        <option value="">{tr(lang, 'Semua pemerintah', 'All governments')}</option>
        {governments.map((g) => (
          <option key={g.code} value={governmentKey(g)} selected={chosen?.code === g.code}>
            {g.name} ({governmentKey(g)})
          </option>
        ))}
      </select>
    </div>
  );
}

interface PostLike {
  code: string;
  title: string;
  echelon?: string | null;
  organization?: { code: string; name: string } | null;
}

/** A post as a link, with its unit and echelon beneath. */
export function PostCell({ lang, post }: { lang: Lang; post: PostLike | null | undefined }) {
  if (!post) return <span class="muted">—</span>;
  // One element: at phone width a table cell lays out its children as grid items.
  return (
    <span>
      <a href={href.post(post.code)}>{post.title}</a>
      {post.echelon && <span class="muted"> · {tr(lang, 'Eselon', 'Echelon')} {echelonLabel(lang, post.echelon as never)}</span>}
    </span>
  );
}

/** A chart drawn on the server, with its figures in words for who cannot see it. */
export function Chart({ svg, caption }: { svg: string; caption: string }) {
  return (
    <figure class="chart">
      <div class="chart-svg" dangerouslySetInnerHTML={{ __html: svg }} />
      <figcaption>{caption}</figcaption>
    </figure>
  );
}

/** Definitions as a two-column list: the facts at the top of a page. */
export function Facts({ items }: { items: [label: string, value: unknown][] }) {
  return (
    <dl class="facts">
      {items
        .filter(([, v]) => v !== null && v !== undefined && v !== '')
        .map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value as never}</dd>
          </div>
        ))}
    </dl>
  );
}
