import { registerEnumType } from '@nestjs/graphql';
import { Echelon } from './position.enums.js';

/** An echelon with its sub-grades, as people say it: "Eselon III" is III.a and III.b. */
export enum EchelonGroup {
  I = 'I',
  II = 'II',
  III = 'III',
  IV = 'IV',
  V = 'V',
}
registerEnumType(EchelonGroup, { name: 'EchelonGroup', description: 'An echelon with all its grades: III means III_A and III_B.' });

/** The echelons the arguments allow (both given: those in both, possibly none); undefined when neither is given. */
export function echelonsOf({ echelon, echelonGroup }: { echelon?: Echelon; echelonGroup?: EchelonGroup }): Echelon[] | undefined {
  if (!echelon && !echelonGroup) return undefined;
  const inGroup = echelonGroup ? Object.values(Echelon).filter((e) => e.split('_')[0] === echelonGroup) : Object.values(Echelon);
  return echelon ? inGroup.filter((e) => e === echelon) : inGroup;
}
