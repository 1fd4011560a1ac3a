import { DigestFrequency, NotificationEventType as T } from '../notification-event-type';
import {
  ActivityFacts,
  ContributionFacts,
  ContactSnapshot,
  DelegateSnapshot,
  MeetingPartySnapshot,
  MeetingSnapshot,
  NotificationPayloads,
  OUTCOME_STAGE_KINDS,
  OutcomeKind,
  OutcomeSnapshot,
  outcomeStageOf,
} from '../notification-payload';
import type { CalendarDay, Catalogue, Composed, DetailBlock, DetailRow, Party, TextView } from './notification-catalogue';

// ---- Phrases shared by the English texts ----

const agency = (v: TextView) => v.payload.agency?.nameEn ?? 'the agency';
const enterprise = (v: TextView) => v.payload.enterprise?.nameEn ?? 'the enterprise';
const nameOf = (v: TextView, party: Party) => (party === 'AGENCY' ? agency(v) : enterprise(v));
const other = (party: Party): Party => (party === 'AGENCY' ? 'ENTERPRISE' : 'AGENCY');
/** “Title”, or a plain noun when the payload has none. */
const need = (v: TextView) => (v.payload.needTitle ? `“${v.payload.needTitle}”` : 'the need');
const yourNeed = (v: TextView) => (v.payload.needTitle ? `your need “${v.payload.needTitle}”` : 'your need');
/** " in Sri Lanka (LK)" */
const where = (v: TextView) =>
  v.payload.countryCode ? ` in ${v.countryName ? `${v.countryName} (${v.payload.countryCode})` : v.payload.countryCode}` : '';
const days = (n: number) => `${n} ${n === 1 ? 'day' : 'days'}`;
const ourOrganisation = (party: Party) => (party === 'AGENCY' ? 'Your organisation' : 'Your company');
const scoreLine = (v: TextView) => (v.score ? [`Match score: ${v.score}.`] : []);
/** Spelled out by the organisation itself, so only its own words go in quotes. */
const reasonLine = (v: TextView<Partial<NotificationPayloads[T.MATCH_DECLINED]>>) =>
  v.payload.reason?.trim() ? [`Reason given: “${v.payload.reason.trim()}”`] : [];

const OUTCOMES: Record<OutcomeKind, string> = {
  MOU_SIGNED: 'memorandum of understanding signed',
  TRAINING_DELIVERED: 'training delivered',
  PILOT_OR_DEMONSTRATION: 'pilot or demonstration project',
  CONTRACT: 'contract signed',
  HANDOVER: 'works or equipment handed over',
  NONE: 'closed without a concrete outcome',
};

/** An outcome's date, value and the stage reached (the kind is in the sentence, the note in the e-mail only). */
function outcomeRows(v: TextView, o: OutcomeSnapshot): DetailRow[] {
  const stage = o.stage ? outcomeStageOf(o.stage) : null;
  return [
    ...(v.outcomeDate ? [{ label: 'Date', value: v.outcomeDate }] : []),
    ...(v.outcomeValue ? [{ label: 'Value', value: v.outcomeValue }] : []),
    ...(o.stage && stage
      ? [{ label: 'Stage reached', value: `${OUTCOMES[o.stage]} (stage ${stage} of ${OUTCOME_STAGE_KINDS.length})` }]
      : []),
  ];
}

function contactBlock(name: string, c: ContactSnapshot): DetailBlock {
  return {
    heading: `Contact details of ${name}`,
    rows: [
      { label: 'Organisation', value: c.organization },
      ...(c.email ? [{ label: 'E-mail', value: c.email, href: `mailto:${c.email}` }] : []),
      ...(c.phone ? [{ label: 'Phone', value: c.phone }] : []),
      ...(c.website ? [{ label: 'Website', value: c.website, href: c.website }] : []),
      ...c.people.map((p) => ({ label: 'Contact person', value: `${p.name} <${p.email}>`, href: `mailto:${p.email}` })),
    ],
  };
}

/** The other party's contacts in one line, for the in-app notification. */
function contactLine(c: ContactSnapshot): string {
  const parts = [...c.people.map((p) => `${p.name} (${p.email})`), c.email, c.phone].filter((p): p is string => !!p);
  return parts.length ? `Contact: ${parts.join(', ')}.` : '';
}

