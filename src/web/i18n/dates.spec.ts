import { formatDay, formatDayLong, formatDuration, formatTime } from './dates.js';

describe('dates as Indonesians write them', () => {
  it('writes the day of the week and the month in words', () => {
    expect(formatDayLong('id', '2026-02-06')).toBe('Jumat, 6 Februari 2026');
    expect(formatDayLong('en', '2026-02-06')).toBe('Friday, 6 February 2026');
    expect(formatDay('id', '2025-12-31')).toBe('31 Desember 2025');
  });

  it('leaves what is not a day as it is, and nothing as nothing', () => {
    expect(formatDay('id', 'kemarin')).toBe('kemarin');
    expect(formatDay('id', null)).toBe('');
  });

  it('writes the hour with a dot in Indonesian', () => {
    expect(formatTime('id', '14:00:00')).toBe('14.00 WIB');
    expect(formatTime('en', '09:30:00')).toBe('09:30 WIB');
  });

  it('gives a tenure in years and months', () => {
    expect(formatDuration('id', 400)).toBe('1 tahun 1 bulan');
    expect(formatDuration('id', 12)).toBe('12 hari');
    expect(formatDuration('en', 800)).toBe('2 yr 2 mo');
  });
});
