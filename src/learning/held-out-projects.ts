import { classifyProject } from '../imports/gcdf/water-classifier';
import { OTHER_TRADES } from '../matching/match-factors';
import { stableHash } from '../matching/evaluation/weight-fitting';
import { terms } from '../matching/text-terms';

/** A reference project of a verified enterprise, as the evaluation reads it (one row per owner). */
export interface HeldOutRow {
  id: string;
  externalId: string | null;
  organizationId: string;
  title: string;
  description: string;
  countryCode: string | null;
  year: number | null;
  sourceSector: string | null;
}

/** The names under which an enterprise can appear in a text. */
export interface EnterpriseNames {
  organizationId: string;
  nameEn: string;
  nameZh: string | null;
  externalId: string | null;
  parentGroup: string | null;
}

/**
 * One question the track records ask of themselves: here is a piece of work, with every company name masked; who
 * built it? Its rows and those of the records linked to it are held out of the index while it is asked.
 */
export interface HeldOutCase {
  /** The work's key: its external id when it came from a dataset, else its row id. */
  key: string;
  title: string;
  description: string;
  countryCode: string;
  year: number | null;
  sourceSector: string | null;
  /** Whether it is water work (by its text, and not in a trade that builds nothing). */
  water: boolean;
  /** The enterprises that built it. */
  gold: string[];
  /** Reference-project rows held out: the work's own, for every owner, and those of the works linked to it. */
  without: string[];
  /** Its linked group (cross-references and near-duplicates, transitively): cases of one group are resampled together. */
  group: string;
}

/** "Linked to Project ID#21389, #72890", "captured in linked Project ID#30339": GCDF's cross-references. */
const REFERENCE = /#\s?(\d{2,6})\b/g;
const MASK = '[a company]';

/**
 * The leave-one-out cases of a set of track records: one per distinct work (rows sharing an external id are one work
 * built by several enterprises) that has a country and at least one owner. Works are linked when one cites the other
 * (GCDF's "Linked to Project ID#…"), or when they are near-duplicates: same country, within two years, and at least half
 * of the shorter title's words shared. Deterministic: the same rows give the same cases in the same order.
 */
export function heldOutCases(rows: HeldOutRow[], names: EnterpriseNames[]): HeldOutCase[] {
  const works = new Map<string, HeldOutRow[]>();
  for (const row of rows) {
    const key = row.externalId ?? row.id;
    works.set(key, [...(works.get(key) ?? []), row]);
  }
  const keys = [...works.keys()].sort();
  const byNumber = new Map<string, number>();
  for (const [i, key] of keys.entries()) {
    const number = /(\d+)$/.exec(key)?.[1];
    if (number) byNumber.set(number, i);
  }
  const neighbours = keys.map(() => new Set<number>());
  const link = (a: number, b: number) => {
    if (a === b) return;
    neighbours[a].add(b);
    neighbours[b].add(a);
  };
  for (const [i, key] of keys.entries()) {
    const first = works.get(key)![0];
    for (const m of `${first.title} ${first.description}`.matchAll(REFERENCE)) {
      const j = byNumber.get(m[1]);
      if (j !== undefined) link(i, j);
    }
  }
  linkNearDuplicates(
    keys.map((k) => works.get(k)![0]),
    link,
  );
  const group = components(neighbours);
  const mask = masker(names);

  const cases: HeldOutCase[] = [];
  for (const [i, key] of keys.entries()) {
    const own = works.get(key)!;
    const first = own[0];
    if (!first.countryCode) continue;
    const held = [i, ...neighbours[i]].flatMap((j) => works.get(keys[j])!.map((r) => r.id));
    const water = classifyProject(first.title, first.description).isWater && !(first.sourceSector && OTHER_TRADES.has(first.sourceSector));
    cases.push({
      key,
      title: mask(first.title),
      description: mask(first.description),
      countryCode: first.countryCode,
      year: first.year,
      sourceSector: first.sourceSector,
      water,
      gold: [...new Set(own.map((r) => r.organizationId))].sort(),
      without: [...new Set(held)].sort(),
      group: keys[group[i]],
    });
  }
  return cases;
}

/**
 * Cases in a stable pseudo-random order, each kept while one of its builders has fewer than `cap` kept. Held out one
 * by one, a track record asks most about the largest records (a company with 300 projects asks 300 questions), where
 * real needs are often built by small ones; capping each company makes the set resemble needs (docs/MATCHING.md).
 */
