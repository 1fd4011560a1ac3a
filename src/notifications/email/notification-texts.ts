import { Language, Role } from '../../access/actor';
import { isTimeZone } from '../../common/time-zone';
import { DigestFrequency, NotificationEventType } from '../notification-event-type';
import {
  ActivityFacts,
  MatchFacts,
  MatchSide,
  MeetingSnapshot,
  NotificationPayload,
  NotificationSubject,
  OutcomeSnapshot,
} from '../notification-payload';
import type { CalendarDay, Catalogue, Composed, DetailBlock, Side, TextView } from './notification-catalogue';
import { en } from './notification-texts.en';
import { zh } from './notification-texts.zh';

/** Who reads the message: decides "your need" versus "the agency's need", and the greeting. */
export interface RecipientView {
  displayName: string;
  organizationId: string;
  role: Role;
}

/** A short in-app notification. */
export interface InAppTexts {
  title: string;
  body: string;
}

export interface EmailMessage {
  subject: string;
  text: string;
  html: string;
}

export interface DigestItem {
  type: NotificationEventType;
  payload: NotificationPayload;
  createdAt: Date;
}

const CATALOGUES: Record<Language, Catalogue> = { [Language.EN]: en, [Language.ZH]: zh };

// ---- The three entry points ----

export function inAppTexts(
  type: NotificationEventType,
  payload: NotificationPayload,
  language: Language,
  recipient: RecipientView,
): InAppTexts {
  const c = compose(type, payload, CATALOGUES[language], recipient);
  if (!c.inAppNote) return { title: c.title, body: c.body };
  // Chinese sentences follow each other without a space.
  return { title: c.title, body: /[。！？]$/.test(c.body) ? `${c.body}${c.inAppNote}` : `${c.body} ${c.inAppNote}` };
}

export function emailMessage(
  type: NotificationEventType,
  payload: NotificationPayload,
  language: Language,
  recipient: RecipientView,
  appUrl: string,
): EmailMessage {
  const catalogue = CATALOGUES[language];
  const c = compose(type, payload, catalogue, recipient);
  const url = linkFor(c.link, payload, appUrl);
  const paragraphs = [c.body, ...(c.more ?? [])];
  const details = c.details ?? [];
  const action = url ? { label: catalogue.action[c.link], url } : null;
  return {
    subject: c.title,
    text: renderText(catalogue, recipient, appUrl, [...paragraphs, ...details.map((d) => blockText(d, catalogue.colon))], action),
    html: renderHtml(
      catalogue,
      recipient,
      appUrl,
      c.title,
      [...paragraphs.map((p) => `<p style="${P}">${escapeHtml(p)}</p>`), ...details.map(blockHtml)],
      action,
    ),
  };
}

export function digestEmail(
  items: DigestItem[],
  language: Language,
  recipient: RecipientView,
  frequency: DigestFrequency,
  appUrl: string,
): EmailMessage {
  const catalogue = CATALOGUES[language];
  const onlyOpportunities = items.every((i) => i.type === NotificationEventType.OPPORTUNITY_ALERT);
  const subject = catalogue.digest.subject(items.length, onlyOpportunities, frequency);
  const entries = items.map((item) => {
    const c = compose(item.type, item.payload, catalogue, recipient);
    return { title: c.title, url: linkFor(c.link, item.payload, appUrl) };
  });
  const intro = catalogue.digest.intro(frequency);
  const text = [intro, entries.map((e, i) => [`${i + 1}. ${e.title}`, ...(e.url ? [`   ${e.url}`] : [])].join('\n')).join('\n\n')];
  const list =
    `<ol style="margin:0 0 16px;padding-left:20px;">` +
    entries
      .map((e) => {
        const title = e.url ? `<a href="${escapeHtml(e.url)}" style="${A}">${escapeHtml(e.title)}</a>` : escapeHtml(e.title);
        return `<li style="margin:0 0 12px;">${title}</li>`;
      })
      .join('') +
    `</ol>`;
  return {
    subject,
    text: renderText(catalogue, recipient, appUrl, text, null),
    html: renderHtml(catalogue, recipient, appUrl, subject, [`<p style="${P}">${escapeHtml(intro)}</p>`, list], null),
  };
}

// ---- Reading the payload for one reader ----

/** What the common part of a view reads, whichever the event: the side, the outcome and the activity of the events that have them. */
type ViewFacts = MatchFacts &
  Omit<ActivityFacts, 'audience'> & {
    side?: MatchSide;
    outcome?: OutcomeSnapshot;
    before?: Omit<ActivityFacts, 'audience'>;
    handedOverOn?: string | null;
  };

