import { render, type ComponentChildren, type ComponentType } from 'preact';
import { errorWords } from '../i18n/error-words.js';
import { tr } from '../i18n/lang.js';
import { authHeaders, pageLang, session, type ApiError } from './session.js';

/** The HR workspace's browser side: what its pages share. */

export const lang = pageLang();
export const t = (id: string, en: string) => tr(lang, id, en);

/** A problem the API gives with an error: which field, which code, and (in a lampiran) which row. */
export interface FieldProblem {
  field?: string | null;
  code: string;
  message: string;
  index?: number | null;
  sheetRow?: number | null;
  severity?: string;
}

/** An error of the API in words: its domain code first (POSITION_OCCUPIED), then its GraphQL code. */
export function errorText(error: ApiError): string {
  const code = error.extensions?.domainCode ?? error.extensions?.code ?? 'INTERNAL_SERVER_ERROR';
  return errorWords(lang, code, error.message);
}

export function problemsOf(error: ApiError | null | undefined): FieldProblem[] {
  return (error?.extensions?.problems ?? []) as FieldProblem[];
}

/** A REST error answer ({ error: { code, domainCode, message, problems } }) as GraphQL gives it, so both are shown alike. */
export async function restCall<R>(path: string, init: RequestInit): Promise<{ data?: R; error?: ApiError }> {
  let res: Response;
  try {
    res = await fetch(path, { ...init, headers: { ...(init.headers as Record<string, string>), ...authHeaders() } });
  } catch {
    return { error: { message: 'network', extensions: { code: 'NETWORK' } } };
  }
  const body = (await res.json().catch(() => null)) as { error?: { code?: string; domainCode?: string; message?: string; problems?: unknown[] } } | null;
  if (res.ok) return { data: body as R };
  const e = body?.error;
  // 413 is answered by the upload limit, before any JSON of ours.
  const code = res.status === 413 ? 'FILE_TOO_LARGE' : (e?.code ?? 'INTERNAL_SERVER_ERROR');
  return { error: { message: e?.message ?? res.statusText, extensions: { code, domainCode: e?.domainCode, problems: e?.problems ?? [] } } };
}

/** Errors of a call, in words, announced to screen readers. */
export function ErrorNotice({ errors }: { errors: ApiError[] | null | undefined }) {
  if (!errors?.length) return null;
  return (
    <div class="notice error" role="alert">
      {errors.map((e, i) => (
        <p key={i}>{e.extensions?.code === 'NETWORK' ? t('Server tidak dapat dihubungi; periksa jaringan lalu coba lagi.', 'The server cannot be reached; check the network and try again.') : e.extensions?.code === 'FILE_TOO_LARGE' ? t('Berkas terlalu besar.', 'The file is too large.') : errorText(e)}</p>
      ))}
    </div>
  );
}

/** The words of the problems that name `field`, for beside that field. */
export function fieldWords(problems: FieldProblem[], field: string): string | null {
  const own = problems.filter((p) => p.field === field || p.field?.endsWith(`.${field}`));
  return own.length ? own.map((p) => errorWords(lang, p.code, p.message)).join(' ') : null;
}

/** A labelled input with its error beside it (aria-describedby), as every form of the workspace has. */
export function Field(props: { id: string; label: string; error?: string | null; hint?: string; children: (aria: Record<string, string | boolean | undefined>) => ComponentChildren }) {
  const { id, label, error, hint, children } = props;
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {children({ id, 'aria-describedby': described, 'aria-invalid': error ? true : undefined })}
      {hint && (
        <span class="muted field-hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      {error && (
        <span class="field-error" id={`${id}-error`}>
          {error}
        </span>
      )}
    </div>
  );
}

/** Without a key in this tab, a workspace page says where to sign in instead of failing call by call. */
export function NeedsKey({ children }: { children: ComponentChildren }) {
  if (session.key()) return <>{children}</>;
  return (
    <p class="notice">
      {t('Anda belum masuk. ', 'You are not signed in. ')}
      <a href="/kelola">{t('Masuk dengan kunci API BKPSDM', 'Sign in with an HR API key')}</a>
      {t(' lalu kembali ke halaman ini.', ' and come back to this page.')}
    </p>
  );
}

/** Renders a workspace page's component into the root the server left for it. */
export function mount(App: ComponentType<{ root: HTMLElement }>): void {
  const root = document.getElementById('hr-app');
  if (!root) return;
  root.textContent = '';
  render(<App root={root} />, root);
}

/** '' → null: the API's optional fields are absent, not empty. */
export const orNull = (value: string): string | null => (value.trim() === '' ? null : value.trim());
