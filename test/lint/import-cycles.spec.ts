import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { ROOT } from '../support/build';

/**
 * No import cycle between the files of src/ (docs/ARCHITECTURE.md, "Layers"). The layer map keeps folders from
 * importing upwards; this keeps files from importing each other in a ring, which Nest's injection and TypeORM's
 * entity metadata turn into `undefined` at start-up. It reads the relative imports of every file (type-only imports
 * are erased by TypeScript, so they close no cycle) and looks for a strongly connected group. Done here rather than
 * with import-x/no-cycle, which parsed every file an import leads to, node_modules included, and cost a quarter of
 * `npm run lint`.
 */
type Files = Map<string, string>;

const IMPORT = /^\s*(import|export)\s+(type\s+)?(?:[^'"]*?\sfrom\s+)?['"](\.{1,2}\/[^'"]+)['"]/gm;

function sourceFiles(folder: string): Files {
  const files: Files = new Map();
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts')) files.set(path, readFileSync(path, 'utf8'));
    }
  };
  walk(folder);
  return files;
}

/** Each file's relative value imports, resolved to the files they name. */
function importGraph(files: Files): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const [file, text] of files) {
    const targets: string[] = [];
    for (const match of text.matchAll(IMPORT)) {
      if (match[2]) continue; // import type / export type
      const base = resolve(dirname(file), match[3]);
      const target = [`${base}.ts`, join(base, 'index.ts'), base].find((candidate) => files.has(candidate) || existsSync(candidate));
      if (target && files.has(target)) targets.push(target);
    }
    graph.set(file, targets);
  }
  return graph;
}

/** The groups of files that import each other in a ring (Tarjan's strongly connected components of two or more, or a self-import). */
export function importCycles(files: Files): string[][] {
  const graph = importGraph(files);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  let next = 0;
  const visit = (file: string) => {
    index.set(file, next);
    low.set(file, next++);
    stack.push(file);
    onStack.add(file);
    for (const target of graph.get(file) ?? []) {
      if (!index.has(target)) {
        visit(target);
        low.set(file, Math.min(low.get(file)!, low.get(target)!));
      } else if (onStack.has(target)) low.set(file, Math.min(low.get(file)!, index.get(target)!));
    }
    if (low.get(file) !== index.get(file)) return;
    const group: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      group.push(member);
    } while (member !== file);
    if (group.length > 1 || (graph.get(file) ?? []).includes(file)) cycles.push(group.sort());
  };
  for (const file of graph.keys()) if (!index.has(file)) visit(file);
  return cycles;
}

describe('import cycles between the files of src/', () => {
  it('finds none', () => {
    const cycles = importCycles(sourceFiles(join(ROOT, 'src'))).map((group) => group.map((file) => relative(ROOT, file)));
    expect(cycles).toEqual([]);
  });

  it('finds a ring of two files and one of three, and not a type-only import', () => {
    const at = (name: string) => join(ROOT, 'src', 'probe', name);
    const cycles = importCycles(
      new Map([
        [at('a.ts'), "import { b } from './b';\nexport const a = () => b();\n"],
        [at('b.ts'), "import { a } from './a';\nexport const b = () => a();\n"],
        [at('c.ts'), "import { d } from './d';\nexport const c = d;\n"],
        [at('d.ts'), "export { e as d } from './e';\n"],
        [at('e.ts'), "import {\n  c,\n} from './c';\nexport const e = c;\n"],
        [at('f.ts'), "import type { G } from './g';\nexport type F = G;\n"],
        [at('g.ts'), "import { F } from './f';\nexport type G = F;\n"],
      ]),
    );
    expect(cycles.map((group) => group.map((file) => relative(join(ROOT, 'src', 'probe'), file)))).toEqual([
      ['a.ts', 'b.ts'],
      ['c.ts', 'd.ts', 'e.ts'],
    ]);
  });
});
