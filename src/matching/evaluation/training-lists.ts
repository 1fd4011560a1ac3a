import { DEFAULT_WEIGHTS, FACTOR_KEYS, FactorKey } from '../match-factors';
import { MeasuredCandidate, rankMeasured } from '../match-scoring';
import { fitWeights, foldOf, TrainingList } from './weight-fitting';

/** A need's measured candidates and its right answers: one question to learn from. */
export interface LabelledCandidates {
  /** Its linked group: questions of one group fall in the same fold. */
  group: string;
  gold: ReadonlySet<string>;
  candidates: MeasuredCandidate[];
}

/** Candidates a training list keeps: the right answers and the best by the default weights (the bulk of the softmax's mass). */
const TRAINING_DEPTH = 100;
export const FOLDS = 5;
/** Held-out projects asked per company at most (see atMostPerCompany). */
export const PER_COMPANY = 3;

/**
 * A learning example from an evaluated case whose right answer stage 1 found (the others teach nothing); candidates
 * in `turnedDown` weigh more against the list.
 */
export function trainingList(
  c: Pick<LabelledCandidates, 'gold' | 'candidates'>,
  weight = 1,
  turnedDown: ReadonlySet<string> = new Set(),
): TrainingList | null {
  if (!c.candidates.some((m) => c.gold.has(m.record.organizationId))) return null;
  const kept = rankMeasured(c.candidates, DEFAULT_WEIGHTS).filter(
    (m, i) => i < TRAINING_DEPTH || c.gold.has(m.record.organizationId) || turnedDown.has(m.record.organizationId),
  );
  const features = new Float64Array(kept.length * FACTOR_KEYS.length);
  kept.forEach((m, i) =>
    FACTOR_KEYS.forEach((k, j) => (features[i * FACTOR_KEYS.length + j] = m.measures.values[k] * m.measures.tradeFit)),
  );
  return {
    features,
    positive: Uint8Array.from(kept, (m) => Number(c.gold.has(m.record.organizationId))),
    negative: turnedDown.size ? Uint8Array.from(kept, (m) => Number(turnedDown.has(m.record.organizationId))) : undefined,
    weight,
  };
}

export const trainingLists = (cases: LabelledCandidates[]): TrainingList[] =>
  cases.map((c) => trainingList(c)).filter((l): l is TrainingList => l !== null);

/**
 * Weights per fold for grouped cross-validation: fold f's weights are learned on the cases of the other folds, so a
 * case is always ranked by weights that never saw it nor anything linked to it (folds by linked group).
 */
export function foldWeights(training: LabelledCandidates[], factors?: readonly FactorKey[]): Array<Record<FactorKey, number>> {
  const lists = training.map((c) => ({ fold: foldOf(c.group, FOLDS), list: trainingList(c) }));
  return Array.from({ length: FOLDS }, (_, f) =>
    fitWeights(
      lists.filter((l) => l.fold !== f && l.list !== null).map((l) => l.list!),
      { factors },
    ),
  );
}
