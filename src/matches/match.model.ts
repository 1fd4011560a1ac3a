import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ConnectionType } from '../common/pagination';
import { MatchFactorModel, MatchTradeFitModel } from '../matching/match.model';
import { NeedModel } from '../needs/need.model';
import { OrganizationModel } from '../organizations/organization.model';
import { MatchOrigin, MatchOutcomeKind, MatchStatus, SideResponse } from './match-status';

registerEnumType(MatchStatus, {
  name: 'MatchStatus',
  description: 'Where a match stands (docs/NOTIFICATIONS.md has the state diagram).',
  valuesMap: {
    SUGGESTED: { description: 'Ranked by matching or asked for by the enterprise; waits for a coordinator.' },
    SHORTLISTED: { description: 'A coordinator kept it for a closer look.' },
    APPROVED: { description: 'A coordinator approved it (the introduction follows at once).' },
    INTRODUCED: { description: 'Both sides were told; each accepts or declines.' },
    DECLINED: { description: 'One side declined.' },
    ENGAGED: { description: 'Both accepted; each sees the other’s contacts.' },
    OUTCOME_RECORDED: { description: 'A coordinator recorded what came of it.' },
    REJECTED: { description: 'A coordinator rejected it, with a reason.' },
    WITHDRAWN: { description: 'Withdrawn by a coordinator (or by the enterprise, for its own interest).' },
    EXPIRED: { description: 'Nobody acted in time (see MATCH_EXPIRY_DAYS).' },
  },
});
registerEnumType(MatchOrigin, {
  name: 'MatchOrigin',
  description: 'How a match came about.',
  valuesMap: {
    SUGGESTION: { description: 'Ranked by matching.' },
    INTEREST: { description: 'The enterprise asked to be considered (expressInterest).' },
  },
});
registerEnumType(SideResponse, {
  name: 'SideResponse',
  description: 'One side’s answer to an introduction.',
  valuesMap: {
    PENDING: { description: 'Not answered yet.' },
    ACCEPTED: { description: 'Accepted.' },
    DECLINED: { description: 'Declined.' },
  },
});
registerEnumType(MatchOutcomeKind, {
  name: 'MatchOutcomeKind',
  description: 'What came of an engagement.',
  valuesMap: {
    MOU_SIGNED: { description: 'A memorandum of understanding was signed.' },
    PILOT_OR_DEMONSTRATION: { description: 'A pilot or demonstration project started.' },
    CONTRACT: { description: 'A contract was signed.' },
    TRAINING_DELIVERED: { description: 'Technical training was delivered.' },
    NONE: { description: 'Nothing came of it.' },
  },
});

@ObjectType('MatchEvidenceSnapshot', { description: 'A reference project cited when the match was suggested.' })
export class MatchEvidenceSnapshotModel {
  @Field(() => ID, { description: 'The reference project.' })
  referenceProjectId: string;

  @Field({ description: 'Its title.' })
  title: string;

  @Field(() => String, { nullable: true, description: 'Its country (ISO code).' })
  countryCode: string | null;

  @Field(() => Int, { nullable: true, description: 'Its year.' })
  year: number | null;

  @Field(() => Float, { description: 'How closely it resembled the need, 0 to 1.' })
  similarity: number;

  @Field(() => [String], { description: 'Why it was cited.' })
  reasons: string[];
}

@ObjectType('MatchExplanationSnapshot', { description: 'The explanation as it was when the match was suggested: what the coordinator saw.' })
export class MatchExplanationSnapshotModel {
  @Field({ description: 'One sentence.' })
  summary: string;

  @Field(() => [MatchFactorModel], { description: 'The factors; their contributions add up to the score.' })
  factors: MatchFactorModel[];

  @Field(() => MatchTradeFitModel, { description: 'The scale applied to every contribution.' })
  tradeFit: MatchTradeFitModel;

  @Field(() => [MatchEvidenceSnapshotModel], { description: 'The reference projects cited.' })
  evidence: MatchEvidenceSnapshotModel[];
}

@ObjectType('MatchOutcome', { description: 'What came of an engagement.' })
export class MatchOutcomeModel {
  @Field(() => MatchOutcomeKind, { description: 'The kind of outcome.' })
  kind: MatchOutcomeKind;

