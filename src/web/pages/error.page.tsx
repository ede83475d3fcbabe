import { errorWords } from '../i18n/error-words.js';
import { tr, type Lang } from '../i18n/lang.js';
import type { Page, PageError } from '../page.js';

export function errorPage(lang: Lang, error: PageError, requestId?: string): Page {
  const title = error.status === 404 ? tr(lang, 'Tidak ditemukan', 'Not found') : tr(lang, 'Tidak dapat ditampilkan', 'Cannot be shown');
  return {
    status: error.status,
    title,
    description: title,
    body: (
      <section class="error-page">
        <h1>{title}</h1>
        <p>{errorWords(lang, error.code, error.status < 500 ? error.message : undefined)}</p>
        {error.status >= 500 && requestId && (
          <p class="muted">
            {tr(lang, 'Nomor permintaan', 'Request id')}: <code>{requestId}</code>
          </p>
        )}
        <p>
          <a href="/">{tr(lang, 'Kembali ke beranda', 'Back to the home page')}</a>
        </p>
      </section>
    ),
  };
}
