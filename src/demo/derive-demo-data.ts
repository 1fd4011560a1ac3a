// Derives the WaterBridge demo seed (src/demo/demo-data.json) from the real
// gcdf-water extract of AidData's Global Chinese Development Finance Dataset 3.0.
//
// Usage (after `npx tsc -p tsconfig.build.json`):
//   node dist/src/demo/derive-demo-data.js [--data DIR] [--out FILE]
//   --data DIR   folder holding companies.jsonl and open-needs.jsonl
//                (default: ../shared/data/gcdf-water next to the repo, i.e. /work/shared/data/gcdf-water)
//   --out FILE   output file (default: src/demo/demo-data.json under the repository root)
//
// Deterministic: the same input gives a byte-identical file. Importing this module has no side effect; main() runs
// only when the file is executed directly.
//
// Licence of the data: ODC-By 1.0. Credit: AidData (2023). Global Chinese Development Finance
// Dataset, Version 3.0. AidData at William & Mary.
//
// ---------------------------------------------------------------------------------------------
// The classification of texts (technology categories, water-relatedness, CRS sector codes, SDG targets, cooperation
// modes, roles, budgets, funding status) lives in src/imports/gcdf/water-classifier.ts, shared with the data importer.
// This script only selects and shapes the records:
//
// * Enterprises: the 150 companies with the most water-related projects (ties: more projects in total,
//   then id); companies without any water project are never selected. Each keeps its 25 most relevant
//   projects (water ones first, then most recent, then id). Capabilities: one per technology category
//   with >= 1 water project (the 5 most frequent), trl 9.
// * Agencies: one demo agency per country that has at least one open need with a known country.
// * Needs: every open need whose country resolves to an ISO code; others are skipped and counted.
// * Descriptions are whitespace-normalised and trimmed to at most 1,200 characters on a word boundary.
// ---------------------------------------------------------------------------------------------

import fs from 'node:fs';
import path from 'node:path';
import {
  CATEGORY_LABELS,
  CATEGORY_ORDER,
  MODE_ORDER,
  TechnologyCategory,
  TextAnalysis,
  analyse,
  classifyNeed,
  clean,
  cooperationModesFor,
  roleFor,
  sectorCodeFor,
  trimText,
  waterCategories,
} from '../imports/gcdf/water-classifier';
import { wordNeed } from '../imports/gcdf/need-wording';
import enterpriseNames from './enterprise-names.json';

interface GroupName {
  nameEn: string;
  nameZh: string | null;
}

/**
 * The group a company belongs to, by its real name: the extract keys groups by acronym ("POWERCHINA") or by an internal
 * normalised name ("N:hunan constructing engineering"); the fold table joins one group spelled two ways, and a group
 * the table does not know is named after the company itself, never by its key.
 */
export function groupNameOf(key: string | null | undefined, companyName: string): string | null {
  if (!key) return null;
  const groups = enterpriseNames.groups as Record<string, GroupName>;
  const folded = (enterpriseNames.fold as Record<string, string>)[key] ?? key;
  return groups[folded]?.nameEn ?? (folded.startsWith('N:') ? companyName : folded);
}

/** The company's Chinese name when the curated table has it (enterprise-names.json, each with its source). */
export function chineseNameOf(companyId: string): string | null {
  return (enterpriseNames.companies as Record<string, { nameZh: string | null }>)[companyId]?.nameZh ?? null;
}

const CREDIT = 'AidData (2023). Global Chinese Development Finance Dataset, Version 3.0. AidData at William & Mary.';
const MAX_ENTERPRISES = 150;
const MAX_PROJECTS_PER_COMPANY = 25;
const MAX_CAPABILITIES = 5;

// ---------------------------------------------------------------- input records

/** One project of a company's track record in companies.jsonl. */
interface GcdfProject {
  id: string;
  title?: string | null;
  description?: string | null;
  country?: string | null;
  sector?: string | null;
  year?: number | null;
}

/** One line of companies.jsonl. */
interface GcdfCompany {
  id: string;
  name: string;
  parentGroup?: string | null;
  projects?: Array<GcdfProject | null> | null;
}

