import { displayName } from './display-name.js';

describe('displayName', () => {
  it('joins front titles, name and back titles the Indonesian way', () => {
    expect(displayName({ name: 'Ahmad Fauzi', honorificPrefix: 'dr. H.', honorificSuffix: 'M.Kes.' })).toBe('dr. H. Ahmad Fauzi, M.Kes.');
  });
  it('omits the comma without back titles and the space without front titles', () => {
    expect(displayName({ name: 'Ahmad Fauzi', honorificPrefix: 'Drs.' })).toBe('Drs. Ahmad Fauzi');
    expect(displayName({ name: 'Siti Rahma', honorificSuffix: 'S.H., M.Si.' })).toBe('Siti Rahma, S.H., M.Si.');
  });
  it('keeps a single-word name as it is', () => {
    expect(displayName({ name: 'Sukarno', honorificPrefix: null, honorificSuffix: null })).toBe('Sukarno');
  });
});