/** One side answered the introduction: worded for the other side, the answering side itself, or the secretariat. */
function answered(v: TextView, verb: 'accepted' | 'declined'): Pick<Composed, 'title' | 'body'> {
  const a = v.actor;
  if (!a)
    return {
      title: `Introduction ${verb}: ${need(v)}`,
      body: `The introduction between ${agency(v)} and ${enterprise(v)} for ${need(v)} has been ${verb}.`,
    };
  if (v.self === a)
    return {
      title: `${ourOrganisation(a)} ${verb} the introduction`,
      body: `${ourOrganisation(a)} has ${verb} the introduction to ${nameOf(v, other(a))} for ${need(v)}.`,
    };
  if (v.self === 'AGENCY')
    return {
      title: `${enterprise(v)} ${verb} the introduction`,
      body: `${enterprise(v)} has ${verb} the introduction for ${yourNeed(v)}.`,
    };
  if (v.self === 'ENTERPRISE')
    return {
      title: `${agency(v)} ${verb} the introduction`,
      body: `${agency(v)} has ${verb} the introduction to your company for ${need(v)}.`,
    };
  return {
    title: `${nameOf(v, a)} ${verb} an introduction`,
    body: `${nameOf(v, a)} has ${verb} the introduction to ${nameOf(v, other(a))} for ${need(v)}.`,
  };
}

// ---- Activities ----

type ActivityView = TextView<Partial<ActivityFacts>>;
type RegistrationView = TextView<Partial<NotificationPayloads[T.ACTIVITY_REGISTRATION_CHANGED]>>;

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "10 March 2030", "10–12 March 2030", "28 February – 2 March 2030", "30 December 2030 – 2 January 2031". */
function dayRange(from: CalendarDay, to: CalendarDay): string {
  const full = (d: CalendarDay) => `${d.day} ${MONTHS[d.month - 1]} ${d.year}`;
  if (from.year !== to.year) return `${full(from)} – ${full(to)}`;
  if (from.month !== to.month) return `${from.day} ${MONTHS[from.month - 1]} – ${full(to)}`;
  return from.day === to.day ? full(from) : `${from.day}–${full(to)}`;
}

/** “Title”, or a plain noun when the payload has none. */
const activity = (v: ActivityView) => (v.payload.activityTitle ? `“${v.payload.activityTitle}”` : 'the activity');
const Activity = (v: ActivityView) => (v.payload.activityTitle ? activity(v) : 'The activity');
/** "10–12 March 2030, Colombo, Sri Lanka", as much of it as is known. */
const whenWhere = (v: ActivityView) =>
  [v.activityDates, v.payload.city?.trim(), v.countryName ?? v.payload.countryCode].filter((p): p is string => !!p).join(', ');
/** " (10–12 March 2030, Colombo, Sri Lanka)" */
const inBrackets = (v: ActivityView) => (whenWhere(v) ? ` (${whenWhere(v)})` : '');
const deadlineLine = (v: ActivityView) =>
  v.registrationDeadline ? [`Registration closes on ${v.registrationDeadline}${v.zoneName ? ` (${v.zoneName})` : ''}.`] : [];

/** Where one delegate stands, in a list. */
function standing(d: DelegateSnapshot, withReason: boolean): string {
  const why = withReason && d.reason?.trim() ? ` (“${d.reason.trim()}”)` : '';
  switch (d.status) {
    case 'PENDING':
      return 'seat held, to be confirmed by the secretariat';
    case 'WAITLISTED':
      return d.waitingListPosition ? `waiting list, number ${d.waitingListPosition}` : 'waiting list';
    case 'CONFIRMED':
      return 'confirmed';
    case 'REFUSED':
      return `refused${why}`;
    case 'CANCELLED':
      return `cancelled${why}`;
  }
}

/** The reason every delegate shares (a cancelled activity's, a single delegate's), when one was given. */
function sharedReason(delegates: DelegateSnapshot[]): string | null {
  const reasons = new Set(delegates.map((d) => d.reason?.trim() ?? ''));
  const [only] = reasons;
  return reasons.size === 1 && only ? only : null;
}

