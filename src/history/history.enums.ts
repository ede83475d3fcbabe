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
  /** A functional official given the additional task (tugas tambahan) of heading an UPTD, e.g. a Puskesmas. */
  ADDITIONAL_TASK_START = 'ADDITIONAL_TASK_START',
  ADDITIONAL_TASK_END = 'ADDITIONAL_TASK_END',
  /**
   * Penyetaraan jabatan: an administrative post equalised into a functional one (PermenPANRB
   * 17/2021). Stated by the decree, never derived; the posts alone call it a TRANSFER.
   */
  EQUALIZATION = 'EQUALIZATION',
}

/** Definitive, Plt (acting), Plh (stand-in), or an additional task held on top of a functional post. */
export enum Capacity {
  DEFINITIVE = 'DEFINITIVE',
  ACTING = 'ACTING',
  STAND_IN = 'STAND_IN',
  /**
   * Tugas tambahan: a functional official heading an UPTD (a UNIT_HEAD post) while keeping the
   * functional post; ends with it. Counts as the post's head, as a definitive holder does.
   */
  ADDITIONAL_TASK = 'ADDITIONAL_TASK',
}

/** Capacities that hold a post as its head (one at a time): definitive, or by additional task. */
export const HEAD_CAPACITIES: readonly Capacity[] = [Capacity.DEFINITIVE, Capacity.ADDITIONAL_TASK];
/** Capacities standing in for a head: Plt and Plh. */
export const ACTING_CAPACITIES: readonly Capacity[] = [Capacity.ACTING, Capacity.STAND_IN];

registerEnumType(TransferKind, { name: 'TransferKind' });
registerEnumType(Capacity, { name: 'Capacity', description: 'DEFINITIVE, ACTING (Plt), STAND_IN (Plh) or ADDITIONAL_TASK (tugas tambahan).' });
