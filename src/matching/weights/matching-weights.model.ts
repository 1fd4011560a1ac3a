import { Field, Float, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Language } from '../../access/actor';
import { EXPLANATION_TEXTS } from '../explanation-texts';
import { FACTOR_KEYS, FactorKey } from '../match-factors';
import { Estimate } from '../evaluation/ranking-metrics';
import { MatchingWeightsEntity, WeightsStatus } from './matching-weights.entity';

registerEnumType(WeightsStatus, {
  name: 'MatchingWeightsStatus',
  description: 'Whether a refit of the matching weights ranks now, did before, or was refused.',
  valuesMap: {
    ACTIVE: { description: 'Ranks every need now.' },
    RETIRED: { description: 'Ranked until a later refit replaced it.' },
    REFUSED: { description: 'Lost to the weights in force on the held-out projects: never used.' },
  },
});

@ObjectType('FactorWeight', { description: 'One factor of the match score and its weight.' })
export class FactorWeightModel {
  @Field({ description: `The factor's key (${FACTOR_KEYS.join(', ')}).` })
  factor: string;

  @Field({ description: 'What it measures, in words.' })
  label: string;

  @Field(() => Float, { description: 'Its weight; the weights add up to 1. A factor at 0 is shown in explanations as information only.' })
  weight: number;
}

@ObjectType('Estimate', { description: 'A figure with its 95% bootstrap interval.' })
export class EstimateModel {
  @Field(() => Float, { description: 'The figure measured.' })
  value: number;

  @Field(() => Float, { description: 'Lower end of its 95% interval.' })
  low: number;

  @Field(() => Float, { description: 'Upper end of its 95% interval.' })
  high: number;
}

@ObjectType('MatchingWeights', { description: 'A version of the matching weights: what it was learned from and how it did.' })
export class MatchingWeightsModel {
  @Field(() => Int, { description: 'Its version; every suggestion records the version that ranked it.' })
  version: number;

  @Field(() => WeightsStatus, { description: 'Whether it ranks now, did before, or was refused.' })
  status: WeightsStatus;

  @Field(() => [FactorWeightModel], { description: 'Every factor with its learned weight.' })
  weights: FactorWeightModel[];

  @Field({ description: 'When it was learned.' })
  learnedAt: Date;

  @Field({ description: 'What started the refit: cli or schedule.' })
  learnedBy: string;

  @Field(() => Int, { description: 'Held-out projects of the track records it learned from.' })
  historicalExamples: number;

  @Field(() => Int, { description: 'Coordinators’ and parties’ decisions it learned from.' })
  decisions: number;

  @Field(() => Int, { description: 'Held-out projects it was judged on (out of fold).' })
  evaluatedCases: number;

  @Field(() => EstimateModel, { description: 'Its MRR on the held-out projects, out of fold.' })
  mrr: EstimateModel;

  @Field(() => EstimateModel, { description: 'Its recall at 10 on the held-out projects, out of fold.' })
  recallAt10: EstimateModel;

  @Field(() => EstimateModel, { nullable: true, description: 'The weights then in force, on the same cases.' })
  previousMrr: Estimate | null;

  @Field(() => EstimateModel, { nullable: true, description: 'Paired MRR difference from the weights then in force.' })
  mrrGain: Estimate | null;

  @Field(() => String, { nullable: true, description: 'Why it was refused, or what it replaced.' })
  reason: string | null;
}

@ObjectType('MatchingWeightsInForce', { description: 'The weights that rank now.' })
export class MatchingWeightsInForceModel {
  @Field(() => Int, { nullable: true, description: 'The learned version in force; null when the defaults or MATCH_WEIGHTS rank.' })
  version: number | null;

  @Field(() => [FactorWeightModel], { description: 'Every factor with the weight it has now.' })
  weights: FactorWeightModel[];

  @Field(() => MatchingWeightsModel, { nullable: true, description: 'The learned record in force, with its figures.' })
  record: MatchingWeightsModel | null;
}

/** Every factor with its weight, labelled in `language` (the explanations' own words). */
export const factorWeights = (weights: Record<FactorKey, number>, language: Language): FactorWeightModel[] =>
  FACTOR_KEYS.map((factor) => ({
    factor,
    label: EXPLANATION_TEXTS[language].labels[factor],
    weight: Math.round((weights[factor] ?? 0) * 10_000) / 10_000,
  }));

export const toMatchingWeightsModel = (r: MatchingWeightsEntity, language: Language): MatchingWeightsModel => ({
  version: r.version,
  status: r.status,
  weights: factorWeights(r.weights, language),
  learnedAt: r.learnedAt,
  learnedBy: r.learnedBy,
  historicalExamples: r.historicalExamples,
  decisions: r.decisions,
  evaluatedCases: r.figures.cases,
  mrr: r.figures.mrr,
  recallAt10: r.figures.r10,
  previousMrr: r.figures.current?.mrr ?? null,
  mrrGain: r.figures.gain,
  reason: r.reason,
});
