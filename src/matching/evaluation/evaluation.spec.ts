import { FACTOR_KEYS, FactorKey } from '../match-factors';
import { bootstrapMean, metricOf, outcomeOf, pairedDifference } from './ranking-metrics';
import { fitWeights, TrainingList } from './weight-fitting';

describe('ranking metrics', () => {
  const parentOf = (id: string) => ({ a1: 'A', a2: 'A', b: 'B', c: 'C' })[id] ?? id;

  it('finds the first right answer by company and by group, as score-matching.py does', () => {
    expect(outcomeOf(['a1', 'a2', 'b', 'c'], new Set(['c']), parentOf)).toEqual({ company: 3, parent: 2 });
    expect(outcomeOf(['a1', 'b'], new Set(['a2']), parentOf)).toEqual({ company: null, parent: 0 });
    const outcomes = [outcomeOf(['c', 'b'], new Set(['c']), parentOf), outcomeOf(['a1', 'c'], new Set(['c']), parentOf)];
    expect(metricOf(outcomes, 'mrr', ['g1', 'g2']).value).toBeCloseTo(0.75);
    expect(metricOf(outcomes, 'r1', ['g1', 'g2']).value).toBeCloseTo(0.5);
  });

  it('gives intervals that hold the mean, the same on every run, and a paired difference of zero for the same ranking', () => {
    const values = Array.from({ length: 200 }, (_, i) => (i % 3 === 0 ? 1 : 0));
    const groups = values.map((_, i) => `g${Math.floor(i / 2)}`);
    const e = bootstrapMean(values, groups);
    expect(e.low).toBeLessThan(e.value);
    expect(e.high).toBeGreaterThan(e.value);
    expect(bootstrapMean(values, groups)).toEqual(e);
    const outcomes = values.map((v) => ({ company: v ? 0 : null, parent: null }));
    expect(pairedDifference(outcomes, outcomes, 'mrr', groups)).toEqual({ value: 0, low: 0, high: 0 });
  });
});

describe('weight fitting', () => {
  /** Lists where the right candidate is the one with the highest value of `factor`, and text says nothing. */
  const lists = (factor: FactorKey, n = 40): TrainingList[] =>
    Array.from({ length: n }, (_, i) => {
      const candidates = 6;
      const features = new Float64Array(candidates * FACTOR_KEYS.length);
      const right = i % candidates;
      for (let c = 0; c < candidates; c++) {
        features[c * FACTOR_KEYS.length + FACTOR_KEYS.indexOf('text')] = ((c * 7 + i) % 5) / 5;
        features[c * FACTOR_KEYS.length + FACTOR_KEYS.indexOf(factor)] = c === right ? 0.9 : 0.2;
      }
      return { features, positive: Uint8Array.from({ length: candidates }, (_, c) => Number(c === right)), weight: 1 };
    });

  it('learns the factor that tells the right candidate apart, reproducibly, with weights ≥ 0 adding up to 1', () => {
    const weights = fitWeights(lists('countryExperience'));
    expect(weights.countryExperience).toBeGreaterThan(0.5);
    expect(weights.countryExperience).toBeGreaterThan(weights.text);
    expect(FACTOR_KEYS.every((k) => weights[k] >= 0)).toBe(true);
    expect(FACTOR_KEYS.reduce((s, k) => s + weights[k], 0)).toBeCloseTo(1);
    expect(fitWeights(lists('countryExperience'))).toEqual(weights);
  });

  it('leaves at 0 the factors it may not weigh', () => {
    const weights = fitWeights(lists('countryExperience'), { factors: ['text', 'recency'] });
    expect(weights.countryExperience).toBe(0);
    expect(weights.text + weights.recency).toBeCloseTo(1);
  });
});
