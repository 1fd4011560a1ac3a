import ICAL from 'ical.js';
import request from 'supertest';
import { MatchingService } from '../../src/matching/matching.service';
import { MeetingRemindersJob } from '../../src/meetings/meeting-reminders.job';
import { ALL_TABLES, databaseFingerprint } from '../support/fingerprint';
import { errorCode, TestApp } from '../support/test-app';
import { useWorld, World } from '../support/world';

const DAY = 24 * 3600 * 1000;
const MINUTE = 60_000;

interface Meeting {
  id: string;
  status: string;
  version: number;
  requester: { registrationId: string; name: string };
  invitee: { registrationId: string; name: string };
  slot: { id: string; startsAt: string } | null;
  tableNumber: number | null;
  unplacedReason: string | null;
}
interface MeetingEvent {
  audience: { organizationIds: string[] };
  activityId: string;
  meetingChange?: string;
  meeting: { requester: { name: string }; invitee: { name: string }; startsAt: string | null; reason?: string | null };
  meetings: unknown[];
  minutesBefore?: number;
}
const MEETING =
  'id status version requester { registrationId name } invitee { registrationId name } slot { id startsAt } tableNumber unplacedReason';

describe('B2B meetings at an activity: requests, scheduling, agendas, reminders, suggestions', () => {
  let t: TestApp;
  let w: World;
  useWorld((app, world) => ((t = app), (w = world)));

  type Who = 'coordinator' | 'enterprise' | 'otherEnterprise' | 'agency' | 'otherAgency';
  const as = (who: Who) => w.token(who);
  const ok = <T>(res: { data?: T | null; errors?: unknown }): T => {
    expect(res.errors).toBeUndefined();
    return res.data!;
  };

  // One activity, starting at a whole hour 30 days from now: three 30-minute slots from 09:00 UTC.
  const start = new Date(Math.floor((Date.now() + 30 * DAY) / DAY) * DAY + 9 * 3600_000);
  const slotTimes = [0, 1, 2].map((i) => ({
    startsAt: new Date(start.getTime() + i * 30 * MINUTE).toISOString(),
    endsAt: new Date(start.getTime() + (i + 1) * 30 * MINUTE).toISOString(),
  }));
  let activityId: string;
  /** Confirmed delegates: two of the agency, one of each enterprise. */
  const d: Record<'agency1' | 'agency2' | 'enterprise' | 'otherEnterprise', string> = {} as never;

  /** Registers the delegates of `who`'s organisation and confirms them; their registration ids. */
  const register = async (who: Who, delegates: Array<{ name: string; email: string }>, activity = activityId) => {
    const ids = ok(
      await t.gql<{ registerDelegates: Array<{ id: string }> }>(
        'mutation($input: RegisterDelegatesInput!) { registerDelegates(input: $input) { id } }',
        { input: { activityId: activity, delegates } },
        as(who),
      ),
    ).registerDelegates.map((r) => r.id);
    for (const id of ids) ok(await t.gql('mutation($id: ID!) { confirmRegistration(id: $id) { status } }', { id }, as('coordinator')));
    return ids;
  };
  /** A published exhibition starting at `start`. */
  const openActivity = async (title: string) => {
    const id = ok(
      await t.gql<{ createActivity: { id: string } }>(
        'mutation($input: CreateActivityInput!) { createActivity(input: $input) { id } }',
        {
          input: {
            kind: 'EXHIBITION',
            title,
            countryCode: 'LK',
            city: 'Colombo',
            startsAt: start.toISOString(),
            endsAt: new Date(start.getTime() + 8 * 3600_000).toISOString(),
            timeZone: 'Asia/Colombo',
            capacity: 20,
            registrationDeadline: new Date(start.getTime() - 5 * DAY).toISOString(),
          },
        },
        as('coordinator'),
      ),
    ).createActivity.id;
    ok(await t.gql('mutation($id: ID!) { publishActivity(id: $id) { status } }', { id }, as('coordinator')));
    return id;
  };

  beforeAll(async () => {
    activityId = await openActivity('Water technology exhibition');
    [d.agency1, d.agency2] = await register('agency', [
      { name: 'Nimal Perera', email: 'nimal@example.lk' },
      { name: 'Kumari Silva', email: 'kumari@example.lk' },
    ]);
    [d.enterprise] = await register('enterprise', [{ name: 'Zhou Min', email: 'zhou.min@example.cn' }]);
    [d.otherEnterprise] = await register('otherEnterprise', [{ name: 'Li Na', email: 'li.na@example.cn' }]);
  });

  const setPlan = (tables: number, slots: Array<{ startsAt: string; endsAt: string }>, who: Who = 'coordinator') =>
    t.gql<{ setMeetingPlan: { tables: number; slots: Array<{ id: string; startsAt: string }> } }>(
      'mutation($input: SetMeetingPlanInput!) { setMeetingPlan(input: $input) { tables slots { id startsAt } } }',
      { input: { activityId, tables, slots } },
      as(who),
    );
  const requestMeeting = (who: Who, from: string, to: string, message?: string) =>
    t.gql<{ requestMeeting: Meeting }>(
      `mutation($input: RequestMeetingInput!) { requestMeeting(input: $input) { ${MEETING} } }`,
      { input: { fromRegistrationId: from, toRegistrationId: to, message } },
      as(who),
    );
  const answer = (who: Who, id: string, accept: boolean, reason?: string | null) =>
    t.gql<{ answerMeetingRequest: Meeting }>(
      `mutation($id: ID!, $accept: Boolean!, $reason: String) { answerMeetingRequest(id: $id, accept: $accept, reason: $reason) { ${MEETING} } }`,
      { id, accept, reason },
      as(who),
    );
  const meetings = async (who: Who) =>
    ok(
      await t.gql<{ activityMeetings: Meeting[] }>(
        `query($id: ID!) { activityMeetings(activityId: $id) { ${MEETING} } }`,
        { id: activityId },
        as(who),
      ),
    ).activityMeetings;
  const schedule = async () =>
    ok(
      await t.gql<{ scheduleMeetings: Record<string, number> }>(
        'mutation($id: ID!) { scheduleMeetings(activityId: $id) { placed unplaced kept upperBound cancelled } }',
        { id: activityId },
        as('coordinator'),
      ),
    ).scheduleMeetings;
  /** The payloads of the events of a type, oldest first: what the fan-out delivers. */
  const events = async (type: string): Promise<MeetingEvent[]> =>
    (await t.dataSource.query(`SELECT payload FROM notification_event WHERE type = $1 ORDER BY created_at, id`, [type])).map(
      (r: { payload: MeetingEvent }) => r.payload,
    );

  let slots: Array<{ id: string; startsAt: string }>;

  it('takes a plan of slots and tables, refusing overlaps, slots outside the activity and other roles, writing nothing', async () => {
    const before = await databaseFingerprint(t.dataSource, ALL_TABLES);
    const overlapping = [slotTimes[0], { startsAt: slotTimes[0].startsAt, endsAt: slotTimes[1].endsAt }];
    expect(errorCode(await setPlan(1, overlapping))).toBe('BAD_USER_INPUT');
    const outside = [{ startsAt: new Date(start.getTime() - 3600_000).toISOString(), endsAt: start.toISOString() }];
    expect(errorCode(await setPlan(1, outside))).toBe('BAD_USER_INPUT');
    expect(errorCode(await setPlan(-1, slotTimes))).toBe('BAD_USER_INPUT');
    expect(errorCode(await setPlan(1, slotTimes, 'agency'))).toBe('FORBIDDEN');
    expect(await databaseFingerprint(t.dataSource, ALL_TABLES)).toEqual(before);

    slots = ok(await setPlan(1, slotTimes)).setMeetingPlan.slots;
    expect(slots.map((s) => s.startsAt)).toEqual(slotTimes.map((s) => s.startsAt));
  });

  let wanted: Meeting;
  let other: Meeting;
  let declined: Meeting;

  it('lets confirmed delegates ask each other; the invited side accepts or declines; a pair has one live request', async () => {
    wanted = ok(await requestMeeting('enterprise', d.enterprise, d.agency1, 'Solar-powered desalination for islands')).requestMeeting;
    expect(wanted).toMatchObject({ status: 'REQUESTED', requester: { name: 'Zhou Min' }, invitee: { name: 'Nimal Perera' }, slot: null });
    other = ok(await requestMeeting('otherEnterprise', d.otherEnterprise, d.agency1)).requestMeeting;
    declined = ok(await requestMeeting('enterprise', d.enterprise, d.agency2)).requestMeeting;

    const before = await databaseFingerprint(t.dataSource, ALL_TABLES);
    // The same pair the other way round, a delegate of one's own organisation, someone else's delegate, the wrong side answering.
    expect(errorCode(await requestMeeting('agency', d.agency1, d.enterprise))).toBe('CONFLICT');
    expect(errorCode(await requestMeeting('agency', d.agency1, d.agency2))).toBe('BAD_USER_INPUT');
    expect(errorCode(await requestMeeting('enterprise', d.otherEnterprise, d.agency1))).toBe('NOT_FOUND');
    expect(errorCode(await answer('enterprise', wanted.id, true))).toBe('FORBIDDEN');
    expect(errorCode(await answer('otherAgency', wanted.id, true))).toBe('NOT_FOUND');
    // A decline says why, as every refusal does: without a reason (or a blank one) it is refused on `reason`.
    for (const reason of [undefined, null, '   ']) {
      const res = await answer('agency', declined.id, false, reason);
      expect({ reason, code: errorCode(res), field: res.errors?.[0].extensions?.field }).toEqual({
        reason,
        code: 'BAD_USER_INPUT',
        field: 'reason',
      });
    }
    expect(await databaseFingerprint(t.dataSource, ALL_TABLES)).toEqual(before);

    expect(ok(await answer('agency', wanted.id, true)).answerMeetingRequest.status).toBe('ACCEPTED');
    expect(ok(await answer('agency', other.id, true)).answerMeetingRequest.status).toBe('ACCEPTED');
    expect(ok(await answer('agency', declined.id, false, 'Not our field')).answerMeetingRequest.status).toBe('DECLINED');
    expect(errorCode(await answer('agency', declined.id, true))).toBe('CONFLICT');

    // Each side sees its own requests only; the secretariat all.
    expect((await meetings('enterprise')).map((m) => m.id).sort()).toEqual([wanted.id, declined.id].sort());
    expect((await meetings('otherEnterprise')).map((m) => m.id)).toEqual([other.id]);
    expect(await meetings('otherAgency')).toEqual([]);
    expect(await meetings('coordinator')).toHaveLength(3);

    // The invited organisation heard of each request, the requester of each answer.
    const told = (await events('MEETING_REQUEST_CHANGED')).map((p) => [
      p.meetingChange,
      p.meeting.requester.name,
      p.meeting.invitee.name,
      p.audience.organizationIds,
    ]);
    expect(told).toEqual([
      ['REQUESTED', 'Zhou Min', 'Nimal Perera', [w.orgs.agencyOrg.id]],
      ['REQUESTED', 'Li Na', 'Nimal Perera', [w.orgs.agencyOrg.id]],
      ['REQUESTED', 'Zhou Min', 'Kumari Silva', [w.orgs.agencyOrg.id]],
      ['ACCEPTED', 'Zhou Min', 'Nimal Perera', [w.orgs.enterpriseOrg.id]],
      ['ACCEPTED', 'Li Na', 'Nimal Perera', [w.orgs.otherEnterpriseOrg.id]],
      ['DECLINED', 'Zhou Min', 'Kumari Silva', [w.orgs.enterpriseOrg.id]],
    ]);
  });

  it('schedules the accepted requests: one table, nobody double-booked, the delegate’s break respected', async () => {
    ok(
      await t.gql(
        'mutation($input: SetMeetingBreaksInput!) { setMeetingBreaks(input: $input) { id } }',
        {
          input: { registrationId: d.agency1, slotIds: [slots[0].id] },
        },
        as('agency'),
      ),
    );
    expect(
      errorCode(
        await t.gql(
          'mutation($input: SetMeetingBreaksInput!) { setMeetingBreaks(input: $input) { id } }',
          {
            input: { registrationId: d.agency1, slotIds: [] },
          },
          as('enterprise'),
        ),
      ),
    ).toBe('NOT_FOUND');

    expect(await schedule()).toEqual({ placed: 2, unplaced: 0, kept: 0, upperBound: 2, cancelled: 0 });
    const placed = (await meetings('coordinator')).filter((m) => m.status === 'ACCEPTED');
    // Nimal is away in the first slot and meets both enterprises: the second and third slots, one each, at the one table.
    expect(placed.map((m) => m.slot?.id).sort()).toEqual([slots[1].id, slots[2].id].sort());
    expect(placed.map((m) => m.tableNumber)).toEqual([1, 1]);

    // Each organisation with meetings got its agenda.
    const agendas = await events('MEETINGS_SCHEDULED');
    expect(agendas.map((p) => [p.audience.organizationIds[0], p.meetings.length]).sort()).toEqual(
      [
        [w.orgs.agencyOrg.id, 2],
        [w.orgs.enterpriseOrg.id, 1],
        [w.orgs.otherEnterpriseOrg.id, 1],
      ].sort(),
    );

    // A second run keeps every meeting where it is, and tells nobody again.
    expect(await schedule()).toEqual({ placed: 2, unplaced: 0, kept: 2, upperBound: 2, cancelled: 0 });
    expect(await events('MEETINGS_SCHEDULED')).toHaveLength(3);
  });

  it('gives each delegate an agenda, as a list and as an iCalendar file a calendar reads back', async () => {
    const agenda = ok(
      await t.gql<{
        meetingAgenda: Array<{ startsAt: string; tableNumber: number; with: { name: string; organization: { id: string } } }>;
      }>(
        'query($id: ID!) { meetingAgenda(registrationId: $id) { startsAt tableNumber with { name organization { id } } } }',
        { id: d.agency1 },
        as('agency'),
      ),
    ).meetingAgenda;
    expect(agenda.map((a) => a.startsAt)).toEqual([slots[1].startsAt, slots[2].startsAt]);
    expect(agenda.map((a) => a.with.name).sort()).toEqual(['Li Na', 'Zhou Min']);
    // With whom, by organisation too: each enterprise's delegate.
    expect(agenda.map((a) => [a.with.name, a.with.organization.id]).sort()).toEqual([
      ['Li Na', w.orgs.otherEnterpriseOrg.id],
      ['Zhou Min', w.orgs.enterpriseOrg.id],
    ]);

    const server = t.app.getHttpServer();
    const file = await request(server)
      .get(`/meetings/agenda.ics?registration=${d.agency1}`)
      .set('authorization', `Bearer ${as('agency')}`);
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toMatch(/^text\/calendar/);
    const calendar = new ICAL.Component(ICAL.parse(file.text));
    const vevents = calendar.getAllSubcomponents('vevent');
    const parsed = vevents.map((v) => {
      const event = new ICAL.Event(v);
      const trigger = v.getFirstSubcomponent('valarm')?.getFirstPropertyValue('trigger');
      return {
        uid: event.uid,
        summary: event.summary,
        startsAt: event.startDate.toJSDate().toISOString(),
        endsAt: event.endDate.toJSDate().toISOString(),
        alarmSeconds: trigger instanceof ICAL.Duration ? trigger.toSeconds() : null,
      };
    });
    const byStart = new Map(agenda.map((a) => [a.startsAt, a.with.name]));
    expect(parsed).toHaveLength(2);
    for (const event of parsed) {
      expect(event.summary).toContain(byStart.get(event.startsAt)!);
      expect(new Date(event.endsAt).getTime() - new Date(event.startsAt).getTime()).toBe(30 * MINUTE);
      expect(event.alarmSeconds).toBe(-60 * 60);
      expect(event.uid).toMatch(/^meeting-[0-9a-f-]+@waterbridge$/);
    }

    expect((await request(server).get(`/meetings/agenda.ics?registration=${d.agency1}`)).status).toBe(401);
    const others = await request(server)
      .get(`/meetings/agenda.ics?registration=${d.agency1}`)
      .set('authorization', `Bearer ${as('enterprise')}`);
    expect(others.status).toBe(404);
    expect(others.body.errors[0].extensions.code).toBe('NOT_FOUND');
    const bad = await request(server)
      .get('/meetings/agenda.ics?registration=nope')
      .set('authorization', `Bearer ${as('agency')}`);
    expect(bad.status).toBe(400);
  });

  it('reminds both sides once, MEETING_REMINDER_MINUTES before each meeting', async () => {
    const job = t.app.get(MeetingRemindersJob);
    const second = new Date(slots[1].startsAt);
    expect(await job.run(new Date(second.getTime() - 90 * MINUTE))).toBe(0);
    expect(await job.run(new Date(second.getTime() - 45 * MINUTE))).toBe(1);
    expect(await job.run(new Date(second.getTime() - 40 * MINUTE))).toBe(0);
    const [reminder] = await events('MEETING_REMINDER');
    expect(reminder.meeting.startsAt).toBe(slots[1].startsAt);
    expect(reminder.minutesBefore).toBe(45);
    const placedThere = (await meetings('coordinator')).find((m) => m.slot?.id === slots[1].id)!;
    const enterpriseSide = placedThere.requester.registrationId === d.enterprise ? w.orgs.enterpriseOrg.id : w.orgs.otherEnterpriseOrg.id;
    expect([...reminder.audience.organizationIds].sort()).toEqual([enterpriseSide, w.orgs.agencyOrg.id].sort());
  });

  it('suggests whom to meet among the organisations there, ranked by the matching engine, with the explanation', async () => {
    // The agency's open need is about rural boreholes in Sri Lanka: one enterprise has drilled them, the other builds roads.
    await t.factory.referenceProject(w.orgs.enterpriseOrg.id, {
      title: 'Rural borehole drilling and hand pumps in Anuradhapura',
      description: 'Drilled 120 boreholes with hand pumps for rural water supply in Anuradhapura district.',
      countryCode: 'LK',
    });
    await t.factory.referenceProject(w.orgs.otherEnterpriseOrg.id, {
      title: 'Highway bridge construction',
      description: 'A four-lane highway bridge and approach roads.',
      countryCode: 'KE',
    });
    await t.app.get(MatchingService).refresh();
    const suggestions = ok(
      await t.gql<{
        meetingSuggestions: Array<{
          rank: number;
          organization: { nameEn: string };
          delegates: Array<{ name: string }>;
          need: { id: string };
          score: number;
          alreadyRequested: boolean;
          explanation: { summary: string | null; factors: Array<{ contribution: number }> };
        }>;
      }>(
        'query($id: ID!) { meetingSuggestions(registrationId: $id) { rank organization { nameEn } delegates { name } need { id } score alreadyRequested explanation { summary factors { contribution } } } }',
        { id: d.agency2 },
        as('agency'),
      ),
    ).meetingSuggestions;
    expect(suggestions.map((s) => s.organization.nameEn)).toEqual([w.orgs.enterpriseOrg.nameEn, w.orgs.otherEnterpriseOrg.nameEn]);
    expect(suggestions[0].score).toBeGreaterThan(suggestions[1].score);
    expect(suggestions[0]).toMatchObject({ rank: 1, delegates: [{ name: 'Zhou Min' }], need: { id: w.openNeed.id } });
    // Kumari declined Zhou Min's request: no live request between them.
    expect(suggestions[0].alreadyRequested).toBe(false);
    const sum = suggestions[0].explanation.factors.reduce((s, f) => s + f.contribution, 0);
    expect(sum).toBeCloseTo(suggestions[0].score, 3);
    // The summary ranks the pair among the others there ("Ranked 1 of 2"): the secretariat's, as a match's is.
    expect(suggestions.map((s) => s.explanation.summary)).toEqual([null, null]);
    const forCoordinator = ok(
      await t.gql<{ meetingSuggestions: Array<{ explanation: { summary: string | null } }> }>(
        'query($id: ID!) { meetingSuggestions(registrationId: $id) { explanation { summary } } }',
        { id: d.agency2 },
        as('coordinator'),
      ),
    ).meetingSuggestions;
    expect(forCoordinator.map((s) => s.explanation.summary)).toEqual([
      expect.stringMatching(/^Ranked 1 of /),
      expect.stringMatching(/^Ranked 2 of /),
    ]);

    // The other way round: the enterprise is told to meet the agency, on the agency's need; Zhou Min already has a request with Nimal.
    const forEnterprise = ok(
      await t.gql<{
        meetingSuggestions: Array<{ organization: { nameEn: string }; alreadyRequested: boolean; explanation: { summary: string | null } }>;
      }>(
        'query($id: ID!) { meetingSuggestions(registrationId: $id) { organization { nameEn } alreadyRequested explanation { summary } } }',
        { id: d.enterprise },
        as('enterprise'),
      ),
    ).meetingSuggestions;
    expect(forEnterprise).toEqual([
      { organization: { nameEn: w.orgs.agencyOrg.nameEn }, alreadyRequested: true, explanation: { summary: null } },
    ]);
  });

  it('frees a cancelled meeting’s place, cancels requests of a delegate no longer confirmed, and freezes once the activity is held', async () => {
    // Were the activity called off, nobody's agenda would hold its meetings.
    const agendaOf = async () =>
      ok(
        await t.gql<{ meetingAgenda: unknown[] }>(
          'query($id: ID!) { meetingAgenda(registrationId: $id) { startsAt } }',
          { id: d.agency1 },
          as('agency'),
        ),
      ).meetingAgenda;
    expect(await agendaOf()).toHaveLength(2);
    await t.dataSource.query(`UPDATE activity SET status = 'CANCELLED' WHERE id = $1`, [activityId]);
    expect(await agendaOf()).toEqual([]);
    await t.dataSource.query(`UPDATE activity SET status = 'OPEN' WHERE id = $1`, [activityId]);

    const cancelled = ok(
      await t.gql<{ cancelMeetingRequest: Meeting }>(
        `mutation($id: ID!) { cancelMeetingRequest(id: $id, reason: "Flight changed") { ${MEETING} } }`,
        { id: wanted.id },
        as('enterprise'),
      ),
    ).cancelMeetingRequest;
    expect(cancelled).toMatchObject({ status: 'CANCELLED', slot: null, tableNumber: null });
    const [, , , , , , told] = await events('MEETING_REQUEST_CHANGED');
    expect(told).toMatchObject({ meetingChange: 'CANCELLED', audience: { organizationIds: [w.orgs.agencyOrg.id] } });
    expect(told.meeting.startsAt).not.toBeNull();

    // Li Na's registration is cancelled: the next run cancels her meeting and tells both sides.
    ok(await t.gql('mutation($id: ID!) { cancelRegistration(id: $id) { status } }', { id: d.otherEnterprise }, as('otherEnterprise')));
    expect(await schedule()).toEqual({ placed: 0, unplaced: 0, kept: 0, upperBound: 0, cancelled: 1 });
    expect((await meetings('coordinator')).find((m) => m.id === other.id)).toMatchObject({ status: 'CANCELLED', slot: null });

    // The activity took place (markActivityHeld accepts it only once it has started, 30 days from now): meetings freeze.
    await t.dataSource.query(`UPDATE activity SET status = 'HELD' WHERE id = $1`, [activityId]);
    expect(errorCode(await requestMeeting('enterprise', d.enterprise, d.agency1))).toBe('CONFLICT');
    expect(errorCode(await setPlan(2, slotTimes))).toBe('CONFLICT');
  });
  it('cancels the live meeting requests with the activity, in its transaction, with its reason, telling both sides', async () => {
    const calledOff = await openActivity('Exhibition called off');
    const [nimal] = await register('agency', [{ name: 'Nimal Perera', email: 'nimal@example.lk' }], calledOff);
    const [zhou] = await register('enterprise', [{ name: 'Zhou Min', email: 'zhou.min@example.cn' }], calledOff);
    const [li] = await register('otherEnterprise', [{ name: 'Li Na', email: 'li.na@example.cn' }], calledOff);
    const accepted = ok(await requestMeeting('enterprise', zhou, nimal)).requestMeeting;
    ok(await answer('agency', accepted.id, true));
    const requested = ok(await requestMeeting('otherEnterprise', li, nimal)).requestMeeting;
    const declined = ok(await requestMeeting('otherEnterprise', li, zhou)).requestMeeting;
    ok(await answer('enterprise', declined.id, false, 'We compete on this tender'));

    ok(
      await t.gql(
        'mutation($id: ID!) { cancelActivity(id: $id, reason: "Flooding at the venue") { status } }',
        { id: calledOff },
        as('coordinator'),
      ),
    );
    const rows = await t.dataSource.query(`SELECT id, status, reason FROM meeting_request WHERE activity_id = $1 ORDER BY created_at, id`, [
      calledOff,
    ]);
    expect(rows).toEqual([
      { id: accepted.id, status: 'CANCELLED', reason: 'Flooding at the venue' },
      { id: requested.id, status: 'CANCELLED', reason: 'Flooding at the venue' },
      { id: declined.id, status: 'DECLINED', reason: 'We compete on this tender' },
    ]);
    // Each is a move of its own in the audit trail, the system's (no actor), as the registrations cancelled with it are.
    const trail = await t.dataSource.query(
      `SELECT entity_id, action, actor_user_id, from_status, to_status, reason FROM audit_entry
        WHERE entity_id = ANY($1) AND to_status = 'CANCELLED' ORDER BY created_at, id`,
      [[accepted.id, requested.id, declined.id]],
    );
    // One transaction: the entries share their time, so their order is not the point.
    const byEntity = (a: { entity_id: string }, b: { entity_id: string }) => a.entity_id.localeCompare(b.entity_id);
    expect(trail.sort(byEntity)).toEqual(
      [
        [accepted.id, 'ACCEPTED'],
        [requested.id, 'REQUESTED'],
      ]
        .map(([id, from]) => ({
          entity_id: id,
          action: 'cancel meeting with the activity',
          actor_user_id: null,
          from_status: from,
          to_status: 'CANCELLED',
          reason: 'Flooding at the venue',
        }))
        .sort(byEntity),
    );
    // Both sides of each hear of it (MEETING_REQUEST_CHANGED), with the reason.
    const told = (await events('MEETING_REQUEST_CHANGED'))
      .filter((e) => e.activityId === calledOff && e.meetingChange === 'CANCELLED')
      .map((e) => [e.meeting.requester.name, e.meeting.invitee.name, [...e.audience.organizationIds].sort(), e.meeting.reason])
      .sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    expect(told).toEqual([
      ['Li Na', 'Nimal Perera', [w.orgs.otherEnterpriseOrg.id, w.orgs.agencyOrg.id].sort(), 'Flooding at the venue'],
      ['Zhou Min', 'Nimal Perera', [w.orgs.enterpriseOrg.id, w.orgs.agencyOrg.id].sort(), 'Flooding at the venue'],
    ]);
  });
});
