/** What happened, as far as anyone needs telling. Each type has its payload (NotificationPayloads, with its audience) and its texts (email/notification-texts.*.ts). */
export enum NotificationEventType {
  /** A coordinator approved a match: both sides are introduced. */
  MATCH_INTRODUCED = 'MATCH_INTRODUCED',
  /** One side accepted: the other side and the coordinator hear of it. */
  MATCH_ACCEPTED = 'MATCH_ACCEPTED',
  /** One side declined: the other side and the coordinator hear of it. */
  MATCH_DECLINED = 'MATCH_DECLINED',
  /** Both sides accepted: each gets the other's contacts. */
  MATCH_ENGAGED = 'MATCH_ENGAGED',
  /**
   * The secretariat closed a match a side knew of: an introduction withdrawn (both sides), or an enterprise's
   * expressed interest rejected or withdrawn (the enterprise). With the reason.
   */
  MATCH_CLOSED = 'MATCH_CLOSED',
  /** A coordinator recorded the outcome: both sides. */
  MATCH_OUTCOME_RECORDED = 'MATCH_OUTCOME_RECORDED',
  /** New candidates (or an expressed interest) wait in the review queue: coordinators. */
  CANDIDATES_TO_REVIEW = 'CANDIDATES_TO_REVIEW',
  /** A newly published need matches an enterprise well: its members, subject to their preferences and digests. */
  OPPORTUNITY_ALERT = 'OPPORTUNITY_ALERT',
  /** An introduction is still unanswered: the silent side. */
  MATCH_REMINDER = 'MATCH_REMINDER',
  /** An introduction is still unanswered after the reminder: the approving coordinator. */
  MATCH_ESCALATED = 'MATCH_ESCALATED',
  /** A coordinator published an activity (open for registration): the member organisations of its programme and its host centre. */
  ACTIVITY_PUBLISHED = 'ACTIVITY_PUBLISHED',
  /**
   * Delegates' registrations changed (registered with a seat or on the waiting list, confirmed, refused, cancelled by a
   * coordinator or with the activity, promoted from the waiting list): the registering organisation. One event per
   * change; a sign-up of several delegates, and an activity's cancellation, name all of that organisation's delegates in one.
   */
  ACTIVITY_REGISTRATION_CHANGED = 'ACTIVITY_REGISTRATION_CHANGED',
  /**
   * An open (or closed) activity's days, place or registration deadline changed: the organisations with delegates
   * registered (a seat, pending or confirmed, or the waiting list).
   */
  ACTIVITY_CHANGED = 'ACTIVITY_CHANGED',
  /**
   * An equipment donation or a training course moved (pledged, approved, refused, shipped, handed over, in operation,
   * completed, withdrawn): its recipient, and its giver when the move was not its own; a pledge also the coordinators,
   * who approve it.
   */
  CONTRIBUTION_CHANGED = 'CONTRIBUTION_CHANGED',
  /**
   * A 1:1 meeting request at an activity changed: asked for (the invited delegate's organisation), accepted or declined
   * (the requester's), cancelled (the other side's).
   */
  MEETING_REQUEST_CHANGED = 'MEETING_REQUEST_CHANGED',
  /** A coordinator scheduled an activity's meetings: each organisation whose delegates' agendas changed, with its agenda. */
  MEETINGS_SCHEDULED = 'MEETINGS_SCHEDULED',
  /** A scheduled meeting starts soon: both organisations. */
  MEETING_REMINDER = 'MEETING_REMINDER',
}

export enum NotificationChannel {
  IN_APP = 'IN_APP',
  EMAIL = 'EMAIL',
  WEBHOOK = 'WEBHOOK',
}

/** How often a user hears of an event type on a channel. Digests gather alerts into one message per period. */
export enum DigestFrequency {
  IMMEDIATE = 'IMMEDIATE',
  DAILY = 'DAILY',
  WEEKLY = 'WEEKLY',
}
