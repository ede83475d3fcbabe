/** The languages of the pages: Bahasa Indonesia first, English by the switch. */
export type Lang = 'id' | 'en';

export const LANGS: readonly Lang[] = ['id', 'en'];

export function isLang(value: unknown): value is Lang {
  return value === 'id' || value === 'en';
}

/** One phrase in both languages, written where it is used: pages carry their own words. */
export function tr(lang: Lang, id: string, en: string): string {
  return lang === 'en' ? en : id;
}

/** The language a request asks for: `?lang=` (links that name it), then the switch's cookie, then Indonesian. */
export function langOfRequest(query: unknown, cookieHeader: string | undefined): Lang {
  const asked = (query as { lang?: unknown } | undefined)?.lang;
  if (isLang(asked)) return asked;
  const cookie = /(?:^|;\s*)lang=(id|en)(?:;|$)/.exec(cookieHeader ?? '');
  return cookie ? (cookie[1] as Lang) : 'id';
}