/** "3 hold seats and 1 is on the waiting list" */
function split(held: number, waiting: number): string {
  const seats = `${held} ${held === 1 ? 'holds a seat' : 'hold seats'}`;
  const list = `${waiting} ${waiting === 1 ? 'is' : 'are'} on the waiting list`;
  if (waiting === 0) return seats;
  return held === 0 ? `all ${list}` : `${seats} and ${list}`;
}

/** The sentence, title and list of a registration change: the list (in the app and the e-mail) when it names several delegates. */
function registrationChanged(v: RegistrationView): Composed {
  const delegates = v.payload.delegates ?? [];
  const n = delegates.length;
  const one = n === 1 ? delegates[0] : undefined;
  const who = one ? one.name : n > 1 ? `${n} of your delegates` : 'your delegates';
  /** "Registration confirmed: Li Wei for “Title”", as much of it as is known. */
  const title = (what: string) => {
    const about = [one?.name, v.payload.activityTitle ? activity(v) : undefined].filter((p): p is string => !!p).join(' for ');
    return about ? `${what}: ${about}` : what;
  };
  const reason = sharedReason(delegates);
  const reasonLines = reason ? [`Reason: “${reason}”`] : [];
  const list = n > 1 ? delegates.map((d) => ({ label: d.name, value: standing(d, !reason) })) : [];
  const listNote = list.length ? list.map((r) => `${r.label}: ${r.value}`).join('; ') + '.' : undefined;
  const texts = (heading: string, body: string, more: string[] = []): Composed => ({
    title: heading,
    body,
    inAppNote: [listNote, ...reasonLines].filter((p): p is string => !!p).join(' ') || undefined,
    more: [...reasonLines, ...more],
    details: list.length ? [{ heading: `Your delegates for ${activity(v)}`, rows: list }] : [],
    link: 'activity',
  });
  const confirms = 'The secretariat confirms each seat held.';
  switch (v.payload.change) {
    case 'REGISTERED': {
      if (one?.status === 'WAITLISTED') {
        const place = one.waitingListPosition ? ` as number ${one.waitingListPosition}` : '';
        return texts(
          title(one.waitingListPosition ? `Waiting list, number ${one.waitingListPosition}` : 'Waiting list'),
          `Every seat at ${activity(v)}${inBrackets(v)} is taken: ${one.name} is on the waiting list${place}, and moves up as seats free.`,
        );
      }
      if (one)
        return texts(title('Seat held'), `${one.name} is registered for ${activity(v)}${inBrackets(v)} and holds a seat.`, [confirms]);
      const held = delegates.filter((d) => d.status === 'PENDING').length;
      const waiting = delegates.filter((d) => d.status === 'WAITLISTED').length;
      const registered = n > 1 ? `${n} delegates registered` : 'Delegates registered';
      return texts(
        v.payload.activityTitle ? `${registered} for ${activity(v)}` : registered,
        // Said of the organisation, not by it: a coordinator may have registered them.
        `${n > 1 ? `${n} delegates` : 'Delegates'} of your organisation are registered for ${activity(v)}${inBrackets(v)}${n > 1 ? `: ${split(held, waiting)}` : ''}.`,
        held > 0 ? [confirms] : [],
      );
    }
    case 'CONFIRMED':
      return texts(
        title('Registration confirmed'),
        `The secretariat has confirmed the registration of ${who} for ${activity(v)}${inBrackets(v)}.`,
      );
    case 'REFUSED':
      return texts(
        title('Registration refused'),
        `The secretariat has refused the registration of ${who} for ${activity(v)}${inBrackets(v)}.`,
      );
    case 'CANCELLED':
      if (v.payload.activityCancelled)
        return texts(
          v.payload.activityTitle ? `Activity cancelled: ${activity(v)}` : 'Activity cancelled',
          `${Activity(v)}${inBrackets(v)} has been cancelled, and with it the registration of ${who}.`,
        );
      return texts(
        title('Registration cancelled'),
        `The secretariat has cancelled the registration of ${who} for ${activity(v)}${inBrackets(v)}.`,
      );
    case 'PROMOTED':
      return texts(
        title('Seat now held'),
        `A seat at ${activity(v)}${inBrackets(v)} has freed up: ${who} ${one ? 'has' : 'have'} moved up from the waiting list and now ${one ? 'holds a seat' : 'hold seats'}.`,
        [confirms],
      );
    case undefined:
      return texts(title('Registration update'), `The registration of ${who} for ${activity(v)}${inBrackets(v)} has changed.`);
  }
}

