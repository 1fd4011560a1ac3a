import { MatchOutcomeKind } from '../matches/match-status';

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

/** One outcome of a match's series. Events stored before the series carry only kind, date and note. */
export interface OutcomeSnapshot {
  kind: MatchOutcomeKind;
  date: string;
  value?: number | null;
  currency?: string | null;
  note: string | null;
  /** The furthest stage the collaboration has reached with this outcome; null when none (only NONE recorded). */
  stage?: MatchOutcomeKind | null;
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

/** What the texts of an event need, frozen when it happened: a later rename does not rewrite a sent message. */
export interface NotificationPayload {
  audience: Audience;
  matchId?: string;
  needId?: string;
  needTitle?: string;
  countryCode?: string;
  agency?: PartySnapshot;
  enterprise?: PartySnapshot;
  score?: number;
  /** The side that answered, or the side a reminder is for. */
  side?: 'AGENCY' | 'ENTERPRISE';
  reason?: string;
  /** MATCH_CLOSED: closed because its need stopped taking introductions (withdrawn, closed, matched), not by the secretariat. */
  closedWithNeed?: boolean;
  /** MATCH_ENGAGED: each side's contacts. */
  contacts?: { agency: ContactSnapshot; enterprise: ContactSnapshot };
  /** MATCH_OUTCOME_RECORDED: the outcome just recorded. */
  outcome?: OutcomeSnapshot;
  /** CANDIDATES_TO_REVIEW: how many wait for this need. */
  candidateCount?: number;
  /** The introduction a reminder is about: how many days it has waited. */
  daysWaiting?: number;
}
