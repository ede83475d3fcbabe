import type { ProjectionTransfer } from '../../history/fold.js';
import { Employment, Rank } from '../../officials/official.enums.js';
import { PositionCategory } from '../../positions/position.enums.js';
import type { TransferInput } from '../dto/rotation-event.input.js';
import type { OfficialRow, PositionRow } from './lookups.js';
import { indexOfficials, indexPositions, officialsNamed, postsNamed } from './resolve-lampiran.js';

const rows = (...r: Partial<TransferInput>[]) => r as TransferInput[];

describe('the names a lampiran looks up', () => {
  it('collects officials named by id and by NIP, skipping rows that name neither', () => {
    expect(officialsNamed(rows({ officialId: '1' }, { nip: '197805122005011001' }, {}))).toEqual({ ids: ['1'], nips: ['197805122005011001'] });
  });

  it('collects posts from both ends of each row and of the earlier transfers, ids once each', () => {
    const earlier = [{ fromPositionId: '10', toPositionId: '11' }, { fromPositionId: null, toPositionId: '12' }] as ProjectionTransfer[];
    const named = postsNamed(rows({ fromPositionId: '10', toPositionCode: 'P-20' }, { toPositionId: '11' }), earlier);
    expect(named).toEqual({ ids: ['10', '11', '12'], codes: ['P-20'] });
  });

  it('has nothing to look up for an empty lampiran', () => {
    expect(officialsNamed([])).toEqual({ ids: [], nips: [] });
    expect(postsNamed([], [])).toEqual({ ids: [], codes: [] });
  });
});

describe('the looked-up maps', () => {
  const official = (id: string, nip: string | null): OfficialRow => ({ id, name: `Pejabat ${id}`, nip, rank: Rank.IV_A, employment: Employment.PNS, birth_date: null });

  it('finds an official by id and by NIP, and one without a NIP by id only', () => {
    const officials = indexOfficials([official('1', '197805122005011001'), official('2', null)]);
    expect(officials.get('id:1')?.id).toBe('1');
    expect(officials.get('nip:197805122005011001')?.id).toBe('1');
    expect(officials.get('id:2')?.id).toBe('2');
    expect([...officials.keys()]).toEqual(['id:1', 'nip:197805122005011001', 'id:2']);
  });

  it('finds a post by id and by code', () => {
    const post: PositionRow = { id: '10', code: 'P-10', title: 'Kepala Bidang', echelon: null, category: PositionCategory.ADMINISTRATOR, functional_level: null, established_on: null, abolished_on: null };
    const positions = indexPositions([post]);
    expect(positions.get('id:10')).toBe(post);
    expect(positions.get('code:P-10')).toBe(post);
    expect(positions.size).toBe(2);
  });
});
