import { byText } from '../match-scoring';
import { Built, TrackRecord } from '../track-record-index.service';
import { CUT } from './ranking-metrics';

/**
 * The simple rankings every change is compared with, over every enterprise of the index (no stage 1): the most
 * projects; the most projects in the need's country; BM25 of the need's words against the whole track record; and
 * BM25 plus a same-country prior. They are what the gcdf-water README reports on the dev split.
 */
export const BASELINES = ['popularity', 'country', 'bm25', 'bm25Country'] as const;
export type Baseline = (typeof BASELINES)[number];
export const BASELINE_LABELS: Record<Baseline, string> = {
  popularity: 'popularity (most projects)',
  country: 'same-country prior',
  bm25: 'BM25 on the track record',
  bm25Country: 'BM25 + country',
};

/**
 * The same-country prior added to BM25 scaled by the best: a company with a project in the need's country gains
 * this much. Chosen once so that the dev figures come closest to the README's reference ones (docs/MATCHING.md), not tuned.
 */
export const COUNTRY_PRIOR = 0.5;

const byScore = (scores: Map<TrackRecord, number>) => (a: TrackRecord, b: TrackRecord) =>
  (scores.get(b) ?? 0) - (scores.get(a) ?? 0) ||
  b.projects.length - a.projects.length ||
  byText(a.name, b.name) ||
  byText(a.organizationId, b.organizationId);

/** Each baseline's ranking (enterprise ids, best first, cut at 50) for a need's words and country. */
export function baselineRankings(index: Built, words: string[], countryCode: string): Record<Baseline, string[]> {
  const records = [...index.records.values()];
  const relevance = index.relevanceTo(words);
  const bm25 = new Map(records.map((r) => [r, relevance(r)]));
  const best = Math.max(0, ...bm25.values());
  const inCountry = (r: TrackRecord) => r.summary.countries.get(countryCode)?.count ?? 0;
  const rank = (scores: Map<TrackRecord, number>) =>
    [...records]
      .sort(byScore(scores))
      .slice(0, CUT)
      .map((r) => r.organizationId);
  return {
    popularity: rank(new Map()),
    country: rank(new Map(records.map((r) => [r, inCountry(r)]))),
    bm25: rank(bm25),
    bm25Country: rank(new Map(records.map((r) => [r, (best > 0 ? bm25.get(r)! / best : 0) + (inCountry(r) > 0 ? COUNTRY_PRIOR : 0)]))),
  };
}
