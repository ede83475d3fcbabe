import { jest } from '@jest/globals';
import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../src/cli/commands.js';
import { createOfficial, createOrganization, createPosition } from './factories/index.js';
import { startTestApp, type TestApp } from './support/app.js';
import { query, record } from './support/rotations.js';

/*
 * The annex import over real HTTP with real files: the clerk's lampiran in, every problem by
 * sheet row and cell, the event recorded on commit, and the lampiran back out.
 */

type Cells = (string | number | Date | { formula: string } | null)[];

/** An .xlsx made the way a clerk would: rows of cells, from A1. */
async function xlsx(rows: Cells[], sheets: Record<string, Cells[]> = {}): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const [name, data] of Object.entries({ Lampiran: rows, ...sheets })) {
    const sheet = workbook.addWorksheet(name);
    data.forEach((row, r) => row.forEach((value, c) => value !== null && (sheet.getCell(r + 1, c + 1).value = value as ExcelJS.CellValue)));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const EVENT = { title: 'Pelantikan Pejabat Administrator', issuer: 'Wali Kota Bekasi', swornInOn: '5 Juni 2026', location: 'Aula H. Nonon Sonthanie' };
const HEADER = ['No', 'Nama', 'NIP', 'Pangkat/Gol. Ruang', 'Jabatan Lama', 'Jabatan Baru', 'Keterangan'];

describe('importing a lampiran', () => {
  let t: TestApp;
  const nips = { fauzi: '197001011990031002', siti: '198203152006042003', dewi: '198507202010012004', budi: '197805122005011005', rina: '198811112012122006' };

  beforeAll(async () => {
    t = await startTestApp({ IMPORT_MAX_ROWS: '200', IMPORT_MAX_MEGABYTES: '1' });
    const dinkes = await createOrganization(t, { code: 'IMP-DINKES', name: 'Dinas Kesehatan' });
    const disdik = await createOrganization(t, { code: 'IMP-DISDIK', name: 'Dinas Pendidikan' });
    const pkm = await createOrganization(t, { code: 'IMP-PKM-KALIBARU', name: 'UPTD Puskesmas Kalibaru', kind: 'TECHNICAL_UNIT', parentId: dinkes });
    await createPosition(t, dinkes, { code: 'IMP-DINKES-KABID-1', title: 'Kepala Bidang Pelayanan Kesehatan', echelon: 'III_B' });
    await createPosition(t, dinkes, { code: 'IMP-DINKES-SEK', title: 'Sekretaris Dinas Kesehatan', echelon: 'III_A' });
    await createPosition(t, disdik, { code: 'IMP-DISDIK-KABID-4', title: 'Kepala Bidang Ketenagaan', echelon: 'III_B' });
    await createPosition(t, dinkes, { code: 'IMP-DINKES-KASUBAG-PK', title: 'Kepala Subbagian Perencanaan dan Keuangan Dinas Kesehatan', echelon: 'IV_A', category: 'SUPERVISOR' });
    await createPosition(t, dinkes, { code: 'IMP-DINKES-KASUBAG-UMUM', title: 'Kepala Subbagian Umum dan Kepegawaian Dinas Kesehatan', echelon: 'IV_A', category: 'SUPERVISOR' });
    await createPosition(t, dinkes, { code: 'IMP-DOKTER-MUDA', title: 'Dokter Ahli Muda', echelon: null, category: 'FUNCTIONAL', functionalLevel: 'EXPERT_JUNIOR', seats: 10 });
    await createPosition(t, pkm, { code: 'IMP-PKM-KALIBARU-KA', title: 'Kepala UPTD Puskesmas Kalibaru', echelon: null, category: 'UNIT_HEAD' });
    const ids = {
      fauzi: await createOfficial(t, { nip: nips.fauzi, name: 'Ahmad Fauzi', honorificPrefix: 'Drs. H.', honorificSuffix: 'M.Si.', rank: 'IV_A' }),
      siti: await createOfficial(t, { nip: nips.siti, name: 'Siti Rahmawati', honorificSuffix: 'S.Pd., M.Pd.', rank: 'IV_A' }),
      dewi: await createOfficial(t, { nip: nips.dewi, name: 'Dewi Lestari', honorificPrefix: 'dr.', rank: 'III_D' }),
      budi: await createOfficial(t, { nip: nips.budi, name: 'Budi Santoso', rank: 'IV_A' }),
      rina: await createOfficial(t, { nip: nips.rina, name: 'Rina Wulandari', rank: 'III_C' }),
    };
    await record(t, [
      { officialId: ids.fauzi, toPositionCode: 'IMP-DINKES-KABID-1' },
      { officialId: ids.siti, toPositionCode: 'IMP-DISDIK-KABID-4' },
      { officialId: ids.dewi, toPositionCode: 'IMP-DOKTER-MUDA' },
      { officialId: ids.budi, toPositionCode: 'IMP-DINKES-SEK' },
    ], { swornInOn: '2022-01-03', decreeDate: '2021-12-30' });
  });
  afterAll(() => t.close());

  const upload = (file: Buffer, name: string, fields: Record<string, string> = EVENT, auth = t.auth.HR) => {
    const req = t.http().post('/imports').set(auth).attach('file', file, name);
    for (const [k, v] of Object.entries(fields)) req.field(k, v);
    return req;
  };
  const imports = async () => (await query<{ n: number }>(t, 'SELECT count(*)::int AS n FROM imports'))[0].n;

  it('reads a Kota Bekasi lampiran as it is laid out, and records it on commit', async () => {
    const file = readFileSync(new URL('./fixtures/lampiran-bekasi.xlsx', import.meta.url));
    const res = await upload(file, 'lampiran-bekasi.xlsx');
    expect(res.status).toBe(201);
    const body = res.body;
    // The title rows give the decree; the header spans two rows; three officials, one over two rows.
    expect(body.import.header).toMatchObject({ decreeNumber: '821.2/Kep.077-BKPSDM/V/2026', decreeDate: '2026-05-20', swornInOn: '2026-06-05', title: expect.stringContaining('Pelantikan') });
    expect(body.import.columns.map((c: any) => [c.column, c.field])).toEqual([
      ['A', 'no'],
      ['B', 'nameAndNip'],
      ['C', 'rank'],
      ['D', 'fromPost'],
      ['E', 'toPost'],
      ['F', 'remarks'],
    ]);
    expect(body.rows.map((r: any) => [r.sheetRow, r.transfer])).toEqual([
      [11, { nip: nips.fauzi, fromPositionCode: 'IMP-DINKES-KABID-1', toPositionCode: 'IMP-DISDIK-KABID-4' }],
      [13, { nip: nips.siti, fromPositionCode: 'IMP-DISDIK-KABID-4', toPositionCode: 'IMP-DINKES-KABID-1' }],
      // A task's "Jabatan Lama" is the functional post kept beside it: read, not left.
      [15, { nip: nips.dewi, toPositionCode: 'IMP-PKM-KALIBARU-KA', capacity: 'ADDITIONAL_TASK', note: 'Tugas tambahan' }],
    ]);
    expect(body.problems.filter((p: any) => p.severity === 'ERROR')).toEqual([]);
    expect(body.valid).toBe(true);
    expect(await query(t, `SELECT 1 FROM rotation_events WHERE decree_number = '821.2/Kep.077-BKPSDM/V/2026'`)).toEqual([]);

    const committed = await t.http().post(`/imports/${body.import.id}/commit`).set(t.auth.HR).send({});
    expect(committed.status).toBe(201);
    expect(committed.body.import).toMatchObject({ status: 'COMMITTED', eventId: expect.any(String) });
    const event = await t.gql(`{ rotationEvent(id: "${committed.body.import.eventId}") { decreeNumber transfers { seq kind capacity official { name } toPosition { code } } } }`);
    expect(event.data.rotationEvent.transfers.map((x: any) => [x.official.name, x.kind, x.capacity, x.toPosition.code])).toEqual([
      ['Ahmad Fauzi', 'ROTATION', 'DEFINITIVE', 'IMP-DISDIK-KABID-4'],
      ['Siti Rahmawati', 'ROTATION', 'DEFINITIVE', 'IMP-DINKES-KABID-1'],
      ['Dewi Lestari', 'ADDITIONAL_TASK_START', 'ADDITIONAL_TASK', 'IMP-PKM-KALIBARU-KA'],
    ]);
    // Given back, the task's row shows the functional post it was given beside, as the annex did.
    const lampiran = await t.http().get(`/rotation-events/${committed.body.import.eventId}/lampiran.xlsx`).buffer(true).parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(lampiran.body as never);
    const sheet = book.worksheets[0];
    const header = sheet.getRow(9).values as unknown[];
    const task = sheet.getRow(12);
    expect([task.getCell(header.indexOf('Jabatan Lama')).value, task.getCell(header.indexOf('Kode Jabatan Lama')).value, task.getCell(header.indexOf('Status')).value]).toEqual([
      'Dokter Ahli Muda',
      'IMP-DOKTER-MUDA',
      'Tugas Tambahan',
    ]);
    // Committing again records nothing more; the import keeps the file's fingerprint and sender.
    const again = await t.http().post(`/imports/${body.import.id}/commit`).set(t.auth.HR).send({});
    expect(again.body.import.eventId).toBe(committed.body.import.eventId);
    const [stored] = await query<{ file_sha256: string; api_key_id: string | null }>(t, 'SELECT file_sha256, api_key_id FROM imports WHERE id = $1', [body.import.id]);
    expect(stored.file_sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.api_key_id).not.toBeNull();
    const gql = await t.hr(`{ import(id: "${body.import.id}") { status fileName rowCount problems { code } rows(first: 2) { sheetRow transfer } } }`);
    expect(gql.data.import).toMatchObject({ status: 'COMMITTED', fileName: 'lampiran-bekasi.xlsx', rowCount: 3 });
    expect(gql.data.import.rows.map((r: any) => r.sheetRow)).toEqual([11, 13]);
  });

  it('reports every problem at once, each at its sheet row and cell, and records nothing', async () => {
    const file = await xlsx([
      ['LAMPIRAN KEPUTUSAN WALI KOTA BEKASI'],
      ['Nomor : 821.2/Kep.090-BKPSDM/VI/2026'],
      [],
      HEADER,
      ['1', 'Budi Santoso', '19780512 200501 1 005', 'IV/a', 'Sekretaris Dinas Kesehatan', 'Kepala Bidang Pelayanan Kesehatan', ''],
      ['2', 'Rina Wulandari', '19881111201212200', 'III/c', '', 'Sekretaris Dinas Kesehatan', ''],
      ['3', 'Rina Wulandari', 198811112012122006, 'III/c', '', 'Sekretaris Dinas Kesehatan', ''],
      ['4', 'Rina Wulandari', '1.98811E+17', 'III/c', '', 'Sekretaris Dinas Kesehatan', ''],
      ['5', 'Rina Wulandari', nips.rina, 'III/c', '', 'Juru Masak Istana', ''],
      ['6', 'Ani Suryani', nips.dewi, 'III/d', '', 'Kepala UPTD Puskesmas Kali Baru', 'Tugas tambahan'],
      ['7', 'Rina Wulandari', nips.rina, 'III/c', '', 'Kepala Bidang Ketenagaan', ''],
      ['8', 'Rina Wulandari', nips.rina, 'III/c', '', 'Kepala Bidang Ketenagaan', ''],
      ['', 'JUMLAH', '', '', '', '', ''],
    ]);
    const before = await imports();
    const res = await upload(file, 'masalah.xlsx');
    expect(res.status).toBe(201);
    const byRow = (row: number) => res.body.problems.filter((p: any) => p.sheetRow === row).map((p: any) => [p.code, p.column, p.header]);
    // The recorder's own codes, placed on the sheet: both posts are held since the first test's event.
    expect(byRow(5)).toEqual([['POSITION_OCCUPIED', 'F', 'Jabatan Baru']]);
    expect(byRow(11)).toEqual([['POSITION_OCCUPIED', 'F', 'Jabatan Baru']]);
    expect(byRow(6)).toEqual([['NIP_INVALID', 'C', 'NIP']]);
    expect(byRow(7)).toEqual([['NIP_DAMAGED', 'C', 'NIP']]);
    expect(byRow(8)).toEqual([['NIP_DAMAGED', 'C', 'NIP']]);
    expect(byRow(9)).toEqual([['POST_UNKNOWN', 'F', 'Jabatan Baru']]);
    expect(byRow(10)).toContainEqual(['NAME_MISMATCH', 'B', 'Nama']);
    expect(byRow(10)).toContainEqual(['POST_PROPOSED', 'F', 'Jabatan Baru']);
    const proposal = res.body.problems.find((p: any) => p.code === 'POST_PROPOSED');
    expect(proposal).toMatchObject({ value: 'Kepala UPTD Puskesmas Kali Baru', field: 'toPositionCode', candidates: [expect.objectContaining({ code: 'IMP-PKM-KALIBARU-KA' })] });
    expect(proposal.candidates[0].score).toBeGreaterThan(0.5);
    expect(byRow(12)).toEqual([['DUPLICATE_ROW', 'C', 'NIP']]);
    const nipMessage = res.body.problems.find((p: any) => p.sheetRow === 7).message;
    expect(nipMessage).toMatch(/stored as a number/);
    expect(nipMessage).toMatch(/Text/);
    expect(res.body.valid).toBe(false);
    expect(await imports()).toBe(before + 1);

    // Committing with problems left records nothing and says why, by row.
    const refused = await t.http().post(`/imports/${res.body.import.id}/commit`).set(t.auth.HR).send({});
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ domainCode: 'IMPORT_REJECTED' });
    expect(refused.body.error.problems.map((p: any) => p.sheetRow)).toContain(6);
    expect(await query(t, `SELECT 1 FROM rotation_events WHERE decree_number = '821.2/Kep.090-BKPSDM/VI/2026'`)).toEqual([]);
  });

  it('needs the clerk to confirm a proposed post, then records it', async () => {
    const file = await xlsx([HEADER, ['1', 'Dewi Lestari', nips.dewi, 'III/d', '', 'Kepala Subbagian Perencanaan dan Keuangn Dinas Kesehatan', '']]);
    const res = await upload(file, 'usul.csv.xlsx', { ...EVENT, decreeNumber: '821.2/Kep.091-BKPSDM/VI/2026', swornInOn: '06-07-2026' });
    expect(res.body.problems.map((p: any) => p.code)).toContain('POST_PROPOSED');
    const unconfirmed = await t.http().post(`/imports/${res.body.import.id}/commit`).set(t.auth.HR).send({});
    expect(unconfirmed.body.error.problems.map((p: any) => p.code)).toContain('POST_PROPOSED');
    const confirmed = await t.http().post(`/imports/${res.body.import.id}/commit`).set(t.auth.HR).send({ confirm: { '2': { toPositionCode: 'IMP-DINKES-KASUBAG-PK' } } });
    expect(confirmed.status).toBe(201);
    expect(confirmed.body.rows[0].transfer).toMatchObject({ nip: nips.dewi, toPositionCode: 'IMP-DINKES-KASUBAG-PK' });
  });

  it('reads a CSV as Excel writes it in Indonesia: semicolons, dates in words, NIPs with spaces', async () => {
    const csv = ['No;Nama;NIP;Jabatan Lama;Jabatan Baru;Keterangan', '1;Budi Santoso;19780512 200501 1 005;Sekretaris Dinas Kesehatan;-;Pensiun'].join('\r\n');
    const res = await upload(Buffer.from(`\uFEFF${csv}`), 'pensiun.csv', { issuer: 'Wali Kota Bekasi', title: 'Pemberhentian dengan hormat', swornInOn: 'Jumat, 3 Juli 2026', swornInAt: '9.30 WIB' });
    expect(res.status).toBe(201);
    expect(res.body.import.header).toMatchObject({ swornInOn: '2026-07-03', swornInAt: '09:30' });
    expect(res.body.rows[0].transfer).toEqual({ nip: nips.budi, fromPositionCode: 'IMP-DINKES-SEK', kind: 'RETIREMENT', note: 'Pensiun' });
  });

  it.each([
    ['not a spreadsheet', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]), 'foto.png', 'NOT_A_SPREADSHEET'],
    ['password-protected', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]), 'rahasia.xlsx', 'WORKBOOK_ENCRYPTED'],
    ['corrupt', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]), 'rusak.xlsx', 'WORKBOOK_UNREADABLE'],
  ])('refuses a file that is %s with a 400 and writes nothing', async (_what, file, name, code) => {
    const before = await imports();
    const res = await upload(file, name);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ domainCode: code });
    expect(await imports()).toBe(before);
  });

  it('refuses an empty sheet, several sheets without a choice, formulas, too many rows, a file too large, and no file', async () => {
    const before = await imports();
    const status = async (file: Buffer, fields: Record<string, string> = EVENT) => {
      const res = await upload(file, 'x.xlsx', fields);
      return [res.status, res.body.error?.domainCode ?? res.body.error?.code ?? res.body.message];
    };
    expect(await status(await xlsx([]))).toEqual([400, 'SHEET_EMPTY']);
    const two = await xlsx([HEADER, ['1', 'Budi Santoso', nips.budi, '', '', 'Sekretaris Dinas Kesehatan', '']], { Kedua: [['x']] });
    expect(await status(two)).toEqual([400, 'SHEET_REQUIRED']);
    expect((await upload(two, 'x.xlsx', { ...EVENT, sheet: 'Lampiran' })).status).toBe(201);
    expect(await status(await xlsx([HEADER, ['1', 'Budi Santoso', { formula: 'A1&"1"' }, '', '', 'x', '']]))).toEqual([400, 'FORMULA_CELLS']);
    const many = await xlsx([HEADER, ...Array.from({ length: 260 }, (_, i) => [String(i + 1), 'Budi Santoso', nips.budi, '', '', 'Sekretaris Dinas Kesehatan', ''])]);
    expect(await status(many)).toEqual([400, 'TOO_MANY_ROWS']);
    const large = await upload(Buffer.concat([Buffer.from('No;Nama;NIP\n'), Buffer.alloc(1.2 * 1024 * 1024, 'a')]), 'besar.csv');
    expect(large.status).toBe(413);
    const none = await t.http().post('/imports').set(t.auth.HR).field('issuer', 'x');
    expect(none.status).toBe(400);
    expect(await imports()).toBe(before + 1);
  });

  it('is for HR keys only', async () => {
    const file = await xlsx([HEADER]);
    expect((await upload(file, 'x.xlsx', EVENT, {})).status).toBe(401);
    expect((await upload(file, 'x.xlsx', EVENT, t.auth.ANALYST)).status).toBe(403);
  });

  it('gives the lampiran back as a spreadsheet, NIPs as text for keys that may see them, and reading it back records the same event', async () => {
    const recorded = await record(t, [{ nip: nips.rina, toPositionCode: 'IMP-DINKES-KASUBAG-UMUM', note: 'Mutasi antar OPD' }], { swornInOn: '2026-08-03', decreeDate: '2026-07-30', decreeNumber: '821.2/Kep.120-BKPSDM/VII/2026' });
    const download = async (auth: Record<string, string>) => {
      const res = await t.http().get(`/rotation-events/${recorded.event.id}/lampiran.xlsx`).set(auth).buffer(true).parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
      expect(res.status).toBe(200);
      return res.body as Buffer;
    };
    const cellsOf = async (file: Buffer) => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(file as never);
      const sheet = workbook.worksheets[0];
      const header = sheet.getRow(9).values as unknown[];
      return { sheet, header };
    };
    const withNip = await download(t.auth.HR);
    const { sheet, header } = await cellsOf(withNip);
    const nipColumn = header.indexOf('NIP');
    expect(nipColumn).toBeGreaterThan(0);
    expect(sheet.getRow(10).getCell(nipColumn).value).toBe(nips.rina);
    expect((await cellsOf(await download({}))).header).not.toContain('NIP');

    // Void it, read the file back: the same lampiran is recorded again.
    const voided = await t.hr(`mutation { voidRotationEvent(id: "${recorded.event.id}", expectedVersion: ${recorded.event.version}, reason: "Uji ulang") { id } }`);
    expect(voided.errors).toBeUndefined();
    const again = await upload(withNip, 'kembali.xlsx', { issuer: 'Wali Kota Bekasi', decreeNumber: '821.2/Kep.120-BKPSDM/VII/2026-ULANG' });
    expect(again.body.problems.filter((p: any) => p.severity === 'ERROR')).toEqual([]);
    const committed = await t.http().post(`/imports/${again.body.import.id}/commit`).set(t.auth.HR).send({});
    expect(committed.status).toBe(201);
    const transfersOf = async (id: string) =>
      (await t.gql(`{ rotationEvent(id: "${id}") { title swornInOn effectiveOn transfers { seq kind capacity note official { name } fromPosition { code } toPosition { code } } } }`)).data.rotationEvent;
    const [original, copy] = [await transfersOf(recorded.event.id), await transfersOf(committed.body.import.eventId)];
    expect(copy).toEqual(original);
  });

  it('offers a blank template with the headers and the posts to choose from', async () => {
    const res = await t.http().get('/imports/template.xlsx').buffer(true).parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    expect(res.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.body as never);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Lampiran', 'Jabatan']);
    expect((workbook.getWorksheet('Lampiran')!.getRow(8).values as unknown[]).filter(Boolean)).toContain('Kode Jabatan Baru');
    const codes = (workbook.getWorksheet('Jabatan')!.getColumn(1).values as unknown[]).filter((v) => typeof v === 'string');
    expect(codes).toContain('IMP-PKM-KALIBARU-KA');
  });

  it('imports from the command line too: progress on stderr, the problems as a table, nothing recorded on a dry run', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mutasi-import-'));
    const file = join(dir, 'lampiran.xlsx');
    writeFileSync(file, await xlsx([HEADER, ['1', 'Budi Santoso', '1978051220050110', '', '', 'Kepala Subbagian Umum dan Kepegawaian Dinas Kesehatan', '']]));
    const out = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    const err = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    let printed: string;
    let progress: string;
    const before = await imports();
    try {
      await expect(
        runCli(['import', file, '--dry-run', '--title', 'Pelantikan', '--issuer', 'Wali Kota Bekasi', '--sworn-in-on', '7 September 2026'], { DATABASE_URL: t.databaseUrl, LOG_LEVEL: 'error' }),
      ).rejects.toThrow('The annex has errors');
      printed = out.mock.calls.map((c) => String(c[0])).join('\n');
      progress = err.mock.calls.map((c) => String(c[0])).join('\n');
    } finally {
      out.mockRestore();
      err.mockRestore();
    }
    expect(printed).toMatch(/^SEVERITY\s+ROW\s+COLUMN\s+CODE\s+MESSAGE/);
    expect(printed).toMatch(/ERROR\s+2\s+C NIP\s+NIP_INVALID/);
    expect(progress).toMatch(/checked: 1 rows/);
    expect(await imports()).toBe(before + 1);
    expect(await query(t, `SELECT 1 FROM rotation_events WHERE title = 'Pelantikan'`)).toEqual([]);
  });

  describe('what an outside review found', () => {
    const codesAt = (body: any) => body.problems.map((p: any) => [p.code, p.sheetRow]);

    it('reports a date it cannot read, above the table or sent, instead of dropping it or reading a year as a serial', async () => {
      const file = await xlsx([['Tanggal : 30 Februari 2027'], [], HEADER, ['1', 'Rina Wulandari', nips.rina, '', '', 'Kepala Subbagian Perencanaan dan Keuangan Dinas Kesehatan', '']]);
      const res = await upload(file, 'tanggal.xlsx');
      expect(codesAt(res.body)).toContainEqual(['DATE_INVALID', 1]);
      const sent = await upload(file, 'tanggal.xlsx', { ...EVENT, decreeDate: '2026' });
      expect(sent.body.problems).toContainEqual(expect.objectContaining({ code: 'DATE_INVALID', header: 'decreeDate', value: '2026' }));
    });

    it('refuses to record an annex without rows', async () => {
      const res = await upload(await xlsx([HEADER]), 'kosong.xlsx');
      expect(codesAt(res.body)).toContainEqual(['NOTHING_TO_IMPORT', 1]);
      const commit = await t.http().post(`/imports/${res.body.import.id}/commit`).set(t.auth.HR).send({});
      expect(commit.status).toBe(400);
      expect(await query(t, `SELECT 1 FROM rotation_events e WHERE NOT EXISTS (SELECT 1 FROM transfers t WHERE t.event_id = e.id)`)).toEqual([]);
    });

    it('reads a sheet without a header by the mapping given, from its first NIP; refuses a mapping that is not field → letter', async () => {
      const file = await xlsx([['LAMPIRAN'], ['1', 'Rina Wulandari', nips.rina, 'Kepala Subbagian Perencanaan dan Keuangan Dinas Kesehatan']]);
      const res = await upload(file, 'tanpa-kepala.xlsx', { ...EVENT, mapping: JSON.stringify({ name: 'B', nip: 'C', toPost: 'D' }) });
      expect(res.body.rows.map((r: any) => r.sheetRow)).toEqual([2]);
      for (const mapping of ['{"nip":["C"]}', '5', '{"nip":{"toString":1}}']) {
        const bad = await upload(file, 'x.xlsx', { ...EVENT, mapping });
        expect([bad.status, bad.body.error?.domainCode]).toEqual([400, 'MAPPING_INVALID']);
      }
    });

    it('reads real layouts: lettered headings, rank and NIP over two rows, a two-level PANGKAT, a count in the NIP column; CSV in Windows-1252 or with a NUL', async () => {
      const file = await xlsx([
        ['No', 'Nama / NIP', 'Pangkat', null, 'Jabatan', null],
        [null, null, 'Gol', 'TMT', 'Lama', 'Baru'],
        ['A.', 'PEJABAT PENGAWAS'],
        ['1', 'Rina Wulandari', 'Penata', '01-04-2020', '-', 'Kepala Subbagian Perencanaan dan Keuangan Dinas Kesehatan'],
        [null, `NIP. ${nips.rina}`, 'III/c'],
        [null, 'JUMLAH', null, null, '1'],
      ]);
      const res = await upload(file, 'tata-letak.xlsx');
      expect(res.body.rows.map((r: any) => [r.sheetRow, r.transfer?.nip, r.transfer?.toPositionCode])).toEqual([[4, nips.rina, 'IMP-DINKES-KASUBAG-PK']]);
      // Whatever the recorder says of the move (the post may be held by now), the layout itself is read without a problem.
      expect(res.body.problems.map((p: any) => p.code).filter((c: string) => /^(NIP_|NOTHING_|UNKNOWN_COLUMN|POST_)/.test(c))).toEqual([]);

      const latin = Buffer.from(`No;Nama;NIP;Jabatan Baru\n1;Jos\xe9 Rina;${nips.rina};-\n`, 'latin1');
      const read = await upload(latin, 'latin.csv', { ...EVENT, mapping: '' });
      expect(read.body.rows[0].cells.name).toBe('José Rina');
      const nul = Buffer.from(`No;Nama;NIP;Jabatan Baru\n${'x;'.repeat(600)}\n1;Rina\u0000 Wulandari;${nips.rina};-\n`);
      expect((await upload(nul, 'nul.csv')).status).toBe(201);
    });
  });
});
