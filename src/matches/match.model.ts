import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Actor, isStaff } from '../access/actor';
import { ConnectionType } from '../common/pagination';
import { MatchFactorModel, MatchTradeFitModel } from '../matching/matching.model';
import { NeedEntity } from '../needs/need.entity';
import { NeedModel, toNeedModel } from '../needs/need.model';
import { OrganizationEntity } from '../organizations/organization.entity';
import { OrganizationModel, toOrganizationModel } from '../organizations/organization.model';
import { MatchEntity } from './match.entity';
import { MatchOutcomeEntity } from './match-outcome.entity';
import { BEFORE_INTRODUCTION, MatchOrigin, MatchOutcomeKind, MatchStatus, SideResponse, wasIntroduced } from './match-status';

registerEnumType(MatchStatus, {
  name: 'MatchStatus',
  description: 'Where a match stands (docs/NOTIFICATIONS.md has the state diagram).',
  valuesMap: {
    SUGGESTED: {
      description:
        'Ranked by matching or asked for by the enterprise; waits for a coordinator. Until the introduction, the enterprise sees its expressed interest as SUGGESTED, whatever step the review is at.',
    },
    SHORTLISTED: {
      description: 'A coordinator kept it for a closer look (coordinators and admins see this step; the enterprise sees SUGGESTED).',
    },
    APPROVED: {
      description:
        'A coordinator approved it. No match rests here: the introduction follows in the same transaction, so the value appears only in audit trails (between the approve and introduce entries) and a filter on it finds nothing.',
    },
    INTRODUCED: { description: 'Both sides were told; each accepts or declines.' },
    DECLINED: { description: 'One side declined.' },
    ENGAGED: { description: 'Both accepted; each sees the other’s contacts.' },
    OUTCOME_RECORDED: { description: 'A coordinator recorded what came of it.' },
    REJECTED: { description: 'A coordinator rejected it, with a reason.' },
    WITHDRAWN: { description: 'Withdrawn by a coordinator (or by the enterprise, for its own interest before the introduction).' },
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
  description:
    'One step of what came of an engagement; the stages in the order a collaboration goes: MoU, training, pilot, contract, handover.',
  valuesMap: {
    MOU_SIGNED: { description: 'Stage 1: a memorandum of understanding was signed.' },
    TRAINING_DELIVERED: { description: 'Stage 2: technical training was delivered.' },
    PILOT_OR_DEMONSTRATION: { description: 'Stage 3: a pilot or demonstration project started.' },
    CONTRACT: { description: 'Stage 4: a contract was signed.' },
    HANDOVER: { description: 'Stage 5: the works or equipment were handed over.' },
    NONE: { description: 'Nothing (more) came of it: no stage.' },
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

@ObjectType('MatchExplanationSnapshot', {
  description: 'The explanation as it was when the match was suggested: what the coordinator saw.',
})
export class MatchExplanationSnapshotModel {
  @Field(() => String, {
    nullable: true,
    description:
      'One sentence, with the rank among the candidates. Coordinators and admins only (null for the sides: it compares the pair with other candidates, and may name one).',
  })
  summary: string | null;

  @Field(() => [MatchFactorModel], { description: 'The factors; their contributions add up to the score.' })
  factors: MatchFactorModel[];

  @Field(() => MatchTradeFitModel, { description: 'The scale applied to every contribution.' })
  tradeFit: MatchTradeFitModel;

  @Field(() => [MatchEvidenceSnapshotModel], { description: 'The reference projects cited.' })
  evidence: MatchEvidenceSnapshotModel[];
}

@ObjectType('MatchOutcome', { description: 'One dated step of what came of an engagement (a match holds a series of them).' })
export class MatchOutcomeModel {
  @Field(() => MatchOutcomeKind, { description: 'The kind of outcome: the stage it marks.' })
  kind: MatchOutcomeKind;

  @Field({ description: 'When it happened (YYYY-MM-DD).' })
  date: string;

  @Field(() => Float, { nullable: true, description: 'What it is worth (e.g. a contract’s value), in `currency`.' })
  value: number | null;

  @Field(() => String, { nullable: true, description: 'ISO 4217 currency of the value.' })
  currency: string | null;

  @Field(() => String, { nullable: true, description: 'A note.' })
  note: string | null;

  @Field({ description: 'When it was recorded.' })
  recordedAt: Date;
}

export function toMatchOutcomeModel(o: MatchOutcomeEntity): MatchOutcomeModel {
  return { kind: o.kind, date: o.date, value: o.value, currency: o.currency?.trim() ?? null, note: o.note, recordedAt: o.createdAt };
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

@ObjectType('Match', {
  description: 'A need and an enterprise, paired for the coordinators to review and, once approved, introduced to each other.',
})
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

  @Field(() => Float, {
    nullable: true,
    description: 'Match score when it was suggested, 0 to 1. Null for the enterprise before the introduction.',
  })
  score: number | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'Rank among the candidates when it was suggested; null when the enterprise was outside the ranking (an interest). Coordinators and admins only.',
  })
  rank: number | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'The version of the matching weights that ranked it (see matchingWeightsHistory); null when the defaults in code ranked it. Coordinators and admins only.',
  })
  weightsVersion: number | null;

  @Field(() => MatchExplanationSnapshotModel, {
    nullable: true,
    description: 'Why, as it was when suggested. Null for the enterprise before the introduction; without its summary for the sides.',
  })
  explanation: MatchExplanationSnapshotModel | null;

  @Field(() => String, { nullable: true, description: 'The enterprise’s message, for an expressed interest.' })
  interestMessage: string | null;

  @Field(() => SideResponse, { description: 'The agency’s answer to the introduction.' })
  agencyResponse: SideResponse;

  @Field(() => SideResponse, { description: 'The enterprise’s answer to the introduction.' })
  enterpriseResponse: SideResponse;

  @Field(() => String, { nullable: true, description: 'Why it was rejected, withdrawn or declined.' })
  reason: string | null;

  @Field(() => Date, { nullable: true, description: 'When both sides were introduced.' })
  introducedAt: Date | null;

  @Field({
    description:
      'When it entered its current status (waiting time in the review queue counts from here). For the enterprise, its interest under review: when the match was made.',
  })
  statusChangedAt: Date;

  @Field({ description: 'When it was suggested.' })
  createdAt: Date;

  @Field(() => Int, { description: 'Version for optimistic concurrency: pass it to every move; a stale one gets CONFLICT.' })
  version: number;
}

