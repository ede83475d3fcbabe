import type { Lang } from './lang.js';

/**
 * The API's error and problem codes in words, for pages: codes stay stable and English in the
 * API; a reader sees a sentence. A code without words shows the API's own message.
 */
const WORDS: Record<string, readonly [id: string, en: string]> = {
  NOT_FOUND: ['Halaman atau data ini tidak ditemukan.', 'This page or record was not found.'],
  BAD_USER_INPUT: ['Permintaan ini tidak dapat dibaca.', 'This request could not be read.'],
  INTERNAL_SERVER_ERROR: ['Terjadi kesalahan pada server.', 'Something went wrong on the server.'],
};

export function errorWords(lang: Lang, code: string, fallback?: string): string {
  const words = WORDS[code];
  return words ? words[lang === 'en' ? 1 : 0] : (fallback ?? code);
}

/** For the tests: every code that has words. */
export const CODES_WITH_WORDS = Object.keys(WORDS);
