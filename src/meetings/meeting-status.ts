import { DomainError } from '../common/domain-error';

export enum MeetingRequestStatus {
  /** Sent; the invited delegate's organisation answers. */
  REQUESTED = 'REQUESTED',
  /** Both sides want it: the scheduler gives it a slot and a table. */
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
  /** Withdrawn by either side or the secretariat, or because a delegate's registration ended. */
  CANCELLED = 'CANCELLED',
}

/** A request's lifecycle: REQUESTED → ACCEPTED or DECLINED; REQUESTED or ACCEPTED → CANCELLED. */
const ALLOWED: Record<MeetingRequestStatus, readonly MeetingRequestStatus[]> = {
  [MeetingRequestStatus.REQUESTED]: [MeetingRequestStatus.ACCEPTED, MeetingRequestStatus.DECLINED, MeetingRequestStatus.CANCELLED],
  [MeetingRequestStatus.ACCEPTED]: [MeetingRequestStatus.CANCELLED],
  [MeetingRequestStatus.DECLINED]: [],
  [MeetingRequestStatus.CANCELLED]: [],
};

export function assertMeetingMove(from: MeetingRequestStatus, to: MeetingRequestStatus): void {
  if (!ALLOWED[from].includes(to)) throw DomainError.conflict(`A meeting request in status ${from} cannot move to ${to}`);
}

/** Requests that still stand: at most one per pair of delegates. */
export const LIVE_MEETING_STATUSES: readonly MeetingRequestStatus[] = [MeetingRequestStatus.REQUESTED, MeetingRequestStatus.ACCEPTED];
