import type { ProjectionTransfer } from '../../history/fold.js';
import { Capacity, TransferKind } from '../../history/history.enums.js';
import { Employment, Rank } from '../../officials/official.enums.js';
import { Echelon, PositionCategory } from '../../positions/position.enums.js';
import type { Lookups, OfficialRow, PositionRow } from './lookups.js';
import { indexOfficials, indexPositions } from './resolve-lampiran.js';

/*
 * Officials, posts and earlier transfers for the rule specs (no database). Unless told
 * otherwise an official is a IV/a civil servant since 2005 (by the NIP), a post a free
 * echelon III.b administrator post.
 */

/** The effective date the specs record on, and an event ordered after every other that day. */
export const ON = '2026-02-06';
export const LATER = 2n ** 63n;

export const official = (id: string, o: Partial<OfficialRow> = {}): OfficialRow => ({
  id,
  name: `Pejabat ${id}`,
  nip: '197805122005011001',
  rank: Rank.IV_A,
  employment: Employment.PNS,
  birth_date: '1978-05-12',
  ...o,
});
export const post = (id: string, o: Partial<PositionRow> = {}): PositionRow => ({
  id,
  code: `P-${id}`,
  title: `Kepala Bidang ${id}`,
  echelon: Echelon.III_B,
  category: PositionCategory.ADMINISTRATOR,
  functional_level: null,
  established_on: null,
  abolished_on: null,
  ...o,
});
/** A recorded transfer of an earlier event. */
export const earlier = (o: Partial<ProjectionTransfer> & Pick<ProjectionTransfer, 'officialId'>): ProjectionTransfer => ({
  id: `t${o.officialId}`,
  eventOrder: 1n,
  effectiveOn: '2020-01-02',
  seq: 1,
  fromPositionId: null,
  fromStated: false,
  toPositionId: null,
  kind: TransferKind.APPOINTMENT,
  kindStated: false,
  capacity: Capacity.DEFINITIVE,
  toFunctional: false,
  ...o,
});

/** What the resolve phase would hand the rules for these rows. */
export function lookups(officials: OfficialRow[], posts: PositionRow[], existing: ProjectionTransfer[] = []): Lookups {
  return {
    officials: indexOfficials(officials),
    positions: indexPositions(posts),
    existing: new Map(officials.map((o) => [o.id, existing.filter((t) => t.officialId === o.id)])),
  };
}
