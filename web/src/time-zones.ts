import { intlLocale } from './i18n';

/**
 * Times at a venue: an activity's dates, its meeting slots and agendas are read on the venue's clock (its IANA time
 * zone, e.g. Asia/Colombo), whatever the reader's own; forms take wall-clock times there and send instants (UTC).
 */

/** The IANA zones the browser knows, for a venue's time zone. */
export function timeZones(): string[] {
  const zones = Intl.supportedValuesOf('timeZone');
  return zones.includes('UTC') ? zones : ['UTC', ...zones];
}

/** How far `timeZone`'s clock is ahead of UTC at the instant `utc` (ms). */
function offsetAt(utc: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(utc));
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((part) => part.type === type)?.value ?? 0);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return wall - Math.floor(utc / 1000) * 1000;
}

const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/;

/** A wall-clock time at the venue ("2027-03-10T09:00", as a datetime-local field gives it) as an ISO instant. */
export function venueTimeToIso(local: string, timeZone: string): string {
  const m = WALL_CLOCK.exec(local);
  if (!m) return local;
  const wall = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  // Twice: the offset of the first guess may differ from the answer's across a daylight-saving change.
  const guess = wall - offsetAt(wall, timeZone);
  return new Date(wall - offsetAt(guess, timeZone)).toISOString();
}

/** An instant as the venue's wall clock shows it, for a datetime-local field ("2027-03-10T09:00"). */
export function isoToVenueTime(iso: string, timeZone: string): string {
  const utc = Date.parse(iso);
  return new Date(utc + offsetAt(utc, timeZone)).toISOString().slice(0, 16);
}

const safeZone = (timeZone: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return timeZone;
  } catch {
    return 'UTC';
  }
};

/** From start to end on the venue's clock, with its zone: "10 Mar 2027, 09:00 – 12 Mar 2027, 17:00 (Asia/Colombo)". */
export function formatVenueRange(startsAt: string, endsAt: string, timeZone: string, withTime = true): string {
  const format = new Intl.DateTimeFormat(intlLocale(), {
    dateStyle: 'medium',
    ...(withTime ? { timeStyle: 'short' } : {}),
    timeZone: safeZone(timeZone),
  });
  return `${format.formatRange(new Date(startsAt), new Date(endsAt))} (${timeZone})`;
}

/** One moment on the venue's clock, with its zone. */
export function formatVenueMoment(value: string, timeZone: string): string {
  const format = new Intl.DateTimeFormat(intlLocale(), { dateStyle: 'medium', timeStyle: 'short', timeZone: safeZone(timeZone) });
  return `${format.format(new Date(value))} (${timeZone})`;
}

/** A meeting slot on the venue's clock, short: "Wed 10 Mar, 09:00–09:30". */
export function formatSlot(startsAt: string, endsAt: string, timeZone: string): string {
  const format = new Intl.DateTimeFormat(intlLocale(), {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: safeZone(timeZone),
  });
  return format.formatRange(new Date(startsAt), new Date(endsAt));
}
