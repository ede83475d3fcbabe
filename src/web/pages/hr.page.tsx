import type { ComponentChildren } from 'preact';
import { tr, type Lang } from '../i18n/lang.js';
import { PageError, type Page, type PageLoader } from '../page.js';

/*
 * The HR workspace's pages: shells the server renders (heading, tools, a note for browsers
 * without scripts) around a root the page's browser script fills. The key a clerk pastes stays
 * in the browser (client/session.ts): every call with it is made from there, never by the server.
 */

/** The workspace's tools, on every page of it. */
function Tools({ lang, current }: { lang: Lang; current: string }) {
  const tools: [path: string, label: string][] = [
    ['/kelola', tr(lang, 'Masuk', 'Sign in')],
    ['/kelola/impor', tr(lang, 'Impor lampiran', 'Import an annex')],
    ['/kelola/baru', tr(lang, 'Unit, jabatan, pejabat baru', 'New units, posts, officials')],
    ['/kelola/pejabat', tr(lang, 'Cari pejabat', 'Find an official')],
  ];
  return (
    <nav class="hr-tools" aria-label={tr(lang, 'Alat ruang kerja', 'Workspace tools')}>
      <ul>
        {tools.map(([path, label]) => (
          <li key={path}>
            <a href={path} aria-current={path === current ? 'page' : undefined}>
              {label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

interface Shell {
  lang: Lang;
  path: string;
  title: string;
  description: string;
  script: string;
  intro?: ComponentChildren;
  data?: Record<string, string>;
}

function shell({ lang, path, title, description, script, intro, data = {} }: Shell): Page {
  const attributes = Object.fromEntries(Object.entries(data).map(([k, v]) => [`data-${k}`, v]));
  return {
    title,
    description,
    scripts: [script],
    body: (
      <>
        <p class="kicker">{tr(lang, 'Ruang kerja BKPSDM', 'HR workspace')}</p>
        <h1>{title}</h1>
        <Tools lang={lang} current={path} />
        {intro && <p>{intro}</p>}
        <noscript>
          <p class="notice">
            {tr(
              lang,
              'Ruang kerja ini memerlukan JavaScript: kunci API Anda disimpan dan dipakai hanya di peramban ini. Halaman publik dapat dibaca tanpa JavaScript.',
              'This workspace needs JavaScript: your API key is kept and used only in this browser. The public pages work without it.',
            )}
          </p>
        </noscript>
        <div id="hr-app" {...attributes}>
          <p class="muted">{tr(lang, 'Memuat…', 'Loading…')}</p>
        </div>
      </>
    ),
  };
}

export const hrSignInPage: PageLoader = async ({ lang }) =>
  shell({
    lang,
    path: '/kelola',
    script: 'hr-signin.js',
    title: tr(lang, 'Masuk ke ruang kerja BKPSDM', 'Sign in to the HR workspace'),
    description: tr(lang, 'Masuk dengan kunci API BKPSDM untuk mengimpor lampiran, mengubah pelantikan, dan mencatat unit, jabatan dan pejabat.', 'Sign in with an HR API key to import annexes, amend swearing-ins and record units, posts and officials.'),
    intro: tr(lang, 'Tempel kunci API BKPSDM Anda. Kunci hanya disimpan di tab ini sampai peramban ditutup.', 'Paste your HR API key. It is kept in this tab only, until the browser is closed.'),
  });

export const hrImportPage: PageLoader = async ({ lang }) =>
  shell({
    lang,
    path: '/kelola/impor',
    script: 'hr-import.js',
    title: tr(lang, 'Impor lampiran keputusan', 'Import a decree’s annex'),
    description: tr(lang, 'Unggah lampiran (Excel atau CSV), periksa setiap baris, konfirmasi jabatan yang diusulkan, lalu catat pelantikannya.', 'Upload an annex (Excel or CSV), check every row, confirm proposed posts, then record the swearing-in.'),
    intro: tr(lang, 'Berkas diperiksa dulu tanpa mencatat apa pun; pelantikan dicatat hanya setelah Anda menekan “Catat pelantikan”.', 'The file is checked first and nothing is recorded; the swearing-in is recorded only when you press “Record the swearing-in”.'),
  });

export const hrEventPage: PageLoader = async ({ lang }, { id }) => {
  if (!/^\d{1,18}$/.test(id)) throw PageError.notFound();
  return shell({
    lang,
    path: '',
    script: 'hr-event.js',
    title: tr(lang, 'Ubah atau batalkan pelantikan', 'Amend or void a swearing-in'),
    description: tr(lang, 'Perbaiki data keputusan sebuah pelantikan atau batalkan pelantikan itu, dengan alasan yang dicatat.', 'Correct a swearing-in’s decree details or void it, with a reason that is kept.'),
    data: { event: id },
  });
};

export const hrCreatePage: PageLoader = async ({ lang }) =>
  shell({
    lang,
    path: '/kelola/baru',
    script: 'hr-create.js',
    title: tr(lang, 'Unit, jabatan dan pejabat baru', 'New units, posts and officials'),
    description: tr(lang, 'Catat unit kerja, jabatan atau pejabat baru.', 'Record a new unit, post or official.'),
  });

export const hrOfficialsPage: PageLoader = async ({ lang }) =>
  shell({
    lang,
    path: '/kelola/pejabat',
    script: 'hr-officials.js',
    title: tr(lang, 'Cari pejabat', 'Find an official'),
    description: tr(lang, 'Cari pejabat menurut nama, dengan NIP, tanggal lahir dan jenis kelamin untuk kunci BKPSDM.', 'Find officials by name, with NIP, birth date and gender for HR keys.'),
  });
