import { FACTOR_KEYS, FactorKey } from '../match-factors';

/**
 * One ranked list to learn from: each candidate's factor values already multiplied by its trade fit (what a weight
 * multiplies), flattened candidate after candidate, and which candidates are right answers.
 */
export interface TrainingList {
  features: Float64Array;
  positive: Uint8Array;
  /** Candidates someone turned down (rejected, declined, withdrawn): they weigh more in the softmax, so lifting them costs more. */
  negative?: Uint8Array;
  /** How much this list counts (decisions the secretariat made count more than historical records). */
  weight: number;
}

export interface FitOptions {
  iterations?: number;
  learningRate?: number;
  /** L2 penalty on the weights, per list. */
  l2?: number;
  start?: Record<FactorKey, number>;
  /** The factors that may get a weight; the others stay at 0. All when left out. */
  factors?: readonly FactorKey[];
}

const K = FACTOR_KEYS.length;
/** How much more a turned-down candidate counts against a list than an unjudged one. */
const NEGATIVE_EMPHASIS = 3;

/**
 * Factor weights learned with a listwise objective (ListNet-style softmax cross-entropy: the probability the score
 * gives the right answers among the candidates), full-batch Adam from a fixed start, weights kept ≥ 0 so every
 * contribution of an explanation stays a non-negative part of the score. Deterministic: the same lists in the same
 * order give the same weights. Returned scaled to add up to 1 (rankings do not depend on the scale).
 */
export function fitWeights(lists: TrainingList[], options: FitOptions = {}): Record<FactorKey, number> {
  const { iterations = 150, learningRate = 0.1, l2 = 1e-4 } = options;
  // Scores of a weighted sum of 0–1 values are small; a larger start lets the softmax separate candidates from the outset.
  const free = FACTOR_KEYS.map((k) => !options.factors || options.factors.includes(k));
  const w = Float64Array.from(FACTOR_KEYS, (k, i) => (free[i] ? 10 * (options.start?.[k] ?? 1 / K) : 0));
  const m = new Float64Array(K);
  const v = new Float64Array(K);
  const totalWeight = lists.reduce((s, l) => s + l.weight, 0) || 1;
  for (let t = 1; t <= iterations; t++) {
    const gradient = new Float64Array(K);
    for (const list of lists) listGradient(list, w, gradient);
    for (let k = 0; k < K; k++) {
      const g = gradient[k] / totalWeight + 2 * l2 * w[k];
      m[k] = 0.9 * m[k] + 0.1 * g;
      v[k] = 0.999 * v[k] + 0.001 * g * g;
      const step = (learningRate * (m[k] / (1 - 0.9 ** t))) / (Math.sqrt(v[k] / (1 - 0.999 ** t)) + 1e-8);
      w[k] = free[k] ? Math.max(0, w[k] - step) : 0;
    }
  }
  const total = w.reduce((a, b) => a + b, 0);
  // Nothing learned (every weight pushed to 0): the factors it may weigh, equally.
  const fallback = 1 / free.filter(Boolean).length;
  return Object.fromEntries(FACTOR_KEYS.map((key, k) => [key, total > 0 ? w[k] / total : free[k] ? fallback : 0])) as Record<
    FactorKey,
    number
  >;
}

/** Adds one list's gradient of −log(Σ positives' softmax) to `into`. */
function listGradient(list: TrainingList, w: Float64Array, into: Float64Array): void {
  const n = list.positive.length;
  const scores = new Float64Array(n);
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let k = 0; k < K; k++) s += w[k] * list.features[i * K + k];
    scores[i] = s;
    if (s > max) max = s;
  }
  let all = 0;
  let right = 0;
  for (let i = 0; i < n; i++) {
    scores[i] = Math.exp(scores[i] - max) * (list.negative?.[i] ? NEGATIVE_EMPHASIS : 1);
    all += scores[i];
    if (list.positive[i]) right += scores[i];
  }
  if (right === 0) return;
  for (let i = 0; i < n; i++) {
    const p = scores[i] / all - (list.positive[i] ? scores[i] / right : 0);
    if (p === 0) continue;
    for (let k = 0; k < K; k++) into[k] += list.weight * p * list.features[i * K + k];
  }
}

/** Folds for cross-validation: every member of a group in the same fold, groups spread by a stable hash of their key. */
export const foldOf = (group: string, folds: number): number => stableHash(group) % folds;

/** FNV-1a of a string: a stable pseudo-random order, and folds for cross-validation. */
export function stableHash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}
