import { registerEnumType } from '@nestjs/graphql';

/** The vocabulary of a move, shared by the decree (rotations) and the history it produces (appointments). */
export enum TransferKind {
  ROTATION = 'ROTATION',
  TRANSFER = 'TRANSFER',
  PROMOTION = 'PROMOTION',
  DEMOTION = 'DEMOTION',
  REASSIGNMENT = 'REASSIGNMENT',
  APPOINTMENT = 'APPOINTMENT',
  DISMISSAL = 'DISMISSAL',
  /** Leaving office at the retirement age (pensiun): stated by the decree, never derived. */
  RETIREMENT = 'RETIREMENT',
  ACTING_START = 'ACTING_START',
  ACTING_END = 'ACTING_END',
}

/** Definitive, Plt (acting) or Plh (stand-in). */
export enum Capacity {
  DEFINITIVE = 'DEFINITIVE',
  ACTING = 'ACTING',
  STAND_IN = 'STAND_IN',
}

registerEnumType(TransferKind, { name: 'TransferKind' });
registerEnumType(Capacity, { name: 'Capacity', description: 'DEFINITIVE, ACTING (Plt) or STAND_IN (Plh).' });
