/**
 * Ranking metrics as ../shared/tools/score-matching.py computes them (company and parent-group level), with bootstrap
 * intervals resampled by linked group, and paired differences between two rankings of the same cases.
 */

/** Where a ranking put the first right answer: 0-based, null when absent (the list is cut at 50, as the scorer reads). */
export interface CaseOutcome {
  company: number | null;
  parent: number | null;
}

export const CUT = 50;

/** The outcome of one ranking (enterprise ids, best first) against the gold enterprises. */
export function outcomeOf(ranking: string[], gold: ReadonlySet<string>, parentOf: (id: string) => string): CaseOutcome {
  const list = ranking.slice(0, CUT);
  const company = list.findIndex((id) => gold.has(id));
  const goldParents = new Set([...gold].map(parentOf));
  const parents: string[] = [];
  for (const id of list) {
    const p = parentOf(id);
    if (!parents.includes(p)) parents.push(p);
  }
  const parent = parents.findIndex((p) => goldParents.has(p));
  return { company: company < 0 ? null : company, parent: parent < 0 ? null : parent };
}

export type MetricKey = 'r1' | 'r5' | 'r10' | 'mrr' | 'parentR10';
export const METRICS: Array<{ key: MetricKey; label: string }> = [
  { key: 'r1', label: 'R@1' },
  { key: 'r5', label: 'R@5' },
  { key: 'r10', label: 'R@10' },
  { key: 'mrr', label: 'MRR' },
  { key: 'parentR10', label: 'parent R@10' },
];

/** One case's contribution to a metric (its mean over cases is the metric). */
export function perCase(o: CaseOutcome, metric: MetricKey): number {
  switch (metric) {
    case 'r1':
      return o.company !== null && o.company < 1 ? 1 : 0;
    case 'r5':
      return o.company !== null && o.company < 5 ? 1 : 0;
    case 'r10':
      return o.company !== null && o.company < 10 ? 1 : 0;
    case 'mrr':
      return o.company === null ? 0 : 1 / (o.company + 1);
    case 'parentR10':
      return o.parent !== null && o.parent < 10 ? 1 : 0;
  }
}

export interface Estimate {
  value: number;
  low: number;
  high: number;
}

/** A small seeded generator (mulberry32): the same intervals on every run. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The mean of per-case values with a 95% percentile-bootstrap interval. Cases of one linked group are drawn together
 * (a cluster bootstrap): linked records are not independent evidence.
 */
export function bootstrapMean(values: number[], groups: string[], resamples = 1000, seed = 15): Estimate {
  const byGroup = new Map<string, number[]>();
  values.forEach((v, i) => byGroup.set(groups[i], [...(byGroup.get(groups[i]) ?? []), v]));
  const clusters = [...byGroup.values()].map((vs) => ({ sum: vs.reduce((a, b) => a + b, 0), n: vs.length }));
  const value = values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
  const random = seeded(seed);
  const means: number[] = [];
  for (let r = 0; r < resamples; r++) {
    let sum = 0;
    let n = 0;
    for (let c = 0; c < clusters.length; c++) {
      const pick = clusters[Math.floor(random() * clusters.length)];
      sum += pick.sum;
      n += pick.n;
    }
    means.push(n ? sum / n : 0);
  }
  means.sort((a, b) => a - b);
  return { value, low: means[Math.floor(0.025 * resamples)], high: means[Math.ceil(0.975 * resamples) - 1] };
}

/** A metric of a set of outcomes, with its interval. */
export const metricOf = (outcomes: CaseOutcome[], metric: MetricKey, groups: string[]): Estimate =>
  bootstrapMean(
    outcomes.map((o) => perCase(o, metric)),
    groups,
  );

/** The paired difference a − b of a metric over the same cases, with its interval (same resamples for both). */
export const pairedDifference = (a: CaseOutcome[], b: CaseOutcome[], metric: MetricKey, groups: string[]): Estimate =>
  bootstrapMean(
    a.map((o, i) => perCase(o, metric) - perCase(b[i], metric)),
    groups,
  );

/** How many cases each ranking does better, worse, equally (by reciprocal rank). */
export function headToHead(a: CaseOutcome[], b: CaseOutcome[]): { better: number; worse: number; tied: number } {
  let better = 0;
  let worse = 0;
  a.forEach((o, i) => {
    const d = perCase(o, 'mrr') - perCase(b[i], 'mrr');
    if (d > 0) better++;
    else if (d < 0) worse++;
  });
  return { better, worse, tied: a.length - better - worse };
}
