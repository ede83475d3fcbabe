import { documentedDiagram, folderImports, mermaid, stronglyConnected } from './support/module-graph.js';

/** Folders of src/ that hold mechanisms only: they may import each other, never a domain module. */
const MECHANISMS = new Set(['common', 'config']);

/**
 * Groups of folders that import each other in a cycle today and are to be taken apart (issue
 * 12: one owner of the history, audit without auth). The list may only shrink: a new cycle,
 * or a folder joining one, fails the build.
 */
const KNOWN_CYCLES = ['appointments audit auth common history officials organizations positions rotations'];

/** Files of common/ that still import domain modules, to be split up (the same rule: the list only shrinks). */
const KNOWN_UPWARD = ['common/loaders/loaders.ts'];

describe('module boundaries', () => {
  const edges = folderImports();

  it('finds the imports it judges', () => {
    expect(edges.get('rotations')?.has('common')).toBe(true);
    expect(edges.size).toBeGreaterThan(10);
  });

  it('keeps common/ and config/ free of domain imports', () => {
    const upward = [...MECHANISMS].flatMap((from) => [...(edges.get(from) ?? [])].filter(([to]) => !MECHANISMS.has(to)).map(([, example]) => example.split(' ')[0]));
    expect(upward.filter((file) => !KNOWN_UPWARD.includes(file))).toEqual([]);
    expect(KNOWN_UPWARD.filter((file) => !upward.includes(file))).toEqual([]);
  });

  it('has no import cycle between folders beyond the known ones being removed', () => {
    const cycles = stronglyConnected(edges).filter((group) => group.length > 1).map((group) => group.sort().join(' '));
    expect(cycles.filter((c) => !KNOWN_CYCLES.includes(c))).toEqual([]);
    // A cycle taken apart must leave the list, so it cannot come back unnoticed.
    expect(KNOWN_CYCLES.filter((c) => !cycles.includes(c))).toEqual([]);
  });

  it('shows the current layout in docs/architecture.md (run `npm run docs:architecture` after moving imports)', () => {
    expect(documentedDiagram()).toBe(mermaid(edges));
  });
});