/** One line of open-needs.jsonl. */
interface GcdfOpenNeed {
  id: string;
  title?: string | null;
  description?: string | null;
  country?: string | null;
  subtype?: string | null;
  year?: number | null;
}

/** One entry of src/reference-data/data/countries.json. */
interface Country {
  code: string;
  nameEn: string;
  nameZh: string;
  aliases?: string[];
}

interface Countries {
  byCode: Map<string, Country>;
  resolve: (name: unknown) => string | null;
}

// ---------------------------------------------------------------- arguments and input

/** The repository root: the nearest folder above `from` holding package.json (works from src/ and from dist/src/). */
export function findRepoRoot(from: string = __dirname): string {
  let dir = path.resolve(from);
  for (;;) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`No package.json found above ${from}`);
    dir = parent;
  }
}

interface Args {
  data: string;
  out: string;
}

function parseArgs(argv: string[], repo: string): Args {
  const args: Args = {
    data: path.resolve(repo, '..', 'shared', 'data', 'gcdf-water'),
    out: path.join(repo, 'src', 'demo', 'demo-data.json'),
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if ((a === '--data' || a === '--out') && argv[i + 1]) {
      if (a === '--data') args.data = path.resolve(argv[++i]);
      else args.out = path.resolve(argv[++i]);
    } else if (a.startsWith('--data=')) args.data = path.resolve(a.slice(7));
    else if (a.startsWith('--out=')) args.out = path.resolve(a.slice(6));
    else if (a === '--help' || a === '-h') {
      console.log('Usage: node dist/src/demo/derive-demo-data.js [--data DIR] [--out FILE]');
      process.exit(0);
    } else {
      console.error(`Unknown argument: ${a}`);
      process.exit(2);
    }
  }
  return args;
}

function readJsonl<T>(file: string): T[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, i) => {
      try {
        return JSON.parse(line) as T;
      } catch (e) {
        throw new Error(`${file}:${i + 1}: ${(e as Error).message}`, { cause: e });
      }
    });
}

// ---------------------------------------------------------------- countries

function loadCountries(repo: string): Countries {
  const countries = JSON.parse(fs.readFileSync(path.join(repo, 'src', 'reference-data', 'data', 'countries.json'), 'utf8')) as Country[];
  const byName = new Map<string, string>();
  const byCode = new Map<string, Country>();
  for (const c of countries) {
    byCode.set(c.code, c);
    for (const n of [c.nameEn, ...(c.aliases || [])]) byName.set(n.trim().toLowerCase(), c.code);
  }
  return { byCode, resolve: (name) => (typeof name === 'string' && name ? (byName.get(name.trim().toLowerCase()) ?? null) : null) };
}

const intOrNull = (v: unknown): number | null => (Number.isInteger(v) ? (v as number) : null);

// ---------------------------------------------------------------- enterprises

function formatYears(years: number[]): string {
  if (years.length === 0) return '';
  const lo = Math.min(...years);
  const hi = Math.max(...years);
  return lo === hi ? `${lo}` : `${lo}–${hi}`;
}

function listNames(names: string[], max = 4): string {
  if (names.length <= max) return names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : (names[0] ?? '');
  return `${names.slice(0, max).join(', ')} and ${names.length - max} more countries`;
}

interface AnalysedProject {
  p: GcdfProject;
  a: TextAnalysis;
  countryCode: string | null;
  year: number | null;
}

interface Candidate {
  company: GcdfCompany;
  projects: AnalysedProject[];
  waterCount: number;
}

function deriveEnterprise(company: GcdfCompany, countries: Countries): Candidate {
  // De-duplicate the track record by project id (first occurrence wins).
  const seen = new Set<string>();
  const projects: AnalysedProject[] = [];
  for (const p of company.projects || []) {
    if (!p || seen.has(p.id)) continue;
    seen.add(p.id);
    const a = analyse(p.title, p.description, 2);
    const countryCode = countries.resolve(p.country);
    const year = intOrNull(p.year);
    projects.push({ p, a, countryCode, year });
  }
  const water = projects.filter((x) => x.a.isWater);
  return { company, projects, waterCount: water.length };
}

