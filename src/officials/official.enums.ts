import { registerEnumType } from '@nestjs/graphql';

export enum Employment {
  PNS = 'PNS',
  PPPK = 'PPPK',
}

export enum Gender {
  MALE = 'MALE',
  FEMALE = 'FEMALE',
}

/** Pangkat/golongan ruang I/a–IV/e for PNS; grades I–XVII for PPPK. */
export enum Rank {
  I_A = 'I_A', I_B = 'I_B', I_C = 'I_C', I_D = 'I_D',
  II_A = 'II_A', II_B = 'II_B', II_C = 'II_C', II_D = 'II_D',
  III_A = 'III_A', III_B = 'III_B', III_C = 'III_C', III_D = 'III_D',
  IV_A = 'IV_A', IV_B = 'IV_B', IV_C = 'IV_C', IV_D = 'IV_D', IV_E = 'IV_E',
  I = 'I', II = 'II', III = 'III', IV = 'IV', V = 'V', VI = 'VI', VII = 'VII', VIII = 'VIII', IX = 'IX',
  X = 'X', XI = 'XI', XII = 'XII', XIII = 'XIII', XIV = 'XIV', XV = 'XV', XVI = 'XVI', XVII = 'XVII',
}

export const PNS_RANKS: readonly Rank[] = Object.values(Rank).filter((r) => r.includes('_'));
export const PPPK_GRADES: readonly Rank[] = Object.values(Rank).filter((r) => !r.includes('_'));

registerEnumType(Employment, { name: 'Employment', description: 'PNS (civil servant) or PPPK (contract government employee).' });
registerEnumType(Gender, { name: 'Gender' });
registerEnumType(Rank, { name: 'Rank', description: 'PNS golongan ruang I_A … IV_E; PPPK grades I … XVII.' });