// ---- Donations and training ----

type ContributionView = TextView<Partial<ContributionFacts>>;

function contributionChanged(v: ContributionView): Composed {
  const p = v.payload;
  const training = p.contribution === 'TRAINING';
  const noun = training ? 'course' : 'donation';
  const Noun = training ? 'Course' : 'Donation';
  const what = p.contributionTitle ? `“${p.contributionTitle}”` : `the ${noun}`;
  const giver = p.giver?.nameEn ?? (training ? 'the trainer' : 'the donor');
  const recipient = p.recipient?.nameEn ?? 'the recipient';
  // A reason belongs to a refusal or a withdrawal only.
  const said = (p.status === 'REFUSED' || p.status === 'WITHDRAWN') && p.reason?.trim();
  const reasonLines = said ? [`Reason: “${said}”`] : [];
  const value =
    p.value != null && p.currency ? ` (${new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 }).format(p.value)} ${p.currency})` : '';
  const figures = training && p.trainees != null && p.hours != null ? ` (${p.trainees} trainees, ${p.hours} hours)` : '';
  const texts = (title: string, body: string, more: string[] = []): Composed => ({
    title: p.contributionTitle ? `${title}: ${what}` : title,
    body,
    inAppNote: reasonLines[0],
    more: [...reasonLines, ...more],
    link: 'contributions',
  });
  switch (p.status) {
    case 'PLEDGED':
      return training
        ? texts('Course offered', `${giver} offers the course ${what}${figures} to ${recipient}. The secretariat approves it.`)
        : texts('Donation pledged', `${giver} has pledged ${what}${value} to ${recipient}. The secretariat approves it.`);
    case 'APPROVED':
      return texts(`${Noun} approved`, `The secretariat has approved the ${noun} ${what} by ${giver} to ${recipient}.`);
    case 'REFUSED':
      return texts(`${Noun} refused`, `The secretariat has refused the ${noun} ${what} by ${giver} to ${recipient}.`);
    case 'WITHDRAWN':
      return texts(`${Noun} withdrawn`, `${giver} has withdrawn the ${noun} ${what} to ${recipient}.`);
    case 'SHIPPED':
      return texts('Donation shipped', `${giver} has shipped ${what} to ${recipient}.`, [
        'The recipient confirms the handover on WaterBridge.',
      ]);
    case 'HANDED_OVER': {
      const day = v.handedOverOn ? ` on ${v.handedOverOn}` : '';
      return texts('Donation handed over', `${what} was handed over to ${recipient}${day}.`);
    }
    case 'IN_OPERATION':
      return texts('Donation in operation', `${what}, donated by ${giver}, is in operation at ${recipient}.`);
    case 'COMPLETED': {
      const given =
        p.trainees != null && p.hours != null
          ? `: ${p.trainees} trained over ${p.hours} hours, ${p.certificatesIssued ?? 0} certificates issued`
          : '';
      return texts('Course completed', `${giver} has completed the course ${what} for ${recipient}${given}.`);
    }
    default:
      return texts(`${Noun} update`, `The ${noun} ${what} has changed.`);
  }
}

// ---- An activity changed ----

type ChangedView = TextView<Partial<NotificationPayloads[T.ACTIVITY_CHANGED]>>;

function activityChanged(v: ChangedView): Composed {
  const changes = v.payload.changes ?? [];
  const was = v.payload.before;
  const placeOf = (city?: string | null, country?: string | null) => [city?.trim(), country].filter((p): p is string => !!p).join(', ');
  const parts: string[] = [];
  if (changes.includes('dates') && v.activityDates)
    parts.push(`it now takes place on ${v.activityDates}${v.before?.activityDates ? ` (was ${v.before.activityDates})` : ''}`);
  if (changes.includes('place')) {
    const now = placeOf(v.payload.city, v.countryName ?? v.payload.countryCode);
    const before = placeOf(was?.city, was?.countryCode ? (regionNameEn(was.countryCode) ?? was.countryCode) : null);
    if (now) parts.push(`it now takes place in ${now}${before ? ` (was ${before})` : ''}`);
  }
  if (changes.includes('deadline') && v.registrationDeadline)
    parts.push(
      `registration now closes on ${v.registrationDeadline}${v.zoneName ? ` (${v.zoneName})` : ''}${v.before?.registrationDeadline ? ` (was ${v.before.registrationDeadline})` : ''}`,
    );
  return {
    title: v.payload.activityTitle ? `Activity changed: ${activity(v)}` : 'An activity changed',
    body: parts.length ? `${Activity(v)} has changed: ${parts.join('; ')}.` : `${Activity(v)} has changed.`,
    more: ['Your delegates’ registrations stand. Cancel the registration of anyone who can no longer come on the activity’s page.'],
    link: 'activity',
  };
}

