import { registerEnumType } from '@nestjs/graphql';
import { DeliveryStatus } from './notification-delivery.entity';
import { DigestFrequency, NotificationChannel, NotificationEventType } from './notification-event-type';

/** The notification enums as GraphQL sees them; imported (for its effect) by every model that uses one. */
registerEnumType(NotificationEventType, {
  name: 'NotificationEventType',
  description: 'What happened, as far as anyone needs telling (in-app, by e-mail or by webhook).',
  valuesMap: {
    MATCH_INTRODUCED: { description: 'A coordinator approved a match: both sides are introduced.' },
    MATCH_ACCEPTED: { description: 'One side accepted an introduction.' },
    MATCH_DECLINED: { description: 'One side declined an introduction.' },
    MATCH_ENGAGED: { description: "Both sides accepted: each gets the other's contacts." },
    MATCH_CLOSED: {
      description:
        'A match a side knew of was closed, with the reason: by the secretariat (an introduction withdrawn, an expressed interest rejected or withdrawn), or with its need (withdrawn, closed, past its deadline, matched).',
    },
    MATCH_OUTCOME_RECORDED: { description: 'A coordinator recorded the outcome of a match.' },
    CANDIDATES_TO_REVIEW: { description: 'New candidates (or an expressed interest) wait in the review queue.' },
    OPPORTUNITY_ALERT: { description: 'A newly published need matches an enterprise well.' },
    MATCH_REMINDER: { description: 'An introduction is still unanswered: a reminder to the silent side.' },
    MATCH_ESCALATED: { description: 'An introduction is still unanswered after the reminder: the approving coordinator hears of it.' },
    ACTIVITY_PUBLISHED: {
      description:
        'An activity was published (open for registration): the member organisations of its programme and its host centre hear of it.',
    },
    ACTIVITY_REGISTRATION_CHANGED: {
      description:
        "Delegates' registrations changed (seat held, waiting list with its position, confirmed, refused, cancelled, promoted from the waiting list): the registering organisation hears of it.",
    },
    ACTIVITY_CHANGED: {
      description:
        "An open activity's days, place or registration deadline changed: the organisations with delegates registered hear of it, with what it was before.",
    },
    CONTRIBUTION_CHANGED: {
      description:
        'An equipment donation or a training course moved (pledged, approved, refused, shipped, handed over, in operation, completed, withdrawn): the recipient, and the giver when the move was not its own; a pledge also the coordinators.',
    },
    MEETING_REQUEST_CHANGED: {
      description:
        'A 1:1 meeting request at an activity: asked for (the invited delegate’s organisation hears of it), accepted or declined (the requester’s), cancelled (the other side’s).',
    },
    MEETINGS_SCHEDULED: {
      description: 'The secretariat scheduled an activity’s meetings: each organisation whose delegates have meetings gets its agenda.',
    },
    MEETING_REMINDER: { description: 'A scheduled meeting starts soon: both organisations are reminded.' },
  },
});

registerEnumType(NotificationChannel, {
  name: 'NotificationChannel',
  description: 'Where a notification goes.',
  valuesMap: {
    IN_APP: { description: 'The notification list inside WaterBridge.' },
    EMAIL: { description: "An e-mail to the user's address." },
    WEBHOOK: { description: "A signed HTTPS call to an organisation's webhook." },
  },
});

registerEnumType(DigestFrequency, {
  name: 'DigestFrequency',
  description: 'How often a user hears of an event type on a channel.',
  valuesMap: {
    IMMEDIATE: { description: 'Each notification as it happens.' },
    DAILY: { description: 'Gathered into one digest a day.' },
    WEEKLY: { description: 'Gathered into one digest a week.' },
  },
});

registerEnumType(DeliveryStatus, {
  name: 'DeliveryStatus',
  description: 'Where an e-mail or webhook delivery stands.',
  valuesMap: {
    PENDING: { description: 'Waiting for its first attempt or for a retry after a failure.' },
    DELIVERED: { description: 'Accepted by the mail server or answered 2xx by the webhook.' },
    DEAD: { description: 'Failed NOTIFICATION_MAX_ATTEMPTS times; parked for an administrator (dead letter).' },
    HELD_FOR_DIGEST: { description: "Held for the recipient's next digest." },
    DIGESTED: { description: 'Sent inside a digest.' },
  },
});
