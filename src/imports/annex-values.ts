import { Capacity, TransferKind } from '../history/history.enums.js';

/*
 * Cell values as clerks write them: NIPs with spaces or dots, dates in Indonesian, the
 * capacity and kind written into the post or the remarks. Pure functions.
 */

/** A cell as the readers hand it over: text, a number, a date, or a formula (refused). */
export type Cell = string | number | Date | { formula: string } | null;

/** The text of a cell as the clerk sees it. */
export function cellText(cell: Cell): string {
  if (cell === null) return '';
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  if (typeof cell === 'object') return `=${cell.formula}`;
  return String(cell).trim();
}

/** Lower case, letters and digits only, single spaces: how headers and titles are compared. */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export type NipReading = { nip: string } | { problem: 'NIP_DAMAGED' | 'NIP_INVALID'; message: string };

const KEEP_AS_TEXT = 'Format the NIP column as Text (or type an apostrophe before each NIP) and enter the NIPs again.';

/**
 * An 18-digit NIP from a cell. Spaces and dots between groups are ignored. A NIP stored as
 * a number has lost digits: a spreadsheet keeps 15 significant digits, so the last three
 * come back as zeros (or as 1.97805E+17) — refused with what happened, never read as a
 * different NIP.
 */
export function readNip(cell: Cell): NipReading {
  if (typeof cell === 'number') {
    return { problem: 'NIP_DAMAGED', message: `The NIP is stored as a number (${cell}); spreadsheets keep only 15 digits of it, so its last digits are lost. ${KEEP_AS_TEXT}` };
  }
  const text = cellText(cell);
  if (/^\d(?:[.,]\d+)?e\+?\d+$/i.test(text)) {
    return { problem: 'NIP_DAMAGED', message: `The NIP reads "${text}": the spreadsheet turned it into a number in scientific notation and its digits are lost. ${KEEP_AS_TEXT}` };
  }
  const digits = text.replace(/^nip\.?\s*:?\s*/i, '').replace(/[\s.\-]/g, '');
  if (!/^\d{18}$/.test(digits)) return { problem: 'NIP_INVALID', message: `"${text}" is not a NIP: a NIP has 18 digits.` };
  // The last three digits are a serial from 001: 000 is what rounding to 15 digits leaves.
  if (digits.endsWith('000')) {
    return { problem: 'NIP_DAMAGED', message: `The NIP ${digits} ends in 000, as a NIP rounded by a spreadsheet does (no NIP has serial 000). ${KEEP_AS_TEXT}` };
  }
  return { nip: digits };
}

const MONTHS: Record<string, number> = {
  januari: 1, jan: 1, januray: 1, january: 1,
  februari: 2, pebruari: 2, feb: 2, peb: 2, february: 2,
  maret: 3, mar: 3, march: 3,
  april: 4, apr: 4,
  mei: 5, may: 5,
  juni: 6, jun: 6, june: 6,
  juli: 7, jul: 7, july: 7,
  agustus: 8, agu: 8, agt: 8, ags: 8, aug: 8, august: 8,
  september: 9, sep: 9, sept: 9,
  oktober: 10, okt: 10, oct: 10, october: 10,
  november: 11, nop: 11, nov: 11,
  desember: 12, des: 12, dec: 12, december: 12,
};

const iso = (y: number, m: number, d: number): string | null => {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d ? date.toISOString().slice(0, 10) : null;
};

/** Excel's day 1 is 1900-01-01, counting its phantom 29 February 1900: serial 25569 is 1970-01-01. */
const fromSerial = (serial: number) => (serial > 0 && serial < 2958466 ? new Date(Math.round((serial - 25569) * 86400000)).toISOString().slice(0, 10) : null);

/**
 * A date as it appears: `6 Februari 2026` (with or without the weekday, "Jumat, 6 Februari
 * 2026"), `06-02-2026`, `06/02/2026`, `2026-02-06`, a date cell, or an Excel serial in a
 * number cell. Null when it is none of these.
 */
export function readDate(cell: Cell): string | null {
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  if (typeof cell === 'number') return fromSerial(cell);
  const text = cellText(cell).toLowerCase();
  if (!text) return null;
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (m) return iso(+m[1], +m[2], +m[3]);
  m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(text);
  if (m) return iso(+m[3], +m[2], +m[1]);
  m = /(\d{1,2})\s+([a-z]+)\.?\s+(\d{4})$/.exec(text);
  if (m && MONTHS[m[2]]) return iso(+m[3], MONTHS[m[2]], +m[1]);
  // A bare number typed as text is not a date (a serial is a number cell's).
  return null;
}

