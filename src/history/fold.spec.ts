import { assignSeats, endActingAtDefinitive, foldOfficial, type ProjectedAppointment, type ProjectionTransfer } from './fold.js';
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
    toFunctional: false,
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

const findOverlaps = (list: ProjectedAppointment[]) => assignSeats(list).overlaps;

describe('assignSeats on single-seat posts', () => {
  it('finds two holders of one post at once, and not holders who follow each other', () => {
    const first = a({ officialId: '1', startedOn: '2020-01-01', endedOn: '2021-01-01' });
    const next = a({ officialId: '2', startedOn: '2021-01-01', endedOn: null });
    expect(findOverlaps([first, next])).toEqual([]);
    const intruder = a({ officialId: '3', startedOn: '2022-01-01' });
    expect(findOverlaps([intruder, first, next])).toEqual([{ positionId: 'P', earlier: next, later: intruder, seats: 1 }]);
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

describe('assignSeats on posts with several seats', () => {
  it('seats as many heads at once as the post has seats, reusing a seat once it is free', () => {
    const one = a({ officialId: '1', startedOn: '2020-01-01', endedOn: '2021-01-01' });
    const two = a({ officialId: '2', startedOn: '2020-06-01', endedOn: null });
    const three = a({ officialId: '3', startedOn: '2021-01-01', endedOn: null });
    const { seated, overlaps } = assignSeats([three, two, one], () => 2);
    expect(overlaps).toEqual([]);
    expect([seated.get(one), seated.get(two), seated.get(three)]).toEqual([1, 2, 1]);
  });

  it('finds the head for whom no seat is left, paired with the holder leaving soonest', () => {
    const one = a({ officialId: '1', startedOn: '2020-01-01', endedOn: '2023-01-01' });
    const two = a({ officialId: '2', startedOn: '2020-01-01', endedOn: null });
    const three = a({ officialId: '3', startedOn: '2022-01-01', endedOn: null });
    const { seated, overlaps } = assignSeats([one, two, three], () => 2);
    expect(overlaps).toEqual([{ positionId: 'P', earlier: one, later: three, seats: 2 }]);
    expect(seated.has(three)).toBe(false);
  });
});

describe('foldOfficial with an additional task', () => {
  const functional = (o: Partial<ProjectionTransfer>) => t({ toPositionId: 'F', toFunctional: true, ...o });
  const task = (o: Partial<ProjectionTransfer>) => t({ capacity: Capacity.ADDITIONAL_TASK, kind: TransferKind.ADDITIONAL_TASK_START, ...o });

  it('holds the task beside the functional post, moves it, and ends it with the functional post', () => {
    const start = functional({ effectiveOn: '2018-01-01' });
    const given = task({ effectiveOn: '2020-01-01', toPositionId: 'H1' });
    const moved = task({ effectiveOn: '2022-01-01', toPositionId: 'H2', kind: TransferKind.REASSIGNMENT });
    const leaves = t({ effectiveOn: '2024-01-01', toPositionId: 'S' });
    const { appointments, issues, derivedFrom } = foldOfficial([start, given, moved, leaves]);
    expect(issues).toEqual([]);
    expect(derivedFrom.get(moved.id)).toBe('H1');
    expect(appointments.filter((x) => x.capacity === Capacity.ADDITIONAL_TASK).map((x) => [x.positionId, x.startedOn, x.endedOn, x.endedByTransferId])).toEqual([
      ['H1', '2020-01-01', '2022-01-01', moved.id],
      ['H2', '2022-01-01', '2024-01-01', leaves.id],
    ]);
    expect(appointments.find((x) => x.positionId === 'F')).toMatchObject({ capacity: Capacity.DEFINITIVE, startedOn: '2018-01-01', endedOn: '2024-01-01' });
  });

  it('refuses the task to an official whose post is not functional', () => {
    const structural = t({ effectiveOn: '2018-01-01', toPositionId: 'S' });
    const given = task({ effectiveOn: '2020-01-01', toPositionId: 'H1' });
    expect(foldOfficial([structural, given]).issues).toEqual([{ transferId: given.id, code: 'NOT_FUNCTIONAL_OFFICIAL', held: 'S' }]);
  });

  it('ends a task by its own transfer, and ends the official\'s acting in the post it heads', () => {
    const start = functional({ effectiveOn: '2018-01-01' });
    const acts = t({ effectiveOn: '2019-01-01', toPositionId: 'H1', capacity: Capacity.ACTING, kind: TransferKind.ACTING_START });
    const given = task({ effectiveOn: '2020-01-01', toPositionId: 'H1' });
    const ended = task({ effectiveOn: '2021-01-01', kind: TransferKind.ADDITIONAL_TASK_END });
    const { appointments, issues } = foldOfficial([start, acts, given, ended]);
    expect(issues).toEqual([]);
    expect(appointments.filter((x) => x.positionId === 'H1').map((x) => [x.capacity, x.startedOn, x.endedOn])).toEqual([
      [Capacity.ACTING, '2019-01-01', '2020-01-01'],
      [Capacity.ADDITIONAL_TASK, '2020-01-01', '2021-01-01'],
    ]);
  });
});
