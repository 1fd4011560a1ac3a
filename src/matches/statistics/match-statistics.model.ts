import { ArgsType, Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { IsDate, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { MatchOrigin, MatchOutcomeKind, MatchStatus } from '../match-status';
// The GraphQL enums of match statuses, origins and outcomes are registered there.
import '../match.model';

@ArgsType()
export class MatchStatisticsArgs {
  @Field({ nullable: true, description: 'Matches made from this moment (inclusive); default: 90 days before `until`.' })
  @IsOptional()
  @IsDate()
  since?: Date;

  @Field({ nullable: true, description: 'Matches made before this moment; default: now.' })
  @IsOptional()
  @IsDate()
  until?: Date;

  @Field(() => String, { nullable: true, description: 'Only needs in this country (ISO code).' })
  @IsOptional()
  @Matches(/^[A-Z]{2}$/, { message: 'countryCode must be an ISO 3166 alpha-2 code such as LK' })
  countryCode?: string;

  @Field(() => String, { nullable: true, description: 'Only needs in countries of this region (as in `countries`: Africa, Asia …).' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  region?: string;
}

@ObjectType('MatchStatusCount', { description: 'Matches in one status.' })
export class MatchStatusCount {
  @Field(() => MatchStatus, { description: 'The status.' })
  status: MatchStatus;
  @Field(() => Int, { description: 'How many matches are in it.' })
  count: number;
}

@ObjectType('MatchOriginCount', { description: 'Matches of one origin.' })
export class MatchOriginCount {
  @Field(() => MatchOrigin, { description: 'Suggested by matching, or asked for by the enterprise.' })
  origin: MatchOrigin;
  @Field(() => Int, { description: 'How many matches came about this way.' })
  count: number;
}

@ObjectType('MatchOutcomeCount', { description: 'Outcomes of one kind.' })
export class MatchOutcomeCount {
  @Field(() => MatchOutcomeKind, { description: 'The kind of outcome.' })
  kind: MatchOutcomeKind;
  @Field(() => Int, { description: 'How many matches recorded it (a match counts once per kind, however many it recorded).' })
  count: number;
}

@ObjectType('MatchStageCount', { description: 'Matches whose outcomes reached one stage and went no further.' })
export class MatchStageCount {
  @Field(() => MatchOutcomeKind, { description: 'The furthest stage reached (MoU → training → pilot → contract → handover).' })
  stage: MatchOutcomeKind;
  @Field(() => Int, { description: 'How many matches got this far and no further.' })
  count: number;
}

@ObjectType('MatchFunnel', { description: 'How many of the matches reached each stage (whatever happened after).' })
export class MatchFunnel {
  @Field(() => Int, { description: 'All matches: suggestions and expressed interests.' })
  suggested: number;
  @Field(() => Int, { description: 'Approved by a coordinator and introduced to both sides.' })
  introduced: number;
  @Field(() => Int, { description: 'Accepted by both sides.' })
  engaged: number;
  @Field(() => Int, { description: 'With at least one outcome recorded.' })
  outcomeRecorded: number;
}

@ObjectType('CountryMatchCount', { description: 'The matches of the needs of one country.' })
export class CountryMatchCount {
  @Field({ description: 'The country of the needs (ISO code).' })
  countryCode: string;
  @Field(() => Int, { description: 'Matches made.' })
  matches: number;
  @Field(() => Int, { description: 'Of those, introduced.' })
  introduced: number;
  @Field(() => Int, { description: 'Of those, engaged.' })
  engaged: number;
}

@ObjectType('MatchStatistics', {
  description: 'The secretariat’s pipeline over a period: matches made in it, where they stand and how fast they moved.',
})
export class MatchStatistics {
  @Field({ description: 'Start of the period (matches made from then).' })
  since: Date;
  @Field({ description: 'End of the period (matches made before then).' })
  until: Date;
  @Field(() => MatchFunnel, { description: 'How many matches reached each stage.' })
  funnel: MatchFunnel;
  @Field(() => [MatchStatusCount], { description: 'Where the matches stand now, by status (statuses with none left out).' })
  byStatus: MatchStatusCount[];
  @Field(() => [MatchOriginCount], { description: 'The matches by how they came about.' })
  byOrigin: MatchOriginCount[];
  @Field(() => [MatchOutcomeCount], { description: 'Outcomes recorded, by kind: how many matches recorded each.' })
  outcomes: MatchOutcomeCount[];
  @Field(() => [MatchStageCount], {
    description: 'The matches by the furthest stage their outcomes reached, first stage first (stages none reached left out).',
  })
  stages: MatchStageCount[];
  @Field(() => Float, {
    nullable: true,
    description: 'Median hours from a match being made to its introduction; null when none was introduced.',
  })
  medianHoursToIntroduction: number | null;
  @Field(() => Float, { nullable: true, description: 'Median hours from introduction to both sides accepting; null when none engaged.' })
  medianHoursToEngagement: number | null;
  @Field(() => [CountryMatchCount], { description: 'The 20 countries with the most matches, most first.' })
  countries: CountryMatchCount[];
}
