import { ACTING_CAPACITIES, HEAD_CAPACITIES, type Capacity } from './history.enums.js';

const list = (capacities: readonly Capacity[]) => `IN (${capacities.map((c) => `'${c}'`).join(', ')})`;
/** SQL condition on a capacity column: a head of the post (definitive, or by additional task). */
export const IS_HEAD = list(HEAD_CAPACITIES);
/** SQL condition on a capacity column: acting (Plt) or standing in (Plh). */
export const IS_ACTING = list(ACTING_CAPACITIES);
