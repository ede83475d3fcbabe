import { Echelon, PositionCategory } from '../positions/position.enums.js';
import { Capacity, TransferKind } from './history.enums.js';

/** Echelons from the highest (I.a) down. */
const ECHELON_ORDER: Echelon[] = [Echelon.I_A, Echelon.I_B, Echelon.II_A, Echelon.II_B, Echelon.III_A, Echelon.III_B, Echelon.IV_A, Echelon.IV_B, Echelon.V_A];

export interface PostFacts {
  echelon: Echelon | null;
  category: PositionCategory;
}

/** The kind a transfer has when the decree does not say: from the echelons and categories of its two posts. */
export function deriveKind(capacity: Capacity, from: PostFacts | null, to: PostFacts | null): TransferKind {
  if (capacity !== Capacity.DEFINITIVE) return to ? TransferKind.ACTING_START : TransferKind.ACTING_END;
  if (!from) return TransferKind.APPOINTMENT;
  if (!to) return TransferKind.DISMISSAL;
  if (from.category === PositionCategory.UNIT_HEAD && to.category === PositionCategory.UNIT_HEAD) return TransferKind.REASSIGNMENT;
  if (!from.echelon && to.echelon) return TransferKind.PROMOTION;
  if (!from.echelon || !to.echelon) return TransferKind.TRANSFER;
  const diff = ECHELON_ORDER.indexOf(from.echelon) - ECHELON_ORDER.indexOf(to.echelon);
  return diff === 0 ? TransferKind.ROTATION : diff > 0 ? TransferKind.PROMOTION : TransferKind.DEMOTION;
}

/**
 * Whether a kind the decree states contradicts its posts. A TRANSFER (mutasi) may keep the
 * echelon, so it does not contradict a derived ROTATION or REASSIGNMENT; a RETIREMENT is a
 * leaving of office, which the posts alone call DISMISSAL.
 */
export function kindContradicts(stated: TransferKind, derived: TransferKind): boolean {
  if (stated === derived) return false;
  if (stated === TransferKind.RETIREMENT && derived === TransferKind.DISMISSAL) return false;
  if (stated === TransferKind.TRANSFER && (derived === TransferKind.ROTATION || derived === TransferKind.REASSIGNMENT)) return false;
  return true;
}
