import { NotificationEventType as T } from './notification-event-type';

export interface PartySnapshot {
  organizationId: string;
  nameEn: string;
  nameZh: string | null;
}

/** Revealed to the other side only once both accepted (staged disclosure). */
export interface ContactSnapshot {
  organization: string;
  email: string | null;
  phone: string | null;
  website: string | null;
  /** Members who can be written to. */
  people: Array<{ name: string; email: string }>;
}

/**
 * What came of an engagement, as the texts name it, and the stages of a collaboration, first to last, as they number
 * them: the values of the matches' MatchOutcomeKind and OUTCOME_STAGES (notifications do not import matches; a
 * spec there checks they agree). NONE closes a collaboration without a concrete result: no stage.
 */
export type OutcomeKind = 'MOU_SIGNED' | 'TRAINING_DELIVERED' | 'PILOT_OR_DEMONSTRATION' | 'CONTRACT' | 'HANDOVER' | 'NONE';
export const OUTCOME_STAGE_KINDS: readonly OutcomeKind[] = [
  'MOU_SIGNED',
  'TRAINING_DELIVERED',
  'PILOT_OR_DEMONSTRATION',
  'CONTRACT',
  'HANDOVER',
];

/** A kind's place among the stages, 1 (MoU) to 5 (handover); null for NONE, which is no stage. */
export function outcomeStageOf(kind: OutcomeKind): number | null {
  const index = OUTCOME_STAGE_KINDS.indexOf(kind);
  return index < 0 ? null : index + 1;
}

/** One outcome of a match's series. Events stored before the series carry only kind, date and note. */
export interface OutcomeSnapshot {
  kind: OutcomeKind;
  date: string;
  value?: number | null;
  currency?: string | null;
  note: string | null;
  /** The furthest stage the collaboration has reached with this outcome; null when none (only NONE recorded). */
  stage?: OutcomeKind | null;
}

/** Who hears of an event; the fan-out turns it into users (and the organisations' webhooks). */
export interface Audience {
  /** Every active member of these organisations, and their webhooks. */
  organizationIds: string[];
  /** These users in person (the approving coordinator…). */
  userIds: string[];
  /** Every active coordinator. */
  coordinators: boolean;
}

/** A side of a match: the side that answered, or the side a reminder is for. */
export type MatchSide = 'AGENCY' | 'ENTERPRISE';

/**
 * What every event says of its need, frozen when it happened: a later rename does not rewrite a sent message. The
 * facts are optional: the texts fall back to plain words ("the agency") where one is missing.
 */
export interface NeedFacts {
  audience: Audience;
  needId?: string;
  needTitle?: string;
  countryCode?: string;
  agency?: PartySnapshot;
  /** Given to organisations only once the sides were introduced; coordinators always get it. */
  score?: number;
}

/** What every event of a match says: its need and both parties. */
export interface MatchFacts extends NeedFacts {
  matchId?: string;
  enterprise?: PartySnapshot;
}

/**
 * Where a delegate's registration stands: the values of the activities' RegistrationStatus (notifications do not import
 * activities; the activities' events only compile while every status is one of these).
 */
export type DelegateStatus = 'PENDING' | 'CONFIRMED' | 'WAITLISTED' | 'CANCELLED' | 'REFUSED';

/** What happened to the registrations an ACTIVITY_REGISTRATION_CHANGED names. */
export type RegistrationChange = 'REGISTERED' | 'CONFIRMED' | 'REFUSED' | 'CANCELLED' | 'PROMOTED';

/** One delegate of a registration event, as the registration stood after the change. */
export interface DelegateSnapshot {
  registrationId: string;
  name: string;
  status: DelegateStatus;
  /** Place on the waiting list (1 first) while WAITLISTED, else null. */
  waitingListPosition: number | null;
  /** The reason of a refusal or cancellation, when one was given. */
  reason: string | null;
}

/**
 * What every activity event says of its activity, frozen when it happened. As with a need's facts, each may be
 * missing when read back, and the texts fall back to plain words.
 */
export interface ActivityFacts {
  audience: Audience;
  activityId?: string;
  /** In English; `titleZh` when the activity has a Chinese title. */
  activityTitle?: string;
  titleZh?: string | null;
  countryCode?: string;
  city?: string | null;
  /** ISO 8601 instants. */
  startsAt?: string;
  endsAt?: string;
  /** The venue's IANA time zone (Asia/Colombo): the texts give dates and times in it. */
  timeZone?: string;
  registrationDeadline?: string;
}

/** An equipment donation or a training course, as a CONTRIBUTION_CHANGED tells it after the move. */
export interface ContributionFacts {
  audience: Audience;
  contribution?: 'DONATION' | 'TRAINING';
  contributionId?: string;
  contributionTitle?: string;
  /** The status it moved to: the values of DonationStatus and TrainingStatus. */
  status?: string;
  giver?: PartySnapshot;
  recipient?: PartySnapshot;
  /** Why it was refused or withdrawn, when said. */
  reason?: string;
  /** A donation's total value and currency, when it has one; its handover day once handed over. */
  value?: number | null;
  currency?: string | null;
  handedOverOn?: string | null;
  /** A course's figures (as planned, or as given once completed). */
  trainees?: number;
  hours?: number;
  certificatesIssued?: number;
}

