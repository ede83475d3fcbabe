import { Rank } from '../officials/official.enums.js';
import { Echelon } from '../positions/position.enums.js';
import { monthsBefore, rankTooLow, yearsBefore } from './rotation-rules.js';

describe('rankTooLow', () => {
  it('allows the minimum and one grade below it (PP 100/2000 Ps. 5), not two', () => {
    expect(rankTooLow(Rank.IV_A, Echelon.III_A)).toBe(false);
    expect(rankTooLow(Rank.III_D, Echelon.III_A)).toBe(false);
    expect(rankTooLow(Rank.III_C, Echelon.III_A)).toBe(true);
    expect(rankTooLow(Rank.III_A, Echelon.IV_A)).toBe(false);
    expect(rankTooLow(Rank.II_D, Echelon.IV_A)).toBe(true);
  });
  it('says nothing without a rank, an echelon, or for a PPPK grade', () => {
    expect(rankTooLow(null, Echelon.III_A)).toBe(false);
    expect(rankTooLow(Rank.II_A, null)).toBe(false);
    expect(rankTooLow(Rank.IX, Echelon.IV_A)).toBe(false);
  });
});

describe('yearsBefore', () => {
  it('subtracts years, moving 29 February to 28', () => {
    expect(yearsBefore('2026-02-06', 2)).toBe('2024-02-06');
    expect(yearsBefore('2024-02-29', 2)).toBe('2022-02-28');
  });
});

describe('monthsBefore', () => {
  it('steps back whole months across years, keeping the day or the month\'s last', () => {
    expect(monthsBefore('2025-10-01', 6)).toBe('2025-04-01');
    expect(monthsBefore('2026-02-06', 6)).toBe('2025-08-06');
    expect(monthsBefore('2025-08-31', 6)).toBe('2025-02-28');
    expect(monthsBefore('2024-08-31', 6)).toBe('2024-02-29');
  });
});