/** A country's English name, for the place an activity had before. */
function regionNameEn(code: string): string | null {
  try {
    const name = new Intl.DisplayNames(['en-GB'], { type: 'region', fallback: 'none' }).of(code.toUpperCase());
    return name ?? null;
  } catch {
    return null;
  }
}

// ---- B2B meetings ----

type MeetingView = TextView<Partial<NotificationPayloads[T.MEETING_REQUEST_CHANGED]>>;
type ScheduleView = TextView<Partial<NotificationPayloads[T.MEETINGS_SCHEDULED]>>;
type ReminderView = TextView<Partial<NotificationPayloads[T.MEETING_REMINDER]>>;

/** "Li Wei (Colombo Water Board)" */
const person = (p: MeetingPartySnapshot | undefined) => (p ? `${p.name} (${p.organization})` : 'a delegate');
const messageLine = (m: MeetingSnapshot | undefined) => (m?.message?.trim() ? [`Their message: “${m.message.trim()}”`] : []);
const meetingReasonLine = (m: MeetingSnapshot | undefined) => (m?.reason?.trim() ? [`Reason: “${m.reason.trim()}”`] : []);
/** "14:00–14:20 on 10 March 2030 (GMT+5:30), table 7", as much as is known. */
const placeOf = (v: TextView<unknown>, m: MeetingSnapshot) =>
  [v.meetingTime(m), m.tableNumber ? `table ${m.tableNumber}` : null].filter((p): p is string => !!p).join(', ');

function meetingChanged(v: MeetingView): Composed {
  const m = v.payload.meeting;
  const at = `at ${activity(v)}`;
  switch (v.payload.meetingChange) {
    case 'REQUESTED':
      return {
        title: `Meeting request from ${person(m?.requester)}`,
        body: `${person(m?.requester)} asks to meet ${person(m?.invitee)} ${at}${inBrackets(v)}.`,
        inAppNote: messageLine(m)[0],
        more: [
          ...messageLine(m),
          'Accept or decline on the activity’s page. Accepted meetings get a time and a table when the secretariat schedules the meetings.',
        ],
        link: 'activity',
      };
    case 'ACCEPTED':
      return {
        title: `Meeting accepted by ${person(m?.invitee)}`,
        body: `${person(m?.invitee)} has accepted to meet ${person(m?.requester)} ${at}. The secretariat gives it a time and a table when it schedules the meetings.`,
        link: 'activity',
      };
    case 'DECLINED':
      return {
        title: `Meeting declined by ${person(m?.invitee)}`,
        body: `${person(m?.invitee)} has declined to meet ${person(m?.requester)} ${at}.`,
        inAppNote: meetingReasonLine(m)[0],
        more: meetingReasonLine(m),
        link: 'activity',
      };
    case undefined:
      return {
        title: 'Meeting request update',
        body: `A meeting request of your delegates ${at} has changed.`,
        link: 'activity',
      };
    case 'CANCELLED': {
      const when = m && placeOf(v, m) ? ` (${placeOf(v, m)})` : '';
      return {
        title: 'Meeting cancelled',
        body: `The meeting between ${person(m?.requester)} and ${person(m?.invitee)} ${at}${when} has been cancelled.`,
        inAppNote: meetingReasonLine(m)[0],
        more: meetingReasonLine(m),
        link: 'activity',
      };
    }
  }
}