function compose(type: NotificationEventType, payload: NotificationPayload, catalogue: Catalogue, recipient: RecipientView): Composed {
  const facts: ViewFacts = payload;
  return catalogue.events[type]({
    payload,
    self: sideOf(recipient, facts),
    actor: facts.side ?? null,
    countryName: facts.countryCode ? regionName(facts.countryCode, catalogue.locale) : null,
    score:
      facts.score === undefined || !Number.isFinite(facts.score)
        ? null
        : `${Math.round(facts.score <= 1 ? facts.score * 100 : facts.score)}%`,
    outcomeDate: facts.outcome?.date ? formatDate(facts.outcome.date, catalogue.locale) : null,
    outcomeValue:
      facts.outcome?.value != null && facts.outcome.currency
        ? `${new Intl.NumberFormat(catalogue.locale, { maximumFractionDigits: 2 }).format(facts.outcome.value)} ${facts.outcome.currency}`
        : null,
    ...activityTimes(facts, catalogue),
    before: facts.before ? activityTimes(facts.before, catalogue) : null,
    handedOverOn: facts.handedOverOn ? formatDate(facts.handedOverOn, catalogue.locale) : null,
  });
}

/** An activity's days, and its registration deadline with the zone it is given in, all as the venue's clock reads them. */
function activityTimes(
  facts: Omit<ActivityFacts, 'audience'>,
  catalogue: Catalogue,
): Pick<TextView, 'activityDates' | 'registrationDeadline' | 'zoneName' | 'meetingTime'> {
  const zone = facts.timeZone && isTimeZone(facts.timeZone) ? facts.timeZone : 'UTC';
  const starts = facts.startsAt ? calendarDay(facts.startsAt, zone) : null;
  const ends = (facts.endsAt ? calendarDay(facts.endsAt, zone) : null) ?? starts;
  const deadline = facts.registrationDeadline ? new Date(facts.registrationDeadline) : null;
  const known = deadline && !Number.isNaN(deadline.getTime()) ? deadline : null;
  return {
    activityDates: starts && ends ? catalogue.days(starts, ends) : null,
    registrationDeadline: known
      ? new Intl.DateTimeFormat(catalogue.locale, {
          year: 'numeric',
          month: 'long',
          day: 'numeric',
          hour: '2-digit',
          minute: '2-digit',
          hourCycle: 'h23',
          timeZone: zone,
        }).format(known)
      : null,
    zoneName: known
      ? (new Intl.DateTimeFormat(catalogue.locale, { timeZone: zone, timeZoneName: 'short' })
          .formatToParts(known)
          .find((p) => p.type === 'timeZoneName')?.value ?? zone)
      : null,
    meetingTime: (meeting) => meetingTime(meeting, zone, catalogue.locale),
  };
}

/** A scheduled meeting's day, start and end as the venue's clock reads them, with the zone; null until it has a slot. */
function meetingTime(meeting: MeetingSnapshot, zone: string, locale: string): string | null {
  const starts = meeting.startsAt ? new Date(meeting.startsAt) : null;
  const ends = meeting.endsAt ? new Date(meeting.endsAt) : null;
  if (!starts || !ends || Number.isNaN(starts.getTime()) || Number.isNaN(ends.getTime())) return null;
  const day = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', day: 'numeric', timeZone: zone }).format(starts);
  const clock = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: zone });
  const zoneName =
    new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: 'short' }).formatToParts(starts).find((p) => p.type === 'timeZoneName')
      ?.value ?? zone;
  return `${day}, ${clock.format(starts)}–${clock.format(ends)} (${zoneName})`;
}

/** The day an instant falls on in `zone`; null for what is not an instant. */
function calendarDay(instant: string, zone: string): CalendarDay | null {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return null;
  const parts = new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'numeric', day: 'numeric', timeZone: zone }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return { year: part('year'), month: part('month'), day: part('day') };
}

/** The reader's own organisation decides the wording; coordinators (and anyone else) read the neutral one. */
function sideOf(recipient: RecipientView, payload: MatchFacts): Side {
  if (payload.agency && recipient.organizationId === payload.agency.organizationId) return 'AGENCY';
  if (payload.enterprise && recipient.organizationId === payload.enterprise.organizationId) return 'ENTERPRISE';
  return 'NEUTRAL';
}

function regionName(code: string, locale: string): string | null {
  try {
    const name = new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' }).of(code.toUpperCase());
    return name && name.toUpperCase() !== code.toUpperCase() ? name : null;
  } catch {
    return null;
  }
}

