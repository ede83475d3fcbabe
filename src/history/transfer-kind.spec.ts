import { Echelon, PositionCategory } from '../positions/position.enums.js';
import { Capacity, TransferKind } from './history.enums.js';
import { deriveKind, kindContradicts } from './transfer-kind.js';

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

  it('takes a retirement for the leaving of office it is, and nothing else', () => {
    expect(kindContradicts(TransferKind.RETIREMENT, TransferKind.DISMISSAL)).toBe(false);
    expect(kindContradicts(TransferKind.RETIREMENT, TransferKind.ROTATION)).toBe(true);
  });
});
