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

/**
 * Jenjang jabatan fungsional: the skilled levels (keterampilan) and the expert levels
 * (keahlian), lowest first within each (PermenPANRB 1/2023 on jabatan fungsional).
 */
export enum FunctionalLevel {
  BEGINNER = 'BEGINNER',
  SKILLED = 'SKILLED',
  PROFICIENT = 'PROFICIENT',
  SUPERVISING = 'SUPERVISING',
  EXPERT_FIRST = 'EXPERT_FIRST',
  EXPERT_JUNIOR = 'EXPERT_JUNIOR',
  EXPERT_MIDDLE = 'EXPERT_MIDDLE',
  EXPERT_PRINCIPAL = 'EXPERT_PRINCIPAL',
}

/** Categories whose posts may have several seats (formasi); the others are held by one head at a time. */
export const MULTI_SEAT_CATEGORIES: readonly PositionCategory[] = [PositionCategory.FUNCTIONAL, PositionCategory.EXECUTOR];

registerEnumType(FunctionalLevel, {
  name: 'FunctionalLevel',
  description: 'Pemula, Terampil, Mahir, Penyelia (skilled); Ahli Pertama, Ahli Muda, Ahli Madya, Ahli Utama (expert).',
});
registerEnumType(Echelon, { name: 'Echelon', description: 'Eselon: I_A is the highest, V_A the lowest.' });
registerEnumType(PositionCategory, { name: 'PositionCategory' });