  @Field({ description: 'When (YYYY-MM-DD).' })
  date: string;

  @Field(() => String, { nullable: true, description: 'A note.' })
  note: string | null;
}

@ObjectType('MatchContact', { description: 'How to reach one side of a match: shown to the other side once both accepted.' })
export class MatchContactModel {
  @Field({ description: 'The organisation.' })
  organization: string;

  @Field(() => String, { nullable: true, description: 'Its contact e-mail.' })
  email: string | null;

  @Field(() => String, { nullable: true, description: 'Its contact phone.' })
  phone: string | null;

  @Field(() => String, { nullable: true, description: 'Its website.' })
  website: string | null;

  @Field(() => [MatchContactPersonModel], { description: 'Its members on WaterBridge.' })
  people: MatchContactPersonModel[];
}

@ObjectType('MatchContactPerson', { description: 'A member of one side.' })
export class MatchContactPersonModel {
  @Field({ description: 'Name.' })
  name: string;

  @Field({ description: 'E-mail.' })
  email: string;
}

@ObjectType('Match', { description: 'A need and an enterprise, paired for the coordinators to review and, once approved, introduced to each other.' })
export class MatchModel {
  @Field(() => ID, { description: 'Identifier.' })
  id: string;

  @Field(() => NeedModel, { description: 'The need.' })
  need: NeedModel;

  @Field(() => OrganizationModel, { description: 'The enterprise.' })
  enterprise: OrganizationModel;

  /** Resolved by the resolver from the need's organisation. */
  agencyId: string;

  @Field(() => MatchOrigin, { description: 'Ranked by matching, or asked for by the enterprise.' })
  origin: MatchOrigin;

  @Field(() => MatchStatus, { description: 'Where it stands.' })
  status: MatchStatus;

  @Field(() => Float, { description: 'Match score when it was suggested, 0 to 1.' })
  score: number;

  @Field(() => Int, { nullable: true, description: 'Rank when it was suggested; null when the enterprise was outside the ranking (an interest).' })
  rank: number | null;

  @Field(() => MatchExplanationSnapshotModel, { description: 'Why, as it was when suggested.' })
  explanation: MatchExplanationSnapshotModel;

  @Field(() => String, { nullable: true, description: 'The enterprise’s message, for an expressed interest.' })
  interestMessage: string | null;

  @Field(() => SideResponse, { description: 'The agency’s answer to the introduction.' })
  agencyResponse: SideResponse;

  @Field(() => SideResponse, { description: 'The enterprise’s answer to the introduction.' })
  enterpriseResponse: SideResponse;

  @Field(() => String, { nullable: true, description: 'Why it was rejected, withdrawn or declined.' })
  reason: string | null;

  @Field(() => MatchOutcomeModel, { nullable: true, description: 'What came of it, once recorded.' })
  outcome: MatchOutcomeModel | null;


  @Field(() => Date, { nullable: true, description: 'When both sides were introduced.' })
  introducedAt: Date | null;

  @Field({ description: 'When it entered its current status (waiting time in the review queue counts from here).' })
  statusChangedAt: Date;

  @Field({ description: 'When it was suggested.' })
  createdAt: Date;

  @Field(() => Int, { description: 'Version for optimistic concurrency: pass it to every move; a stale one gets CONFLICT.' })
  version: number;
}

export const MatchConnection = ConnectionType(MatchModel, 'Match');

@ObjectType('ReviewQueueItem', { description: 'A need with candidates waiting for a coordinator.' })
export class ReviewQueueItemModel {
  @Field(() => NeedModel, { description: 'The need.' })
  need: NeedModel;

  @Field({ description: 'Since when its oldest waiting candidate has waited.' })
  waitingSince: Date;

  @Field(() => Float, { description: 'The best score among its waiting candidates.' })
  bestScore: number;

  @Field(() => Int, { description: 'How many candidates wait.' })
  waitingCount: number;

  @Field(() => [MatchModel], { description: 'The waiting candidates, best score first.' })
  candidates: MatchModel[];
}

export const ReviewQueueConnection = ConnectionType(ReviewQueueItemModel, 'ReviewQueueItem');
