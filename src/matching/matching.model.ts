import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { NeedModel } from '../needs/need.model';
import { OrganizationModel } from '../organizations/organization.model';
import { ReferenceProjectModel } from '../reference-projects/reference-project.model';
import { FACTOR_KEYS } from './match-factors';

@ObjectType('MatchFactor', { description: 'One reason in a match score: its value, its weight, and what it adds to the score.' })
export class MatchFactorModel {
  @Field({ description: `Stable key of the factor (${FACTOR_KEYS.join(', ')}).` })
  key: string;

  @Field({ description: 'What the factor measures, in words.' })
  label: string;

  @Field(() => Float, { description: 'How well the candidate does on this factor, 0 to 1.' })
  value: number;

  @Field(() => Float, { description: 'The weight of the factor (from configuration; the weights add up to 1).' })
  weight: number;

  @Field(() => Float, {
    description:
      'value × weight × the trade fit of the explanation: what this factor adds to the score. The contributions add up to the score.',
  })
  contribution: number;

  @Field({ description: 'The facts behind the value, e.g. "4 projects in Sudan, latest 2016".' })
  detail: string;
}

@ObjectType('MatchTradeFit', {
  description: 'Whether the candidate’s track record is in trades that build works at all; it scales every contribution.',
})
export class MatchTradeFitModel {
  @Field(() => Float, {
    description:
      '1 for a builder (at least half of the track record builds works); below that, twice the share of the record outside telecommunications, finance and aid in goods.',
  })
  value: number;

  @Field({ description: 'The facts behind the value, e.g. "170 of 190 projects in trades that build nothing …".' })
  detail: string;
}

@ObjectType('MatchFieldStrength', {
  description:
    'How much of the need’s words the best candidate covers: a weak field scales every candidate’s score down, so scores mean the same across needs.',
})
export class MatchFieldStrengthModel {
  @Field(() => Float, {
    description: '1 when the best candidate covers a fifth of the need’s words or more; below, 0.25 + 0.75 × that coverage ÷ 0.2.',
  })
  value: number;

  @Field({ description: 'The facts behind the value, e.g. "the best candidate covers only 9% of the need’s words …".' })
  detail: string;
}

@ObjectType('MatchEvidence', { description: 'A reference project the match cites, and why.' })
export class MatchEvidenceModel {
  @Field(() => ReferenceProjectModel, { description: 'The project (title, country, year …).' })
  referenceProject: ReferenceProjectModel;

  @Field(() => Float, { description: 'How closely the project resembles the need, 0 to 1.' })
  similarity: number;

  @Field(() => [String], { description: 'Why it is cited: same country, same region, similar work, recent …' })
  reasons: string[];
}

@ObjectType('MatchExplanation', { description: 'Why a candidate got its score: every factor and the evidence behind them.' })
export class MatchExplanationModel {
  @Field(() => String, {
    nullable: true,
    description:
      'One sentence for a coordinator, with the rank. Null in meeting suggestions read by members: it compares the pair with the other organisations there, as a match’s summary does (which the sides never see).',
  })
  summary: string | null;

  @Field(() => [MatchFactorModel], { description: 'The factors, largest contribution first; their contributions add up to the score.' })
  factors: MatchFactorModel[];

  @Field(() => MatchTradeFitModel, { description: 'The scale applied to every contribution.' })
  tradeFit: MatchTradeFitModel;

  @Field(() => MatchFieldStrengthModel, { description: 'The second scale applied to every contribution: how strong the need’s field is.' })
  fieldStrength: MatchFieldStrengthModel;

  @Field(() => [MatchEvidenceModel], { description: 'The reference projects that support the match, most similar first.' })
  evidence: MatchEvidenceModel[];

  @Field(() => String, {
    nullable: true,
    description:
      'Said of every candidate when the field is weak: no candidate has a reference project of the need’s kind, or none covers a tenth of its words. Null otherwise. Not repeated in the summary.',
  })
  caveat?: string | null;
}

@ObjectType('MatchCandidate', { description: 'An enterprise ranked for a need.' })
export class MatchCandidateModel {
  @Field(() => Int, { description: 'Position in the ranking, 1 = best.' })
  rank: number;

  @Field(() => Float, { description: 'Score, 0 to 1: the sum of the factor contributions.' })
  score: number;

  @Field(() => OrganizationModel, { description: 'The enterprise.' })
  enterprise: OrganizationModel;

  @Field(() => MatchExplanationModel, { description: 'Why it ranks here.' })
  explanation: MatchExplanationModel;
}

@ObjectType('Opportunity', { description: 'An open need ranked for an enterprise.' })
export class OpportunityModel {
  @Field(() => Int, { description: 'Position in the ranking, 1 = best.' })
  rank: number;

  @Field(() => Float, { description: 'Score, 0 to 1: the sum of the factor contributions.' })
  score: number;

  @Field(() => NeedModel, { description: 'The need.' })
  need: NeedModel;

  @Field(() => MatchExplanationModel, { description: 'Why it ranks here.' })
  explanation: MatchExplanationModel;
}