/** "5 March 2026" / "2026年3月5日" for an ISO date; anything else as given. */
function formatDate(date: string, locale: string): string {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(date) ? new Date(`${date}T00:00:00Z`) : new Date(date);
  if (Number.isNaN(day.getTime())) return date;
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(day);
}

function linkFor(link: Composed['link'], payload: NotificationSubject, appUrl: string): string | null {
  const base = appUrl.replace(/\/+$/, '');
  if (link === 'activity') return payload.activityId ? `${base}/activities/${encodeURIComponent(payload.activityId)}` : null;
  if (link === 'contributions') return `${base}/contributions`;
  const matchUrl = payload.matchId ? `${base}/matches/${encodeURIComponent(payload.matchId)}` : null;
  const needUrl = payload.needId ? `${base}/needs/${encodeURIComponent(payload.needId)}` : null;
  return link === 'match' ? (matchUrl ?? needUrl) : (needUrl ?? matchUrl);
}

// ---- Rendering ----

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] ?? ch);
}

type Action = { label: string; url: string } | null;

function renderText(c: Catalogue, recipient: RecipientView, appUrl: string, sections: string[], action: Action): string {
  return [
    c.greeting(recipient.displayName),
    ...sections,
    ...(action ? [`${action.label}${c.colon}${action.url}`] : []),
    c.signOff.join('\n'),
    `--\n${c.preferences.note}\n${c.preferences.link}${c.colon}${settingsUrl(appUrl)}`,
  ]
    .join('\n\n')
    .concat('\n');
}

function blockText(block: DetailBlock, colon: string): string {
  return [block.heading, ...block.rows.map((r) => `  ${r.label}${colon}${r.value}`)].join('\n');
}

// Inline styles only: mail clients drop <style> blocks and external stylesheets.
const P = 'margin:0 0 16px;';
const A = 'color:#0b6fa4;';

function blockHtml(block: DetailBlock): string {
  const rows = block.rows
    .map((r) => {
      const value =
        r.href && /^(mailto:|https?:\/\/)/i.test(r.href)
          ? `<a href="${escapeHtml(r.href)}" style="${A}">${escapeHtml(r.value)}</a>`
          : escapeHtml(r.value);
      return `<tr><td style="padding:4px 16px 4px 0;color:#52606d;vertical-align:top;white-space:nowrap;">${escapeHtml(r.label)}</td><td style="padding:4px 0;vertical-align:top;">${value}</td></tr>`;
    })
    .join('');
  return (
    `<div style="margin:0 0 16px;padding:12px 16px;background:#f0f6fa;border-left:3px solid #0b6fa4;">` +
    `<p style="margin:0 0 8px;font-weight:bold;">${escapeHtml(block.heading)}</p>` +
    `<table role="presentation" cellpadding="0" cellspacing="0" style="border-collapse:collapse;font-size:14px;">${rows}</table></div>`
  );
}

function renderHtml(c: Catalogue, recipient: RecipientView, appUrl: string, title: string, sections: string[], action: Action): string {
  const button = action
    ? `<p style="margin:24px 0;"><a href="${escapeHtml(action.url)}" style="display:inline-block;padding:10px 20px;background:#0b6fa4;color:#ffffff;text-decoration:none;border-radius:4px;font-weight:bold;">${escapeHtml(action.label)}</a></p>`
    : '';
  return [
    `<!DOCTYPE html>`,
    `<html lang="${c.locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title></head>`,
    `<body style="margin:0;padding:0;background:#f4f6f8;">`,
    `<div style="max-width:600px;margin:0 auto;padding:24px 16px;font-family:Arial,Helvetica,'PingFang SC','Microsoft YaHei',sans-serif;font-size:15px;line-height:1.6;color:#1f2933;">`,
    `<div style="font-size:20px;font-weight:bold;color:#0b6fa4;margin:0 0 16px;">WaterBridge</div>`,
    `<div style="background:#ffffff;border-radius:6px;padding:24px;">`,
    `<p style="${P}">${escapeHtml(c.greeting(recipient.displayName))}</p>`,
    ...sections,
    button,
    `<p style="margin:0;">${c.signOff.map(escapeHtml).join('<br>')}</p>`,
    `</div>`,
    `<p style="margin:16px 0 0;font-size:12px;color:#7b8794;">${escapeHtml(c.preferences.note)} <a href="${escapeHtml(settingsUrl(appUrl))}" style="color:#7b8794;">${escapeHtml(c.preferences.link)}</a></p>`,
    `</div></body></html>`,
  ]
    .filter((line) => line !== '')
    .join('\n');
}

function settingsUrl(appUrl: string): string {
  return `${appUrl.replace(/\/+$/, '')}/settings/notifications`;
}
