import { Settings } from 'meilisearch';
import { glossaryGroups } from './water-glossary';

/** The logical indexes; the physical name is `<MEILI_INDEX_PREFIX><name>` (reindex swaps in `<name>_next`). */
export enum SearchIndex {
  Needs = 'needs',
  Enterprises = 'enterprises',
  ReferenceProjects = 'reference_projects',
}

/** Every term of a glossary group is a synonym of every other (Meilisearch applies synonyms of 1–3 words). */
export function glossarySynonyms(groups: string[][] = glossaryGroups()): Record<string, string[]> {
  const synonyms: Record<string, string[]> = {};
  for (const group of groups) {
    for (const term of group) {
      const key = term.toLowerCase();
      const others = group.filter((t) => t.toLowerCase() !== key).map((t) => t.toLowerCase());
      synonyms[key] = [...new Set([...(synonyms[key] ?? []), ...others])];
    }
  }
  return synonyms;
}

const typoTolerance = { enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 } };

/** Settings per index: what is searched (in order of importance), filtered, faceted and sorted. */
export const INDEX_SETTINGS: Record<SearchIndex, Settings> = {
  [SearchIndex.Needs]: {
    searchableAttributes: ['title', 'description', 'site', 'categoryLabels', 'countryNames', 'organizationName'],
    filterableAttributes: [
      'countryCode',
      'region',
      'sectorCode',
      'sdgTargets',
      'cooperationModes',
      'technologyCategories',
      'status',
      'organizationId',
      'fundingStatus',
      'financier',
      'financingInstrument',
      'budgetMin',
      'budgetMax',
      'currency',
    ],
    sortableAttributes: ['publishedAt', 'createdAt', 'budgetMax'],
    displayedAttributes: ['*'],
    typoTolerance,
  },
  [SearchIndex.Enterprises]: {
    searchableAttributes: [
      'nameEn',
      'nameZh',
      'nameLocal',
      'parentGroup',
      'categoryLabels',
      'capabilityText',
      'description',
      'projectTitles',
      'countryNames',
    ],
    filterableAttributes: [
      'verified',
      'countryCode',
      'countriesServed',
      'regionsServed',
      'technologyCategories',
      'declaredCategories',
      'cooperationModes',
      'sectorCodes',
      'parentGroup',
      'id',
    ],
    sortableAttributes: ['projectCount', 'waterProjectCount', 'nameEn'],
    displayedAttributes: ['*'],
    typoTolerance,
  },
  [SearchIndex.ReferenceProjects]: {
    searchableAttributes: ['title', 'description', 'categoryLabels', 'countryNames'],
    filterableAttributes: [
      'verified',
      'organizationId',
      'parentGroup',
      'countryCode',
      'region',
      'year',
      'sectorCode',
      'technologyCategories',
      'role',
      'financier',
      'financingInstrument',
    ],
    sortableAttributes: ['year'],
    displayedAttributes: ['*'],
    typoTolerance,
  },
};

/**
 * Settings of an index, with the water glossary as synonyms where people search. The reference-projects index is
 * searched by matching's stage 1 alone, with English words distilled from a need, not typed by people: there the
 * 2,092 synonyms made each multi-search about 2.5 times slower at 100,000 projects (raw p50 93.5 → 37.3 ms) and
 * changed no ranking that mattered (paired over 3,553 questions: MRR ±0.001 on every leave-one-out set, dev −0.008
 * [−0.026, +0.000]; docs/PERFORMANCE.md), so it has none.
 */
export function settingsFor(index: SearchIndex): Settings {
  return { ...INDEX_SETTINGS[index], synonyms: index === SearchIndex.ReferenceProjects ? {} : glossarySynonyms() };
}
