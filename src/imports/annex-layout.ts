import { cellText, normalizeText, type Cell } from './annex-values.js';

/*
 * The layout of a lampiran: which row holds the headers, which column holds what, the
 * decree's fields written above the table, and which rows are data. Pure functions over rows.
 */

/** One row of the sheet as the clerk sees it: its number (1-based, header rows counted) and its cells by column letter. */
export interface SheetRow {
  number: number;
  cells: Map<string, Cell>;
}

/** What a column can hold. */
export enum AnnexField {
  NO = 'no',
  NAME = 'name',
  NIP = 'nip',
  NAME_AND_NIP = 'nameAndNip',
  RANK = 'rank',
  FROM_POST = 'fromPost',
  FROM_UNIT = 'fromUnit',
  FROM_CODE = 'fromCode',
  TO_POST = 'toPost',
  TO_UNIT = 'toUnit',
  TO_CODE = 'toCode',
  KIND = 'kind',
  CAPACITY = 'capacity',
  REMARKS = 'remarks',
}

/** Header texts, normalised (normalizeText), for each field. The first list that matches wins. */
const ALIASES: [AnnexField, string[]][] = [
  [AnnexField.NO, ['no', 'nomor', 'no urut', 'nomor urut']],
  [AnnexField.NAME_AND_NIP, ['nama nip', 'nama dan nip', 'nama nip pegawai']],
  [AnnexField.NAME, ['nama', 'nama pegawai', 'nama lengkap', 'nama pejabat']],
  [AnnexField.NIP, ['nip', 'nip baru', 'nomor induk pegawai']],
  [AnnexField.RANK, ['pangkat', 'pangkat gol ruang', 'pangkat golongan ruang', 'pangkat golongan', 'pangkat gol', 'gol ruang', 'golongan', 'gol']],
  [AnnexField.FROM_CODE, ['kode jabatan lama', 'kode jabatan semula', 'kode jabatan asal']],
  [AnnexField.TO_CODE, ['kode jabatan baru', 'kode jabatan']],
  [AnnexField.FROM_POST, ['jabatan lama', 'jabatan semula', 'jabatan asal', 'dari jabatan', 'jabatan lama unit kerja']],
  [AnnexField.TO_POST, ['jabatan baru', 'jabatan yang baru', 'diangkat dalam jabatan', 'jabatan', 'menjadi', 'jabatan baru unit kerja']],
  [AnnexField.FROM_UNIT, ['unit kerja lama', 'unit kerja semula', 'unit kerja asal', 'opd lama', 'perangkat daerah lama']],
  [AnnexField.TO_UNIT, ['unit kerja baru', 'unit kerja', 'opd baru', 'opd', 'perangkat daerah baru', 'perangkat daerah']],
  [AnnexField.KIND, ['jenis', 'jenis mutasi', 'jenis perpindahan']],
  [AnnexField.CAPACITY, ['status', 'status jabatan', 'kedudukan']],
  [AnnexField.REMARKS, ['keterangan', 'ket', 'catatan']],
];

export function fieldOfHeader(text: string): AnnexField | null {
  const t = normalizeText(text);
  return ALIASES.find(([, names]) => names.includes(t))?.[0] ?? null;
}

/** A column the layout uses: its letter, the header the clerk wrote, and what it holds. */
export interface ColumnMapping {
  column: string;
  header: string;
  field: AnnexField;
}

/** The event's fields as written above the table ("Nomor : 821.2/…", "Tanggal : 5 Februari 2026"). */
export interface SheetHeader {
  title?: string;
  decreeNumber?: string;
  decreeDate?: string;
  swornInOn?: string;
  effectiveOn?: string;
  location?: string;
}

/** Column letters in order: A … Z, AA … */
export function columnIndex(letter: string): number {
  return [...letter].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);
}

const orderedCells = (row: SheetRow) => [...row.cells.entries()].sort(([a], [b]) => columnIndex(a) - columnIndex(b));

/**
 * The header row: the first of the first 40 rows naming at least three known columns, one of
 * them a NIP. A second header row right under it ("LAMA" | "BARU" under a merged "JABATAN")
 * completes it; a merged parent is written only in its first cell, so it carries to the right.
 */
export function findLayout(rows: SheetRow[]): { headerRows: number[]; columns: ColumnMapping[] } | null {
  for (const [i, row] of rows.slice(0, 40).entries()) {
    const texts = orderedCells(row).map(([column, cell]) => [column, cellText(cell)] as const).filter(([, t]) => t);
    const sub = rows[i + 1];
    const subTexts = new Map(sub ? orderedCells(sub).map(([c, cell]) => [c, cellText(cell)] as const).filter(([, t]) => t) : []);
    const twoLevel = subTexts.size > 0 && [...subTexts.values()].every((t) => /^(lama|baru|semula|asal|jabatan|unit kerja|gol|gol ruang|golongan|ruang|tmt|eselon|\d+)$/i.test(normalizeText(t)));
    const columns: ColumnMapping[] = [];
    let parent = '';
    const letters = [...new Set([...texts.map(([c]) => c), ...(twoLevel ? subTexts.keys() : [])])].sort((a, b) => columnIndex(a) - columnIndex(b));
    for (const column of letters) {
      const own = texts.find(([c]) => c === column)?.[1];
      if (own) parent = own;
      const under = twoLevel ? subTexts.get(column) : undefined;
      const header = under && !/^\d+$/.test(under) ? `${own ?? parent} ${under}` : (own ?? '');
      const field = header ? fieldOfHeader(header) : null;
      if (field && !columns.some((c) => c.field === field)) columns.push({ column, header: header.replace(/\s+/g, ' '), field });
    }
    const fields = new Set(columns.map((c) => c.field));
    if (columns.length >= 3 && (fields.has(AnnexField.NIP) || fields.has(AnnexField.NAME_AND_NIP))) {
      return { headerRows: twoLevel ? [row.number, sub.number] : [row.number], columns };
    }
  }
  return null;
}

