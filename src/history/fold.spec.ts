import { endActingAtDefinitive, findOverlaps, foldOfficial, type ProjectedAppointment, type ProjectionTransfer } from './fold.js';
import { Capacity, TransferKind } from './history.enums.js';

let n = 0;
/** A transfer of official 1, definitive, origin unstated, on its own event. */
const t = (o: Partial<ProjectionTransfer>): ProjectionTransfer => {
  n++;
  return {
    id: `t${n}`,
    eventOrder: BigInt(n),
    effectiveOn: '2020-01-01',
    seq: 1,
    officialId: '1',
    fromPositionId: null,
    fromStated: false,
    toPositionId: null,
    kind: TransferKind.ROTATION,
    kindStated: false,
    capacity: Capacity.DEFINITIVE,
    ...o,
  };
};
const a = (o: Partial<ProjectedAppointment>): ProjectedAppointment => ({
  officialId: '1',
  positionId: 'P',
  capacity: Capacity.DEFINITIVE,
  startedOn: '2020-01-01',
  endedOn: null,
  startedByTransferId: 'x',
  endedByTransferId: null,
  ...o,
});
const periods = (list: ProjectedAppointment[]) => list.map((x) => `${x.positionId} ${x.capacity} ${x.startedOn}..${x.endedOn ?? ''}`);

describe('foldOfficial', () => {
  it('chains definitive appointments, each ended by the next transfer, whatever order they come in', () => {
    const one = t({ toPositionId: 'A', effectiveOn: '2020-01-01' });
    const two = t({ toPositionId: 'B', effectiveOn: '2022-03-01' });
    const out = t({ effectiveOn: '2024-05-01' });
    const { appointments, issues, derivedFrom } = foldOfficial([out, two, one]);
    expect(periods(appointments)).toEqual(['A DEFINITIVE 2020-01-01..2022-03-01', 'B DEFINITIVE 2022-03-01..2024-05-01']);
    expect(appointments[0]).toMatchObject({ startedByTransferId: one.id, endedByTransferId: two.id });
    expect(issues).toEqual([]);
    expect([...derivedFrom]).toEqual([
      [one.id, null],
      [two.id, 'A'],
      [out.id, 'B'],
    ]);
  });

  it('orders transfers of one day by event, then by lampiran row', () => {
    const early = t({ toPositionId: 'A', effectiveOn: '2021-01-01', eventOrder: 9n, seq: 2 });
    const late = t({ toPositionId: 'B', effectiveOn: '2021-01-01', eventOrder: 9n, seq: 3 });
    const before = t({ toPositionId: 'C', effectiveOn: '2020-01-01' });
    const { appointments, issues } = foldOfficial([late, early, before]);
    // Two moves on one day: the first gives an appointment of no length, which is an issue.
    expect(issues).toEqual([{ transferId: late.id, code: 'SAME_DAY_MOVE', held: 'A' }]);
    expect(periods(appointments)).toEqual(['C DEFINITIVE 2020-01-01..2021-01-01', 'B DEFINITIVE 2021-01-01..']);
    // The event decides before the row: row 1 of a later event comes after row 5 of an earlier one.
    const first = t({ toPositionId: 'A', effectiveOn: '2021-01-01', eventOrder: 3n, seq: 5 });
    const second = t({ toPositionId: 'B', effectiveOn: '2021-01-01', eventOrder: 4n, seq: 1 });
    expect(foldOfficial([second, first, before]).issues).toEqual([{ transferId: second.id, code: 'SAME_DAY_MOVE', held: 'A' }]);
  });

  it('reports a stated origin that is not what was held, and a row that moves nobody', () => {
    const one = t({ toPositionId: 'A' });
    const wrong = t({ fromPositionId: 'B', fromStated: true, toPositionId: 'C', effectiveOn: '2021-01-01' });
    expect(foldOfficial([one, wrong]).issues).toEqual([{ transferId: wrong.id, code: 'FROM_POSITION_MISMATCH', held: 'A' }]);
    const right = t({ fromPositionId: 'A', fromStated: true, toPositionId: 'C', effectiveOn: '2021-01-01' });
    expect(foldOfficial([one, right]).issues).toEqual([]);
    // An unstated origin is only a guess stored earlier: re-derived, never an issue.
    const stale = t({ fromPositionId: 'Z', toPositionId: 'C', effectiveOn: '2021-01-01' });
    const refolded = foldOfficial([one, stale]);
    expect(refolded.issues).toEqual([]);
    expect(refolded.derivedFrom.get(stale.id)).toBe('A');
    const nothing = t({ effectiveOn: '2021-01-01' });
    expect(foldOfficial([nothing]).issues).toEqual([{ transferId: nothing.id, code: 'NOTHING_TO_RECORD', held: null }]);
  });

  it('keeps acting appointments beside the definitive one, closed by ACTING_END', () => {
    const home = t({ toPositionId: 'A' });
    const start = t({ toPositionId: 'X', kind: TransferKind.ACTING_START, capacity: Capacity.ACTING, effectiveOn: '2021-01-01' });
    const end = t({ fromPositionId: 'X', fromStated: true, kind: TransferKind.ACTING_END, capacity: Capacity.ACTING, effectiveOn: '2021-06-01' });
    const { appointments, issues } = foldOfficial([home, start, end]);
    expect(issues).toEqual([]);
    expect(periods(appointments)).toEqual(['X ACTING 2021-01-01..2021-06-01', 'A DEFINITIVE 2020-01-01..']);
  });

  it('refuses ending an acting appointment not held, and acting twice in one post', () => {
    const end = t({ fromPositionId: 'X', fromStated: true, kind: TransferKind.ACTING_END, capacity: Capacity.ACTING });
    expect(foldOfficial([end]).issues).toEqual([{ transferId: end.id, code: 'NOT_ACTING', held: null }]);
    const start = t({ toPositionId: 'X', kind: TransferKind.ACTING_START, capacity: Capacity.STAND_IN });
    const again = t({ toPositionId: 'X', kind: TransferKind.ACTING_START, capacity: Capacity.STAND_IN, effectiveOn: '2021-01-01' });
    expect(foldOfficial([start, again]).issues).toEqual([{ transferId: again.id, code: 'ALREADY_ACTING', held: 'X' }]);
  });

  it('ends an acting appointment when the official is appointed to that post definitively', () => {
    const start = t({ toPositionId: 'X', kind: TransferKind.ACTING_START, capacity: Capacity.ACTING });
    const appointed = t({ toPositionId: 'X', effectiveOn: '2021-01-01' });
    expect(periods(foldOfficial([start, appointed]).appointments)).toEqual(['X ACTING 2020-01-01..2021-01-01', 'X DEFINITIVE 2021-01-01..']);
  });
});

