import { DomainError } from '../common/domain-error';

/**
 * Where a match stands. A suggestion (from matching, or an enterprise's expressed interest) is reviewed by
 * coordinators; once approved, both sides are introduced and each accepts or declines for itself; when both accept
 * they are ENGAGED and see each other's contacts; a coordinator finally records the outcome.
 */
export enum MatchStatus {
  SUGGESTED = 'SUGGESTED',
  SHORTLISTED = 'SHORTLISTED',
  APPROVED = 'APPROVED',
  INTRODUCED = 'INTRODUCED',
  DECLINED = 'DECLINED',
  ENGAGED = 'ENGAGED',
  OUTCOME_RECORDED = 'OUTCOME_RECORDED',
  REJECTED = 'REJECTED',
  WITHDRAWN = 'WITHDRAWN',
  EXPIRED = 'EXPIRED',
}

/** How a match came about. */
export enum MatchOrigin {
  /** Ranked by the matching service. */
  SUGGESTION = 'SUGGESTION',
  /** An enterprise asked for it (`expressInterest`). */
  INTEREST = 'INTEREST',
}

/** One side's answer to an introduction. */
export enum SideResponse {
  PENDING = 'PENDING',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
}

export enum MatchOutcomeKind {
  MOU_SIGNED = 'MOU_SIGNED',
  PILOT_OR_DEMONSTRATION = 'PILOT_OR_DEMONSTRATION',
  CONTRACT = 'CONTRACT',
  TRAINING_DELIVERED = 'TRAINING_DELIVERED',
  NONE = 'NONE',
}

/** Statuses a coordinator still has to act on. */
export const AWAITING_REVIEW: readonly MatchStatus[] = [MatchStatus.SUGGESTED, MatchStatus.SHORTLISTED];
/** Before the two sides are introduced: the secretariat's review (APPROVED lasts only inside the approving transaction). */
export const BEFORE_INTRODUCTION: readonly MatchStatus[] = [MatchStatus.SUGGESTED, MatchStatus.SHORTLISTED, MatchStatus.APPROVED];
/** Statuses the two sides can see: they have been introduced. */
export const INTRODUCED_OR_LATER: readonly MatchStatus[] = [MatchStatus.INTRODUCED, MatchStatus.DECLINED, MatchStatus.ENGAGED, MatchStatus.OUTCOME_RECORDED, MatchStatus.EXPIRED];
/** No move leaves these. */
export const FINAL: readonly MatchStatus[] = [MatchStatus.DECLINED, MatchStatus.OUTCOME_RECORDED, MatchStatus.REJECTED, MatchStatus.WITHDRAWN, MatchStatus.EXPIRED];

const NEXT: Record<MatchStatus, readonly MatchStatus[]> = {
  [MatchStatus.SUGGESTED]: [MatchStatus.SHORTLISTED, MatchStatus.APPROVED, MatchStatus.REJECTED, MatchStatus.WITHDRAWN, MatchStatus.EXPIRED],
  [MatchStatus.SHORTLISTED]: [MatchStatus.APPROVED, MatchStatus.REJECTED, MatchStatus.WITHDRAWN, MatchStatus.EXPIRED],
  [MatchStatus.APPROVED]: [MatchStatus.INTRODUCED, MatchStatus.WITHDRAWN],
  [MatchStatus.INTRODUCED]: [MatchStatus.DECLINED, MatchStatus.ENGAGED, MatchStatus.WITHDRAWN, MatchStatus.EXPIRED],
  [MatchStatus.ENGAGED]: [MatchStatus.OUTCOME_RECORDED, MatchStatus.WITHDRAWN],
  [MatchStatus.DECLINED]: [],
  [MatchStatus.OUTCOME_RECORDED]: [],
  [MatchStatus.REJECTED]: [],
  [MatchStatus.WITHDRAWN]: [],
  [MatchStatus.EXPIRED]: [],
};

/**
 * Whether the two sides were ever introduced: from then on both know of the match, whatever became of it (a match
 * withdrawn after its introduction keeps `introducedAt`).
 */
export function wasIntroduced(match: { status: MatchStatus; introducedAt: Date | null }): boolean {
  return match.introducedAt !== null || INTRODUCED_OR_LATER.includes(match.status);
}

export function canMove(from: MatchStatus, to: MatchStatus): boolean {
  return NEXT[from].includes(to);
}

/**
 * Refuses a move the lifecycle does not have, with CONFLICT: the match is in another state than the caller thought.
 * `why` is the reason the match reached its state (e.g. "The need found its partner"): the answer says it.
 */
export function assertMove(from: MatchStatus, to: MatchStatus, why?: string | null): void {
  if (!canMove(from, to)) throw DomainError.conflict(`A match in status ${from} cannot move to ${to}${why ? `: ${why}` : ''}`);
}