function meetingsScheduled(v: ScheduleView): Composed {
  const meetings = v.payload.meetings ?? [];
  const unplaced = v.payload.unplaced ?? 0;
  const count = `${meetings.length} meeting${meetings.length === 1 ? '' : 's'}`;
  const left =
    unplaced > 0
      ? [`${unplaced} accepted request${unplaced === 1 ? '' : 's'} of your delegates could not be placed; the meetings list says why.`]
      : [];
  return {
    title: v.payload.activityTitle ? `Your meetings at ${activity(v)}: ${count}` : `Your meetings: ${count}`,
    body: `The secretariat has scheduled the 1:1 meetings at ${activity(v)}${inBrackets(v)}: your delegates have ${count}.`,
    inAppNote: left[0],
    more: [...left, 'Each delegate’s agenda can be downloaded as a calendar file (.ics) from the activity’s page.'],
    details: meetings.length
      ? [
          {
            heading: 'Agenda',
            rows: meetings.map((m) => ({
              label: placeOf(v, m) || 'time to be set',
              value: `${person(m.requester)} meets ${person(m.invitee)}`,
            })),
          },
        ]
      : [],
    link: 'activity',
  };
}

function meetingReminder(v: ReminderView): Composed {
  const m = v.payload.meeting;
  const where = m ? placeOf(v, m) : '';
  return {
    title: `Meeting soon: ${person(m?.requester)} and ${person(m?.invitee)}`,
    body: `A reminder: ${person(m?.requester)} meets ${person(m?.invitee)} at ${activity(v)}${where ? `, ${where}` : ''}.`,
    inAppNote: messageLine(m)[0],
    more: messageLine(m),
    link: 'activity',
  };
}

// ---- One entry per event type ----

