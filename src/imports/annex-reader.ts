import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import { Readable } from 'node:stream';
import type { Cell } from './annex-values.js';
import type { SheetRow } from './annex-layout.js';
import { ImportError, ImportErrorCode } from './imports.errors.js';

/*
 * Reads the first (or the chosen) sheet of an .xlsx, or a .csv, row by row as a stream: the
 * workbook is never loaded whole. Every way a file can be unusable is an ImportError (4xx).
 */

export interface ReadOptions {
  /** Which sheet, by name, when the workbook has several with data. */
  sheet?: string | null;
  /** More data rows than this is refused. */
  maxRows: number;
  /** Called every few thousand rows. */
  onProgress?: (rows: number) => void;
}

export interface ReadSheet {
  sheetName: string | null;
  rows: SheetRow[];
}

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
/** An OLE compound file: an encrypted (password-protected) .xlsx, or an old .xls. */
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

const letter = (n: number): string => (n > 26 ? letter(Math.floor((n - 1) / 26)) : '') + String.fromCharCode(65 + ((n - 1) % 26));

export async function readAnnex(file: Buffer, fileName: string, options: ReadOptions): Promise<ReadSheet> {
  if (file.length === 0) throw new ImportError(ImportErrorCode.SHEET_EMPTY, 'The file is empty.');
  if (file.subarray(0, 8).equals(OLE)) {
    throw new ImportError(
      ImportErrorCode.WORKBOOK_ENCRYPTED,
      'This workbook is password-protected, or an old .xls file: save it without a password as an Excel workbook (.xlsx), or as CSV, and send it again.',
    );
  }
  if (file.subarray(0, 4).equals(ZIP)) return readXlsx(file, options);
  if (/\.xlsx?$/i.test(fileName) || looksBinary(file)) {
    throw new ImportError(ImportErrorCode.NOT_A_SPREADSHEET, `${fileName} is not a spreadsheet Mutasi can read: send an Excel workbook (.xlsx) or a CSV file.`);
  }
  return readCsv(file, options);
}

function looksBinary(file: Buffer): boolean {
  const head = file.subarray(0, 1024);
  return head.includes(0) || head.filter((b) => b < 9).length > 4;
}

/** An exceljs cell value as a Cell: rich text joined, hyperlinks as their text; a formula is kept as such (refused later). */
function toCell(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || value instanceof Date) return value;
  if (typeof value === 'boolean') return String(value);
  if ('formula' in value || 'sharedFormula' in value) return { formula: String((value as { formula?: string }).formula ?? (value as { sharedFormula?: string }).sharedFormula) };
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('text' in value) return String((value as { text: unknown }).text);
  if ('error' in value) return String(value.error);
  return null;
}

async function readXlsx(file: Buffer, options: ReadOptions): Promise<ReadSheet> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(file), { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', worksheets: 'emit', entries: 'ignore' });
  const withData: string[] = [];
  let chosen: ReadSheet | null = null;
  try {
    for await (const worksheet of reader) {
      const name = (worksheet as unknown as { name: string }).name;
      const state = (worksheet as unknown as { state?: string }).state;
      const wanted = options.sheet ? name === options.sheet : state !== 'hidden' && state !== 'veryHidden';
      const rows: SheetRow[] = [];
      for await (const row of worksheet) {
        if (!wanted) continue;
        const cells = new Map<string, Cell>();
        row.eachCell({ includeEmpty: false }, (cell, column) => {
          const value = toCell(cell.value);
          if (value !== null && value !== '') cells.set(letter(column), value);
        });
        if (cells.size === 0) continue;
        rows.push({ number: row.number, cells });
        if (rows.length > options.maxRows + 50) throw tooMany(options.maxRows);
        if (rows.length % 5000 === 0) options.onProgress?.(rows.length);
      }
      if (!wanted || rows.length === 0) continue;
      withData.push(name);
      if (chosen) {
        throw new ImportError(ImportErrorCode.SHEET_REQUIRED, `The workbook has several sheets with data (${withData.join(', ')}, …): say which one to import (field "sheet").`, [
          { field: 'sheet', code: ImportErrorCode.SHEET_REQUIRED, message: `One of: ${withData.join(', ')}` },
        ]);
      }
      chosen = { sheetName: name, rows };
    }
  } catch (error) {
    if (error instanceof ImportError) throw error;
    throw new ImportError(ImportErrorCode.WORKBOOK_UNREADABLE, 'The workbook cannot be read: it is damaged or not really an Excel workbook. Open it in a spreadsheet program, save it again as .xlsx, and send it again.');
  }
  if (!chosen) {
    if (options.sheet) throw new ImportError(ImportErrorCode.SHEET_NOT_FOUND, `The workbook has no sheet "${options.sheet}" with data.`, [{ field: 'sheet', code: ImportErrorCode.SHEET_NOT_FOUND, message: `No sheet "${options.sheet}" with data` }]);
    throw new ImportError(ImportErrorCode.SHEET_EMPTY, 'The workbook has no sheet with data.');
  }
  const formula = chosen.rows.flatMap((r) => [...r.cells].filter(([, c]) => c !== null && typeof c === 'object' && !(c instanceof Date)).map(([col]) => `${col}${r.number}`));
  if (formula.length > 0) {
    throw new ImportError(
      ImportErrorCode.FORMULA_CELLS,
      `Cells ${formula.slice(0, 5).join(', ')}${formula.length > 5 ? ` and ${formula.length - 5} more` : ''} hold formulas, not values: copy the sheet and paste it as values only, then send it again.`,
    );
  }
  return chosen;
}

async function readCsv(file: Buffer, options: ReadOptions): Promise<ReadSheet> {
  // UTF-8 when it is; else Windows-1252, which Excel writes a "CSV" in on many machines. NUL is not text.
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(file);
  } catch {
    text = new TextDecoder('windows-1252').decode(file);
  }
  text = text.replace(/^\uFEFF/, '').replace(/\u0000/g, '');
  const firstLine = text.slice(0, text.indexOf('\n') === -1 ? undefined : text.indexOf('\n'));
  // Excel in an Indonesian locale writes CSV with semicolons.
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ',';
  const rows: SheetRow[] = [];
  const parser = Readable.from([text]).pipe(parse({ delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, bom: true }));
  let number = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      number++;
      const cells = new Map<string, Cell>();
      record.forEach((value, i) => value.trim() && cells.set(letter(i + 1), value.trim()));
      if (cells.size === 0) continue;
      rows.push({ number, cells });
      if (rows.length > options.maxRows + 50) throw tooMany(options.maxRows);
      if (rows.length % 5000 === 0) options.onProgress?.(rows.length);
    }
  } catch (error) {
    if (error instanceof ImportError) throw error;
    throw new ImportError(ImportErrorCode.NOT_A_SPREADSHEET, `The CSV file cannot be read (line ${number + 1}): ${(error as Error).message}.`);
  }
  if (rows.length === 0) throw new ImportError(ImportErrorCode.SHEET_EMPTY, 'The file has no rows.');
  return { sheetName: null, rows };
}

const tooMany = (max: number) => new ImportError(ImportErrorCode.TOO_MANY_ROWS, `The sheet has more than ${max} rows; split the annex into several files of at most ${max} rows.`);
