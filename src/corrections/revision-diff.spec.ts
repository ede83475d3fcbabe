import { revisionDiff, type RevisionHeader, type RevisionRow } from './revision-diff.js';

const header: RevisionHeader = {
  title: 'Pelantikan Februari',
  issuer: 'Wali Kota Bekasi',
  decreeNumber: '821.2/Kep.1-BKPSDM/2026',
  decreeDate: '2026-02-02',
  swornInOn: '2026-02-06',
  swornInAt: null,
  effectiveOn: '2026-02-06',
  location: null,
  sourceUrl: null,
  signatoryName: null,
  signatoryTitle: null,
  status: 'RECORDED',
};

const row = (seq: number, officialId: string, o: Partial<RevisionRow> = {}): RevisionRow => ({
  seq,
  officialId,
  officialName: `Official ${officialId}`,
  fromPositionId: null,
  fromCode: null,
  fromTitle: null,
  toPositionId: '10',
  toCode: 'DINKES-SEK',
  toTitle: 'Sekretaris Dinas Kesehatan',
  kind: 'APPOINTMENT',
  capacity: 'DEFINITIVE',
  note: null,
  fromStated: false,
  kindStated: false,
  ...o,
});

describe('revisionDiff', () => {
  it('finds nothing between equal states', () => {
    const state = { header, lampiran: [row(1, '1'), row(2, '2')] };
    expect(revisionDiff(state, structuredClone(state))).toEqual({ headerChanges: [], rowsAdded: [], rowsRemoved: [], rowsChanged: [] });
  });

  it('matches rows by official, not by position in the lampiran', () => {
    const before = { header, lampiran: [row(1, '1'), row(2, '2')] };
    const after = { header, lampiran: [row(1, '2'), row(2, '1')] };
    expect(revisionDiff(before, after).rowsChanged).toEqual([
      { officialId: '2', officialName: 'Official 2', seq: 1, changes: [{ field: 'seq', before: '2', after: '1' }] },
      { officialId: '1', officialName: 'Official 1', seq: 2, changes: [{ field: 'seq', before: '1', after: '2' }] },
    ]);
  });

  it('reports rows added, removed and changed field by field, and header fields changed', () => {
    const before = { header, lampiran: [row(1, '1'), row(2, '2')] };
    const after = {
      header: { ...header, decreeNumber: '821.2/Kep.1a-BKPSDM/2026', location: 'Aula' },
      lampiran: [row(1, '1', { toCode: 'DINKES-KABID', toTitle: 'Kabid', toPositionId: '11', capacity: 'ACTING' }), row(2, '3')],
    };
    const diff = revisionDiff(before, after);
    expect(diff.headerChanges).toEqual([
      { field: 'decreeNumber', before: '821.2/Kep.1-BKPSDM/2026', after: '821.2/Kep.1a-BKPSDM/2026' },
      { field: 'location', before: null, after: 'Aula' },
    ]);
    expect(diff.rowsChanged).toEqual([
      {
        officialId: '1',
        officialName: 'Official 1',
        seq: 1,
        changes: [
          { field: 'toCode', before: 'DINKES-SEK', after: 'DINKES-KABID' },
          { field: 'capacity', before: 'DEFINITIVE', after: 'ACTING' },
        ],
      },
    ]);
    expect(diff.rowsAdded.map((r) => r.officialId)).toEqual(['3']);
    expect(diff.rowsRemoved.map((r) => r.officialId)).toEqual(['2']);
  });

  it('tells apart two rows of one official by their order', () => {
    const before = { header, lampiran: [row(1, '1', { toCode: 'A' }), row(2, '1', { toCode: 'B' })] };
    const after = { header, lampiran: [row(1, '1', { toCode: 'A' })] };
    const diff = revisionDiff(before, after);
    expect(diff.rowsRemoved.map((r) => r.toCode)).toEqual(['B']);
    expect(diff.rowsChanged).toEqual([]);
  });

  it('does not count a renamed post or official as a correction', () => {
    const before = { header, lampiran: [row(1, '1')] };
    const after = { header, lampiran: [row(1, '1', { toTitle: 'Sekretaris (baru)', officialName: 'dr. Official 1' })] };
    expect(revisionDiff(before, after).rowsChanged).toEqual([]);
  });

  it('shows a void as the status changing', () => {
    const before = { header, lampiran: [row(1, '1')] };
    expect(revisionDiff(before, { header: { ...header, status: 'VOIDED' }, lampiran: [row(1, '1')] }).headerChanges).toEqual([
      { field: 'status', before: 'RECORDED', after: 'VOIDED' },
    ]);
  });

  it('takes every row as added when there is no earlier state', () => {
    expect(revisionDiff(null, { header, lampiran: [row(1, '1')] })).toMatchObject({ headerChanges: [], rowsRemoved: [], rowsAdded: [{ officialId: '1' }] });
  });
});