const events: Catalogue['events'] = {
  [T.MATCH_INTRODUCED]: (v) => {
    if (v.self === 'AGENCY') {
      return {
        title: `New introduction: ${enterprise(v)} for ${need(v)}`,
        body: `${enterprise(v)} has been introduced for ${yourNeed(v)}. Please review the proposal and accept or decline the introduction.`,
        more: scoreLine(v),
        link: 'match',
      };
    }
    if (v.self === 'ENTERPRISE') {
      return {
        title: `You have been introduced to ${agency(v)}`,
        body: `You have been introduced to ${agency(v)} for ${need(v)}${where(v)}. Please review the need and accept or decline the introduction.`,
        more: scoreLine(v),
        link: 'match',
      };
    }
    return {
      title: `Introduction made: ${enterprise(v)} and ${agency(v)}`,
      body: `${enterprise(v)} has been introduced to ${agency(v)} for ${need(v)}${where(v)}. Both sides are asked to accept or decline.`,
      more: scoreLine(v),
      link: 'match',
    };
  },

  [T.MATCH_ACCEPTED]: (v) => {
    const texts = answered(v, 'accepted');
    const waiting = v.self !== 'NEUTRAL' && v.actor && v.self !== v.actor;
    return {
      ...texts,
      more: [
        waiting
          ? 'Accept it as well and you will both receive each other’s contact details.'
          : 'Contact details are shared once both sides have accepted.',
      ],
      link: 'match',
    };
  },

  [T.MATCH_DECLINED]: (v) => ({
    ...answered(v, 'declined'),
    // The reason is what the other side most wants to know: in the app too.
    inAppNote: reasonLine(v)[0],
    more: [...reasonLine(v), 'This match is now closed.'],
    link: 'match',
  }),

  [T.MATCH_CLOSED]: (v) => {
    const why = v.payload.reason?.trim() ? [`Reason: “${v.payload.reason.trim()}”`] : [];
    const withNeed = v.payload.closedWithNeed === true;
    if (v.self === 'AGENCY') {
      const body = withNeed
        ? `The match between ${yourNeed(v)} and ${enterprise(v)} has closed with your need.`
        : `The secretariat has closed the match between ${yourNeed(v)} and ${enterprise(v)}.`;
      return { title: `Match closed: ${enterprise(v)} for ${need(v)}`, body, inAppNote: why[0], more: why, link: 'match' };
    }
    if (v.self === 'ENTERPRISE') {
      const body = withNeed
        ? `The match between your company and ${agency(v)} for ${need(v)}${where(v)} has closed: the need no longer takes partners.`
        : `The secretariat has closed the match between your company and ${agency(v)} for ${need(v)}${where(v)}.`;
      return { title: `Match closed: ${need(v)}`, body, inAppNote: why[0], more: why, link: 'match' };
    }
    return {
      title: `Match closed: ${enterprise(v)} and ${agency(v)}`,
      body: `The match between ${enterprise(v)} and ${agency(v)} for ${need(v)} has been closed.`,
      inAppNote: why[0],
      more: why,
      link: 'match',
    };
  },

  [T.MATCH_ENGAGED]: (v) => {
    const contacts = v.payload.contacts;
    if (v.self === 'NEUTRAL') {
      return {
        title: `${agency(v)} and ${enterprise(v)} are connected`,
        body: `${agency(v)} and ${enterprise(v)} have both accepted the introduction for ${need(v)}; their contact details have been shared with each other.`,
        details: contacts ? [contactBlock(agency(v), contacts.agency), contactBlock(enterprise(v), contacts.enterprise)] : [],
        link: 'match',
      };
    }
    // Only the other side's contacts: the reader knows their own.
    const them = other(v.self);
    const theirs = contacts ? (them === 'AGENCY' ? contacts.agency : contacts.enterprise) : undefined;
    return {
      title: `You and ${nameOf(v, them)} are connected`,
      body: `You and ${nameOf(v, them)} have both accepted the introduction for ${need(v)}. You can now contact them directly.`,
      inAppNote: theirs ? contactLine(theirs) : undefined,
      more: theirs ? [] : ['Their contact details are on the match page.'],
      details: theirs ? [contactBlock(nameOf(v, them), theirs)] : [],
      link: 'match',
    };
  },

  [T.MATCH_OUTCOME_RECORDED]: (v) => {
    const outcome = v.payload.outcome;
    const what = outcome ? `: ${OUTCOMES[outcome.kind]}` : '';
    const rows = outcome ? outcomeRows(v, outcome) : [];
    const details: DetailBlock[] = outcome
      ? [
          {
            heading: 'Recorded outcome',
            rows: [
              { label: 'Outcome', value: OUTCOMES[outcome.kind] },
              ...rows,
              ...(outcome.note?.trim() ? [{ label: 'Note', value: outcome.note.trim() }] : []),
            ],
          },
        ]
      : [];
    const inAppNote = rows.length ? rows.map((r) => `${r.label}: ${r.value}.`).join(' ') : undefined;
    if (v.self === 'NEUTRAL') {
      return {
        title: `Outcome recorded: ${need(v)}`,
        body: `An outcome of the match between ${agency(v)} and ${enterprise(v)} for ${need(v)} has been recorded${what}.`,
        inAppNote,
        details,
        link: 'match',
      };
    }
    return {
      title: `Outcome recorded: ${need(v)}`,
      body: `The alliance secretariat has recorded an outcome of your cooperation with ${nameOf(v, other(v.self))} on ${need(v)}${what}.`,
      inAppNote,
      more: ['Thank you for working together through WaterBridge.'],
      details,
      link: 'match',
    };
  },

  [T.CANDIDATES_TO_REVIEW]: (v) => {
    const n = v.payload.candidateCount;
    const count = n === undefined ? 'New candidates' : `${n} ${n === 1 ? 'candidate' : 'candidates'}`;
    const verb = n === 1 ? 'is' : 'are';
    return {
      title: `${count} to review: ${need(v)}`,
      body: `${count} for ${need(v)}${where(v)} ${verb} waiting for your review.`,
      more: v.payload.enterprise ? [`Most recent: ${enterprise(v)}${v.score ? ` (match score ${v.score})` : ''}.`] : [],
      link: 'need',
    };
  },

  [T.OPPORTUNITY_ALERT]: (v) => {
    const score = v.score ? ` – ${v.score} match` : '';
    if (v.self === 'ENTERPRISE') {
      return {
        title: `New opportunity: ${need(v)}${where(v)}${score}`,
        body: `${agency(v)} has published a need that fits your company’s profile: ${need(v)}${where(v)}.${v.score ? ` Match score: ${v.score}.` : ''}`,
        more: [
          'If you are interested, open the need and express your interest; the alliance secretariat reviews it and arranges the introduction.',
        ],
        link: 'need',
      };
    }
    return {
      title: `Opportunity: ${need(v)}${where(v)}${score}`,
      body: `${need(v)}${where(v)} matches ${enterprise(v)}${v.score ? ` with a score of ${v.score}` : ''}.`,
      link: 'need',
    };
  },

  [T.MATCH_REMINDER]: (v) => {
    const n = v.payload.daysWaiting;
    const waited = n === undefined ? 'is still waiting for your answer' : `has been waiting for your answer for ${days(n)}`;
    const ask = 'Please accept or decline it, so that both sides know where they stand.';
    if (v.self === 'AGENCY') {
      return {
        title: `Reminder: ${enterprise(v)} is waiting for your answer`,
        body: `The introduction of ${enterprise(v)} for ${yourNeed(v)} ${waited}. ${ask}`,
        link: 'match',
      };
    }
    if (v.self === 'ENTERPRISE') {
      return {
        title: `Reminder: ${agency(v)} is waiting for your answer`,
        body: `Your introduction to ${agency(v)} for ${need(v)} ${waited}. ${ask}`,
        link: 'match',
      };
    }
    const silent = v.actor ? nameOf(v, v.actor) : 'one side';
    return {
      title: `Reminder sent: ${need(v)}`,
      body: `The introduction between ${agency(v)} and ${enterprise(v)} for ${need(v)} has been waiting for an answer from ${silent}${n === undefined ? '' : ` for ${days(n)}`}.`,
      link: 'match',
    };
  },

  [T.MATCH_ESCALATED]: (v) => {
    const n = v.payload.daysWaiting;
    const silent = v.actor ? nameOf(v, v.actor) : 'one of the sides';
    return {
      title: n === undefined ? `No answer: ${need(v)}` : `No answer after ${days(n)}: ${need(v)}`,
      body: `The introduction between ${agency(v)} and ${enterprise(v)} for ${need(v)} has had no answer from ${silent}${n === undefined ? '' : ` for ${days(n)}`}, even after a reminder.`,
      more: ['You may want to follow up with them directly, or withdraw the match.'],
      link: 'match',
    };
  },

  [T.ACTIVITY_PUBLISHED]: (v) => ({
    title: v.payload.activityTitle ? `New activity: ${activity(v)}` : 'A new activity is open for registration',
    body: v.payload.activityTitle
      ? `${activity(v)} is open for registration${whenWhere(v) ? `: ${whenWhere(v)}` : ''}.`
      : `A new activity is open for registration${whenWhere(v) ? `: ${whenWhere(v)}` : ''}.`,
    inAppNote: deadlineLine(v)[0],
    more: [
      ...deadlineLine(v),
      'Register your organisation’s delegates on the activity’s page: seats go in the order of registration, then to a waiting list.',
    ],
    link: 'activity',
  }),

  [T.ACTIVITY_REGISTRATION_CHANGED]: registrationChanged,
  [T.ACTIVITY_CHANGED]: activityChanged,
  [T.CONTRIBUTION_CHANGED]: contributionChanged,
  [T.MEETING_REQUEST_CHANGED]: meetingChanged,
  [T.MEETINGS_SCHEDULED]: meetingsScheduled,
  [T.MEETING_REMINDER]: meetingReminder,
};

