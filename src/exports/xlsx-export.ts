import ExcelJS from 'exceljs';
import { StringDecoder } from 'node:string_decoder';
import { Transform, Writable, type Readable, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ExportProgress } from './copy-stream.js';
import type { ColumnType, ExportColumn } from './export-queries.js';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Characters XML 1.0 cannot hold (the database can): written as U+FFFD so the file stays readable. */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
/** Excel keeps 15 significant digits: a longer id would be rounded, so it stays text. */
const EXACT_DIGITS = 15;
const ISO_DATE = /^(\d{4})-\d{2}-\d{2}$/;
/**
 * Sheet XML allowed to wait for the compressor before rows stop being read. Well above the
 * 64 KiB exceljs hands on at once, so that writing XML and compressing it overlap.
 */
const BACKLOG_LIMIT = 1 << 20;

/** '@' is Excel's Text format: NIPs and codes typed into the sheet later stay text too. */
const STYLE: Record<ColumnType, Partial<ExcelJS.Style>> = {
  id: { numFmt: '0' },
  integer: { numFmt: '0' },
  text: { numFmt: '@' },
  date: { numFmt: 'yyyy-mm-dd' },
};
const WIDTH: Record<ColumnType, number> = { id: 10, integer: 6, text: 24, date: 12 };

/** A value as PostgreSQL gave it (text, or null) → the cell: ids and counts as numbers, dates as dates, the rest as text. */
export function xlsxCell(value: string | null, type: ColumnType): ExcelJS.CellValue {
  if (value === null) return null;
  switch (type) {
    case 'id':
    case 'integer':
      return value.length <= EXACT_DIGITS ? Number(value) : value;
    case 'date': {
      // A date as Excel's serial day at UTC midnight, which exceljs converts without a time zone;
      // Excel has no day before 1900 (nor 'infinity'), so those stay text.
      const year = ISO_DATE.exec(value)?.[1];
      return year && Number(year) >= 1900 ? new Date(`${value}T00:00:00Z`) : value;
    }
    case 'text':
      return value.replace(NOT_XML, '\uFFFD');
  }
}

/** Counts the bytes of the finished file as they go out. */
class CountBytes extends Transform {
  constructor(private readonly progress: ExportProgress) {
    super();
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.progress.bytes += chunk.length;
    done(null, chunk);
  }
}

/** A stream of archiver's readable-stream 2 (not Node's: no writableNeedDrain), seen from outside. */
export interface Backlog {
  _writableState: { length: number };
  on(event: 'drain' | 'close', listener: () => void): unknown;
  off(event: 'drain' | 'close', listener: () => void): unknown;
}

/**
 * Where a sheet's XML waits to be compressed: exceljs (4.4) writes each sheet into a buffer of its
 * own (`stream`), which pushes into the stream archiver made for the zip entry, heeding no
 * write()'s answer. That stream filling up is the only sign that the compressor, or the client
 * behind it, is behind. Internals, so xlsx-export.spec.ts checks they are still there.
 */
export function sheetBacklog(sheet: ExcelJS.Worksheet): Backlog | undefined {
  const pipes = (sheet as unknown as { stream?: { pipes?: Partial<Backlog>[] } }).stream?.pipes;
  const target = pipes?.length === 1 ? pipes[0] : undefined;
  return typeof target?._writableState?.length === 'number' ? (target as Backlog) : undefined;
}

/**
 * Takes COPY output of one JSON array per line (jsonArrayRows) and commits each as a sheet row,
 * taking the next chunk only when there is room downstream: that is how a slow client (or a
 * slow compressor) slows the database down instead of filling memory.
 */
class SheetRows extends Writable {
  private readonly decoder = new StringDecoder('utf8');
  private rest = '';

  constructor(
    private readonly sheet: ExcelJS.Worksheet,
    private readonly columns: readonly ExportColumn[],
    private readonly out: Writable,
    private readonly progress: ExportProgress,
  ) {
    super();
  }

  override _write(chunk: Buffer, _enc: BufferEncoding, done: (error?: Error | null) => void): void {
    const lines = (this.rest + this.decoder.write(chunk)).split('\n');
    this.rest = lines.pop()!;
    try {
      for (const line of lines) if (line) this.add(line);
    } catch (error) {
      return done(error as Error);
    }
    this.whenThereIsRoom(done);
  }

  /** Calls `done` once neither the compressor's input nor the way out is full. */
  private whenThereIsRoom(done: () => void): void {
    const backlog = sheetBacklog(this.sheet);
    const full = backlog && backlog._writableState.length > BACKLOG_LIMIT ? backlog : this.out.writableNeedDrain ? this.out : undefined;
    if (!full) return done();
    const resume = () => {
      full.off('drain', resume);
      full.off('close', resume);
      this.whenThereIsRoom(done);
    };
    full.on('drain', resume);
    full.on('close', resume);
  }

  override _final(done: (error?: Error | null) => void): void {
    try {
      const last = this.rest + this.decoder.end();
      if (last) this.add(last);
      done();
    } catch (error) {
      done(error as Error);
    }
  }

  private add(line: string): void {
    const values = JSON.parse(line) as (string | null)[];
    this.sheet.addRow(values.map((v, i) => xlsxCell(v, this.columns[i].type))).commit();
    this.progress.rows++;
  }
}

/**
 * Streams `source` (rows from jsonArrayRows) as a one-sheet workbook to `out`: a header row of
 * the column names, then one row per line, each committed at once so memory stays flat. Rejects
 * (and stops reading `source`) if `out` fails or closes early.
 */
export async function writeXlsx(source: Readable, sheetName: string, columns: readonly ExportColumn[], out: Writable, progress: ExportProgress): Promise<void> {
  const zipped = new CountBytes(progress);
  const delivered = pipeline(zipped, out);
  // Inline strings: a shared-string table would hold every distinct text until the end.
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: zipped, useStyles: true, useSharedStrings: false });
  const sheet = book.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c.name, key: c.name, width: WIDTH[c.type], style: STYLE[c.type] }));
  sheet.getRow(1).font = { bold: true };
  const rows = new SheetRows(sheet, columns, zipped, progress);
  delivered.catch((error: Error) => rows.destroy(error));
  const written = (async () => {
    await pipeline(source, rows);
    await book.commit();
  })();
  written.catch((error: Error) => zipped.destroy(error)); // a failed query ends the file too, half-written
  await Promise.all([written, delivered]);
}
