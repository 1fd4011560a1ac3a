import PgBoss from 'pg-boss';
import { TestDataSource, useTestDataSource } from '../../test/support/test-data-source';
import { Role } from '../access/actor';
import { NewDelivery, NotificationDeliveriesRepository } from './notification-deliveries.repository';
import { DeliveryStatus } from './notification-delivery.entity';
import { NOTIFICATION_DELIVERY_QUEUE } from './notification-delivery-queue';
import { NotificationEventEntity } from './notification-event.entity';
import { DigestFrequency, NotificationChannel, NotificationEventType } from './notification-event-type';
import { NeedFacts } from './notification-payload';
import { NotificationPreferenceEntity } from './notification-preference.entity';

const HOUR_MS = 3600_000;
const OK = { ok: true, statusCode: 250, error: null };

describe('NotificationDeliveriesRepository (real PostgreSQL)', () => {
  let db: TestDataSource;
  let repo: NotificationDeliveriesRepository;
  let userId: string;
  let eventIds: string[];
  let keys = 0;

  useTestDataSource(async (opened) => {
    db = opened;
    repo = new NotificationDeliveriesRepository(db.dataSource);
    userId = (await db.factory.user(Role.ENTERPRISE_MEMBER)).id;
    const audience = { organizationIds: [], userIds: [userId], coordinators: false };
    eventIds = [];
    for (const needTitle of ['First', 'Second']) {
      const [row] = (
        await db.dataSource.manager.insert(NotificationEventEntity, {
          type: NotificationEventType.OPPORTUNITY_ALERT,
          payload: { audience, needTitle, score: 0.9 },
        })
      ).identifiers;
      eventIds.push(row.id as string);
    }
  });

  const email = (over: Partial<NewDelivery> = {}): NewDelivery => ({
    idempotencyKey: `key-${++keys}`,
    channel: NotificationChannel.EMAIL,
    eventId: eventIds[0],
    userId,
    webhookId: null,
    address: 'reader@example.org',
    status: DeliveryStatus.PENDING,
    ...over,
  });
  const insert = (deliveries: NewDelivery[]) => db.dataSource.transaction((manager) => repo.insertMany(deliveries, manager));
  const claim = (id: string, leaseMs = 60_000) => db.dataSource.transaction((manager) => repo.claim(id, leaseMs, manager));
  const stored = async (id: string) =>
    (
      await db.dataSource.query(
        `SELECT status, attempts, lease_token AS "leaseToken", digest_id AS "digestId", delivered_at AS "deliveredAt" FROM notification_delivery WHERE id = $1`,
        [id],
      )
    )[0] as {
      status: DeliveryStatus;
      attempts: number;
      leaseToken: string | null;
      digestId: string | null;
      deliveredAt: Date | null;
    };
  const attemptsOf = (id: string): Promise<Array<{ attempt: number; succeeded: boolean }>> =>
    db.dataSource.query(`SELECT attempt, succeeded FROM notification_delivery_attempt WHERE delivery_id = $1 ORDER BY attempt`, [id]);

  it('creates a delivery once per idempotency key, and says which it created', async () => {
    const delivery = email();
    const [first] = await insert([delivery]);
    expect(first).toEqual({ id: expect.any(String), status: DeliveryStatus.PENDING });
    expect(await insert([delivery, email({ status: DeliveryStatus.HELD_FOR_DIGEST })])).toEqual([
      { id: expect.any(String), status: DeliveryStatus.HELD_FOR_DIGEST },
    ]);
    expect(
      await db.dataSource.query(`SELECT count(*)::int AS n FROM notification_delivery WHERE idempotency_key = $1`, [
        delivery.idempotencyKey,
      ]),
    ).toEqual([{ n: 1 }]);
  });

  it('leases a pending delivery to one claim at a time, and records its outcome only under that lease', async () => {
    const [{ id }] = await insert([email()]);
    expect(await repo.isLeased(id)).toBe(false);
    const claimed = await claim(id);
    expect(await repo.isLeased(id)).toBe(true);
    expect(claimed).toMatchObject({
      id,
      channel: NotificationChannel.EMAIL,
      eventId: eventIds[0],
      userId,
      address: 'reader@example.org',
      attempts: 1,
      leaseToken: expect.any(String),
    });
    expect(await claim(id)).toBeUndefined();

    expect(await repo.settle({ ...claimed!, leaseToken: '00000000-0000-0000-0000-000000000000' }, DeliveryStatus.DELIVERED, OK, 12)).toBe(
      false,
    );
    expect(await attemptsOf(id)).toEqual([]);
    expect(await repo.settle(claimed!, DeliveryStatus.DELIVERED, OK, 12)).toBe(true);
    expect(await stored(id)).toMatchObject({
      status: DeliveryStatus.DELIVERED,
      attempts: 1,
      leaseToken: null,
      deliveredAt: expect.any(Date),
    });
    expect(await attemptsOf(id)).toEqual([{ attempt: 1, succeeded: true }]);
    // Settled: nothing left to claim, and no lease.
    expect(await claim(id)).toBeUndefined();
    expect(await repo.isLeased(id)).toBe(false);
  });

  it('gives a delivery whose lease ran out to the next claim; the first can then no longer record', async () => {
    const [{ id }] = await insert([email()]);
    const first = await claim(id, 0);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await repo.isLeased(id)).toBe(false);
    const second = await claim(id);
    expect(second).toMatchObject({ attempts: 2 });
    expect(await repo.settle(first!, DeliveryStatus.DELIVERED, OK, 1)).toBe(false);
    expect(await repo.settle(second!, DeliveryStatus.PENDING, { ok: false, statusCode: 451, error: 'try later' }, 1)).toBe(true);
    expect(await stored(id)).toMatchObject({ status: DeliveryStatus.PENDING, attempts: 2, leaseToken: null, deliveredAt: null });
    expect(await attemptsOf(id)).toEqual([{ attempt: 2, succeeded: false }]);
  });

  it('starts a dead delivery afresh: PENDING, no attempts and no attempt log', async () => {
    const [{ id }] = await insert([email()]);
    const claimed = await claim(id);
    await repo.settle(claimed!, DeliveryStatus.DEAD, { ok: false, statusCode: null, error: 'refused' }, 3);
    await db.dataSource.transaction(async (manager) => {
      expect(await repo.lockStatus(id, manager)).toEqual({ status: DeliveryStatus.DEAD, attempts: 1 });
      await repo.resetAttempts(id, manager);
    });
    expect(await stored(id)).toMatchObject({ status: DeliveryStatus.PENDING, attempts: 0 });
    expect(await attemptsOf(id)).toEqual([]);
    expect(await db.dataSource.transaction((manager) => repo.lockStatus('00000000-0000-0000-0000-000000000000', manager))).toBeUndefined();
  });

  it('finds the pending deliveries left without a job or a live lease', async () => {
    const boss = new PgBoss({ connectionString: db.url, schema: 'pgboss' });
    await boss.start();
    try {
      await boss.createQueue(NOTIFICATION_DELIVERY_QUEUE);
      const [withJob, leased, orphaned, settled] = await insert([email(), email(), email(), email({ status: DeliveryStatus.DELIVERED })]);
      await boss.send(NOTIFICATION_DELIVERY_QUEUE, { deliveryId: withJob.id });
      await claim(leased.id);
      const found = await db.dataSource.transaction((manager) => repo.lockOrphaned(NOTIFICATION_DELIVERY_QUEUE, 100, manager));
      expect(found).toContain(orphaned.id);
      expect(found).not.toContain(withJob.id);
      expect(found).not.toContain(leased.id);
      expect(found).not.toContain(settled.id);
    } finally {
      await boss.stop({ graceful: false, wait: true });
    }
  });

  describe('digests', () => {
    let daily: string;
    let weekly: string;

    beforeAll(async () => {
      daily = (await db.factory.user(Role.ENTERPRISE_MEMBER)).id;
      weekly = (await db.factory.user(Role.ENTERPRISE_MEMBER)).id;
      await db.dataSource.manager.insert(NotificationPreferenceEntity, {
        userId: weekly,
        eventType: NotificationEventType.OPPORTUNITY_ALERT,
        channel: NotificationChannel.EMAIL,
        enabled: true,
        frequency: DigestFrequency.WEEKLY,
      });
      const held = (user: string, eventId: string) =>
        email({ userId: user, eventId, status: DeliveryStatus.HELD_FOR_DIGEST, address: `${user}@example.org` });
      await insert([held(daily, eventIds[1]), held(daily, eventIds[0]), held(weekly, eventIds[0])]);
      // Held two days ago.
      await db.dataSource.query(`UPDATE notification_delivery SET created_at = now() - interval '2 days' WHERE user_id = ANY($1)`, [
        [daily, weekly],
      ]);
    });

    it('are due a day after the oldest held alert, or a week for those who chose weekly', async () => {
      const now = new Date();
      expect(await repo.usersWithDigestDue(now)).toEqual([daily]);
      expect(await repo.usersWithDigestDue(new Date(now.getTime() + 6 * 24 * HOUR_MS))).toEqual(expect.arrayContaining([daily, weekly]));
      expect(await repo.usersWithDigestDue(new Date(now.getTime() - 1.5 * 24 * HOUR_MS))).toEqual([]);
    });

    it('gather the held deliveries into one digest e-mail, once, with their events oldest first', async () => {
      const digestId = await db.dataSource.transaction(async (manager) => {
        const held = await repo.lockHeldForDigest(daily, manager);
        expect(held).toHaveLength(2);
        return repo.createDigest(daily, held, manager);
      });
      expect(digestId).toEqual(expect.any(String));
      expect(await stored(digestId!)).toMatchObject({ status: DeliveryStatus.PENDING, attempts: 0 });
      const digested: Array<{ status: string; digestId: string }> = await db.dataSource.query(
        `SELECT status, digest_id AS "digestId" FROM notification_delivery WHERE user_id = $1 AND event_id IS NOT NULL`,
        [daily],
      );
      expect(digested).toEqual([
        { status: DeliveryStatus.DIGESTED, digestId },
        { status: DeliveryStatus.DIGESTED, digestId },
      ]);
      const events = await db.dataSource.transaction((manager) => repo.eventsOfDigest(digestId!, manager));
      // Only alerts are held for digests: every payload is a need's.
      expect(events.map((e) => (e.payload as NeedFacts).needTitle)).toEqual(['First', 'Second']);
      expect(events[0]).toMatchObject({ type: NotificationEventType.OPPORTUNITY_ALERT, createdAt: expect.any(Date) });

      // Nothing is held any more, and the same held rows would make the same digest key: nothing new.
      expect(await db.dataSource.transaction((manager) => repo.lockHeldForDigest(daily, manager))).toEqual([]);
      const [first] = await db.dataSource.query(
        `SELECT id, address FROM notification_delivery WHERE digest_id = $1 ORDER BY created_at, id LIMIT 1`,
        [digestId],
      );
      expect(await db.dataSource.transaction((manager) => repo.createDigest(daily, [first], manager))).toBeUndefined();
    });
  });
});
