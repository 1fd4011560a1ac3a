import { Client } from 'pg';
import { TestDataSource, useTestDataSource } from '../../test/support/test-data-source';
import { waitUntil } from '../../test/support/wait';
import { Language, Role } from '../access/actor';
import { NotificationEventEntity } from './notification-event.entity';
import { DigestFrequency, NotificationChannel, NotificationEventType } from './notification-event-type';
import { Audience } from './notification-payload';
import { NotificationPreferenceEntity } from './notification-preference.entity';
import { NOTIFICATION_CHANNEL } from './notification-stream.service';
import { NotificationsRepository } from './notifications.repository';

const NOBODY: Audience = { organizationIds: [], userIds: [], coordinators: false };

describe('NotificationsRepository (real PostgreSQL)', () => {
  let db: TestDataSource;
  let repo: NotificationsRepository;

  useTestDataSource((opened) => {
    db = opened;
    repo = new NotificationsRepository(db.dataSource);
  });

  const event = async (needTitle: string): Promise<string> => {
    const { identifiers } = await db.dataSource.manager.insert(NotificationEventEntity, {
      type: NotificationEventType.OPPORTUNITY_ALERT,
      payload: { audience: NOBODY, needTitle, score: 0.8 },
    });
    return identifiers[0].id as string;
  };

  it('hands out the events not fanned out, oldest first, each to one transaction at a time', async () => {
    const [first, second, third] = [await event('first'), await event('second'), await event('third')];
    await db.dataSource.transaction((manager) => repo.markFannedOut([first], manager));

    await db.dataSource.transaction(async (one) => {
      const mine = await repo.lockPendingEvents(1, one);
      expect(mine).toEqual([
        { id: second, type: NotificationEventType.OPPORTUNITY_ALERT, payload: { audience: NOBODY, needTitle: 'second', score: 0.8 } },
      ]);
      // A second drain meanwhile skips the locked event instead of waiting for it.
      const theirs = await db.dataSource.transaction((other) => repo.lockPendingEvents(10, other));
      expect(theirs.map((e) => e.id)).toEqual([third]);
      await repo.markFannedOut([second], one);
    });
    expect((await db.dataSource.transaction((manager) => repo.lockPendingEvents(10, manager))).map((e) => e.id)).toEqual([third]);

    expect(await repo.findEvent(first)).toEqual({
      id: first,
      type: NotificationEventType.OPPORTUNITY_ALERT,
      payload: { audience: NOBODY, needTitle: 'first', score: 0.8 },
      createdAt: expect.any(Date),
    });
    expect(await repo.findEvent('00000000-0000-0000-0000-000000000000')).toBeUndefined();
  });

  it('adds an in-app notification once per event and user, and announces it on commit', async () => {
    const user = await db.factory.user(Role.AGENCY_MEMBER);
    const eventId = await event('announced');
    const listener = new Client({ connectionString: db.url });
    await listener.connect();
    const heard: string[] = [];
    listener.on('notification', (message) => heard.push(message.payload ?? ''));
    await listener.query(`LISTEN ${NOTIFICATION_CHANNEL}`);
    try {
      const notification = {
        userId: user.id,
        eventId,
        type: NotificationEventType.OPPORTUNITY_ALERT,
        title: 'A title',
        body: 'A body',
        matchId: null,
        needId: null,
        activityId: '6c0e2c4e-1b5a-4d2e-9a44-0f3b7d9f3a10',
        donationId: null,
        trainingCourseId: '0f6d3c1a-8e2b-4a7d-b5c9-3e1f2a4b6c8d',
      };
      await db.dataSource.transaction((manager) => repo.addInApp([notification], manager));
      await db.dataSource.transaction((manager) => repo.addInApp([{ ...notification, title: 'Again' }], manager));
      const rows: Array<{ id: string; title: string; activity_id: string }> = await db.dataSource.query(
        `SELECT id, title, activity_id, donation_id, training_course_id FROM notification WHERE user_id = $1`,
        [user.id],
      );
      expect(rows).toEqual([
        {
          id: expect.any(String),
          title: 'A title',
          activity_id: notification.activityId,
          donation_id: null,
          training_course_id: notification.trainingCourseId,
        },
      ]);
      await waitUntil(() => heard.length > 0, 'the NOTIFY of the new notification', 5_000);
      expect(heard.map((h) => JSON.parse(h) as unknown)).toEqual([{ userId: user.id, id: rows[0].id }]);
    } finally {
      await listener.end();
    }
  });

  it('finds the active members of the organisations, the users named and, when asked, every coordinator', async () => {
    const member = await db.factory.user(Role.ENTERPRISE_MEMBER, { preferredLanguage: Language.ZH });
    await db.factory.user(Role.ENTERPRISE_MEMBER, { organizationId: member.organizationId, active: false });
    const named = await db.factory.user(Role.AGENCY_MEMBER);
    const coordinator = await db.factory.user(Role.COORDINATOR);
    await db.factory.user(Role.AGENCY_MEMBER);

    const find = (audience: Audience) => db.dataSource.transaction((manager) => repo.findRecipients(audience, manager));
    const ids = (users: Array<{ id: string }>) => users.map((u) => u.id);
    expect(await find({ organizationIds: [member.organizationId], userIds: [], coordinators: false })).toEqual([
      {
        id: member.id,
        email: member.email,
        displayName: member.displayName,
        preferredLanguage: Language.ZH,
        organizationId: member.organizationId,
        role: Role.ENTERPRISE_MEMBER,
      },
    ]);
    expect(ids(await find({ organizationIds: [], userIds: [named.id], coordinators: false }))).toEqual([named.id]);
    expect(ids(await find({ organizationIds: [member.organizationId], userIds: [named.id], coordinators: true })).sort()).toEqual(
      [member.id, named.id, coordinator.id].sort(),
    );

    expect(await db.dataSource.transaction((manager) => repo.findReader(member.id, manager))).toEqual({
      displayName: member.displayName,
      preferredLanguage: Language.ZH,
      organizationId: member.organizationId,
      role: Role.ENTERPRISE_MEMBER,
    });
    expect(await db.dataSource.transaction((manager) => repo.findReader('00000000-0000-0000-0000-000000000000', manager))).toBeUndefined();
  });

  it("reads the users' notification choices, and their e-mail frequency (daily when not chosen)", async () => {
    const [chose, didNot] = [await db.factory.user(Role.ENTERPRISE_MEMBER), await db.factory.user(Role.ENTERPRISE_MEMBER)];
    const alert = NotificationEventType.OPPORTUNITY_ALERT;
    await db.dataSource.manager.insert(NotificationPreferenceEntity, [
      { userId: chose.id, eventType: alert, channel: NotificationChannel.EMAIL, enabled: true, frequency: DigestFrequency.WEEKLY },
      {
        userId: chose.id,
        eventType: NotificationEventType.MATCH_INTRODUCED,
        channel: NotificationChannel.IN_APP,
        enabled: false,
        frequency: DigestFrequency.IMMEDIATE,
      },
    ]);
    const preferences = await db.dataSource.transaction((manager) => repo.preferencesOf([chose.id, didNot.id], manager));
    expect(preferences).toHaveLength(2);
    expect(preferences).toContainEqual({
      userId: chose.id,
      eventType: NotificationEventType.MATCH_INTRODUCED,
      channel: NotificationChannel.IN_APP,
      enabled: false,
      frequency: DigestFrequency.IMMEDIATE,
    });
    await db.dataSource.transaction(async (manager) => {
      expect(await repo.emailFrequency(chose.id, alert, manager)).toBe(DigestFrequency.WEEKLY);
      expect(await repo.emailFrequency(didNot.id, alert, manager)).toBe(DigestFrequency.DAILY);
    });
  });
});
