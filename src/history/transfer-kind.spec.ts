import { Echelon, FunctionalLevel, PositionCategory } from '../positions/position.enums.js';
import { Capacity, TransferKind } from './history.enums.js';
import { deriveKind, kindContradicts } from './transfer-kind.js';

const post = (echelon: Echelon | null, category = PositionCategory.ADMINISTRATOR) => ({ echelon, category });
const functional = (level: FunctionalLevel) => ({ echelon: null, category: PositionCategory.FUNCTIONAL, functional_level: level });

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
    [post(Echelon.IV_A), functional(FunctionalLevel.EXPERT_JUNIOR), TransferKind.TRANSFER],
    [functional(FunctionalLevel.EXPERT_JUNIOR), functional(FunctionalLevel.EXPERT_MIDDLE), TransferKind.PROMOTION],
    [functional(FunctionalLevel.EXPERT_FIRST), functional(FunctionalLevel.SUPERVISING), TransferKind.DEMOTION],
    [functional(FunctionalLevel.EXPERT_MIDDLE), functional(FunctionalLevel.EXPERT_MIDDLE), TransferKind.TRANSFER],
  ])('%j → %j is %s', (from, to, kind) => {
    expect(deriveKind(Capacity.DEFINITIVE, from, to)).toBe(kind);
  });

  it('gives acting transfers their own kinds', () => {
    expect(deriveKind(Capacity.ACTING, null, post(Echelon.II_B))).toBe(TransferKind.ACTING_START);
    expect(deriveKind(Capacity.STAND_IN, post(Echelon.II_B), null)).toBe(TransferKind.ACTING_END);
  });

  it('gives an additional task its own kinds, and a move of it between UPTDs is a reassignment', () => {
    const head = post(null, PositionCategory.UNIT_HEAD);
    expect(deriveKind(Capacity.ADDITIONAL_TASK, null, head)).toBe(TransferKind.ADDITIONAL_TASK_START);
    expect(deriveKind(Capacity.ADDITIONAL_TASK, head, null)).toBe(TransferKind.ADDITIONAL_TASK_END);
    expect(deriveKind(Capacity.ADDITIONAL_TASK, head, head)).toBe(TransferKind.REASSIGNMENT);
  });
});

describe('kindContradicts', () => {
  it('flags a stated kind the echelons deny, but lets a transfer keep its echelon', () => {
    expect(kindContradicts(TransferKind.ROTATION, TransferKind.PROMOTION)).toBe(true);
    expect(kindContradicts(TransferKind.PROMOTION, TransferKind.PROMOTION)).toBe(false);
    expect(kindContradicts(TransferKind.TRANSFER, TransferKind.ROTATION)).toBe(false);
    expect(kindContradicts(TransferKind.EQUALIZATION, TransferKind.TRANSFER)).toBe(false);
    expect(kindContradicts(TransferKind.EQUALIZATION, TransferKind.PROMOTION)).toBe(true);
    expect(kindContradicts(TransferKind.TRANSFER, TransferKind.PROMOTION)).toBe(true);
  });

  it('takes a retirement for the leaving of office it is, and nothing else', () => {
    expect(kindContradicts(TransferKind.RETIREMENT, TransferKind.DISMISSAL)).toBe(false);
    expect(kindContradicts(TransferKind.RETIREMENT, TransferKind.ROTATION)).toBe(true);
  });
});
