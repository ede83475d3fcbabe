import ExcelJS from 'exceljs';
import type { Writable } from 'node:stream';
import { CAPACITY_WORDS, KIND_WORDS } from './annex-values.js';
import type { Capacity, TransferKind } from '../history/history.enums.js';

/*
 * The lampiran as a spreadsheet: title rows with the decree, then the table in the layout the
 * import reads. NIP and codes are text cells, so a spreadsheet never turns them into numbers.
 */

const MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];
/** 2026-02-06 → "6 Februari 2026", as Indonesians write a date. */
export const tanggal = (iso: string | null) => (iso ? `${Number(iso.slice(8, 10))} ${MONTHS[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}` : '');

export interface LampiranEvent {
  title: string;
  issuer: string;
  decreeNumber: string | null;
  decreeDate: string | null;
  swornInOn: string;
  effectiveOn: string;
  location: string | null;
}

export interface LampiranRow {
  seq: number;
  name: string;
  nip: string | null;
  rank: string | null;
  fromTitle: string | null;
  fromUnit: string | null;
  fromCode: string | null;
  toTitle: string | null;
  toUnit: string | null;
  toCode: string | null;
  kind: TransferKind | null;
  capacity: Capacity;
  note: string | null;
}

/** The table's columns, in order; NIP only when the reader may see it. */
export const LAMPIRAN_COLUMNS = (withNip: boolean) =>
  [
    { header: 'No', key: 'seq', width: 5 },
    { header: 'Nama', key: 'name', width: 34 },
    ...(withNip ? [{ header: 'NIP', key: 'nip', width: 21 }] : []),
    { header: 'Pangkat/Gol. Ruang', key: 'rank', width: 12 },
    { header: 'Jabatan Lama', key: 'fromTitle', width: 40 },
    { header: 'Unit Kerja Lama', key: 'fromUnit', width: 28 },
    { header: 'Kode Jabatan Lama', key: 'fromCode', width: 22 },
    { header: 'Jabatan Baru', key: 'toTitle', width: 40 },
    { header: 'Unit Kerja Baru', key: 'toUnit', width: 28 },
    { header: 'Kode Jabatan Baru', key: 'toCode', width: 22 },
    { header: 'Jenis', key: 'kind', width: 18 },
    { header: 'Status', key: 'capacity', width: 14 },
    { header: 'Keterangan', key: 'note', width: 30 },
  ] as const;

/** Streams the lampiran of one event as .xlsx into `out`, row by row. */
export async function writeLampiran(out: Writable, event: LampiranEvent, rows: AsyncIterable<LampiranRow> | LampiranRow[], withNip: boolean): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet('Lampiran');
  const columns = LAMPIRAN_COLUMNS(withNip);
  sheet.columns = columns.map((c) => ({ key: c.key, width: c.width }));
  const lines = [
    `LAMPIRAN KEPUTUSAN ${event.issuer.toUpperCase()}`,
    `Nomor : ${event.decreeNumber ?? '-'}`,
    `Tanggal : ${tanggal(event.decreeDate) || '-'}`,
    `Tentang : ${event.title}`,
    `Pelantikan : ${tanggal(event.swornInOn)}`,
    `TMT : ${tanggal(event.effectiveOn)}`,
    `Tempat : ${event.location ?? '-'}`,
  ];
  for (const line of lines) sheet.addRow([line]).commit();
  sheet.addRow([]).commit();
  const header = sheet.addRow(columns.map((c) => c.header));
  header.font = { bold: true };
  header.commit();
  for await (const r of rows) {
    const row = sheet.addRow({
      seq: r.seq,
      name: r.name,
      ...(withNip ? { nip: r.nip ?? '' } : {}),
      rank: r.rank ?? '',
      fromTitle: r.fromTitle ?? '-',
      fromUnit: r.fromUnit ?? '',
      fromCode: r.fromCode ?? '',
      toTitle: r.toTitle ?? '-',
      toUnit: r.toUnit ?? '',
      toCode: r.toCode ?? '',
      kind: r.kind ? KIND_WORDS[r.kind] : '',
      capacity: CAPACITY_WORDS[r.capacity],
      note: r.note ?? '',
    });
    // Text, so that no spreadsheet reads an 18-digit NIP as a number.
    for (const key of ['nip', 'fromCode', 'toCode'] as const) if (columns.some((c) => c.key === key)) row.getCell(key).numFmt = '@';
    row.commit();
  }
  sheet.commit();
  await workbook.commit();
}

/** A blank lampiran: the header row, and the posts (and statuses) as lists to choose from. */
export async function writeTemplate(out: Writable, posts: { code: string; title: string; unit: string }[]): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Lampiran');
  const list = workbook.addWorksheet('Jabatan');
  const columns = LAMPIRAN_COLUMNS(true);
  sheet.columns = columns.map((c) => ({ key: c.key, width: c.width }));
  ['Nomor : ', 'Tanggal : ', 'Tentang : ', 'Pelantikan : ', 'TMT : ', 'Tempat : '].forEach((line) => sheet.addRow([line]));
  sheet.addRow([]);
  const header = sheet.addRow(columns.map((c) => c.header));
  header.font = { bold: true };
  list.columns = [
    { header: 'Kode Jabatan', key: 'code', width: 26 },
    { header: 'Jabatan', key: 'title', width: 50 },
    { header: 'Unit Kerja', key: 'unit', width: 40 },
  ];
  posts.forEach((p) => list.addRow(p));
  const statuses = Object.values(CAPACITY_WORDS);
  statuses.forEach((s, i) => (list.getCell(`E${i + 2}`).value = s));
  const letterOf = (key: string) => String.fromCharCode(65 + columns.findIndex((c) => c.key === key));
  for (let r = header.number + 1; r <= header.number + 500; r++) {
    sheet.getCell(`${letterOf('nip')}${r}`).numFmt = '@';
    for (const key of ['fromCode', 'toCode']) {
      sheet.getCell(`${letterOf(key)}${r}`).dataValidation = { type: 'list', allowBlank: true, formulae: [`Jabatan!$A$2:$A$${posts.length + 1}`] };
    }
    sheet.getCell(`${letterOf('capacity')}${r}`).dataValidation = { type: 'list', allowBlank: true, formulae: [`Jabatan!$E$2:$E$${statuses.length + 1}`] };
  }
  await workbook.xlsx.write(out);
}