function buildEnterprise({ company, projects }: Candidate, countries: Countries) {
  const water = projects.filter((x) => x.a.isWater);
  const years = projects.map((x) => x.year).filter((y): y is number => y !== null);
  const countryCodes = new Set(projects.map((x) => x.countryCode).filter(Boolean));

  // Category frequency over water projects.
  const catProjects = new Map<TechnologyCategory, AnalysedProject[]>();
  for (const x of water) {
    for (const c of waterCategories(x.a)) {
      if (!catProjects.has(c)) catProjects.set(c, []);
      catProjects.get(c)!.push(x);
    }
  }
  const topCats = [...catProjects.entries()]
    .sort((a, b) => b[1].length - a[1].length || CATEGORY_ORDER.indexOf(a[0]) - CATEGORY_ORDER.indexOf(b[0]))
    .slice(0, MAX_CAPABILITIES);

  const topCatText = topCats
    .slice(0, 3)
    .map(([c, xs]) => `${CATEGORY_LABELS[c].toLowerCase()} (${xs.length})`)
    .join(', ');
  const yearText = years.length ? ` (${formatYears(years)})` : '';
  const description =
    `Track record of ${projects.length} project${projects.length === 1 ? '' : 's'} in ${countryCodes.size} ` +
    `${countryCodes.size === 1 ? 'country' : 'countries'}${yearText}, ${water.length} water-related: ${topCatText}. ` +
    `Derived from AidData GCDF 3.0.`;

  const capabilities = topCats.map(([cat, xs]) => {
    const codes = [...new Set(xs.map((x) => x.countryCode).filter((c): c is string => Boolean(c)))].sort();
    const names = codes.map((c) => countries.byCode.get(c)!.nameEn);
    const ys = xs.map((x) => x.year).filter((y): y is number => y !== null);
    const detail = [`${xs.length} project${xs.length === 1 ? '' : 's'}`, ys.length ? formatYears(ys) : null].filter(Boolean).join(', ');
    const where = names.length ? ` delivered in ${listNames(names)}` : ' delivered';
    const modes = new Set<string>();
    for (const x of xs) for (const m of cooperationModesFor(x.a.text)) modes.add(m);
    return {
      technologyCategory: cat,
      description: `${CATEGORY_LABELS[cat]}${where} (${detail})`,
      trl: 9,
      cooperationModes: MODE_ORDER.filter((m) => modes.has(m)),
      countriesServed: codes,
    };
  });

  const ranked = [...projects].sort(
    (x, y) =>
      Number(y.a.isWater) - Number(x.a.isWater) || (y.year ?? -1) - (x.year ?? -1) || (x.p.id < y.p.id ? -1 : x.p.id > y.p.id ? 1 : 0),
  );
  const referenceProjects = ranked.slice(0, MAX_PROJECTS_PER_COMPANY).map((x) => {
    const sectorCode = x.a.isWater ? sectorCodeFor(x.a.primary, x.a.text, x.a.title) : null;
    return {
      externalId: x.p.id,
      title: x.a.title,
      description: trimText(x.a.description),
      countryCode: x.countryCode,
      year: x.year,
      sectorCode,
      gcdfSector: x.p.sector ?? null,
      role: roleFor(x.a),
      technologyCategories: waterCategories(x.a),
    };
  });

  return {
    externalId: company.id,
    nameEn: clean(company.name),
    nameZh: chineseNameOf(company.id),
    parentGroup: groupNameOf(company.parentGroup, clean(company.name)),
    countryCode: 'CN',
    description,
    referenceProjects,
    capabilities,
  };
}

// ---------------------------------------------------------------- needs

