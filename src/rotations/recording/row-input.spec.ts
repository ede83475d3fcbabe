import type { TransferInput } from '../dto/rotation-event.input.js';
import { sentFields } from './row-input.js';

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
