import { AnnexField, dataRows, findLayout, readSheetHeader, type SheetRow } from './annex-layout.js';

const rows = (...lines: (string | null)[][]): SheetRow[] =>
  lines.map((cells, i) => ({ number: i + 1, cells: new Map(cells.flatMap((c, j) => (c === null ? [] : [[String.fromCharCode(65 + j), c] as [string, string]]))) }));

describe('findLayout', () => {
  it('finds the header under title rows, whatever its case and spacing', () => {
    const sheet = rows(['LAMPIRAN'], ['Nomor : 1/2026'], ['NO.', 'NAMA', 'N I P', 'nip', 'JABATAN  LAMA', 'Jabatan Baru']);
    const layout = findLayout(sheet)!;
    expect(layout.headerRows).toEqual([3]);
    expect(layout.columns.map((c) => [c.column, c.field])).toEqual([
      ['A', AnnexField.NO],
      ['B', AnnexField.NAME],
      ['D', AnnexField.NIP],
      ['E', AnnexField.FROM_POST],
      ['F', AnnexField.TO_POST],
    ]);
  });

  it('completes a merged JABATAN with the LAMA and BARU under it', () => {
    const layout = findLayout(rows(['No', 'Nama / NIP', 'Jabatan', null, 'Ket'], [null, null, 'Lama', 'Baru', null]))!;
    expect(layout.headerRows).toEqual([1, 2]);
    expect(layout.columns.map((c) => c.field)).toEqual([AnnexField.NO, AnnexField.NAME_AND_NIP, AnnexField.FROM_POST, AnnexField.TO_POST, AnnexField.REMARKS]);
  });

  it('finds nothing in a sheet without a NIP column', () => {
    expect(findLayout(rows(['No', 'Nama', 'Jabatan']))).toBeNull();
  });
});

describe('readSheetHeader', () => {
  it('reads the decree written above the table, in one cell or two', () => {
    expect(readSheetHeader(rows(['Nomor', ': 821.2/Kep.061-BKPSDM/II/2026'], ['Tanggal : 5 Februari 2026'], ['Tentang : Pelantikan'], ['TMT : 06-02-2026']))).toEqual({
      values: { decreeNumber: '821.2/Kep.061-BKPSDM/II/2026', decreeDate: '5 Februari 2026', title: 'Pelantikan', effectiveOn: '06-02-2026' },
      rowOf: { decreeNumber: 1, decreeDate: 2, title: 3, effectiveOn: 4 },
    });
  });
});

describe('dataRows', () => {
  const columns = [
    { column: 'A', header: 'No', field: AnnexField.NO },
    { column: 'B', header: 'Nama / NIP', field: AnnexField.NAME_AND_NIP },
    { column: 'C', header: 'Jabatan Baru', field: AnnexField.TO_POST },
  ];

  it('skips column numbers, headings, subtotals and the signature block; merges the NIP under the name', () => {
    const sheet = rows(
      ['1', '2', '3'],
      ['I. PEJABAT ADMINISTRATOR'],
      ['1', 'Ahmad Fauzi', 'Camat Bekasi Timur'],
      [null, 'NIP. 19700101 199003 1 002', null],
      [null, 'Jumlah : 1 orang', null],
      [null, null, 'WALI KOTA BEKASI,'],
      ['2', 'Tri Adhianto', null],
    );
    const out = dataRows(sheet, columns);
    expect(out).toEqual([{ sheetRow: 3, values: { no: '1', nameAndNip: 'Ahmad Fauzi\nNIP. 19700101 199003 1 002', toPost: 'Camat Bekasi Timur' } }]);
  });
});
