import { ActivityEntity } from '../../src/activities/activity.entity';
import { OrganizationKind } from '../../src/organizations/organization.entity';
import { Role } from '../../src/access/actor';
import { ALL_TABLES, databaseFingerprint } from '../support/fingerprint';
import { errorCode, TestApp } from '../support/test-app';
import { useWorld, World } from '../support/world';

const DAY = 24 * 3600 * 1000;
const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString();

interface Registration {
  id: string;
  delegateEmail: string;
  status: string;
  waitingListPosition: number | null;
}
const REGISTRATION = 'id delegateEmail status waitingListPosition';

describe('activities: lifecycle, registration within capacity, the waiting list', () => {
  let t: TestApp;
  let w: World;
  useWorld((app, world) => ((t = app), (w = world)));

  const as = (who: 'coordinator' | 'enterprise' | 'agency' | 'otherEnterprise') => w.token(who);

  const createActivity = async (fields: Record<string, unknown> = {}) => {
    const res = await t.gql<{ createActivity: { id: string; status: string } }>(
      'mutation($input: CreateActivityInput!) { createActivity(input: $input) { id status } }',
      {
        input: {
          kind: 'SEMINAR',
          title: 'Seminar on rural water supply',
          countryCode: 'LK',
          city: 'Kandy',
          startsAt: inDays(30),
          endsAt: inDays(31),
          timeZone: 'Asia/Colombo',
          capacity: 5,
          registrationDeadline: inDays(20),
          technologyCategories: ['WATER_SUPPLY_NETWORKS'],
          sdgTargets: ['6.1'],
          ...fields,
        },
      },
      as('coordinator'),
    );
    expect(res.errors).toBeUndefined();
    return res.data!.createActivity.id;
  };
  const move = (mutation: string, id: string, extra = '') =>
    t.gql<Record<string, { status: string }>>(`mutation($id: ID!) { ${mutation}(id: $id${extra}) { status } }`, { id }, as('coordinator'));
  const registrations = async (activityId: string, token = as('coordinator')) =>
    (
      await t.gql<{ activityRegistrations: { edges: Array<{ node: Registration }> } }>(
        `query($id: ID!) { activityRegistrations(activityId: $id, first: 100) { edges { node { ${REGISTRATION} } } } }`,
        { id: activityId },
        token,
      )
    ).data!.activityRegistrations.edges.map((e) => e.node);

  it('goes DRAFT → OPEN → CLOSED → HELD → REPORTED, visible once published, refusing illegal moves with CONFLICT', async () => {
    const id = await createActivity({ kind: 'FIELD_INVESTIGATION', title: 'Field investigation of small reservoirs' });
    expect(errorCode(await t.gql('query($id: ID!) { activity(id: $id) { id } }', { id }))).toBe('NOT_FOUND');
    expect((await move('publishActivity', id)).data?.publishActivity.status).toBe('OPEN');
    const seen = await t.gql<{ activity: { title: string; country: { code: string }; seats: { free: number } } }>(
      'query($id: ID!) { activity(id: $id) { title country { code } seats { free } } }',
      { id },
    );
    expect(seen.data?.activity).toEqual({ title: 'Field investigation of small reservoirs', country: { code: 'LK' }, seats: { free: 5 } });

    // Illegal moves: CONFLICT, and nothing written.
    const before = await databaseFingerprint(t.dataSource, ALL_TABLES);
    for (const [mutation, extra] of [
      ['publishActivity', ''],
      ['markActivityHeld', ''],
      ['reportActivity', ', report: "Too early"'],
    ]) {
      const res = await move(mutation, id, extra);
      expect({ mutation, code: errorCode(res) }).toEqual({ mutation, code: 'CONFLICT' });
    }
    expect(await databaseFingerprint(t.dataSource, ALL_TABLES)).toEqual(before);

    expect((await move('closeActivityRegistration', id)).data?.closeActivityRegistration.status).toBe('CLOSED');
    // Not started yet: it cannot have been held.
    expect(errorCode(await move('markActivityHeld', id))).toBe('CONFLICT');
    await t.dataSource
      .getRepository(ActivityEntity)
      .update(id, { startsAt: new Date(Date.now() - DAY), registrationDeadline: new Date(Date.now() - 2 * DAY) });
    expect((await move('markActivityHeld', id)).data?.markActivityHeld.status).toBe('HELD');
    expect(errorCode(await move('cancelActivity', id, ', reason: "Too late"'))).toBe('CONFLICT');
    const reported = await t.gql<{ reportActivity: { status: string; report: string } }>(
      'mutation($id: ID!) { reportActivity(id: $id, report: "12 sites visited; 3 needs drafted with the district engineers.") { status report } }',
      { id },
      as('coordinator'),
    );
    expect(reported.data?.reportActivity).toEqual({
      status: 'REPORTED',
      report: '12 sites visited; 3 needs drafted with the district engineers.',
    });
    const trail = await t.dataSource.query(
      `SELECT action, from_status, to_status FROM audit_entry WHERE entity_id = $1 ORDER BY created_at, id`,
      [id],
    );
    expect(trail.map((e: { action: string; to_status: string }) => `${e.action}→${e.to_status}`)).toEqual([
      'create→DRAFT',
      'publish→OPEN',
      'close registration→CLOSED',
      'mark held→HELD',
      'report→REPORTED',
    ]);
  });

  it('never over-books under concurrent sign-ups, and moves the waiting list up in arrival order', async () => {
    const id = await createActivity({ capacity: 5 });
    await move('publishActivity', id);
    const organizations = await Promise.all(
      Array.from({ length: 16 }, (_, i) => t.factory.organization({ kind: i % 2 ? OrganizationKind.AGENCY : OrganizationKind.ENTERPRISE })),
    );
    const members = await Promise.all(
      organizations.map((o) =>
        t.factory.user(o.kind === OrganizationKind.AGENCY ? Role.AGENCY_MEMBER : Role.ENTERPRISE_MEMBER, { organizationId: o.id }),
      ),
    );
    // Sixteen organisations sign up at once, one or two delegates each (24 delegates for 5 seats).
    const answers = await Promise.all(
      members.map((member, i) =>
        t.gql<{ registerDelegates: Registration[] }>(
          `mutation($input: RegisterDelegatesInput!) { registerDelegates(input: $input) { ${REGISTRATION} } }`,
          {
            input: {
              activityId: id,
              delegates: Array.from({ length: 1 + (i % 2) }, (_, d) => ({
                name: `Delegate ${i}-${d}`,
                email: `delegate-${i}-${d}@example.org`,
              })),
            },
          },
          t.tokenFor(member.id),
        ),
      ),
    );
    for (const answer of answers) expect(answer.errors).toBeUndefined();
    const all = await registrations(id);
    expect(all).toHaveLength(24);
    const held = all.filter((r) => r.status === 'PENDING');
    const waiting = all.filter((r) => r.status === 'WAITLISTED').sort((a, b) => a.waitingListPosition! - b.waitingListPosition!);
    expect(held).toHaveLength(5);
    expect(waiting.map((r) => r.waitingListPosition)).toEqual(Array.from({ length: 19 }, (_, i) => i + 1));
    const seats = await t.gql<{ activity: { seats: { taken: number; free: number; waiting: number } } }>(
      'query($id: ID!) { activity(id: $id) { seats { taken free waiting } } }',
      { id },
    );
    expect(seats.data?.activity.seats).toEqual({ taken: 5, free: 0, waiting: 19 });

    // Two seats free up (one cancelled by its organisation, one refused): the first two on the list move up, in order.
    const owner = (r: Registration) => members[Number(/delegate-(\d+)-/.exec(r.delegateEmail)![1])];
    const cancelled = await t.gql<{ cancelRegistration: { status: string } }>(
      'mutation($id: ID!) { cancelRegistration(id: $id, reason: "Visa not granted") { status } }',
      { id: held[0].id },
      t.tokenFor(owner(held[0]).id),
    );
    expect(cancelled.data?.cancelRegistration.status).toBe('CANCELLED');
    await t.gql(
      'mutation($id: ID!) { refuseRegistration(id: $id, reason: "Two delegates per organisation") { id } }',
      { id: held[1].id },
      as('coordinator'),
    );
    const after = await registrations(id);
    const statusOf = (r: Registration) => after.find((a) => a.id === r.id)!.status;
    expect([statusOf(waiting[0]), statusOf(waiting[1]), statusOf(waiting[2])]).toEqual(['PENDING', 'PENDING', 'WAITLISTED']);
    expect(after.find((a) => a.id === waiting[2].id)!.waitingListPosition).toBe(1);
    // The list moving up is the system's move: audited without an actor.
    const promoted = await t.dataSource.query(
      `SELECT action, actor_user_id, from_status, to_status FROM audit_entry WHERE entity_id = $1 ORDER BY created_at, id`,
      [waiting[0].id],
    );
    expect(promoted).toEqual([
      { action: 'register', actor_user_id: owner(waiting[0]).id, from_status: null, to_status: 'WAITLISTED' },
      { action: 'promote from waiting list', actor_user_id: null, from_status: 'WAITLISTED', to_status: 'PENDING' },
    ]);
    expect(after.filter((r) => ['PENDING', 'CONFIRMED'].includes(r.status))).toHaveLength(5);

    // A larger capacity moves the list up; one below the seats held is refused.
    await t.gql('mutation($id: ID!) { updateActivity(input: { id: $id, capacity: 7 }) { id } }', { id }, as('coordinator'));
    expect((await registrations(id)).filter((r) => r.status === 'PENDING')).toHaveLength(7);
    const lower = await t.gql('mutation($id: ID!) { updateActivity(input: { id: $id, capacity: 3 }) { id } }', { id }, as('coordinator'));
    expect({ code: errorCode(lower), field: lower.errors?.[0].extensions?.field }).toEqual({ code: 'BAD_USER_INPUT', field: 'capacity' });

    // Members see their own delegates only.
    const own = await registrations(id, t.tokenFor(members[3].id));
    expect(own.map((r) => r.delegateEmail).sort()).toEqual(['delegate-3-0@example.org', 'delegate-3-1@example.org']);
  });

  it('confirms a held seat; refuses registration when closed, past the deadline, or twice for one address', async () => {
    const id = await createActivity({ capacity: 2 });
    await move('publishActivity', id);
    const register = (email: string, token = as('enterprise')) =>
      t.gql<{ registerDelegates: Registration[] }>(
        `mutation($id: ID!, $email: String!) { registerDelegates(input: { activityId: $id, delegates: [{ name: "Li Wei", email: $email, position: "Chief engineer" }] }) { ${REGISTRATION} } }`,
        { id, email },
        token,
      );
    const first = (await register('li.wei@example.cn')).data!.registerDelegates[0];
    expect(first.status).toBe('PENDING');
    const confirmed = await t.gql<{ confirmRegistration: { status: string } }>(
      'mutation($id: ID!) { confirmRegistration(id: $id) { status } }',
      { id: first.id },
      as('coordinator'),
    );
    expect(confirmed.data?.confirmRegistration.status).toBe('CONFIRMED');
    expect(
      errorCode(await t.gql('mutation($id: ID!) { confirmRegistration(id: $id) { status } }', { id: first.id }, as('coordinator'))),
    ).toBe('CONFLICT');
    const before = await databaseFingerprint(t.dataSource, ALL_TABLES);
    expect(errorCode(await register('LI.WEI@example.cn'))).toBe('CONFLICT');
    // Another organisation cannot cancel it: to it, the registration does not exist.
    expect(
      errorCode(await t.gql('mutation($id: ID!) { cancelRegistration(id: $id) { id } }', { id: first.id }, as('otherEnterprise'))),
    ).toBe('NOT_FOUND');
    expect(await databaseFingerprint(t.dataSource, ALL_TABLES)).toEqual(before);
    await move('closeActivityRegistration', id);
    expect(errorCode(await register('zhang.min@example.cn'))).toBe('CONFLICT');
    await t.dataSource.getRepository(ActivityEntity).update(id, { registrationDeadline: new Date(Date.now() - 1000) });
    expect(errorCode(await move('reopenActivityRegistration', id))).toBe('BAD_USER_INPUT');
  });

  it('cancels every registration with the activity, with the reason', async () => {
    const id = await createActivity({ capacity: 1 });
    await move('publishActivity', id);
    await t.gql(
      'mutation($id: ID!) { registerDelegates(input: { activityId: $id, delegates: [{ name: "A", email: "a@example.org" }, { name: "B", email: "b@example.org" }] }) { id } }',
      { id },
      as('agency'),
    );
    const res = await move('cancelActivity', id, ', reason: "Flooding at the venue"');
    expect(res.data?.cancelActivity.status).toBe('CANCELLED');
    const all = await t.gql<{ activityRegistrations: { edges: Array<{ node: { status: string; reason: string } }> } }>(
      'query($id: ID!) { activityRegistrations(activityId: $id, first: 10) { edges { node { status reason } } } }',
      { id },
      as('agency'),
    );
    expect(all.data?.activityRegistrations.edges.map((e) => e.node)).toEqual([
      { status: 'CANCELLED', reason: 'Flooding at the venue' },
      { status: 'CANCELLED', reason: 'Flooding at the venue' },
    ]);
    const trail = await t.dataSource.query(
      `SELECT DISTINCT e.action, e.actor_user_id, e.reason FROM audit_entry e JOIN activity_registration r ON r.id = e.entity_id WHERE r.activity_id = $1 AND e.to_status = 'CANCELLED'`,
      [id],
    );
    expect(trail).toEqual([{ action: 'cancel with the activity', actor_user_id: null, reason: 'Flooding at the venue' }]);
  });

  it('lists upcoming activities soonest first and past ones most recently ended first, page after page', async () => {
    // Created in an order that is neither: newest-first would read them back the other way round.
    const at = async (title: string, starts: number, ends: number) => {
      const id = await createActivity({ title, countryCode: 'NP', city: 'Kathmandu', timeZone: 'Asia/Kathmandu' });
      await move('publishActivity', id);
      await t.dataSource
        .getRepository(ActivityEntity)
        .update(id, { startsAt: new Date(Date.now() + starts * DAY), endsAt: new Date(Date.now() + ends * DAY) });
      return title;
    };
    const later = await at('Later', 40, 41);
    const soonest = await at('Soonest', 5, 6);
    const started = await at('Started, not ended', -1, 2);
    const middle = await at('Middle', 20, 21);
    const longAgo = await at('Long ago', -30, -29);
    const justEnded = await at('Just ended', -4, -1);
    // Started before "just ended" but ended after it: past ones are ordered by their end.
    const endedLast = await at('Long, ended last', -10, -0.5);

    type Page = { edges: Array<{ node: { title: string } }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
    const titles = async (filter: string) => {
      const seen: string[] = [];
      let after: string | null = null;
      do {
        const res = await t.gql<{ activities: Page }>(
          `query($after: String) { activities(countryCode: "NP", ${filter}, first: 2, after: $after) { edges { node { title } } pageInfo { hasNextPage endCursor } } }`,
          { after },
        );
        expect(res.errors).toBeUndefined();
        const page: Page = res.data!.activities;
        seen.push(...page.edges.map((e) => e.node.title));
        after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      } while (after);
      return seen;
    };
    expect(await titles('upcoming: true')).toEqual([started, soonest, middle, later]);
    expect(await titles('past: true')).toEqual([endedLast, justEnded, longAgo]);
    const both = await t.gql('{ activities(upcoming: true, past: true) { totalCount } }');
    expect({ code: errorCode(both), field: both.errors?.[0].extensions?.field }).toEqual({ code: 'BAD_USER_INPUT', field: 'past' });
  });

  it('refuses a bad activity with the offending field', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ endsAt: inDays(29) }, 'endsAt'],
      [{ registrationDeadline: inDays(40) }, 'registrationDeadline'],
      [{ timeZone: 'Mars/Olympus' }, 'timeZone'],
      [{ technologyCategories: ['TELEPORTATION'] }, 'technologyCategories'],
      [{ hostCentreId: w.orgs.agencyOrg.id }, 'hostCentreId'],
      [{ capacity: -1 }, 'capacity'],
      [{ countryCode: 'XX' }, 'countryCode'],
    ];
    const before = await databaseFingerprint(t.dataSource, ALL_TABLES);
    for (const [fields, field] of cases) {
      const res = await t.gql(
        'mutation($input: CreateActivityInput!) { createActivity(input: $input) { id } }',
        {
          input: {
            kind: 'CONFERENCE',
            title: 'Bad',
            countryCode: 'LK',
            startsAt: inDays(30),
            endsAt: inDays(31),
            capacity: 10,
            registrationDeadline: inDays(20),
            ...fields,
          },
        },
        as('coordinator'),
      );
      expect({ fields, code: errorCode(res), field: res.errors?.[0].extensions?.field }).toEqual({ fields, code: 'BAD_USER_INPUT', field });
    }
    expect(await databaseFingerprint(t.dataSource, ALL_TABLES)).toEqual(before);
  });
});
