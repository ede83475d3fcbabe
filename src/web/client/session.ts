import type { TypedDocumentString } from '../gql/graphql.js';
import { isLang, type Lang } from '../i18n/lang.js';

/**
 * The browser side of the pages: the API key a clerk or analyst pastes, kept in this tab's
 * session storage only (gone when the browser session ends, never in a URL or a cookie), and
 * the calls to the public API with it.
 */
const KEY = 'mutasi.apiKey';

export const session = {
  key: (): string | null => sessionStorage.getItem(KEY),
  signIn: (key: string): void => sessionStorage.setItem(KEY, key.trim()),
  signOut: (): void => sessionStorage.removeItem(KEY),
};

/** The page's language, as the server rendered it. */
export function pageLang(): Lang {
  const lang = document.documentElement.lang;
  return isLang(lang) ? lang : 'id';
}

export function authHeaders(): Record<string, string> {
  const key = session.key();
  return key ? { authorization: `Bearer ${key}` } : {};
}

export interface ApiError {
  message: string;
  extensions?: { code?: string; domainCode?: string; problems?: unknown[]; [k: string]: unknown };
}

export interface GqlResult<R> {
  data?: R | null;
  errors?: ApiError[];
}

/** One GraphQL operation over HTTP with the session's key. */
export async function gql<R, V>(document: TypedDocumentString<R, V>, variables: V): Promise<GqlResult<R>> {
  const res = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...authHeaders() },
    body: JSON.stringify({ query: document.toString(), variables }),
  });
  return (await res.json()) as GqlResult<R>;
}
