import { DigestFrequency, NotificationEventType } from '../notification-event-type';
import { MatchFacts, MatchSide, MeetingSnapshot, NotificationPayloads } from '../notification-payload';

/*
 * What a language file provides (notification-texts.en.ts, notification-texts.zh.ts). Kept apart from
 * notification-texts.ts, which imports the language files, so that they do not import it back.
 */

export type Party = MatchSide;
/** Where the reader stands: one of the two parties of the match, or outside it (coordinators). */
export type Side = Party | 'NEUTRAL';

/**
 * An event seen by one reader, with the values that depend on the language already formatted. `P` is the payload of
 * its event type as read back, where any field may be missing (an event written by an older version): the texts fall
 * back to plain words. The phrases shared by several events read the facts every match event may carry.
 */
export interface TextView<P = Partial<MatchFacts>> {
  payload: P;
  self: Side;
  /** The party that answered, or the party a reminder is about (`payload.side`). */
  actor: Party | null;
  /** The need's country in the message's language ("Sri Lanka", "斯里兰卡"), when known. */
  countryName: string | null;
  /** The match score as a percentage ("87%"). */
  score: string | null;
  /** The outcome's date in the message's language. */
  outcomeDate: string | null;
  /** The outcome's value with its currency, digits grouped for the language ("1,200,000 USD"), when it has one. */
  outcomeValue: string | null;
  /** An activity's days in the venue's time zone, in the message's language ("10–12 March 2030"), when known. */
  activityDates: string | null;
  /** An activity's registration deadline, day and time in the venue's time zone ("1 March 2030 at 17:00"), when known. */
  registrationDeadline: string | null;
  /** The venue's time zone as the deadline's reader needs it ("GMT+5:30"), when the deadline is known. */
  zoneName: string | null;
  /** A donation's handover day in the message's language ("15 January 2026", "2026年1月15日"), when the payload has one. */
  handedOverOn: string | null;
  /** An ACTIVITY_CHANGED's days and deadline as they were before (the same formats), when the payload has them. */
  before: Pick<TextView, 'activityDates' | 'registrationDeadline' | 'zoneName'> | null;
  /** A meeting's day and times in the venue's time zone, with the zone ("10 March 2030, 14:00–14:20 (GMT+5:30)"); null until scheduled. */
  meetingTime(meeting: MeetingSnapshot): string | null;
}

/** A day of the calendar, as the venue counts it. */
export interface CalendarDay {
  year: number;
  /** 1 (January) to 12. */
  month: number;
  day: number;
}

export interface DetailRow {
  label: string;
  value: string;
  /** Makes the value a link in the HTML (mailto: or http(s): only). */
  href?: string;
}

/** A titled list of label/value rows: contact details, an outcome. */
export interface DetailBlock {
  heading: string;
  rows: DetailRow[];
}

/** The texts of one event for one reader. */
export interface Composed {
  /** In-app title and e-mail subject. */
  title: string;
  /** In-app body, and the e-mail's first paragraph. */
  body: string;
  /** Added to the in-app body only (the e-mail shows the same in `details`). */
  inAppNote?: string;
  /** Further paragraphs of the e-mail. */
  more?: string[];
  details?: DetailBlock[];
  /** The page the e-mail's button opens. */
  link: 'match' | 'need' | 'activity' | 'contributions';
}

export interface Catalogue {
  /** BCP 47 tag for Intl (country names, dates) and the HTML `lang`. */
  locale: string;
  /** Between a label and its value in plain text: ": " or the full-width "：". */
  colon: string;
  events: { [T in NotificationEventType]: (view: TextView<Partial<NotificationPayloads[T]>>) => Composed };
  /** From one day to another (the same day: that day), saying once what both share ("10–12 March 2030"). */
  days(from: CalendarDay, to: CalendarDay): string;
  greeting(displayName: string): string;
  action: Record<Composed['link'], string>;
  signOff: string[];
  preferences: { note: string; link: string };
  digest: {
    subject(count: number, onlyOpportunities: boolean, frequency: DigestFrequency): string;
    intro(frequency: DigestFrequency): string;
  };
}
