import ICAL from 'ical.js';
import { AgendaEntry, agendaCalendar } from './agenda-calendar';

// RFC 5545 §3.8.8.2: the value of a non-standard property is TEXT unless it says otherwise, and calendar applications
// read X-WR-CALNAME so; ical.js reads unknown properties raw unless told.
ICAL.design.icalendar.property['x-wr-calname'] = { defaultType: 'text' };

const generatedAt = new Date('2026-06-01T08:00:00Z');
const at = (hhmm: string) => new Date(`2026-06-10T${hhmm}:00Z`);

/** Parses with ical.js, as a calendar application would. */
function parse(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const events = calendar.getAllSubcomponents('vevent').map((vevent) => {
    const event = new ICAL.Event(vevent);
    const alarm = vevent.getFirstSubcomponent('valarm');
    const trigger = alarm?.getFirstPropertyValue('trigger');
    return {
      uid: event.uid,
      title: event.summary,
      location: event.location,
      description: event.description,
      startsAt: event.startDate.toJSDate(),
      endsAt: event.endDate.toJSDate(),
      utc: event.startDate.zone?.tzid === 'UTC' && event.endDate.zone?.tzid === 'UTC',
      stamp: vevent.getFirstPropertyValue('dtstamp')?.toString(),
      alarm: alarm
        ? {
            action: alarm.getFirstPropertyValue('action'),
            seconds: trigger instanceof ICAL.Duration ? trigger.toSeconds() : null,
            text: alarm.getFirstPropertyValue('description'),
          }
        : null,
    };
  });
  return { calendar, events };
}

/** The physical lines, split on CRLF; a bare CR or LF left inside one is a broken line ending. */
const physicalLines = (ics: string) => ics.split('\r\n').slice(0, -1);

const meeting: AgendaEntry = {
  uid: 'meeting-1@waterbridge',
  title: 'B2B: 中国电建 × Ministry of Water Resources, Sri Lanka',
  startsAt: at('02:00'),
  endsAt: at('02:25'),
  location: 'Hall B, table 12',
  description: 'Requested by 中国电建.\nTopic: rural water supply; desalination, reuse',
  reminderMinutesBefore: 10,
};

describe('agendaCalendar', () => {
  it('writes a calendar that ical.js reads back: name, events, UTC times, locations, descriptions, alarms', () => {
    const second: AgendaEntry = {
      uid: 'visit-7@waterbridge',
      title: 'Field visit: Kelani River intake',
      startsAt: at('06:00'),
      endsAt: at('09:30'),
    };
    const ics = agendaCalendar({ calendarName: 'WaterBridge — Colombo 2026', entries: [meeting, second], generatedAt });
    const { calendar, events } = parse(ics);

    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(calendar.getFirstPropertyValue('prodid')).toBe('-//WaterBridge//Agenda//EN');
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('WaterBridge — Colombo 2026');
    expect(events).toEqual([
      {
        uid: meeting.uid,
        title: meeting.title,
        location: meeting.location,
        description: meeting.description,
        startsAt: meeting.startsAt,
        endsAt: meeting.endsAt,
        utc: true,
        stamp: '2026-06-01T08:00:00Z',
        alarm: { action: 'DISPLAY', seconds: -600, text: meeting.title },
      },
      {
        uid: second.uid,
        title: second.title,
        location: null,
        description: null,
        startsAt: second.startsAt,
        endsAt: second.endsAt,
        utc: true,
        stamp: '2026-06-01T08:00:00Z',
        alarm: null,
      },
    ]);
    expect(ics).toContain('\r\nDTSTART:20260610T020000Z\r\nDTEND:20260610T022500Z\r\n');
    expect(ics).toContain('\r\nTRIGGER:-PT10M\r\n');
  });

  it('escapes commas, semicolons, backslashes and line breaks, and they come back as written', () => {
    const title = 'Pumps, pipes; valves \\ meters\r\nsecond line\rthird\nfourth';
    const ics = agendaCalendar({ calendarName: 'a, b; c', entries: [{ ...meeting, title, location: 'Room 1; east, wing' }], generatedAt });
    const unfolded = ics.replace(/\r\n /g, '');
    expect(unfolded).toContain('\r\nSUMMARY:Pumps\\, pipes\\; valves \\\\ meters\\nsecond line\\nthird\\nfourth\r\n');
    expect(unfolded).toContain('\r\nX-WR-CALNAME:a\\, b\\; c\r\n');
    const { calendar, events } = parse(ics);
    expect(events[0].title).toBe('Pumps, pipes; valves \\ meters\nsecond line\nthird\nfourth');
    expect(events[0].location).toBe('Room 1; east, wing');
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('a, b; c');
  });

  it('folds long lines at 75 octets without splitting a Chinese character or an emoji, with CRLF everywhere', () => {
    const chinese = '一带一路水资源合作：中国电力建设集团与斯里兰卡水务局关于农村供水、海水淡化和污水再利用项目的双边洽谈会。'.repeat(4);
    const mixed = `Pump station ${'泵站🚰'.repeat(30)} end`;
    const ics = agendaCalendar({
      calendarName: chinese,
      entries: [{ ...meeting, title: chinese, description: mixed, location: `a${'水'.repeat(60)}` }],
      generatedAt,
    });
    expect(ics.endsWith('\r\n')).toBe(true);
    const lines = physicalLines(ics);
    let folded = 0;
    for (const line of lines) {
      expect(line).not.toMatch(/[\r\n]/);
      const bytes = Buffer.from(line, 'utf8');
      expect(bytes.length).toBeLessThanOrEqual(75);
      // Each physical line alone must be valid UTF-8: a fold inside a character would break this.
      expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).not.toThrow();
      if (line.startsWith(' ')) folded++;
    }
    expect(folded).toBeGreaterThan(10);
    // Lines are filled: a continuation of Chinese text holds 24 characters (1 + 24 × 3 = 73 octets, one more is 76).
    expect(lines.some((line) => Buffer.byteLength(line) >= 73)).toBe(true);
    const { calendar, events } = parse(ics);
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe(chinese);
    expect(events[0].title).toBe(chinese);
    expect(events[0].description).toBe(mixed);
    expect(events[0].location).toBe(`a${'水'.repeat(60)}`);
  });

  it('writes an empty agenda, and refuses invalid dates and reminders', () => {
    const { events } = parse(agendaCalendar({ calendarName: 'Empty', entries: [], generatedAt }));
    expect(events).toEqual([]);
    const write = (entry: Partial<AgendaEntry>) => () =>
      agendaCalendar({ calendarName: 'x', entries: [{ ...meeting, ...entry }], generatedAt });
    expect(write({ startsAt: new Date('nope') })).toThrow(/start of "meeting-1@waterbridge" is not a valid date/);
    expect(write({ endsAt: at('01:00') })).toThrow(/ends before it starts/);
    expect(write({ reminderMinutesBefore: -5 })).toThrow(/whole number of minutes >= 0, not -5/);
    expect(write({ reminderMinutesBefore: 1.5 })).toThrow(/not 1.5/);
    expect(() => agendaCalendar({ calendarName: 'x', entries: [], generatedAt: new Date(NaN) })).toThrow(/generatedAt is not a valid date/);
  });
});
