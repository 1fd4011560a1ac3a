/**
 * A participant's agenda as an iCalendar file (RFC 5545), written by hand: one VEVENT per entry, times in UTC, text
 * escaped, lines folded at 75 octets of UTF-8 without splitting a character. Pure: the caller gives `generatedAt`.
 */

export interface AgendaEntry {
  /** Stable across exports (e.g. `meeting-<id>@waterbridge`), so a calendar updates the event instead of duplicating it. */
  uid: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  location?: string;
  description?: string;
  /** minutes before start; emits a VALARM with TRIGGER:-PT{n}M, ACTION:DISPLAY */
  reminderMinutesBefore?: number;
}

const CRLF = '\r\n';
const MAX_OCTETS = 75;

/** `YYYYMMDDTHHMMSSZ` (RFC 5545 §3.3.5, form 2: UTC). */
function utc(date: Date, what: string): string {
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) throw new Error(`agendaCalendar: ${what} is not a valid date`);
  return date
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}

/**
 * TEXT escaping (§3.3.11): backslash, semicolon and comma get a backslash; a line break (CRLF, CR or LF) becomes `\n`.
 * Other control characters but tab are not allowed in TEXT and are dropped.
 */
function text(value: string): string {
  let escaped = '';
  for (const char of value.replace(/\r\n?/g, '\n')) {
    const code = char.codePointAt(0)!;
    if (char === '\\' || char === ';' || char === ',') escaped += `\\${char}`;
    else if (char === '\n') escaped += '\\n';
    else if ((code >= 0x20 && code !== 0x7f) || char === '\t') escaped += char;
  }
  return escaped;
}

/** Octets of one code point in UTF-8. */
const utf8Length = (char: string): number => {
  const code = char.codePointAt(0)!;
  return code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
};

/**
 * Folds a content line (§3.1): at most 75 octets per physical line (the CRLF not counted), continuation lines start
 * with one space (which counts), and a break never falls inside a character's UTF-8 sequence (`for…of` walks whole
 * code points, surrogate pairs included).
 */
function fold(line: string): string {
  const lines: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = utf8Length(char);
    if (octets + size > MAX_OCTETS) {
      lines.push(current);
      current = ' ';
      octets = 1;
    }
    current += char;
    octets += size;
  }
  lines.push(current);
  return lines.join(CRLF);
}

/** The agenda as an .ics file: VCALENDAR (PUBLISH, named `calendarName`) with one VEVENT per entry, CRLF line ends. */
export function agendaCalendar(input: { calendarName: string; entries: AgendaEntry[]; generatedAt: Date }): string {
  const stamp = utc(input.generatedAt, 'generatedAt');
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//WaterBridge//Agenda//EN', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH'];
  lines.push(`X-WR-CALNAME:${text(input.calendarName)}`);
  for (const entry of input.entries) {
    const start = utc(entry.startsAt, `the start of "${entry.uid}"`);
    const end = utc(entry.endsAt, `the end of "${entry.uid}"`);
    if (entry.endsAt.getTime() < entry.startsAt.getTime()) throw new Error(`agendaCalendar: "${entry.uid}" ends before it starts`);
    lines.push('BEGIN:VEVENT', `UID:${text(entry.uid)}`, `DTSTAMP:${stamp}`, `DTSTART:${start}`, `DTEND:${end}`);
    lines.push(`SUMMARY:${text(entry.title)}`);
    if (entry.location !== undefined) lines.push(`LOCATION:${text(entry.location)}`);
    if (entry.description !== undefined) lines.push(`DESCRIPTION:${text(entry.description)}`);
    const minutes = entry.reminderMinutesBefore;
    if (minutes !== undefined) {
      if (!Number.isInteger(minutes) || minutes < 0) {
        throw new Error(`agendaCalendar: the reminder of "${entry.uid}" must be a whole number of minutes >= 0, not ${minutes}`);
      }
      // A DISPLAY alarm must carry a DESCRIPTION (§3.6.6): the text shown.
      lines.push('BEGIN:VALARM', 'ACTION:DISPLAY', `TRIGGER:-PT${minutes}M`, `DESCRIPTION:${text(entry.title)}`, 'END:VALARM');
    }
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(fold).join(CRLF) + CRLF;
}
