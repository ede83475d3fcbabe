import type { Projection } from '../../history/projection.service.js';
import { factsNeeded, historyProblems, type HistoryFacts, type RowIndex } from './history-problems.js';
import type { SentFields } from './row-input.js';

const projection = (o: Partial<Projection>): Projection => ({
  officialIds: [],
  since: null,
  appointments: [],
  issues: [],
  overlaps: [],
  reseated: [],
  transfers: new Map(),
  derivedFrom: new Map(),
  originChanges: [],
  ...o,
});
const rows = (ofTransfer: [string, number][] = [], ofOfficial: [string, number][] = [], sent: [number, SentFields][] = []): RowIndex => ({
  ofTransfer: new Map(ofTransfer),
  ofOfficial: new Map(ofOfficial),
  sent: new Map(sent),
});
const fact = (id: string, officialId: string, o: Partial<HistoryFacts['transfers'][number]> = {}) => ({
  id,
  event_id: `e${id}`,
  decree_number: '821/1',
  effective_on: '2026-06-01',
  official_id: officialId,
  name: `Pejabat ${officialId}`,
  from_code: 'P-10',
  to_code: 'P-11',
  ...o,
});

describe('history problems', () => {
  it('has nothing to say, and needs nothing read, when the history folds cleanly', () => {
    expect(factsNeeded(projection({}), rows())).toBeNull();
  });

  it("ignores the fold's issues about this event's own rows (those were checked row by row)", () => {
    const p = projection({ issues: [{ transferId: 'new', code: 'FROM_POSITION_MISMATCH', held: null }] });
    expect(factsNeeded(p, rows([['new', 0]]))).toBeNull();
  });

  it('explains a later decree this event contradicts, on the row of the official concerned', () => {
    const p = projection({ issues: [{ transferId: 'old', code: 'FROM_POSITION_MISMATCH', held: '12' }] });
    const needed = factsNeeded(p, rows([], [['7', 3]]))!;
    expect(needed).toMatchObject({ transferIds: ['old'], heldIds: ['12'], postIds: [] });
    const [problem] = historyProblems(p, needed.issues, { transfers: [fact('old', '7')], held: [{ id: '12', code: 'P-12' }], posts: [] }, rows([], [['7', 3]]));
    expect(problem).toMatchObject({ code: 'FROM_POSITION_MISMATCH', index: 3 });
    expect(problem.message).toBe('This contradicts event eold (decree 821/1) of 2026-06-01, which moves Pejabat 7 from P-10: by then Pejabat 7 would hold P-12.');
  });

  it('names a same-day move for what it is', () => {
    const p = projection({ issues: [{ transferId: 'old', code: 'SAME_DAY_MOVE', held: null }] });
    const [problem] = historyProblems(p, p.issues, { transfers: [fact('old', '7', { decree_number: null })], held: [], posts: [] }, rows());
    expect(problem.code).toBe('SAME_DAY_MOVE');
    expect(problem.index).toBeNull();
    expect(problem.message).toBe('Pejabat 7 would move twice on 2026-06-01: event eold of 2026-06-01 moves them on the same day.');
  });

  it('reports two holders of one post on the row that causes it, pointing at its destination', () => {
    const holder = { officialId: '8', startedOn: '2024-01-01', endedOn: null, startedByTransferId: 'old' };
    const mover = { officialId: '7', startedOn: '2026-02-06', endedOn: null, startedByTransferId: 'new' };
    const p = projection({ overlaps: [{ positionId: '11', earlier: holder, later: mover, seats: 1 }] });
    const facts = { transfers: [fact('old', '8'), fact('new', '7')], held: [], posts: [{ id: '11', code: 'P-11', title: 'Kepala Bidang' }] };
    const [problem] = historyProblems(p, [], facts, rows([['new', 2]], [['7', 2]]));
    expect(problem).toMatchObject({ code: 'POSITION_OCCUPIED', index: 2, field: 'toPositionId' });
    expect(problem.message).toContain('Kepala Bidang (P-11) is held by Pejabat 8 from 2024-01-01');
    expect(problem.message).toContain('Pejabat 7 would hold it from 2026-02-06');
  });

  it('names the destination as the row sent it: by code, for a row that gave toPositionCode', () => {
    const holder = { officialId: '8', startedOn: '2024-01-01', endedOn: null, startedByTransferId: 'old' };
    const mover = { officialId: '7', startedOn: '2026-02-06', endedOn: null, startedByTransferId: 'new' };
    const facts = { transfers: [fact('old', '8'), fact('new', '7')], held: [], posts: [{ id: '11', code: 'P-11', title: 'Kepala Bidang' }] };
    const byCode: SentFields = { official: 'nip', from: 'fromPositionCode', to: 'toPositionCode' };
    for (const seats of [1, 3]) {
      const p = projection({ overlaps: [{ positionId: '11', earlier: holder, later: mover, seats }] });
      const [problem] = historyProblems(p, [], facts, rows([['new', 2]], [['7', 2]], [[2, byCode]]));
      expect(problem).toMatchObject({ code: seats === 1 ? 'POSITION_OCCUPIED' : 'FORMATION_FULL', index: 2, field: 'toPositionCode' });
    }
  });
});
