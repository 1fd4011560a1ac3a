import { DelegateSnapshot } from '../../src/notifications/notification-payload';
import { startSmtpReceiver, SmtpReceiver } from '../support/smtp-receiver';
import { errorCode, startTestApp, TestApp } from '../support/test-app';
import { waitUntil } from '../support/wait';
import { startWebhookReceiver, WebhookReceiver } from '../support/webhook-receiver';
import { buildWorld, Principal, World } from '../support/world';

const DAY = 24 * 3600 * 1000;
const REGISTRATION = 'ACTIVITY_REGISTRATION_CHANGED';
const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString();

interface Note {
  type: string;
  title: string;
  body: string;
  activityId: string | null;
}

/** The alliance's activities tell those concerned: a programme's members of a publication, an organisation of its delegates' registrations. */
describe('activity notifications', () => {
  let t: TestApp;
  let w: World;
  let smtp: SmtpReceiver;
  let hooks: WebhookReceiver;

  beforeAll(async () => {
    smtp = await startSmtpReceiver();
    hooks = await startWebhookReceiver();
    t = await startTestApp({
      WORKERS_ENABLED: 'true',
      SMTP_HOST: smtp.host,
      SMTP_PORT: String(smtp.port),
      NOTIFICATION_RETRY_DELAY_SECONDS: '1',
      WEBHOOK_ALLOW_HTTP: 'true',
      WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true',
    });
    w = await buildWorld(t);
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.stop();
    await hooks?.stop();
  });

  const ok = async <T>(response: Promise<{ data?: T | null; errors?: unknown }>): Promise<T> => {
    const res = await response;
    expect(res.errors).toBeUndefined();
    return res.data!;
  };
  const inbox = async (who: Principal): Promise<Note[]> =>
    (
      await ok(
        t.gql<{ notifications: { edges: Array<{ node: Note }> } }>(
          '{ notifications(first: 50) { edges { node { type title body activityId } } } }',
          {},
          w.token(who),
        ),
      )
    ).notifications.edges.map((e) => e.node);
  /** The activity notifications `who` has about `activityId`, once `count` have arrived. */
  /** Waits for `count` notifications of `who` about the activity (of one type, when given). */
  const heard = (who: Principal, activityId: string, count: number, type?: string) =>
    waitUntil(async () => {
      const notes = (await inbox(who)).filter((n) => n.activityId === activityId && (!type || n.type === type));
      return notes.length >= count ? notes : undefined;
    }, `${count} notification(s) of ${who} about the activity`);
  const createActivity = async (fields: Record<string, unknown>) =>
    (
      await ok(
        t.gql<{ createActivity: { id: string } }>(
          'mutation($input: CreateActivityInput!) { createActivity(input: $input) { id } }',
          {
            input: {
              kind: 'SEMINAR',
              title: 'Seminar on rural water supply',
              countryCode: 'LK',
              city: 'Colombo',
              startsAt: inDays(30),
              endsAt: inDays(32),
              timeZone: 'Asia/Colombo',
              capacity: 5,
              registrationDeadline: inDays(20),
              ...fields,
            },
          },
          w.token('coordinator'),
        ),
      )
    ).createActivity.id;
  const coordinator = (mutation: string, id: string, extra = '') =>
    t.gql<Record<string, { status: string }>>(
      `mutation($id: ID!) { ${mutation}(id: $id${extra}) { status } }`,
      { id },
      w.token('coordinator'),
    );
  const register = (who: Principal, activityId: string, names: string[]) =>
    t.gql<{ registerDelegates: Array<{ id: string; status: string; waitingListPosition: number | null }> }>(
      'mutation($input: RegisterDelegatesInput!) { registerDelegates(input: $input) { id status waitingListPosition } }',
      {
        input: {
          activityId,
          delegates: names.map((name) => ({ name, email: `${name.toLowerCase().replace(/\W+/g, '.')}@example.org` })),
        },
      },
      w.token(who),
    );
  /** Every ACTIVITY_REGISTRATION_CHANGED written for the activity, as "organisation change: delegate/status/position/reason, …", sorted. */
  const registrationEvents = async (activityId: string) => {
    const rows = await t.dataSource.query<
      Array<{ payload: { audience: { organizationIds: string[] }; change: string; delegates: DelegateSnapshot[] } }>
    >(`SELECT payload FROM notification_event WHERE type = 'ACTIVITY_REGISTRATION_CHANGED' AND payload->>'activityId' = $1`, [activityId]);
    const nameOf = new Map(Object.values(w.orgs).map((o) => [o.id, o.nameEn]));
    return rows
      .map(({ payload: p }) => {
        const delegates = p.delegates.map((d) => [d.name, d.status, d.waitingListPosition ?? '', d.reason ?? ''].join('/'));
        return `${p.audience.organizationIds.map((id) => nameOf.get(id)).join('+')} ${p.change}: ${delegates.join(', ')}`;
      })
      .sort();
  };

  it('tells the members of the programme of a published activity, in the app, by e-mail linking to the activity and by webhook', async () => {
    const programme = await ok(
      t.gql<{ createProgramme: { id: string } }>(
        'mutation($input: CreateProgrammeInput!) { createProgramme(input: $input) { id } }',
        { input: { nameEn: 'Water technology for Belt and Road countries', sponsor: 'ANSO', startsOn: '2024-01-01', sdgTargets: ['6.1'] } },
        w.token('coordinator'),
      ),
    );
    const programmeId = programme.createProgramme.id;
    await ok(
      t.gql(
        'mutation($p: ID!, $o: [ID!]!) { addProgrammeMembers(programmeId: $p, organizationIds: $o) { id } }',
        { p: programmeId, o: [w.orgs.enterpriseOrg.id] },
        w.token('coordinator'),
      ),
    );
    // The member enterprise's systems chose the new event for their webhook.
    await ok(
      t.gql(
        'mutation($input: CreateWebhookInput!) { createWebhook(input: $input) { secret } }',
        { input: { url: hooks.url, events: ['ACTIVITY_PUBLISHED'] } },
        w.token('enterprise'),
      ),
    );
    const id = await createActivity({ programmeId, title: 'Field investigation of small reservoirs', titleZh: '小型水库实地考察' });
    expect(await registrationEvents(id)).toEqual([]);
    expect((await coordinator('publishActivity', id)).data?.publishActivity.status).toBe('OPEN');

    const [note] = await heard('enterprise', id, 1);
    expect(note).toMatchObject({ type: 'ACTIVITY_PUBLISHED', title: 'New activity: “Field investigation of small reservoirs”' });
    expect(note.body).toContain('is open for registration:');
    expect(note.body).toContain('Colombo, Sri Lanka');
    const mail = await waitUntil(
      () => smtp.messages.find((m) => m.to.includes(w.users.enterprise.email) && m.subject.includes('Field investigation')),
      'the member’s e-mail',
    );
    expect(mail.text).toMatch(new RegExp(`View the activity: \\S+/activities/${id}\\n`));
    expect(mail.html).toMatch(new RegExp(`href="[^"]+/activities/${id}"`));
    const [call] = await hooks.waitFor(1);
    expect(call.headers['waterbridge-event']).toBe('ACTIVITY_PUBLISHED');
    expect(call.json).toMatchObject({
      event: 'ACTIVITY_PUBLISHED',
      data: { activityId: id, titleZh: '小型水库实地考察', timeZone: 'Asia/Colombo' },
    });
    // Organisations outside the programme are not told.
    for (const other of ['otherEnterprise', 'agency'] as const) expect((await inbox(other)).filter((n) => n.activityId === id)).toEqual([]);
  });

  it('tells each registering organisation of its delegates: seat or waiting list, a coordinator’s cancellation, the list moving up, the activity cancelled', async () => {
    const id = await createActivity({ capacity: 1 });
    await coordinator('publishActivity', id);
    const [seat] = (await ok(register('agency', id, ['Nimal Perera']))).registerDelegates;
    expect(seat.status).toBe('PENDING');
    // Two delegates in one sign-up, both on the waiting list: one message, with each one's place.
    const waiting = (await ok(register('enterprise', id, ['Li Wei', 'Zhang Min']))).registerDelegates;
    expect(waiting.map((r) => [r.status, r.waitingListPosition])).toEqual([
      ['WAITLISTED', 1],
      ['WAITLISTED', 2],
    ]);
    const [signUp] = await heard('enterprise', id, 1, REGISTRATION);
    expect(signUp.title).toBe('2 delegates registered for “Seminar on rural water supply”');
    expect(signUp.body).toContain('Li Wei: waiting list, number 1; Zhang Min: waiting list, number 2.');

    // A coordinator cancels the held seat: its organisation hears why, and the first on the list holds it now.
    const cancelled = await t.gql<{ cancelRegistration: { status: string } }>(
      'mutation($id: ID!) { cancelRegistration(id: $id, reason: "Visa not granted") { status } }',
      { id: seat.id },
      w.token('coordinator'),
    );
    expect(cancelled.data?.cancelRegistration.status).toBe('CANCELLED');
    const promoted = (await heard('enterprise', id, 2, REGISTRATION)).find((n) => n.title.startsWith('Seat now held'));
    expect(promoted?.title).toBe('Seat now held: Li Wei for “Seminar on rural water supply”');
    expect(promoted?.body).toContain('Li Wei has moved up from the waiting list and now holds a seat.');
    const told = (await heard('agency', id, 2, REGISTRATION)).map((n) => n.title);
    expect(told).toContain('Registration cancelled: Nimal Perera for “Seminar on rural water supply”');

    // The organisation cancelling its own delegate is not told what it did.
    await ok(t.gql('mutation($id: ID!) { cancelRegistration(id: $id) { id } }', { id: waiting[1].id }, w.token('enterprise')));
    await ok(register('otherEnterprise', id, ['Amina Diallo']));
    // Cancelling the activity: one message per organisation with live delegates, naming them, with the reason.
    expect((await coordinator('cancelActivity', id, ', reason: "Flooding at the venue"')).data?.cancelActivity.status).toBe('CANCELLED');

    const { agencyOrg, enterpriseOrg, otherEnterpriseOrg } = w.orgs;
    expect(await registrationEvents(id)).toEqual(
      [
        `${agencyOrg.nameEn} REGISTERED: Nimal Perera/PENDING//`,
        `${enterpriseOrg.nameEn} REGISTERED: Li Wei/WAITLISTED/1/, Zhang Min/WAITLISTED/2/`,
        `${agencyOrg.nameEn} CANCELLED: Nimal Perera/CANCELLED//Visa not granted`,
        `${enterpriseOrg.nameEn} PROMOTED: Li Wei/PENDING//`,
        `${otherEnterpriseOrg.nameEn} REGISTERED: Amina Diallo/WAITLISTED/1/`,
        `${enterpriseOrg.nameEn} CANCELLED: Li Wei/CANCELLED//Flooding at the venue`,
        `${otherEnterpriseOrg.nameEn} CANCELLED: Amina Diallo/CANCELLED//Flooding at the venue`,
      ].sort(),
    );
    const [last] = await heard('otherEnterprise', id, 2, REGISTRATION).then((notes) =>
      notes.filter((n) => n.title.startsWith('Activity cancelled')),
    );
    expect(last.body).toContain('has been cancelled, and with it the registration of Amina Diallo. Reason: “Flooding at the venue”');
  });

  it('tells nobody of a change that was refused, and the organisation of the one that went through', async () => {
    const id = await createActivity({ capacity: 2 });
    await coordinator('publishActivity', id);
    await coordinator('closeActivityRegistration', id);
    const events = async () => (await t.dataSource.query<Array<{ n: number }>>(`SELECT count(*)::int AS n FROM notification_event`))[0].n;
    const before = await events();
    expect(errorCode(await register('enterprise', id, ['Li Wei']))).toBe('CONFLICT');
    expect(errorCode(await coordinator('publishActivity', id))).toBe('CONFLICT');
    expect(await events()).toBe(before);

    await coordinator('reopenActivityRegistration', id);
    await ok(register('enterprise', id, ['Li Wei']));
    // The second delegate is already registered: the first one's row is rolled back, and so is the message.
    expect(errorCode(await register('enterprise', id, ['Zhang Min', 'Li Wei']))).toBe('CONFLICT');
    expect(await registrationEvents(id)).toEqual([`${w.orgs.enterpriseOrg.nameEn} REGISTERED: Li Wei/PENDING//`]);
    const [note] = await heard('enterprise', id, 1, REGISTRATION);
    expect(note.title).toBe('Seat held: Li Wei for “Seminar on rural water supply”');
    await new Promise((r) => setTimeout(r, 500));
    expect((await inbox('enterprise')).filter((n) => n.activityId === id && n.type === REGISTRATION)).toHaveLength(1);
  });

  it('tells every verified member organisation of the alliance’s own activity (no programme)', async () => {
    const id = await createActivity({ title: 'Alliance conference on water security' });
    await coordinator('publishActivity', id);
    const [published] = await t.dataSource.query<Array<{ payload: { audience: { organizationIds: string[] } } }>>(
      `SELECT payload FROM notification_event WHERE type = 'ACTIVITY_PUBLISHED' AND payload->>'activityId' = $1`,
      [id],
    );
    const { enterpriseOrg, otherEnterpriseOrg, agencyOrg, otherAgencyOrg, unverifiedAgencyOrg, secretariat } = w.orgs;
    const told = new Set(published.payload.audience.organizationIds);
    for (const org of [enterpriseOrg, otherEnterpriseOrg, agencyOrg, otherAgencyOrg])
      expect({ org: org.nameEn, told: told.has(org.id) }).toEqual({ org: org.nameEn, told: true });
    // Not the unverified agency, not the secretariat (coordinators run it).
    for (const org of [unverifiedAgencyOrg, secretariat])
      expect({ org: org.nameEn, told: told.has(org.id) }).toEqual({ org: org.nameEn, told: false });
    const [note] = await heard('otherAgency', id, 1, 'ACTIVITY_PUBLISHED');
    expect(note.title).toBe('New activity: “Alliance conference on water security”');
  });

  it('tells the organisations with delegates registered when the days, place or deadline change — not of other edits', async () => {
    const id = await createActivity({ title: 'Exhibition of water technology', capacity: 1 });
    await coordinator('publishActivity', id);
    await ok(register('agency', id, ['Nimal Perera']));
    await ok(register('enterprise', id, ['Li Wei'])); // on the waiting list: told too
    const update = (fields: Record<string, unknown>) =>
      ok(
        t.gql(
          'mutation($input: UpdateActivityInput!) { updateActivity(input: $input) { id } }',
          { input: { id, ...fields } },
          w.token('coordinator'),
        ),
      );
    const changedEvents = async () =>
      t.dataSource.query<Array<{ payload: { changes: string[]; audience: { organizationIds: string[] }; before: { city: string } } }>>(
        `SELECT payload FROM notification_event WHERE type = 'ACTIVITY_CHANGED' AND payload->>'activityId' = $1 ORDER BY created_at`,
        [id],
      );
    await update({ description: 'Stands for 40 enterprises.' });
    expect(await changedEvents()).toEqual([]);

    // 40 days out instead of 30, in Kandy instead of Colombo.
    await update({ startsAt: inDays(40), endsAt: inDays(42), city: 'Kandy' });
    const [event] = await changedEvents();
    expect(event.payload.changes).toEqual(['dates', 'place']);
    expect(event.payload.before.city).toBe('Colombo');
    expect([...event.payload.audience.organizationIds].sort()).toEqual([w.orgs.agencyOrg.id, w.orgs.enterpriseOrg.id].sort());
    const [note] = await heard('enterprise', id, 1, 'ACTIVITY_CHANGED');
    expect(note.title).toBe('Activity changed: “Exhibition of water technology”');
    expect(note.body).toMatch(/it now takes place on .+ \(was .+\); it now takes place in Kandy, Sri Lanka \(was Colombo, Sri Lanka\)\.$/);
    // Organisations without delegates are not told.
    expect((await inbox('otherEnterprise')).filter((n) => n.activityId === id && n.type === 'ACTIVITY_CHANGED')).toEqual([]);
  });
});
