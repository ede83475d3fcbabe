import { createHash } from 'node:crypto';
import type { ComponentChildren } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { tr, type Lang } from '../i18n/lang.js';

/** Preact's browser modules by the names the browser scripts import; all served from this server. */
export const IMPORT_MAP = JSON.stringify({
  imports: { preact: '/assets/vendor/preact.mjs', 'preact/hooks': '/assets/vendor/hooks.mjs', 'preact/jsx-runtime': '/assets/vendor/jsx-runtime.mjs' },
});

/**
 * What a page may load, enforced by the browser: everything from this server, nothing from
 * elsewhere; the import map is the one inline script (allowed by its hash). Plot's charts
 * carry inline styles.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  `script-src 'self' 'sha256-${createHash('sha256').update(IMPORT_MAP).digest('base64')}'`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

interface LayoutProps {
  lang: Lang;
  title: string;
  description: string;
  url: string;
  scripts?: string[];
  /** An Atom feed of this page's subject, advertised to feed readers. */
  feed?: { href: string; title: string };
  children: ComponentChildren;
}

function Header({ lang, url }: { lang: Lang; url: string }) {
  const other: Lang = lang === 'id' ? 'en' : 'id';
  return (
    <header class="site-header">
      <a class="skip" href="#main">
        {tr(lang, 'Langsung ke isi', 'Skip to content')}
      </a>
      <a class="brand" href="/">
        Mutasi
      </a>
      <nav aria-label={tr(lang, 'Menu utama', 'Main menu')}>
        <ul>
          <li>
            <a href="/">{tr(lang, 'Pelantikan', 'Swearing-ins')}</a>
          </li>
          <li>
            <a href="/unduh">{tr(lang, 'Unduh data', 'Download data')}</a>
          </li>
          <li>
            <a href="/kelola">{tr(lang, 'Ruang kerja BKPSDM', 'HR workspace')}</a>
          </li>
        </ul>
      </nav>
      <form class="search" action="/cari" method="get" role="search">
        <label for="site-search" class="visually-hidden">
          {tr(lang, 'Cari pejabat, jabatan, unit', 'Search officials, posts, units')}
        </label>
        <input id="site-search" name="q" type="search" maxLength={100} placeholder={tr(lang, 'Cari nama, jabatan, unit…', 'Search a name, post, unit…')} />
        <button type="submit">{tr(lang, 'Cari', 'Search')}</button>
      </form>
      <a class="lang-switch" href={`/bahasa/${other}?kembali=${encodeURIComponent(url)}`} lang={other} hrefLang={other}>
        {other === 'en' ? 'English' : 'Bahasa Indonesia'}
      </a>
    </header>
  );
}

function Footer({ lang }: { lang: Lang }) {
  return (
    <footer class="site-footer">
      <p>
        {tr(
          lang,
          'Mutasi mencatat setiap pelantikan sebagai satu berkas mutasi dan menjaga riwayat setiap pejabat dan jabatan.',
          'Mutasi records each swearing-in as one batch of transfers and keeps every official’s and post’s history.',
        )}
      </p>
      <ul>
        <li>
          <a href="/explorer">{tr(lang, 'Penjelajah GraphQL (pengembang)', 'GraphQL explorer (developers)')}</a>
        </li>
        <li>
          <a href="/unduh">{tr(lang, 'Unduh data', 'Download data')}</a>
        </li>
      </ul>
    </footer>
  );
}

const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;

function withoutBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}

/** A whole HTML document around a page's body. */
export function renderDocument(props: LayoutProps): string {
  const { lang, url, scripts = [], feed, children } = props;
  // A name holding a right-to-left override would turn the rest of the tab title around.
  const title = withoutBidiControls(props.title);
  const description = withoutBidiControls(props.description);
  const body = renderToString(
    <>
      <Header lang={lang} url={url} />
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <Footer lang={lang} />
    </>,
  );
  const head = renderToString(
    <>
      <meta charSet="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>{`${title} · Mutasi`}</title>
      <meta name="description" content={description} />
      <meta property="og:title" content={title} />
      <meta property="og:description" content={description} />
      <meta property="og:site_name" content="Mutasi" />
      <link rel="stylesheet" href="/assets/site.css" />
      <link rel="icon" href="/assets/favicon.svg" type="image/svg+xml" />
      {feed && <link rel="alternate" type="application/atom+xml" href={feed.href} title={feed.title} />}
    </>,
  );
  const scriptTags = scripts.length
    ? `<script type="importmap">${IMPORT_MAP}</script>` + scripts.map((s) => `<script type="module" src="/assets/js/${s}"></script>`).join('')
    : '';
  return `<!doctype html><html lang="${lang}"><head>${head}${scriptTags}</head><body>${body}</body></html>`;
}
