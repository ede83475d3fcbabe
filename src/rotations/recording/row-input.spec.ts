import { Capacity, TransferKind } from '../../history/history.enums.js';
import type { TransferInput } from '../dto/rotation-event.input.js';
import { Severity } from '../dto/rotation-problem.js';
import { rowInputProblems, sentFields, wellFormed } from './row-input.js';

const problems = (row: Record<string, unknown>, index = 4) => rowInputProblems(row as unknown as TransferInput, index).map((p) => [p.code, p.index, p.field]);

describe('rowInputProblems', () => {
  it('has nothing to say of a well-formed row, named by id or by NIP and code', () => {
    expect(problems({ officialId: '1', fromPositionId: '10', toPositionId: '9223372036854775807', kind: TransferKind.ROTATION, capacity: Capacity.DEFINITIVE, note: 'x'.repeat(2000) })).toEqual([]);
    expect(problems({ nip: '197805122005011001', fromPositionCode: 'DINKES-1', toPositionCode: 'PKM.BANTARGEBANG' })).toEqual([]);
    expect(wellFormed({ officialId: '1' } as TransferInput)).toBe(true);
  });

  it('names every malformed field of the row, as an ERROR of that row', () => {
    const row = { officialId: 'abc', nip: '19780512200501100', fromPositionId: '9223372036854775808', fromPositionCode: 'C'.repeat(51), toPositionId: '-1', toPositionCode: 'C'.repeat(60), kind: 'PINDAH', capacity: 'PLT', note: 'n'.repeat(2001) };
    expect(problems(row)).toEqual([
      ['ID_INVALID', 4, 'officialId'],
      ['NIP_INVALID', 4, 'nip'],
      ['ID_INVALID', 4, 'fromPositionId'],
      ['CODE_TOO_LONG', 4, 'fromPositionCode'],
      ['ID_INVALID', 4, 'toPositionId'],
      ['CODE_TOO_LONG', 4, 'toPositionCode'],
      ['KIND_INVALID', 4, 'kind'],
      ['CAPACITY_INVALID', 4, 'capacity'],
      ['NOTE_TOO_LONG', 4, 'note'],
    ]);
    expect(rowInputProblems(row as unknown as TransferInput, 4).every((p) => p.severity === Severity.ERROR)).toBe(true);
    expect(wellFormed(row as unknown as TransferInput)).toBe(false);
  });

  it('says how a NIP is wrong without repeating it', () => {
    const [short] = rowInputProblems({ nip: '19780512200501100' } as TransferInput, 0);
    expect(short.message).toBe('nip must be 18 digits (this one has 17).');
    const [letters] = rowInputProblems({ nip: '1978O5122005011001' } as TransferInput, 0);
    expect(letters.message).toBe('nip must be 18 digits.');
    const [note] = rowInputProblems({ note: 'n'.repeat(2500) } as TransferInput, 0);
    expect(note.message).toBe('note must be at most 2000 characters; this one has 2500.');
  });

  it('refuses text no column can hold, and values of the wrong type (callers other than GraphQL)', () => {
    expect(problems({ toPositionCode: 'A\u0000B', note: 'a\ud800b' })).toEqual([
      ['TEXT_INVALID', 4, 'toPositionCode'],
      ['TEXT_INVALID', 4, 'note'],
    ]);
    expect(problems({ officialId: 1.5, nip: 197805122005011001, note: 12 })).toEqual([
      ['ID_INVALID', 4, 'officialId'],
      ['NIP_INVALID', 4, 'nip'],
      ['NOTE_TOO_LONG', 4, 'note'],
    ]);
  });

  it('treats an empty or null field as not given', () => {
    expect(problems({ officialId: '', nip: null, toPositionCode: '', note: null })).toEqual([]);
  });
});

describe('sentFields', () => {
  it('names each end as the row sent it', () => {
    expect(sentFields({ officialId: '1', toPositionId: '11' } as TransferInput)).toEqual({ official: 'officialId', from: 'fromPositionId', to: 'toPositionId' });
    expect(sentFields({ nip: '197805122005011001', fromPositionId: '10', toPositionCode: 'P-11' } as TransferInput)).toEqual({ official: 'nip', from: 'fromPositionId', to: 'toPositionCode' });
  });

  it('names an end the row left out in the form its other end used', () => {
    expect(sentFields({ nip: '197805122005011001', toPositionCode: 'P-11' } as TransferInput).from).toBe('fromPositionCode');
    expect(sentFields({ nip: '197805122005011001', fromPositionCode: 'P-10' } as TransferInput).to).toBe('toPositionCode');
    expect(sentFields({ officialId: '1' } as TransferInput)).toEqual({ official: 'officialId', from: 'fromPositionId', to: 'toPositionId' });
  });
});