export const en: Catalogue = {
  locale: 'en-GB',
  colon: ': ',
  events,
  days: dayRange,
  greeting: (name) => `Dear ${name},`,
  action: { match: 'View the match', need: 'View the need', activity: 'View the activity', contributions: 'View donations and training' },
  signOff: ['Kind regards,', 'The WaterBridge team'],
  preferences: {
    note: 'You receive this e-mail because of your notification settings on WaterBridge.',
    link: 'Change your notification settings',
  },
  digest: {
    subject: (count, onlyOpportunities, frequency) => {
      const what = onlyOpportunities
        ? `${count} new ${count === 1 ? 'opportunity' : 'opportunities'}`
        : `${count} ${count === 1 ? 'update' : 'updates'}`;
      const period = { [DigestFrequency.DAILY]: 'daily ', [DigestFrequency.WEEKLY]: 'weekly ', [DigestFrequency.IMMEDIATE]: '' }[frequency];
      return `Your ${period}WaterBridge digest: ${what}`;
    },
    intro: (frequency) =>
      ({
        [DigestFrequency.DAILY]: 'Here is what happened on WaterBridge for you in the past day:',
        [DigestFrequency.WEEKLY]: 'Here is what happened on WaterBridge for you in the past week:',
        [DigestFrequency.IMMEDIATE]: 'Here is what happened on WaterBridge for you since your last digest:',
      })[frequency],
  },
};
