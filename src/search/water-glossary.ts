import data from './water-glossary.json';

/** One theme of the vocabulary, with the references its entries follow. */
export interface GlossarySection {
  id: string;
  title: string;
  sources: string[];
  /** Each group lists terms that mean the same (search treats them as synonyms). */
  groups: string[][];
}

export interface WaterGlossary {
  description: string;
  sections: GlossarySection[];
}

/** Meilisearch applies synonyms of one to three words only: a longer Latin term would never match. */
export const MAX_TERM_WORDS = 3;

const HAN = /\p{Script=Han}/u;
const LATIN = /[A-Za-z]/;
const wordsOf = (term: string) => term.split(/\s+/).filter(Boolean).length;

/**
 * Checks the vocabulary and throws naming every problem: a section without sources or groups, a group with fewer than
 * two terms or without an English term (the translation of Chinese queries needs one), a blank or too long term, and a
 * term in two groups (Meilisearch would join both groups' meanings through it).
 */
export function validateGlossary(glossary: WaterGlossary): WaterGlossary {
  const problems: string[] = [];
  const groupOf = new Map<string, string>();
  const sectionIds = new Set<string>();
  for (const section of glossary.sections) {
    if (!section.id || sectionIds.has(section.id)) problems.push(`section "${section.id}": missing or repeated id`);
    sectionIds.add(section.id);
    if (section.sources.filter((s) => s.trim()).length === 0) problems.push(`section "${section.id}" names no source`);
    if (section.groups.length === 0) problems.push(`section "${section.id}" has no group`);
    for (const group of section.groups) {
      const label = `${section.id}: [${group.join(' | ')}]`;
      if (group.length < 2) problems.push(`${label} has fewer than two terms`);
      if (!group.some((t) => LATIN.test(t))) problems.push(`${label} has no English term`);
      for (const term of group) {
        if (term.trim() !== term || term === '') problems.push(`${label}: blank or padded term "${term}"`);
        if (!HAN.test(term) && wordsOf(term) > MAX_TERM_WORDS) problems.push(`${label}: "${term}" is longer than ${MAX_TERM_WORDS} words`);
        const key = term.toLowerCase();
        const other = groupOf.get(key);
        if (other !== undefined && other !== label) problems.push(`"${term}" is in two groups: ${other} and ${label}`);
        groupOf.set(key, label);
      }
    }
  }
  if (problems.length > 0) throw new Error(`Invalid water glossary:\n  ${problems.join('\n  ')}`);
  return glossary;
}

/** The vocabulary shipped with the code, checked once at load. */
export const WATER_GLOSSARY: WaterGlossary = validateGlossary(data);

/** Every group of every section. */
export function glossaryGroups(glossary: WaterGlossary = WATER_GLOSSARY): string[][] {
  return glossary.sections.flatMap((s) => s.groups);
}

/** The English term a group is translated to: its first term written in Latin letters. */
export function headTerm(group: string[]): string {
  return group.find((t) => LATIN.test(t) && !HAN.test(t)) ?? group[0];
}

export const hasHan = (text: string) => HAN.test(text);
