import type { ProjectionTransfer } from '../../history/fold.js';
import { Capacity, TransferKind } from '../../history/history.enums.js';
import { knownHistories, rebuildSince, rowIndex } from './known-histories.js';
import type { TransferInput } from '../dto/rotation-event.input.js';
import type { PlannedTransfer } from './lookups.js';

const plan = (index: number, officialId: string, toPositionId: string): PlannedTransfer => ({
  index,
  officialId,
  fromPositionId: null,
  fromStated: false,
  toFunctional: false,
  toPositionId,
  kind: TransferKind.APPOINTMENT,
  kindStated: false,
  capacity: Capacity.DEFINITIVE,
  note: 'catatan',
});

describe('knownHistories', () => {
  const recorded = { id: 't1', officialId: '1', eventOrder: 3n, effectiveOn: '2020-01-02', seq: 1 } as ProjectionTransfer;

  it('appends each inserted row, as the projection sees it, to the official’s earlier transfers', () => {
    const existing = new Map([['1', [recorded]]]);
    const known = knownHistories(existing, [plan(0, '1', '11'), plan(2, '2', '12')], [{ id: 't9', seq: 1 }, { id: 't10', seq: 3 }], '42', '2026-02-06');
    expect(known.get('1')).toEqual([
      recorded,
      { id: 't9', officialId: '1', eventOrder: 42n, effectiveOn: '2026-02-06', seq: 1, fromPositionId: null, fromStated: false, toPositionId: '11', kind: TransferKind.APPOINTMENT, kindStated: false, capacity: Capacity.DEFINITIVE, toFunctional: false },
    ]);
    expect(known.get('2')?.map((t) => t.id)).toEqual(['t10']);
    expect(existing.get('1')).toEqual([recorded]); // what was read is not changed
  });

  it('knows only the planned officials', () => {
    expect([...knownHistories(new Map([['1', [recorded]]]), [], [], '42', '2026-02-06').keys()]).toEqual([]);
  });
});

describe('rebuildSince', () => {
  it('starts at the effective date, or at an amended event’s earlier old date', () => {
    expect(rebuildSince('2026-02-06')).toBe('2026-02-06');
    expect(rebuildSince('2026-02-06', '2026-01-01')).toBe('2026-01-01');
    expect(rebuildSince('2026-02-06', '2026-03-01')).toBe('2026-02-06');
  });
});

describe('rowIndex', () => {
  it('points new transfers and planned officials back at their lampiran row, with the fields each row sent', () => {
    const sent = [{ officialId: '1', toPositionId: '11' }, { nip: '12345' }, { nip: '197805122005011001', fromPositionCode: 'P-10', toPositionCode: 'P-12' }] as TransferInput[];
    const rows = rowIndex([plan(0, '1', '11'), plan(2, '2', '12')], [{ id: 't9', seq: 1 }, { id: 't10', seq: 3 }], sent);
    expect([...rows.ofTransfer]).toEqual([['t9', 0], ['t10', 2]]);
    expect([...rows.ofOfficial]).toEqual([['1', 0], ['2', 2]]);
    expect([...rows.sent]).toEqual([
      [0, { official: 'officialId', from: 'fromPositionId', to: 'toPositionId' }],
      [2, { official: 'nip', from: 'fromPositionCode', to: 'toPositionCode' }],
    ]);
  });
});
