import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/** The project root, whether this runs from test/support (jest) or dist/test/support (the npm script). */
function projectRoot(dir = dirname(fileURLToPath(import.meta.url))): string {
  return existsSync(join(dir, 'package.json')) ? dir : projectRoot(dirname(dir));
}

const ROOT = projectRoot();
const SRC = join(ROOT, 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') && !path.endsWith('.spec.ts') ? [path] : [];
  });
}

/** Folder-to-folder imports of src/ (top-level files count as their own name), with one example each. */
export function folderImports(): Map<string, Map<string, string>> {
  const edges = new Map<string, Map<string, string>>();
  for (const file of sourceFiles(SRC)) {
    const from = relative(SRC, file).split('/')[0];
    for (const { fileName } of ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles) {
      if (!fileName.startsWith('.')) continue;
      const target = relative(SRC, resolve(dirname(file), fileName));
      const to = target.split('/')[0];
      if (target.startsWith('..') || to === from) continue;
      if (!edges.has(from)) edges.set(from, new Map());
      edges.get(from)!.set(to, `${relative(SRC, file)} imports ${fileName}`);
    }
  }
  return edges;
}

/** Tarjan's strongly connected components: each group of folders that reach one another. */
export function stronglyConnected(edges: Map<string, Map<string, string>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const groups: string[][] = [];
  const visit = (node: string) => {
    index.set(node, index.size);
    low.set(node, index.get(node)!);
    stack.push(node);
    for (const next of edges.get(node)?.keys() ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (stack.includes(next)) low.set(node, Math.min(low.get(node)!, index.get(next)!));
    }
    if (low.get(node) === index.get(node)) {
      const group: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        group.push(member);
      } while (member !== node);
      groups.push(group);
    }
  };
  for (const node of edges.keys()) if (!index.has(node)) visit(node);
  return groups;
}

export const ARCHITECTURE_DOC = join(ROOT, 'docs/architecture.md');

/** The folder graph as a Mermaid diagram (GitHub renders it), domain folders only: app wiring and the CLI are left out. */
export function mermaid(edges = folderImports()): string {
  const shown = (name: string) => !name.endsWith('.ts') && name !== 'cli' && name !== 'database';
  const lines = [...edges]
    .filter(([from]) => shown(from))
    .flatMap(([from, tos]) => [...tos.keys()].filter(shown).map((to) => `  ${from} --> ${to}`))
    .sort();
  return ['```mermaid', 'graph TD', ...lines, '```'].join('\n');
}

/** The diagram block as docs/architecture.md has it. */
export function documentedDiagram(): string | undefined {
  return /```mermaid[\s\S]*?```/.exec(readFileSync(ARCHITECTURE_DOC, 'utf8'))?.[0];
}

// `npm run docs:architecture`: rewrite the diagram in docs/architecture.md from the code.
if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const doc = readFileSync(ARCHITECTURE_DOC, 'utf8');
  writeFileSync(ARCHITECTURE_DOC, doc.replace(/```mermaid[\s\S]*?```/, mermaid()));
  console.log(`Wrote the module diagram in ${relative(process.cwd(), ARCHITECTURE_DOC)}`);
}
