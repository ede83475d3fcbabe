import { documentedDiagram, folderImports, mermaid, stronglyConnected } from './support/module-graph.js';

/** Folders of src/ that hold mechanisms only: they may import each other, never a domain module. */
const MECHANISMS = new Set(['common', 'config']);

describe('module boundaries', () => {
  const edges = folderImports();

  it('finds the imports it judges', () => {
    expect(edges.get('rotations')?.has('common')).toBe(true);
    expect(edges.size).toBeGreaterThan(10);
  });

  it('keeps common/ and config/ free of domain imports', () => {
    const upward = [...MECHANISMS].flatMap((from) => [...(edges.get(from) ?? [])].filter(([to]) => !MECHANISMS.has(to)).map(([, example]) => example));
    expect(upward).toEqual([]);
  });

  it('finds a cycle where there is one', () => {
    const graph = (pairs: string[]) => new Map(pairs.map((p) => [p[0], new Map([[p[1], `${p[0]} imports ${p[1]}`]])]));
    expect(stronglyConnected(graph(['ab', 'bc', 'ca'])).map((g) => g.sort())).toEqual([['a', 'b', 'c']]);
    expect(stronglyConnected(graph(['ab', 'bc'])).every((g) => g.length === 1)).toBe(true);
  });

  it('has no import cycle between folders', () => {
    expect(stronglyConnected(edges).filter((group) => group.length > 1)).toEqual([]);
  });

  it('shows the current layout in docs/architecture.md (run `npm run docs:architecture` after moving imports)', () => {
    expect(documentedDiagram()).toBe(mermaid(edges));
  });
});
