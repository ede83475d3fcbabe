import { Echelon, FunctionalLevel, PositionCategory } from '../positions/position.enums.js';
import { ACTING_CAPACITIES, Capacity, TransferKind } from './history.enums.js';

/** Echelons from the highest (I.a) down. */
const ECHELON_ORDER: Echelon[] = [Echelon.I_A, Echelon.I_B, Echelon.II_A, Echelon.II_B, Echelon.III_A, Echelon.III_B, Echelon.IV_A, Echelon.IV_B, Echelon.V_A];

/** Functional levels from the lowest up; skilled below expert. */
const LEVEL_ORDER = Object.values(FunctionalLevel);

export interface PostFacts {
  echelon: Echelon | null;
  category: PositionCategory;
  functional_level?: FunctionalLevel | null;
}

/**
 * The kind a transfer has when the decree does not say: from the echelons, categories and
 * functional levels of its two posts. Between functional posts a higher level is a promotion
 * (kenaikan jenjang), a lower one a demotion; the same level, or a move between a functional
 * and an executor post, is a TRANSFER (perpindahan).
 */
export function deriveKind(capacity: Capacity, from: PostFacts | null, to: PostFacts | null): TransferKind {
  if (capacity === Capacity.ADDITIONAL_TASK) return from && to ? TransferKind.REASSIGNMENT : to ? TransferKind.ADDITIONAL_TASK_START : TransferKind.ADDITIONAL_TASK_END;
  if (ACTING_CAPACITIES.includes(capacity)) return to ? TransferKind.ACTING_START : TransferKind.ACTING_END;
  if (!from) return TransferKind.APPOINTMENT;
  if (!to) return TransferKind.DISMISSAL;
  if (from.category === PositionCategory.UNIT_HEAD && to.category === PositionCategory.UNIT_HEAD) return TransferKind.REASSIGNMENT;
  if (from.functional_level && to.functional_level) {
    const step = LEVEL_ORDER.indexOf(to.functional_level) - LEVEL_ORDER.indexOf(from.functional_level);
    return step > 0 ? TransferKind.PROMOTION : step < 0 ? TransferKind.DEMOTION : TransferKind.TRANSFER;
  }
  if (!from.echelon && to.echelon) return TransferKind.PROMOTION;
  if (!from.echelon || !to.echelon) return TransferKind.TRANSFER;
  const diff = ECHELON_ORDER.indexOf(from.echelon) - ECHELON_ORDER.indexOf(to.echelon);
  return diff === 0 ? TransferKind.ROTATION : diff > 0 ? TransferKind.PROMOTION : TransferKind.DEMOTION;
}

/**
 * Whether a kind the decree states contradicts its posts. A TRANSFER (mutasi) may keep the
 * echelon, so it does not contradict a derived ROTATION or REASSIGNMENT; a RETIREMENT is a
 * leaving of office, which the posts alone call DISMISSAL; an EQUALIZATION (penyetaraan) is
 * a move into a functional post, which the posts alone call TRANSFER.
 */
export function kindContradicts(stated: TransferKind, derived: TransferKind): boolean {
  if (stated === derived) return false;
  if (stated === TransferKind.RETIREMENT && derived === TransferKind.DISMISSAL) return false;
  if (stated === TransferKind.EQUALIZATION && derived === TransferKind.TRANSFER) return false;
  if (stated === TransferKind.TRANSFER && (derived === TransferKind.ROTATION || derived === TransferKind.REASSIGNMENT)) return false;
  return true;
}