/** What a post's text or the remarks say beyond the post: Plt, Plh, an additional task, a retirement. */
export interface RowHints {
  capacity: Capacity | null;
  kind: TransferKind | null;
}

/** Reads "Plt."/"Plh." before a post, and the remarks (Keterangan): tugas tambahan, pensiun, penyetaraan. */
export function readHints(postText: string, remarks: string): RowHints & { post: string } {
  let post = postText.trim();
  let capacity: Capacity | null = null;
  const prefix = /^(plt|plh)\.?\s+/i.exec(post);
  if (prefix) {
    capacity = prefix[1].toLowerCase() === 'plt' ? Capacity.ACTING : Capacity.STAND_IN;
    post = post.slice(prefix[0].length);
  }
  const r = normalizeText(remarks);
  if (!capacity && /\btugas tambahan\b/.test(r)) capacity = Capacity.ADDITIONAL_TASK;
  if (!capacity && /^(plt|pelaksana tugas)\b/.test(r)) capacity = Capacity.ACTING;
  if (!capacity && /^(plh|pelaksana harian)\b/.test(r)) capacity = Capacity.STAND_IN;
  const kind = /\b(pensiun|bup|batas usia pensiun)\b/.test(r) ? TransferKind.RETIREMENT : /\bpenyetaraan\b/.test(r) ? TransferKind.EQUALIZATION : null;
  return { post, capacity, kind };
}

/** A post cell that names no post: empty, a dash, or the retirement itself. */
export function namesNoPost(text: string): boolean {
  const t = normalizeText(text);
  return t === '' || t === 'pensiun' || t === 'diberhentikan' || /^[-–—]+$/.test(text.trim());
}

/**
 * A cell holding both name and NIP ("Drs. H. Ahmad Fauzi, M.Si.\nNIP. 19700101 199003 1 002"):
 * split at the NIP; otherwise the whole cell is the name.
 */
export function splitNameAndNip(text: string): { name: string; nip: string | null } {
  const m = /(?:^|\s|\n)(?:nip\.?\s*:?\s*)?((?:\d[\s.]*){18})\s*$/i.exec(text);
  if (!m) return { name: text.trim(), nip: null };
  return { name: text.slice(0, m.index).replace(/[\s,/]+$/, '').trim(), nip: m[1].trim() };
}

/** The words of a name without its titles (dr., H., S.E., M.Si., …), for comparing names. */
export function bareName(name: string): string {
  return name
    .split(/[\s,]+/)
    .filter((w) => w && !w.includes('.') && !/^(ners|apt|bd)$/i.test(w))
    .map((w) => normalizeText(w))
    .filter(Boolean)
    .join(' ');
}

/** Kinds of move as a lampiran writes them (and their codes, also accepted). */
export const KIND_WORDS: Record<TransferKind, string> = {
  [TransferKind.ROTATION]: 'Rotasi',
  [TransferKind.TRANSFER]: 'Mutasi',
  [TransferKind.PROMOTION]: 'Promosi',
  [TransferKind.DEMOTION]: 'Demosi',
  [TransferKind.REASSIGNMENT]: 'Penugasan Kembali',
  [TransferKind.APPOINTMENT]: 'Pengangkatan',
  [TransferKind.DISMISSAL]: 'Pemberhentian',
  [TransferKind.RETIREMENT]: 'Pensiun',
  [TransferKind.ACTING_START]: 'Penunjukan Plt/Plh',
  [TransferKind.ACTING_END]: 'Akhir Plt/Plh',
  [TransferKind.ADDITIONAL_TASK_START]: 'Pemberian Tugas Tambahan',
  [TransferKind.ADDITIONAL_TASK_END]: 'Akhir Tugas Tambahan',
  [TransferKind.EQUALIZATION]: 'Penyetaraan',
};

/** Capacities as a lampiran writes them. */
export const CAPACITY_WORDS: Record<Capacity, string> = {
  [Capacity.DEFINITIVE]: 'Definitif',
  [Capacity.ACTING]: 'Plt',
  [Capacity.STAND_IN]: 'Plh',
  [Capacity.ADDITIONAL_TASK]: 'Tugas Tambahan',
};

const byWord = <T extends string>(words: Record<T, string>, text: string): T | null => {
  const t = normalizeText(text);
  return (Object.entries(words) as [T, string][]).find(([code, word]) => normalizeText(word) === t || normalizeText(code) === t)?.[0] ?? null;
};
export const readKind = (text: string) => byWord(KIND_WORDS, text);
export const readCapacity = (text: string) => byWord(CAPACITY_WORDS, text);
