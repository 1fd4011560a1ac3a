import fixture from '../fixtures/cross-language-queries.json';

/** An English query and its Chinese twin, as a user of each language would type it. */
export interface QueryPair {
  en: string;
  zh: string;
}

/** What each twin found: the ids of its top 10, best first. */
export interface PairResult extends QueryPair {
  enIds: string[];
  zhIds: string[];
}

export const CROSS_LANGUAGE_QUERIES: QueryPair[] = fixture.queries;
export const TOP = 10;

const found = (r: PairResult) => r.zhIds.filter((id) => r.enIds.includes(id)).length;

/**
 * Over the whole set, the share of what the English queries find in their top 10 that the Chinese twins find too:
 * Σ |ZH top10 ∩ EN top10| / Σ |EN top10|, over the queries whose English finds something.
 */
export function crossLanguageCoverage(results: PairResult[]): { found: number; wanted: number; ratio: number } {
  const counted = results.filter((r) => r.enIds.length > 0);
  const wanted = counted.reduce((n, r) => n + r.enIds.length, 0);
  const hits = counted.reduce((n, r) => n + found(r), 0);
  return { found: hits, wanted, ratio: wanted === 0 ? 0 : hits / wanted };
}

/** Per query whose English finds something: |ZH top10 ∩ EN top10| / |EN top10|. */
export const overlaps = (results: PairResult[]) => results.filter((r) => r.enIds.length > 0).map((r) => found(r) / r.enIds.length);

/** Share of queries of one language that find at least one result. */
export const shareWithResults = (results: PairResult[], side: 'en' | 'zh') =>
  results.filter((r) => (side === 'en' ? r.enIds : r.zhIds).length > 0).length / results.length;

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);

/** The mean and its 95% percentile-bootstrap interval (fixed seed, so a rerun on the same data prints the same). */
export function meanWithBootstrapCI(values: number[], resamples = 10_000): { mean: number; low: number; high: number } {
  let seed = 12_345;
  const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const means: number[] = [];
  for (let i = 0; i < resamples; i++) means.push(mean(values.map(() => values[Math.floor(random() * values.length)])));
  means.sort((a, b) => a - b);
  return { mean: mean(values), low: means[Math.floor(0.025 * resamples)], high: means[Math.ceil(0.975 * resamples) - 1] };
}
