import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * What a first visit to each page of the console downloads as JavaScript, from Vite's manifest of the built console
 * (npm run build:web): the entry and its static imports, plus the page's lazy chunk and its static imports. Printed
 * raw and gzipped (level 9, as a server would send it). The bound: the home page at most 400 kB gzipped.
 */
interface Chunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
}

// Compiled to dist/bench: the built console is dist/web.
const BUILT = join(__dirname, '..', 'web');
const manifest = JSON.parse(readFileSync(join(BUILT, '.vite', 'manifest.json'), 'utf8')) as Record<string, Chunk>;

/** A chunk and everything it imports statically (what the browser must load before it runs). */
function closure(key: string, into = new Set<string>()): Set<string> {
  if (into.has(key)) return into;
  into.add(key);
  for (const imported of manifest[key]?.imports ?? []) closure(imported, into);
  return into;
}

const entry = Object.keys(manifest).find((key) => manifest[key].isEntry);
if (!entry) throw new Error('no entry in the manifest: run npm run build:web first');
const PAGES: Array<[string, string]> = [
  ['home (/)', 'src/pages/home.tsx'],
  ['a need (/needs/:id)', 'src/pages/need.tsx'],
  ['opportunities (enterprise)', 'src/pages/enterprise/opportunities.tsx'],
  ['need form (agency)', 'src/pages/agency/need-form.tsx'],
  ['candidates (coordinator)', 'src/pages/coordinator/need-candidates.tsx'],
  ['statistics (coordinator)', 'src/pages/coordinator/statistics.tsx'],
  ['a match (/matches/:id)', 'src/pages/match/match.tsx'],
  ['activities (/activities)', 'src/pages/activities/activities.tsx'],
  ['an activity (/activities/:id)', 'src/pages/activities/activity.tsx'],
  ['donations and training', 'src/pages/contributions/contributions.tsx'],
];

const sizeOf = (keys: Set<string>) => {
  let raw = 0;
  let gzipped = 0;
  for (const key of keys) {
    const bytes = readFileSync(join(BUILT, manifest[key].file));
    raw += bytes.length;
    gzipped += gzipSync(bytes, { level: 9 }).length;
  }
  return { files: keys.size, raw, gzipped };
};

const kb = (bytes: number) => `${(bytes / 1000).toFixed(0)} kB`;
console.log('page'.padEnd(30), 'files'.padStart(6), 'raw'.padStart(10), 'gzipped'.padStart(10));
for (const [name, source] of PAGES) {
  const key = Object.keys(manifest).find((candidate) => candidate === source);
  if (!key) throw new Error(`${source} is not a chunk of the build`);
  const { files, raw, gzipped } = sizeOf(closure(key, closure(entry)));
  console.log(name.padEnd(30), String(files).padStart(6), kb(raw).padStart(10), kb(gzipped).padStart(10));
}