const HEADER_KEYS: [keyof SheetHeader, RegExp][] = [
  ['decreeNumber', /^(nomor|no)( sk| keputusan)?$/],
  ['decreeDate', /^(tanggal|tgl)( sk| keputusan| ditetapkan)?$/],
  ['swornInOn', /^(tanggal )?(pelantikan|dilantik)( pada)?( tanggal)?$/],
  ['effectiveOn', /^(tmt|terhitung mulai tanggal)$/],
  ['location', /^(tempat|lokasi)( pelantikan)?$/],
  ['title', /^(tentang|perihal|acara)$/],
];

/**
 * "Key : value" lines above the header row (in one cell, or key and value in two), as
 * written (dates are read, and refused, by the caller), with the row each came from.
 */
export function readSheetHeader(rows: SheetRow[]): { values: SheetHeader; rowOf: Partial<Record<keyof SheetHeader, number>> } {
  const values: SheetHeader = {};
  const rowOf: Partial<Record<keyof SheetHeader, number>> = {};
  for (const row of rows) {
    const texts = orderedCells(row).map(([, cell]) => cellText(cell)).filter(Boolean);
    const line = texts.join(' ').replace(/\s+/g, ' ');
    const m = /^([^:]{2,40}?)\s*:\s*(.+)$/.exec(line);
    if (!m) continue;
    const key = HEADER_KEYS.find(([, re]) => re.test(normalizeText(m[1])))?.[0];
    if (!key || values[key]) continue;
    values[key] = m[2].trim();
    rowOf[key] = row.number;
  }
  return { values, rowOf };
}

/** One row of the table: the sheet rows it came from (a continuation row merges into the row above) and its cells by field. */
export interface AnnexRow {
  sheetRow: number;
  values: Partial<Record<AnnexField, Cell>>;
}

const blank = (cell: Cell | undefined) => cell === undefined || cellText(cell) === '';

/** Whether a row carries a NIP, good or damaged (18 digits, or a number as long): not a count in a subtotal. */
function hasNip(values: Partial<Record<AnnexField, Cell>>): boolean {
  const nip = values[AnnexField.NIP];
  if (typeof nip === 'number') return nip >= 1e14;
  return [nip, values[AnnexField.NAME_AND_NIP]].some((c) => c !== undefined && /(?:\d[\s.]*){15}/.test(cellText(c)));
}

/**
 * The data rows under the header: blank rows, repeated header rows, column-number rows
 * ("1 2 3 …"), section headings and subtotal rows are skipped; a row with no number and no
 * name that adds what the row above lacks (the NIP on a second line, as when NO and JABATAN
 * are merged over two rows) is merged into it.
 */
export function dataRows(rows: SheetRow[], columns: ColumnMapping[]): AnnexRow[] {
  const out: AnnexRow[] = [];
  const headers = new Set(columns.map((c) => normalizeText(c.header)));
  for (const row of rows) {
    const values: Partial<Record<AnnexField, Cell>> = {};
    for (const c of columns) {
      const cell = row.cells.get(c.column);
      if (!blank(cell)) values[c.field] = cell!;
    }
    const texts = Object.values(values).map((v) => cellText(v as Cell));
    if (texts.length === 0) continue;
    if (texts.every((t) => headers.has(normalizeText(t)) || /^(lama|baru)$/i.test(t))) continue;
    if (texts.every((t) => /^\(?\d{1,2}\)?$/.test(t)) && texts.length >= 3) continue;
    const nipText = hasNip(values);
    if (!nipText && texts.some((t) => /^(jumlah|total|sub ?total)\b/i.test(t))) continue;
    // The signature block under the table ends it.
    if (!nipText && texts.some((t) => /^(ditetapkan di|(wali ?kota|bupati|gubernur)\b.*,$)/i.test(t))) break;
    const previous = out.at(-1);
    if (previous && blank(values[AnnexField.NO]) && blank(values[AnnexField.NAME])) {
      const fields = Object.keys(values) as AnnexField[];
      // The NIP on the line under the name (NAMA / NIP over two rows), maybe with the second line of the rank.
      if (nipText && !hasNip(previous.values) && fields.every((f) => f === AnnexField.NAME_AND_NIP || f === AnnexField.NIP || f === AnnexField.RANK)) {
        for (const f of fields) previous.values[f] = previous.values[f] === undefined ? values[f]! : `${cellText(previous.values[f]!)}${f === AnnexField.RANK ? ' ' : '\n'}${cellText(values[f]!)}`;
        continue;
      }
      // Cells the row above left empty (its merged cells run down).
      if (blank(values[AnnexField.NAME_AND_NIP]) && fields.every((f) => blank(previous.values[f]))) {
        Object.assign(previous.values, values);
        continue;
      }
    }
    // A heading ("A. PEJABAT ADMINISTRATOR") or a stray note: no NIP and no post.
    const posts = [AnnexField.TO_POST, AnnexField.TO_CODE, AnnexField.FROM_POST, AnnexField.FROM_CODE].some((f) => !blank(values[f]));
    if (!nipText && !posts) continue;
    out.push({ sheetRow: row.number, values });
  }
  return out;
}
