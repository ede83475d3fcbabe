import { EchelonGroup, echelonsOf } from './echelon-filter.js';
import { Echelon } from './position.enums.js';

describe('echelonsOf', () => {
  it('gives a group all its grades, a grade alone, both their common part, and neither nothing to filter', () => {
    expect(echelonsOf({ echelonGroup: EchelonGroup.III })).toEqual([Echelon.III_A, Echelon.III_B]);
    expect(echelonsOf({ echelonGroup: EchelonGroup.V })).toEqual([Echelon.V_A]);
    expect(echelonsOf({ echelon: Echelon.IV_B })).toEqual([Echelon.IV_B]);
    expect(echelonsOf({ echelon: Echelon.IV_B, echelonGroup: EchelonGroup.IV })).toEqual([Echelon.IV_B]);
    expect(echelonsOf({ echelon: Echelon.IV_B, echelonGroup: EchelonGroup.III })).toEqual([]);
    expect(echelonsOf({})).toBeUndefined();
  });
});