export function atMostPerCompany(cases: HeldOutCase[], cap: number): HeldOutCase[] {
  const kept = new Map<string, number>();
  const chosen = [...cases]
    .sort((a, b) => stableHash(a.key) - stableHash(b.key) || (a.key < b.key ? -1 : 1))
    .filter((c) => {
      if (!c.gold.some((id) => (kept.get(id) ?? 0) < cap)) return false;
      for (const id of c.gold) kept.set(id, (kept.get(id) ?? 0) + 1);
      return true;
    });
  const keys = new Set(chosen.map((c) => c.key));
  return cases.filter((c) => keys.has(c.key));
}

/** Same country, within two years, at least half of the shorter title's distinct words shared. */
function linkNearDuplicates(works: HeldOutRow[], link: (a: number, b: number) => void): void {
  const byCountry = new Map<string, number[]>();
  works.forEach((w, i) => {
    if (w.countryCode) byCountry.set(w.countryCode, [...(byCountry.get(w.countryCode) ?? []), i]);
  });
  const words = works.map((w) => new Set(terms(w.title)));
  for (const members of byCountry.values()) {
    for (let x = 0; x < members.length; x++) {
      for (let y = x + 1; y < members.length; y++) {
        const [a, b] = [members[x], members[y]];
        if (works[a].year === null || works[b].year === null || Math.abs(works[a].year - works[b].year) > 2) continue;
        const [small, large] = words[a].size <= words[b].size ? [words[a], words[b]] : [words[b], words[a]];
        if (small.size === 0) continue;
        let shared = 0;
        for (const w of small) if (large.has(w)) shared++;
        if (shared * 2 >= small.size) link(a, b);
      }
    }
  }
}

/** For each node, the smallest node of its connected component. */
function components(neighbours: Array<Set<number>>): number[] {
  const root = neighbours.map(() => -1);
  for (let start = 0; start < neighbours.length; start++) {
    if (root[start] >= 0) continue;
    const stack = [start];
    root[start] = start;
    while (stack.length) {
      for (const next of neighbours[stack.pop()!]) {
        if (root[next] < 0) {
          root[next] = start;
          stack.push(next);
        }
      }
    }
  }
  return root;
}

const LEGAL_FORM =
  /[\s,]*\b(?:co\.?,?\s*ltd\.?|company\s+(?:ltd\.?|limited)|co\.?|ltd\.?|limited|corp\.?|corporation|company|inc\.?|plc|llc|group)$/i;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** An acronym (CR19, AFECC, CAMCE): matched in capitals only, where a name is matched in any case. */
const ACRONYM = /^[A-Z][A-Z0-9&-]{1,9}$/;

/** The ways a text can name an enterprise: its names, without their legal forms and parentheses, and its acronyms. */
export function aliasesOf(e: EnterpriseNames): string[] {
  const aliases = new Set<string>();
  const add = (s: string | null | undefined) => {
    const alias = s?.trim();
    if (alias && alias.length >= 3 && !alias.startsWith('N:')) aliases.add(alias);
  };
  for (const name of [e.nameEn, e.nameZh]) {
    if (!name) continue;
    add(name);
    // "(AFECC)", "(Henan Transportation Planning and Design Institute)"; not a legal form such as "(Group)".
    for (const inner of name.matchAll(/\(([^()]+)\)/g)) if (ACRONYM.test(inner[1]) || inner[1].trim().includes(' ')) add(inner[1]);
    let plain = name.replace(/\s*\([^()]*\)/g, '').trim();
    add(plain);
    for (let before = ''; before !== plain;) {
      before = plain;
      plain = plain.replace(LEGAL_FORM, '').trim();
    }
    if (plain.split(/\s+/).length >= 2) add(plain);
  }
  add(e.externalId);
  add(e.parentGroup);
  return [...aliases];
}

/** Replaces every alias of every enterprise in a text by "[a company]", as the benchmark's needs are anonymised. */
export function masker(names: EnterpriseNames[]): (text: string) => string {
  const aliases = [...new Set(names.flatMap(aliasesOf))].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  const acronyms = aliases.filter((a) => ACRONYM.test(a));
  const words = aliases.filter((a) => !ACRONYM.test(a));
  const pattern = (list: string[], flags: string) =>
    list.length ? new RegExp(`(?<![\\w])(?:${list.map(escape).join('|')})(?![\\w])`, flags) : null;
  const byName = pattern(words, 'gi');
  const byAcronym = pattern(acronyms, 'g');
  return (text) => {
    let out = byName ? text.replace(byName, MASK) : text;
    out = byAcronym ? out.replace(byAcronym, MASK) : out;
    return out;
  };
}
