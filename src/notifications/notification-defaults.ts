import { DigestFrequency, NotificationChannel, NotificationEventType } from './notification-event-type';

/** The channels a user chooses for; webhooks are chosen per organisation, by the events each endpoint lists. */
export const PERSONAL_CHANNELS = [NotificationChannel.IN_APP, NotificationChannel.EMAIL] as const;
export type PersonalChannel = (typeof PERSONAL_CHANNELS)[number];

/**
 * Only alerts come in digests: everything else is about a match somebody is waiting on, or about an activity, where a
 * day's delay costs a seat (a registration deadline, a place on the waiting list that became a seat).
 */
export const DIGESTIBLE: readonly NotificationEventType[] = [NotificationEventType.OPPORTUNITY_ALERT];

export interface Preference {
  enabled: boolean;
  frequency: DigestFrequency;
}

/**
 * What applies while a user has not chosen: everything in the app and by e-mail at once, except opportunity alerts by
 * e-mail, which come as a daily digest so a week of new needs is one message, not a flood. Activities' events are on,
 * at once, on both channels: a publication reaches only the organisations of its programme (or its host centre) and is
 * rare, and a registration change is about the reader's own delegates, who may have travel to arrange.
 */
export function defaultPreference(eventType: NotificationEventType, channel: PersonalChannel): Preference {
  if (eventType === NotificationEventType.OPPORTUNITY_ALERT && channel === NotificationChannel.EMAIL)
    return { enabled: true, frequency: DigestFrequency.DAILY };
  return { enabled: true, frequency: DigestFrequency.IMMEDIATE };
}

export const DIGEST_PERIOD_MS: Record<DigestFrequency, number> = {
  [DigestFrequency.IMMEDIATE]: 0,
  [DigestFrequency.DAILY]: 24 * 3600_000,
  [DigestFrequency.WEEKLY]: 7 * 24 * 3600_000,
};
