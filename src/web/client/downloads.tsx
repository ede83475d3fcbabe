import { render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { errorWords } from '../i18n/error-words.js';
import { tr } from '../i18n/lang.js';
import { authHeaders, pageLang, session, type ApiError } from './session.js';

/**
 * The analyst's downloads (/unduh) with a key: the plain links give the public columns; with a
 * key in this tab's session, a click fetches the export with the key in the Authorization
 * header (never in the URL), counts the bytes as they stream in, and hands the finished file
 * to the browser as an object URL.
 */
const lang = pageLang();

type Download = { state: 'receiving'; bytes: number; abort: AbortController } | { state: 'done'; bytes: number; url: string; saved: boolean } | { state: 'failed'; message: string };

const downloads = new Map<string, Download>();
const listeners = new Set<() => void>();
const notify = () => listeners.forEach((l) => l());

/** Re-renders the component whenever a download or the key changes. */
function useStore(): void {
  const [, tick] = useState(0);
  useEffect(() => {
    const listener = () => tick((n) => n + 1);
    listeners.add(listener);
    return () => void listeners.delete(listener);
  }, []);
}

const numbers = (digits: number) => new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'id-ID', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** "12,3 MB" (decimal units, as file managers show them). */
function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${numbers(0).format(bytes)} ${tr(lang, 'byte', 'bytes')}`;
  if (bytes < 1e6) return `${numbers(1).format(bytes / 1e3)} kB`;
  if (bytes < 1e9) return `${numbers(1).format(bytes / 1e6)} MB`;
  return `${numbers(2).format(bytes / 1e9)} GB`;
}

/** An answer of 400 and above in words: REST errors carry `error`, the rate limiter GraphQL-shaped `errors`. */
async function refusal(res: Response): Promise<string> {
  const body = (await res.json().catch(() => null)) as { error?: { code?: string; domainCode?: string; message?: string; problems?: { code: string; message: string }[] }; errors?: ApiError[] } | null;
  const error = body?.error;
  if (error?.problems?.length) return error.problems.map((p) => errorWords(lang, p.code, p.message)).join(' ');
  if (error) return errorWords(lang, error.domainCode ?? error.code ?? '', error.message ?? `HTTP ${res.status}`);
  const first = body?.errors?.[0];
  if (first) return errorWords(lang, first.extensions?.code ?? '', first.message);
  return tr(lang, `Server menolak permintaan (HTTP ${res.status}).`, `The server refused the request (HTTP ${res.status}).`);
}

/** The server said no: its reason, in words. */
class Refused extends Error {}

async function download(name: string, url: string): Promise<void> {
  const previous = downloads.get(name);
  if (previous?.state === 'receiving') return;
  if (previous?.state === 'done') URL.revokeObjectURL(previous.url);
  const abort = new AbortController();
  const receiving: Download = { state: 'receiving', bytes: 0, abort };
  downloads.set(name, receiving);
  notify();
  try {
    const res = await fetch(url, { headers: authHeaders(), signal: abort.signal });
    if (!res.ok || !res.body) throw new Refused(await refusal(res));
    // The export is streamed without a length: what is known is what has arrived.
    const reader = res.body.getReader();
    const chunks: Uint8Array<ArrayBuffer>[] = [];
    let shown = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      receiving.bytes += value.length;
      // A repaint every tenth of a second is enough to see it move.
      if (performance.now() - shown > 100) {
        shown = performance.now();
        notify();
      }
    }
    const blob = new Blob(chunks, { type: res.headers.get('content-type') ?? 'application/octet-stream' });
    downloads.set(name, { state: 'done', bytes: blob.size, url: URL.createObjectURL(blob), saved: false });
  } catch (error) {
    const message = abort.signal.aborted
      ? tr(lang, 'Dibatalkan.', 'Cancelled.')
      : error instanceof Refused
        ? error.message
        : tr(lang, 'Sambungan terputus sebelum berkas selesai diterima. Coba lagi.', 'The connection broke before the whole file arrived. Try again.');
    downloads.set(name, { state: 'failed', message });
  }
  notify();
}

/** Under each link: bytes received, then the file to save with its size, or what went wrong. */
function Status({ name }: { name: string }) {
  useStore();
  const save = useRef<HTMLAnchorElement>(null);
  const d = downloads.get(name);
  useEffect(() => {
    // Offered once, as a plain download would be; the link stays for a second save.
    if (d?.state === 'done' && !d.saved) {
      d.saved = true;
      save.current?.click();
    }
  });
  if (!d) return null;
  if (d.state === 'receiving') {
    return (
      <p class="progress">
        {tr(lang, `${formatBytes(d.bytes)} diterima…`, `${formatBytes(d.bytes)} received…`)}{' '}
        <button type="button" class="secondary" onClick={() => d.abort.abort()}>
          {tr(lang, 'Batal', 'Cancel')}
        </button>
      </p>
    );
  }
  if (d.state === 'failed') return <p class="notice error">{d.message}</p>;
  return (
    <p class="notice ok">
      {tr(lang, 'Selesai', 'Done')}: <span class="size">{formatBytes(d.bytes)}</span> (<span class="bytes">{numbers(0).format(d.bytes)}</span> {tr(lang, 'byte', 'bytes')}).{' '}
      <a ref={save} href={d.url} download={name}>
        {tr(lang, `Simpan ${name}`, `Save ${name}`)}
      </a>
    </p>
  );
}

/** Paste a key (kept in this tab's session storage only), or leave. */
function KeyBox() {
  useStore();
  const [draft, setDraft] = useState('');
  const key = session.key();
  if (key) {
    return (
      <div>
        <p role="status">
          {tr(lang, 'Kunci API tersimpan di tab ini', 'An API key is kept in this tab')} (<code>{key.slice(0, 12)}…</code>).{' '}
          {tr(
            lang,
            'Tautan unduhan di atas kini memakai kunci ini: kolom pribadi ikut bila peran kunci mengizinkan.',
            'The download links above now use it: personal columns are included where the key’s role allows.',
          )}
        </p>
        <button
          type="button"
          class="secondary"
          onClick={() => {
            session.signOut();
            notify();
          }}
        >
          {tr(lang, 'Keluar', 'Sign out')}
        </button>
      </div>
    );
  }
  return (
    <form
      class="filters"
      onSubmit={(e) => {
        e.preventDefault();
        // A key copied with its header word still works.
        const secret = draft.replace(/^\s*bearer\s+/i, '').trim();
        if (!secret) return;
        session.signIn(secret);
        setDraft('');
        notify();
      }}
    >
      <div class="field">
        <label for="analyst-key-input">{tr(lang, 'Kunci API', 'API key')}</label>
        <input id="analyst-key-input" type="password" autocomplete="off" spellcheck={false} value={draft} onInput={(e) => setDraft(e.currentTarget.value)} aria-describedby="analyst-key-hint" />
      </div>
      <button type="submit">{tr(lang, 'Masuk', 'Sign in')}</button>
      <p id="analyst-key-hint" class="muted">
        {tr(
          lang,
          'Kunci disimpan hanya di tab ini sampai peramban ditutup, dan dikirim hanya ke server ini. Berkas diterima utuh di memori peramban sebelum disimpan: untuk ratusan MB, baris perintah (npm run cli -- export) lebih hemat.',
          'The key is kept in this tab only until the browser closes, and sent only to this server. The file is held whole in the browser’s memory before it is saved: for hundreds of MB, the command line (npm run cli -- export) is leaner.',
        )}
      </p>
    </form>
  );
}

document.addEventListener('click', (e) => {
  const link = (e.target as Element | null)?.closest?.<HTMLAnchorElement>('a[data-export]');
  // Without a key, or opened in a new tab or window, the link does what it does without script.
  if (!link || !session.key() || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  e.preventDefault();
  void download(link.dataset.export!, link.href);
});

const box = document.getElementById('analyst-key');
if (box) {
  box.textContent = '';
  render(<KeyBox />, box);
}
for (const slot of document.querySelectorAll<HTMLElement>('[data-status-for]')) render(<Status name={slot.dataset.statusFor!} />, slot);