export const MatchConnection = ConnectionType(MatchModel, 'Match');

/**
 * A match as `actor` may read it: the one place that decides what a side sees of a match (docs/ACCESS.md, "What a
 * side sees of a match"). Coordinators and admins see everything. Before the introduction the enterprise sees its
 * expressed interest as a candidacy under review — pending, its message, the need — not the secretariat's step, the
 * score, the rank or the explanation. Once introduced, both sides see the pair's score and factors, never the rank
 * or the summary: those compare the pair with the other candidates, and the summary may name one.
 */
export function toMatchModel(m: MatchEntity, actor: Actor): MatchModel {
  const need = m.need as NeedEntity;
  const model: MatchModel = {
    id: m.id,
    need: toNeedModel(need),
    enterprise: toOrganizationModel(m.enterprise as OrganizationEntity, actor),
    agencyId: need.organizationId,
    origin: m.origin,
    status: m.status,
    score: m.score,
    rank: m.rank,
    weightsVersion: m.weightsVersion,
    explanation: m.explanation,
    interestMessage: m.interestMessage,
    agencyResponse: m.agencyResponse,
    enterpriseResponse: m.enterpriseResponse,
    reason: m.reason,
    introducedAt: m.introducedAt,
    statusChangedAt: m.statusChangedAt,
    createdAt: m.createdAt,
    version: m.version,
  };
  if (isStaff(actor)) return model;
  if (wasIntroduced(m)) return { ...model, rank: null, weightsVersion: null, explanation: { ...m.explanation, summary: null } };
  const underReview = BEFORE_INTRODUCTION.includes(m.status);
  return {
    ...model,
    status: statusSeenBy(m, actor),
    score: null,
    rank: null,
    weightsVersion: null,
    explanation: null,
    // The time of the last step would tell that a coordinator shortlisted it.
    statusChangedAt: underReview ? m.createdAt : m.statusChangedAt,
  };
}

/** The status `actor` is shown (in answers and in refusals alike): a side sees no step of the review before the introduction. */
export function statusSeenBy(m: Pick<MatchEntity, 'status'>, actor: Actor): MatchStatus {
  return isStaff(actor) || !BEFORE_INTRODUCTION.includes(m.status) ? m.status : MatchStatus.SUGGESTED;
}

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
