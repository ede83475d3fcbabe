import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { loadDemo } from '../seeds/load-demo.js';
import { startTestApp, type TestApp } from './support/app.js';
import { query } from './support/rotations.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('XLSX exports', () => {
  let t: TestApp;
  const download = (path: string, role: 'ANALYST' | null = 'ANALYST') => {
    const req = t.http().get(path).buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    return role ? req.set(t.auth[role]) : req;
  };
  const csvRows = async (path: string, role: 'ANALYST' | null = 'ANALYST') =>
    parse((await download(path, role)).body as Buffer, { record_delimiter: '\r\n' }) as string[][];
  const sheetOf = async (path: string, role: 'ANALYST' | null = 'ANALYST') => {
    const res = await download(path, role);
    expect([res.status, res.headers['content-type']]).toEqual([200, XLSX]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.body as ArrayBuffer); // a Buffer, which exceljs reads; its types name ArrayBuffer
    expect(book.worksheets).toHaveLength(1);
    return book.worksheets[0];
  };
  /** A row as CSV would write it: dates as YYYY-MM-DD, numbers in digits, empty for no value. */
  const asText = (sheet: ExcelJS.Worksheet, r: number, width: number) =>
    Array.from({ length: width }, (_, i) => {
      const v = sheet.getRow(r).getCell(i + 1).value;
      if (v === null || v === undefined) return '';
      if (v instanceof Date) return v.toISOString().slice(0, 10);
      return String(v);
    });
  /** Every row of the sheet, the header first, then the rows sorted (neither export promises an order). */
  const rowsOf = (sheet: ExcelJS.Worksheet, width: number) => {
    const rows = Array.from({ length: sheet.rowCount }, (_, i) => asText(sheet, i + 1, width));
    return [rows[0], ...rows.slice(1).sort(byFirstColumn)];
  };
  const byFirstColumn = (a: string[], b: string[]) => Number(a[0]) - Number(b[0]);
  const sortedCsv = (rows: string[][]) => [rows[0], ...rows.slice(1).sort(byFirstColumn)];

  beforeAll(async () => {
    t = await startTestApp();
    await loadDemo(t.app);
  });
  afterAll(() => t.close());

  it('appointments.xlsx: the rows of appointments.csv, with the NIP as a text cell and dates as dates', async () => {
    const sheet = await sheetOf('/exports/appointments.xlsx?organizationCode=DINKES');
    const csv = await csvRows('/exports/appointments.csv?organizationCode=DINKES');
    expect(sheet.rowCount).toBe(csv.length);
    expect(rowsOf(sheet, csv[0].length)).toEqual(sortedCsv(csv));

    const header = asText(sheet, 1, csv[0].length);
    const column = (name: string) => header.indexOf(name) + 1;
    const [official] = await query<{ id: string; nip: string }>(t, `SELECT id::text, nip FROM officials WHERE nip IS NOT NULL ORDER BY id LIMIT 1`);
    const row = sheet.getRows(2, sheet.rowCount - 1)!.find((r) => String(r.getCell(column('official_id')).value) === official.id);
    const nip = row!.getCell(column('nip'));
    // A string cell: Excel shows 197805…, never 1.97805E+17, and keeps every digit.
    expect(nip.type).toBe(ExcelJS.ValueType.String);
    expect(nip.value).toBe(official.nip);
    expect(nip.numFmt).toBe('@');
    expect(row!.getCell(column('position_code')).type).toBe(ExcelJS.ValueType.String);
    const started = row!.getCell(column('started_on'));
    expect(started.type).toBe(ExcelJS.ValueType.Date);
    expect(started.numFmt).toBe('yyyy-mm-dd');
    expect(row!.getCell(column('appointment_id')).type).toBe(ExcelJS.ValueType.Number);
  });

  it('transfers.xlsx: the rows of transfers.csv under the same filters', async () => {
    const q = 'from=2026-02-06&to=2026-02-06&kind=REASSIGNMENT';
    const sheet = await sheetOf(`/exports/transfers.xlsx?${q}`);
    const csv = await csvRows(`/exports/transfers.csv?${q}`);
    expect(csv).toHaveLength(11); // the header and 10 reassignments
    expect(rowsOf(sheet, csv[0].length)).toEqual(sortedCsv(csv));
    const seq = sheet.getRow(2).getCell(csv[0].indexOf('seq') + 1);
    expect(seq.type).toBe(ExcelJS.ValueType.Number);
  });

  it('anonymous callers get the same sheets without the nip column', async () => {
    for (const name of ['appointments', 'transfers']) {
      const q = 'organizationCode=DINKES';
      const sheet = await sheetOf(`/exports/${name}.xlsx?${q}`, null);
      const csv = await csvRows(`/exports/${name}.csv?${q}`, null);
      expect(csv[0]).not.toContain('nip');
      expect(rowsOf(sheet, csv[0].length)).toEqual(sortedCsv(csv));
      expect(sheet.getRow(1).cellCount).toBe(csv[0].length);
    }
  });

  it('an empty selection is a workbook with the header row only', async () => {
    const sheet = await sheetOf('/exports/transfers.xlsx?from=1990-01-01&to=1990-01-02');
    expect(sheet.rowCount).toBe(1);
    expect(asText(sheet, 1, 3)).toEqual(['transfer_id', 'event_id', 'seq']);
  });
});
