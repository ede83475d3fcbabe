import { Capacity, TransferKind } from '../history/history.enums.js';
import { bareName, readDate, readHints, readNip, splitNameAndNip } from './annex-values.js';

describe('readNip', () => {
  it('reads a NIP written with spaces, dots or a NIP. prefix', () => {
    expect(readNip('19780512 200501 1 003')).toEqual({ nip: '197805122005011003' });
    expect(readNip('NIP. 19780512.200501.1.003')).toEqual({ nip: '197805122005011003' });
  });

  it('refuses a NIP a spreadsheet has damaged, saying so, and one that is not 18 digits', () => {
    expect(readNip(197805122005011003)).toMatchObject({ problem: 'NIP_DAMAGED' });
    expect(readNip('1.97805E+17')).toMatchObject({ problem: 'NIP_DAMAGED' });
    expect(readNip('197805122005011000')).toMatchObject({ problem: 'NIP_DAMAGED' });
    expect(readNip('19780512200501100')).toMatchObject({ problem: 'NIP_INVALID' });
  });
});

describe('readDate', () => {
  it.each([
    ['6 Februari 2026', '2026-02-06'],
    ['Jumat, 6 Februari 2026', '2026-02-06'],
    ['06-02-2026', '2026-02-06'],
    ['6/2/2026', '2026-02-06'],
    ['2026-02-06', '2026-02-06'],
    ['6 Pebruari 2026', '2026-02-06'],
  ])('reads %s', (text, iso) => expect(readDate(text)).toBe(iso));

  it('reads Excel serials and date cells, and nothing that is not a date', () => {
    expect(readDate(46059)).toBe('2026-02-06');
    expect(readDate(new Date(Date.UTC(2026, 1, 6)))).toBe('2026-02-06');
    expect(readDate('31-02-2026')).toBeNull();
    expect(readDate('besok')).toBeNull();
  });
});

describe('readHints', () => {
  it('reads Plt/Plh before a post and what the remarks say', () => {
    expect(readHints('Plt. Camat Bekasi Timur', '')).toEqual({ post: 'Camat Bekasi Timur', capacity: Capacity.ACTING, kind: null });
    expect(readHints('Kepala UPTD Puskesmas Kalibaru', 'Tugas tambahan')).toMatchObject({ capacity: Capacity.ADDITIONAL_TASK });
    expect(readHints('-', 'Pensiun (BUP)')).toMatchObject({ kind: TransferKind.RETIREMENT });
  });
});

describe('names', () => {
  it('splits a name and NIP written in one cell, and compares names without their titles', () => {
    expect(splitNameAndNip('Drs. H. Ahmad Fauzi, M.Si.\nNIP. 19700101 199003 1 002')).toEqual({ name: 'Drs. H. Ahmad Fauzi, M.Si.', nip: '19700101 199003 1 002' });
    expect(splitNameAndNip('Siti Rahmawati')).toEqual({ name: 'Siti Rahmawati', nip: null });
    expect(bareName('dr. Hj. Siti Rahmawati, M.Kes.')).toBe('siti rahmawati');
  });
});
