import { DomainError } from '../common/domain-error';

/**
 * Where a match stands. A suggestion (from matching, or an enterprise's expressed interest) is reviewed by
 * coordinators; once approved, both sides are introduced and each accepts or declines for itself; when both accept
 * they are ENGAGED and see each other's contacts; a coordinator then records its outcomes, a dated series (MoU, pilot,
 * contract, handover…): the first moves it to OUTCOME_RECORDED, the later ones are added there.
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

/**
 * One step of what came of an engagement. A collaboration goes MoU → (training) → pilot → contract → handover; the
 * stages are listed in that order (OUTCOME_STAGES). NONE closes a collaboration without a concrete result: no stage.
 */
export enum MatchOutcomeKind {
  MOU_SIGNED = 'MOU_SIGNED',
  TRAINING_DELIVERED = 'TRAINING_DELIVERED',
  PILOT_OR_DEMONSTRATION = 'PILOT_OR_DEMONSTRATION',
  CONTRACT = 'CONTRACT',
  HANDOVER = 'HANDOVER',
  NONE = 'NONE',
}

/** The stages of a collaboration, first to last. */
export const OUTCOME_STAGES: readonly MatchOutcomeKind[] = [
  MatchOutcomeKind.MOU_SIGNED,
  MatchOutcomeKind.TRAINING_DELIVERED,
  MatchOutcomeKind.PILOT_OR_DEMONSTRATION,
  MatchOutcomeKind.CONTRACT,
  MatchOutcomeKind.HANDOVER,
];

/** A kind's place among the stages, 1 (MoU) to 5 (handover); null for NONE, which is no stage. */
export function stageOf(kind: MatchOutcomeKind): number | null {
  const index = OUTCOME_STAGES.indexOf(kind);
  return index < 0 ? null : index + 1;
}

/**
 * The furthest stage a series of outcomes reached, whatever order they were recorded in (training may follow a
 * contract); null when none of them is a stage.
 */
export function furthestStage(kinds: Iterable<MatchOutcomeKind>): MatchOutcomeKind | null {
  let furthest: MatchOutcomeKind | null = null;
  for (const kind of kinds) {
    const stage = stageOf(kind);
    if (stage !== null && (furthest === null || stage > (stageOf(furthest) as number))) furthest = kind;
  }
  return furthest;
}

/** Statuses a coordinator still has to act on. */
export const AWAITING_REVIEW: readonly MatchStatus[] = [MatchStatus.SUGGESTED, MatchStatus.SHORTLISTED];
/** Before the two sides are introduced: the secretariat's review (APPROVED lasts only inside the approving transaction). */
export const BEFORE_INTRODUCTION: readonly MatchStatus[] = [MatchStatus.SUGGESTED, MatchStatus.SHORTLISTED, MatchStatus.APPROVED];
/** Statuses the two sides can see: they have been introduced. */
export const INTRODUCED_OR_LATER: readonly MatchStatus[] = [
  MatchStatus.INTRODUCED,
  MatchStatus.DECLINED,
  MatchStatus.ENGAGED,
  MatchStatus.OUTCOME_RECORDED,
  MatchStatus.EXPIRED,
];
/** No move leaves these. */
export const FINAL: readonly MatchStatus[] = [
  MatchStatus.DECLINED,
  MatchStatus.OUTCOME_RECORDED,
  MatchStatus.REJECTED,
  MatchStatus.WITHDRAWN,
  MatchStatus.EXPIRED,
];

const NEXT: Record<MatchStatus, readonly MatchStatus[]> = {
  [MatchStatus.SUGGESTED]: [
    MatchStatus.SHORTLISTED,
    MatchStatus.APPROVED,
    MatchStatus.REJECTED,
    MatchStatus.WITHDRAWN,
    MatchStatus.EXPIRED,
  ],
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

const HOUR_MS = 3600_000;

/** The calendar day (YYYY-MM-DD) at `moment` in the time zone `offsetHours` from UTC. */
function dayAt(moment: Date, offsetHours: number): string {
  return new Date(moment.getTime() + offsetHours * HOUR_MS).toISOString().slice(0, 10);
}

/**
 * Why an outcome's date (YYYY-MM-DD) cannot be, or null: it lies in the future, or before the two sides were
 * introduced. A date has no time zone, so each bound is taken where it is most generous — "today" in the
 * easternmost zone (UTC+14), the introduction's day in the westernmost (UTC−12) — so no reader anywhere is refused
 * the date on their own calendar.
 */
export function outcomeDateProblem(date: string, introducedAt: Date | null, now: Date): string | null {
  const latest = dayAt(now, 14);
  if (date > latest) return `date ${date} is in the future (today is ${dayAt(now, 0)} UTC)`;
  if (introducedAt) {
    const earliest = dayAt(introducedAt, -12);
    if (date < earliest) return `date ${date} is before the two sides were introduced (${dayAt(introducedAt, 0)})`;
  }
  return null;
}
