import { registerEnumType } from '@nestjs/graphql';

/** Eselon, from I.a (highest) to V.a. */
export enum Echelon {
  I_A = 'I_A',
  I_B = 'I_B',
  II_A = 'II_A',
  II_B = 'II_B',
  III_A = 'III_A',
  III_B = 'III_B',
  IV_A = 'IV_A',
  IV_B = 'IV_B',
  V_A = 'V_A',
}

export enum PositionCategory {
  HIGH_LEADERSHIP = 'HIGH_LEADERSHIP',
  ADMINISTRATOR = 'ADMINISTRATOR',
  SUPERVISOR = 'SUPERVISOR',
  FUNCTIONAL = 'FUNCTIONAL',
  EXECUTOR = 'EXECUTOR',
  /** A functional official with the additional duty of heading an UPTD such as a Puskesmas. */
  UNIT_HEAD = 'UNIT_HEAD',
}

registerEnumType(Echelon, { name: 'Echelon', description: 'Eselon: I_A is the highest, V_A the lowest.' });
registerEnumType(PositionCategory, { name: 'PositionCategory' });
