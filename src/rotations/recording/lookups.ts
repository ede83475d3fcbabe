import type { ProjectionTransfer } from '../../history/fold.js';
import type { Employment, Rank } from '../../officials/official.enums.js';
import type { Echelon, FunctionalLevel, PositionCategory } from '../../positions/position.enums.js';

/*
 * What the resolve phase hands the rules, and what the rules hand the write phase.
 */

export interface OfficialRow {
  id: string;
  name: string;
  nip: string | null;
  rank: Rank | null;
  employment: Employment;
  birth_date: string | null;
}

export interface PositionRow {
  id: string;
  code: string;
  title: string;
  echelon: Echelon | null;
  category: PositionCategory;
  functional_level: FunctionalLevel | null;
  established_on: string | null;
  abolished_on: string | null;
}

/** What the rows are checked against: looked-up officials ("id:…", "nip:…") and posts ("id:…", "code:…"), and earlier transfers by official. */
export interface Lookups {
  officials: Map<string, OfficialRow>;
  positions: Map<string, PositionRow>;
  existing: Map<string, ProjectionTransfer[]>;
}

/** A lampiran row ready to insert: a transfer as the projection will see it, before it has an id. */
export type PlannedTransfer = Pick<ProjectionTransfer, 'officialId' | 'fromPositionId' | 'fromStated' | 'toPositionId' | 'kind' | 'kindStated' | 'capacity' | 'toFunctional'> & {
  index: number;
  note: string | null;
};
