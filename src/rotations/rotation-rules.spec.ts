import { Rank } from '../officials/official.enums.js';
import { Echelon, PositionCategory } from '../positions/position.enums.js';
import { deriveKind, kindContradicts, rankTooLow, yearsBefore } from './rotation-rules.js';
import { Capacity, TransferKind } from './rotation.enums.js';

const post = (echelon: Echelon | null, category = PositionCategory.ADMINISTRATOR) => ({ echelon, category });

describe('deriveKind', () => {
  it.each([
    [post(Echelon.III_B), post(Echelon.III_B), TransferKind.ROTATION],
    [post(Echelon.IV_A), post(Echelon.III_B), TransferKind.PROMOTION],
    [post(Echelon.III_A), post(Echelon.IV_A), TransferKind.DEMOTION],
    [post(null, PositionCategory.UNIT_HEAD), post(null, PositionCategory.UNIT_HEAD), TransferKind.REASSIGNMENT],
    [null, post(Echelon.IV_A), TransferKind.APPOINTMENT],
    [post(Echelon.IV_A), null, TransferKind.DISMISSAL],
    [post(null, PositionCategory.FUNCTIONAL), post(Echelon.IV_B), TransferKind.PROMOTION],
    [post(Echelon.IV_B), post(null, PositionCategory.UNIT_HEAD), TransferKind.TRANSFER],
  ])('%j → %j is %s', (from, to, kind) => {
    expect(deriveKind(Capacity.DEFINITIVE, from, to)).toBe(kind);
  });

  it('gives acting transfers their own kinds', () => {
    expect(deriveKind(Capacity.ACTING, null, post(Echelon.II_B))).toBe(TransferKind.ACTING_START);
    expect(deriveKind(Capacity.STAND_IN, post(Echelon.II_B), null)).toBe(TransferKind.ACTING_END);
  });
});

describe('kindContradicts', () => {
  it('flags a stated kind the echelons deny, but lets a transfer keep its echelon', () => {
    expect(kindContradicts(TransferKind.ROTATION, TransferKind.PROMOTION)).toBe(true);
    expect(kindContradicts(TransferKind.PROMOTION, TransferKind.PROMOTION)).toBe(false);
    expect(kindContradicts(TransferKind.TRANSFER, TransferKind.ROTATION)).toBe(false);
    expect(kindContradicts(TransferKind.TRANSFER, TransferKind.PROMOTION)).toBe(true);
  });
});

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