describe('endActingAtDefinitive', () => {
  const acting = a({ officialId: '2', capacity: Capacity.ACTING, startedOn: '2021-01-01' });

  it('cuts an acting appointment at the first definitive start on its post after it began', () => {
    const starts = [
      { positionId: 'P', startedOn: '2020-01-01', transferId: 'old' },
      { positionId: 'P', startedOn: '2022-01-01', transferId: 'first' },
      { positionId: 'P', startedOn: '2023-01-01', transferId: 'second' },
    ];
    expect(endActingAtDefinitive([acting], starts)).toEqual([{ ...acting, endedOn: '2022-01-01', endedByTransferId: 'first' }]);
  });

  it('drops an acting appointment that a definitive one starts on the same day, and keeps one that ended before', () => {
    expect(endActingAtDefinitive([acting], [{ positionId: 'P', startedOn: '2021-01-01', transferId: 'same' }])).toEqual([]);
    const ended = { ...acting, endedOn: '2021-06-01', endedByTransferId: 'own' };
    expect(endActingAtDefinitive([ended], [{ positionId: 'P', startedOn: '2022-01-01', transferId: 'later' }])).toEqual([ended]);
    expect(endActingAtDefinitive([ended], [{ positionId: 'P', startedOn: '2021-06-01', transferId: 'that-day' }])).toEqual([ended]);
    expect(endActingAtDefinitive([acting], [{ positionId: 'Q', startedOn: '2022-01-01', transferId: 'elsewhere' }])).toEqual([acting]);
  });
});

describe('findOverlaps', () => {
  it('finds two holders of one post at once, and not holders who follow each other', () => {
    const first = a({ officialId: '1', startedOn: '2020-01-01', endedOn: '2021-01-01' });
    const next = a({ officialId: '2', startedOn: '2021-01-01', endedOn: null });
    expect(findOverlaps([first, next])).toEqual([]);
    const intruder = a({ officialId: '3', startedOn: '2022-01-01' });
    expect(findOverlaps([intruder, first, next])).toEqual([{ positionId: 'P', earlier: next, later: intruder }]);
    expect(findOverlaps([first, a({ officialId: '4', positionId: 'Q', startedOn: '2020-06-01' })])).toEqual([]);
  });

  it('compares a later start with the longest-running earlier holder', () => {
    const long = a({ officialId: '1', startedOn: '2020-01-01', endedOn: '2025-01-01' });
    const short = a({ officialId: '2', startedOn: '2020-06-01', endedOn: '2021-01-01' });
    const late = a({ officialId: '3', startedOn: '2022-01-01', endedOn: null });
    expect(findOverlaps([long, short, late]).map((o) => [o.earlier.officialId, o.later.officialId])).toEqual([
      ['1', '2'],
      ['1', '3'],
    ]);
  });
});
