import { echelonLabel } from '../i18n/labels.js';
import { tr, type Lang } from '../i18n/lang.js';

/** Path of a page, its parts escaped: the URLs that may be published. */
export const href = {
  event: (id: string) => `/pelantikan/${encodeURIComponent(id)}`,
  official: (id: string) => `/pejabat/${encodeURIComponent(id)}`,
  post: (code: string) => `/jabatan/${encodeURIComponent(code)}`,
  unit: (code: string) => `/unit/${encodeURIComponent(code)}`,
  vacancies: (code: string) => `/unit/${encodeURIComponent(code)}/jabatan-kosong`,
};

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