/** What an ACTIVITY_CHANGED names: the days (or the venue's time zone), the place, the registration deadline. */
export type ActivityChange = 'dates' | 'place' | 'deadline';

/** What happened to the meeting request a MEETING_REQUEST_CHANGED names. */
export type MeetingChange = 'REQUESTED' | 'ACCEPTED' | 'DECLINED' | 'CANCELLED';

/** A delegate in a meeting, as the other side sees them. */
export interface MeetingPartySnapshot {
  name: string;
  organization: string;
  organizationZh?: string | null;
}

/** One 1:1 meeting (or request for one), frozen when the event happened; times once it is scheduled. */
export interface MeetingSnapshot {
  meetingRequestId: string;
  requester: MeetingPartySnapshot;
  invitee: MeetingPartySnapshot;
  message: string;
  reason?: string | null;
  /** ISO 8601 instants of its slot, and its table, once placed. */
  startsAt?: string | null;
  endsAt?: string | null;
  tableNumber?: number | null;
}

/** What an event is about, for a client to link to (the inbox's matchId, needId, activityId, donationId, trainingCourseId). */
export type NotificationSubject = Pick<MatchFacts, 'matchId' | 'needId'> &
  Pick<ActivityFacts, 'activityId'> &
  Pick<ContributionFacts, 'contribution' | 'contributionId'>;

/** The links an in-app notification keeps of its event: a contribution's id goes to the column of its kind. */
export function notificationLinks(subject: NotificationSubject): {
  matchId: string | null;
  needId: string | null;
  activityId: string | null;
  donationId: string | null;
  trainingCourseId: string | null;
} {
  const contributionOf = (kind: ContributionFacts['contribution']) =>
    subject.contribution === kind ? (subject.contributionId ?? null) : null;
  return {
    matchId: subject.matchId ?? null,
    needId: subject.needId ?? null,
    activityId: subject.activityId ?? null,
    donationId: contributionOf('DONATION'),
    trainingCourseId: contributionOf('TRAINING'),
  };
}

/**
 * The payload of each event type: what its producer writes (`NotificationOutboxService.emit`) and what its texts, webhooks
 * and digests read, as stored in `notification_event.payload`.
 */
export interface NotificationPayloads {
  [T.MATCH_INTRODUCED]: MatchFacts;
  [T.MATCH_ACCEPTED]: MatchFacts & { side: MatchSide };
  [T.MATCH_DECLINED]: MatchFacts & { side: MatchSide; reason?: string };
  /** Each side's contacts. */
  [T.MATCH_ENGAGED]: MatchFacts & { contacts: { agency: ContactSnapshot; enterprise: ContactSnapshot } };
  /** `closedWithNeed`: closed because its need stopped taking introductions (withdrawn, closed, matched), not by the secretariat. */
  [T.MATCH_CLOSED]: MatchFacts & { reason: string; closedWithNeed?: boolean };
  /** The outcome just recorded. */
  [T.MATCH_OUTCOME_RECORDED]: MatchFacts & { outcome: OutcomeSnapshot };
  /**
   * How many candidates wait for this need. New suggestions name no match or enterprise (the score is the best
   * one's); an expressed interest names its match and enterprise, with the enterprise's message as `reason`.
   */
  [T.CANDIDATES_TO_REVIEW]: MatchFacts & { candidateCount: number; reason?: string };
  [T.OPPORTUNITY_ALERT]: NeedFacts & { score: number };
  /** `side`: the side the reminder is for; `daysWaiting`: how long the introduction has waited. */
  [T.MATCH_REMINDER]: MatchFacts & { side: MatchSide; daysWaiting: number };
  [T.MATCH_ESCALATED]: MatchFacts & { daysWaiting: number };
  [T.ACTIVITY_PUBLISHED]: ActivityFacts;
  /**
   * The delegates the change concerns, all of the registering organisation: one for a single move, every delegate of
   * a sign-up, or every live one when the activity was cancelled (`activityCancelled`, with the reason on each).
   */
  [T.ACTIVITY_REGISTRATION_CHANGED]: ActivityFacts & {
    change: RegistrationChange;
    delegates: DelegateSnapshot[];
    activityCancelled?: boolean;
  };
  /** What changed (`dates`, `place`, `deadline`), and the activity's facts as they were before (`before`). */
  [T.ACTIVITY_CHANGED]: ActivityFacts & { changes: ActivityChange[]; before: Omit<ActivityFacts, 'audience'> };
  [T.CONTRIBUTION_CHANGED]: ContributionFacts;
  [T.MEETING_REQUEST_CHANGED]: ActivityFacts & { meetingChange: MeetingChange; meeting: MeetingSnapshot };
  /** The organisation's delegates' meetings as now scheduled, in time order, and how many of their accepted requests found no place. */
  [T.MEETINGS_SCHEDULED]: ActivityFacts & { meetings: MeetingSnapshot[]; unplaced: number };
  [T.MEETING_REMINDER]: ActivityFacts & { meeting: MeetingSnapshot; minutesBefore: number };
}

/** The payload of an event of any type: what code that reads events of every type (the fan-out, the digest) holds. */
export type NotificationPayload = NotificationPayloads[T];