function deriveNeed(n: GcdfOpenNeed, countryCode: string, countryName: string) {
  // Classified on the record's own words; shown in the voice of the agency posting the need (see need-wording.ts).
  const c = classifyNeed(n.title, n.description, n.subtype, countryCode);
  const wording = wordNeed(c.analysis.title, c.analysis.description, countryName);
  return {
    externalId: n.id,
    agencyExternalId: `agency-${countryCode.toLowerCase()}`,
    title: wording.title,
    description: trimText(wording.description),
    countryCode,
    site: null,
    sectorCode: c.sectorCode,
    sdgTargets: c.sdgTargets,
    cooperationModes: c.cooperationModes,
    technologyCategories: c.technologyCategories,
    budgetMin: c.budget ? c.budget.amount : null,
    budgetMax: c.budget ? c.budget.amount : null,
    currency: c.budget ? c.budget.currency : null,
    fundingStatus: c.fundingStatus,
    financier: wording.financier,
    year: intOrNull(n.year),
  };
}

const idNum = (id: string): number => {
  const m = /(\d+)$/.exec(id);
  return m ? Number(m[1]) : Number.MAX_SAFE_INTEGER;
};

// ---------------------------------------------------------------- main

export function main(argv: string[] = process.argv.slice(2)): void {
  const repo = findRepoRoot();
  const args = parseArgs(argv, repo);
  const countries = loadCountries(repo);
  const companies = readJsonl<GcdfCompany>(path.join(args.data, 'companies.jsonl'));
  const openNeeds = readJsonl<GcdfOpenNeed>(path.join(args.data, 'open-needs.jsonl'));

  // Enterprises
  const candidates = companies
    .map((c) => deriveEnterprise(c, countries))
    .filter((x) => x.waterCount > 0)
    .sort(
      (x, y) =>
        y.waterCount - x.waterCount ||
        y.projects.length - x.projects.length ||
        (x.company.id < y.company.id ? -1 : x.company.id > y.company.id ? 1 : 0),
    );
  const enterprises = candidates.slice(0, MAX_ENTERPRISES).map((x) => buildEnterprise(x, countries));

  // Needs and agencies
  const needs: Array<ReturnType<typeof deriveNeed>> = [];
  const skipped = { noCountry: 0, unknownCountry: [] as string[] };
  for (const n of openNeeds) {
    if (!n.country) {
      skipped.noCountry++;
      continue;
    }
    const code = countries.resolve(n.country);
    if (!code) {
      skipped.unknownCountry.push(n.country);
      continue;
    }
    needs.push(deriveNeed(n, code, countries.byCode.get(code)!.nameEn));
  }
  needs.sort(
    (a, b) => idNum(a.externalId) - idNum(b.externalId) || (a.externalId < b.externalId ? -1 : a.externalId > b.externalId ? 1 : 0),
  );

  const agencyCodes = [...new Set(needs.map((n) => n.countryCode))].sort();
  const agencies = agencyCodes.map((code) => {
    const c = countries.byCode.get(code)!;
    return {
      externalId: `agency-${code.toLowerCase()}`,
      nameEn: `${c.nameEn} Water Authority (demo)`,
      nameZh: `${c.nameZh}水务局（演示）`,
      countryCode: code,
    };
  });

  const output = {
    source: `${CREDIT} Derived by src/demo/derive-demo-data.ts.`,
    enterprises,
    agencies,
    needs,
  };
  const json = `${JSON.stringify(output, null, 1)}\n`;
  fs.mkdirSync(path.dirname(args.out), { recursive: true });
  fs.writeFileSync(args.out, json);

  const refCount = enterprises.reduce((s, e) => s + e.referenceProjects.length, 0);
  const capCount = enterprises.reduce((s, e) => s + e.capabilities.length, 0);
  const unknown = skipped.unknownCountry.length
    ? `, ${skipped.unknownCountry.length} skipped (unknown country: ${[...new Set(skipped.unknownCountry)].join('; ')})`
    : '';
  console.log(
    `${path.relative(repo, args.out)}: ${enterprises.length} enterprises (of ${candidates.length} with water projects; ` +
      `${refCount} reference projects, ${capCount} capabilities), ${agencies.length} agencies, ${needs.length} needs ` +
      `(${skipped.noCountry} skipped: no country${unknown}), ${(Buffer.byteLength(json) / 1e6).toFixed(2)} MB`,
  );
}

if (require.main === module) main();
