import { ChildProcess } from 'node:child_process';
import { AppConfig } from '../../src/config/app-config';
import { NotificationEventType } from '../../src/notifications/notification-event-type';
import { NotificationDeliverySweepJob } from '../../src/notifications/notification-delivery-sweep.job';
import { NotificationFanoutJob } from '../../src/notifications/notification-fanout.job';
import { NotificationDeliveriesRepository } from '../../src/notifications/notification-deliveries.repository';
import { DeliveryStatus } from '../../src/notifications/notification-delivery.entity';
import { NotificationDeliveryJob } from '../../src/notifications/notification-delivery.job';
import { NotificationOutboxService } from '../../src/notifications/notification-outbox.service';
import { NotificationPayload } from '../../src/notifications/notification-payload';
import { exited, launch } from '../support/app-process';
import { buildOnce } from '../support/build';
import { freePort } from '../support/free-port';
import { startSmtpReceiver, SmtpReceiver } from '../support/smtp-receiver';
import { startTestApp, TestApp } from '../support/test-app';
import { startTarpit, Tarpit } from '../support/tarpit';
import { startWebhookReceiver, WebhookReceiver } from '../support/webhook-receiver';
import { waitUntil } from '../support/wait';
import { buildWorld, World } from '../support/world';

/** Emits events the way the workflow does (in a transaction, then a nudge), for the fault tests of the channels. */
async function emit(t: TestApp, type: NotificationEventType, payloads: NotificationPayload[]): Promise<void> {
  const outbox = t.app.get(NotificationOutboxService);
  await t.dataSource.transaction(async (manager) => {
    for (const payload of payloads) await outbox.emit(manager, type, payload);
  });
  outbox.nudge();
}

const payloadFor = (w: World, organizationIds: string[], i: number): NotificationPayload => ({
  audience: { organizationIds, userIds: [], coordinators: false },
  matchId: w.match.id,
  needId: w.openNeed.id,
  needTitle: `${w.openNeed.title} #${i}`,
  countryCode: 'LK',
  agency: { organizationId: w.orgs.agencyOrg.id, nameEn: w.orgs.agencyOrg.nameEn, nameZh: null },
  enterprise: { organizationId: w.orgs.otherEnterpriseOrg.id, nameEn: w.orgs.otherEnterpriseOrg.nameEn, nameZh: null },
  score: 0.5,
  outcome: { kind: 'MOU_SIGNED', date: '2026-11-01', note: null },
});

/** Send timeouts that fit the short job timeouts of these tests (a job must outlive its send, plus a 2 s margin). */
const SHORT_SENDS = { SMTP_TIMEOUT_MS: '2000', WEBHOOK_TIMEOUT_MS: '2000' };

const deliveryStates = (t: TestApp, channel: string) =>
  t.dataSource.query<Array<{ status: string; attempts: number }>>(
    `SELECT status, attempts FROM notification_delivery WHERE channel = $1 ORDER BY created_at`,
    [channel],
  );

describe('notification delivery under faults', () => {
  describe('with the workers of this process', () => {
    let t: TestApp;
    let w: World;
    let smtp: SmtpReceiver;
    let hooks: WebhookReceiver;

    beforeAll(async () => {
      smtp = await startSmtpReceiver();
      hooks = await startWebhookReceiver({ secret: 'whsec_fault-test-secret' });
      t = await startTestApp({
        WORKERS_ENABLED: 'true',
        SMTP_HOST: smtp.host,
        SMTP_PORT: String(smtp.port),
        WEBHOOK_ALLOW_HTTP: 'true',
        WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true',
        NOTIFICATION_RETRY_DELAY_SECONDS: '1',
        NOTIFICATION_JOB_TIMEOUT_SECONDS: '5',
        ...SHORT_SENDS,
        JOB_MAINTENANCE_INTERVAL_SECONDS: '1',
      });
      w = await buildWorld(t);
    });
    afterAll(async () => {
      await t?.close();
      await smtp?.stop();
      await hooks?.stop();
    });

    it('delivers every e-mail exactly once after the SMTP server was down', async () => {
      await smtp.down();
      // Three events to the two organisations of one match: one e-mail per member, six in all.
      await emit(
        t,
        NotificationEventType.MATCH_OUTCOME_RECORDED,
        [0, 1, 2].map((i) => payloadFor(w, [w.orgs.agencyOrg.id, w.orgs.otherEnterpriseOrg.id], i)),
      );
      // Every one of them fails at least once while the server is down…
      await waitUntil(async () => {
        const [{ failed }] = await t.dataSource.query(
          `SELECT count(DISTINCT delivery_id)::int AS failed FROM notification_delivery_attempt WHERE NOT succeeded`,
        );
        return failed >= 6;
      }, 'six failed first attempts');
      expect(smtp.messages).toHaveLength(0);
      // …and is delivered once it is back, with no help.
      await smtp.up();
      await smtp.waitFor(6, 40_000);
      await new Promise((r) => setTimeout(r, 3000));
      expect(smtp.messages).toHaveLength(6);
      expect(new Set(smtp.messages.map((m) => m.messageId)).size).toBe(6);
      expect(smtp.messages.map((m) => m.to[0]).sort()).toEqual(
        [
          w.users.agency.email,
          w.users.agency.email,
          w.users.agency.email,
          w.users.otherEnterprise.email,
          w.users.otherEnterprise.email,
          w.users.otherEnterprise.email,
        ].sort(),
      );
      const states = await deliveryStates(t, 'EMAIL');
      expect(states.every((s) => s.status === 'DELIVERED' && s.attempts >= 2)).toBe(true);
    });

    it('delivers a webhook once, with a valid signature, after the receiver answered 500 three times', async () => {
      const webhook = await t.factory.webhook(w.orgs.otherEnterpriseOrg.id, {
        url: hooks.url,
        secret: 'whsec_fault-test-secret',
        events: [NotificationEventType.MATCH_ENGAGED],
      });
      hooks.respondWith([500, 500, 500]);
      await emit(t, NotificationEventType.MATCH_ENGAGED, [payloadFor(w, [w.orgs.otherEnterpriseOrg.id], 9)]);
      await hooks.waitFor(4, 45_000);
      await new Promise((r) => setTimeout(r, 3000));
      // Four calls in all: three refused, one accepted — and nothing after the success.
      expect(hooks.received).toHaveLength(4);
      expect(hooks.received.every((r) => r.signatureValid)).toBe(true);
      expect(new Set(hooks.received.map((r) => r.headers['waterbridge-delivery'])).size).toBe(1);
      const [delivery] = await t.dataSource.query(`SELECT id, status, attempts FROM notification_delivery WHERE webhook_id = $1`, [
        webhook.id,
      ]);
      expect(delivery).toMatchObject({ status: 'DELIVERED', attempts: 4 });
      const log = await t.dataSource.query(
        `SELECT status_code AS "statusCode", succeeded FROM notification_delivery_attempt WHERE delivery_id = $1 ORDER BY attempt`,
        [delivery.id],
      );
      expect(log).toEqual([
        { statusCode: 500, succeeded: false },
        { statusCode: 500, succeeded: false },
        { statusCode: 500, succeeded: false },
        { statusCode: 200, succeeded: true },
      ]);
    });
  });

  describe('with a slow webhook receiver', () => {
    let t: TestApp;
    let w: World;
    let slow: WebhookReceiver;

    beforeAll(async () => {
      slow = await startWebhookReceiver({ secret: 'whsec_slow-receiver', delayMs: 900 });
      t = await startTestApp({
        WORKERS_ENABLED: 'true',
        WEBHOOK_ALLOW_HTTP: 'true',
        WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true',
        NOTIFICATION_JOB_TIMEOUT_SECONDS: '5',
        ...SHORT_SENDS,
        JOB_MAINTENANCE_INTERVAL_SECONDS: '1',
      });
      w = await buildWorld(t);
    });
    afterAll(async () => {
      await t?.close();
      await slow?.stop();
    });

    it('hands back the jobs a slow batch cannot reach in time, instead of letting them expire; each call is made once', async () => {
      // 60 calls of 0.9 s on 8 lanes need ~7 s: more than the 5 s a job may run.
      const webhook = await t.factory.webhook(w.orgs.otherEnterpriseOrg.id, {
        url: slow.url,
        secret: 'whsec_slow-receiver',
        events: [NotificationEventType.MATCH_ENGAGED],
      });
      const count = 60;
      await emit(
        t,
        NotificationEventType.MATCH_ENGAGED,
        Array.from({ length: count }, (_, i) => payloadFor(w, [w.orgs.otherEnterpriseOrg.id], i)),
      );
      await slow.waitFor(count, 60_000);
      await new Promise((r) => setTimeout(r, 2000));
      expect(slow.received).toHaveLength(count);
      expect(new Set(slow.received.map((r) => r.headers['waterbridge-delivery'])).size).toBe(count);
      const rows = await t.dataSource.query(`SELECT status, attempts FROM notification_delivery WHERE webhook_id = $1`, [webhook.id]);
      expect(rows.every((r: { status: string; attempts: number }) => r.status === 'DELIVERED' && r.attempts === 1)).toBe(true);
      // No batch ran out its time (pg-boss would fail every job of it, delivered or not, and count a retry).
      const failed = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM pgboss.job j JOIN notification_delivery d ON d.id = (j.data->>'deliveryId')::uuid
         WHERE j.name = 'notification-delivery' AND d.webhook_id = $1 AND j.state IN ('retry', 'failed')`,
        [webhook.id],
      );
      expect(failed).toEqual([{ n: 0 }]);
    });
  });

  describe('with a webhook receiver that never answers (a tarpit)', () => {
    let t: TestApp;
    let w: World;
    let pit: Tarpit;

    beforeAll(async () => {
      pit = await startTarpit();
      // Sends that would hang for 20 s; the API shares its pool of 10 connections with the 8 lanes of the worker.
      t = await startTestApp({
        WORKERS_ENABLED: 'true',
        WEBHOOK_ALLOW_HTTP: 'true',
        WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true',
        WEBHOOK_TIMEOUT_MS: '20000',
        SMTP_TIMEOUT_MS: '2000',
        NOTIFICATION_JOB_TIMEOUT_SECONDS: '30',
      });
      w = await buildWorld(t);
    });
    afterAll(async () => {
      await t?.close();
      await pit?.stop();
    });

    it('holds no transaction or connection while the calls hang, and GraphQL keeps answering meanwhile', async () => {
      const webhook = await t.factory.webhook(w.orgs.otherEnterpriseOrg.id, {
        url: pit.url,
        secret: 'whsec_tarpit',
        events: [NotificationEventType.MATCH_ENGAGED],
      });
      const count = 8;
      await emit(
        t,
        NotificationEventType.MATCH_ENGAGED,
        Array.from({ length: count }, (_, i) => payloadFor(w, [w.orgs.otherEnterpriseOrg.id], 300 + i)),
      );
      // Every lane of the worker is now waiting on the tarpit.
      await pit.waitFor(count, 30_000);
      expect(pit.holding).toBe(count);

      // No connection of the application sits in an open transaction while the calls hang (before, each send held
      // its row lock and a pooled connection "idle in transaction" for up to WEBHOOK_TIMEOUT_MS). Other jobs' short
      // transactions may be caught between two statements: only one idle for a second, as a held send would be, counts.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const openTransactions = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND state LIKE 'idle in transaction%'
            AND state_change < now() - interval '1 second' AND application_name NOT LIKE 'waterbridge-%'`,
      );
      expect(openTransactions).toEqual([{ n: 0 }]);

      // Queries issued while every delivery is in flight are answered, before any of the calls timed out.
      const answers = await Promise.all(
        Array.from({ length: 20 }, () => t.gql('{ notifications(first: 5) { unreadCount } }', {}, w.token('otherEnterprise'))),
      );
      expect(answers.every((a) => a.errors === undefined && a.data?.notifications !== undefined)).toBe(true);
      const [{ recorded }] = await t.dataSource.query(
        `SELECT count(*)::int AS recorded FROM notification_delivery_attempt a JOIN notification_delivery d ON d.id = a.delivery_id WHERE d.webhook_id = $1`,
        [webhook.id],
      );
      expect(recorded).toBe(0);
      expect(pit.holding).toBe(count);

      // Once the receiver answers, each call is recorded delivered, once.
      pit.release();
      await waitUntil(async () => {
        const [{ n }] = await t.dataSource.query(
          `SELECT count(*)::int AS n FROM notification_delivery WHERE webhook_id = $1 AND status = 'DELIVERED' AND attempts = 1`,
          [webhook.id],
        );
        return n === count;
      }, 'every call recorded delivered');
      expect(pit.received).toHaveLength(count);
    });
  });

  describe('with a worker process killed in the middle of a batch', () => {
    let t: TestApp;
    let w: World;
    let smtp: SmtpReceiver;
    let tarpit: Tarpit | undefined;
    const children: ChildProcess[] = [];
    const JOB_TIMEOUT = '5';
    /**
     * Each test below boots one or two worker processes (5–20 s each on a loaded CI machine) and may wait for a
     * recovery the minute's sweep makes; their own waits (up to 150 s) say what did not happen, not jest's default.
     */
    const CRASH_TEST_TIMEOUT = 200_000;

    beforeAll(async () => {
      buildOnce();
      // Slow enough that the kill lands while mails are being sent.
      smtp = await startSmtpReceiver({ delayMs: 40 });
      // This process only enqueues; the workers run in child processes.
      t = await startTestApp({
        SMTP_HOST: smtp.host,
        SMTP_PORT: String(smtp.port),
        NOTIFICATION_JOB_TIMEOUT_SECONDS: JOB_TIMEOUT,
        ...SHORT_SENDS,
        JOB_MAINTENANCE_INTERVAL_SECONDS: '1',
        NOTIFICATION_RETRY_DELAY_SECONDS: '1',
      });
      w = await buildWorld(t);
    });
    afterAll(async () => {
      for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await t?.close();
      await smtp?.stop();
      await tarpit?.stop();
    });

    const startWorker = async (): Promise<ChildProcess> => {
      const config = t.app.get(AppConfig);
      const { child } = launch({
        PORT: String(await freePort()),
        DATABASE_URL: config.DATABASE_URL ?? '',
        MEILI_URL: config.MEILI_URL ?? '',
        MEILI_MASTER_KEY: config.MEILI_MASTER_KEY ?? '',
        MEILI_INDEX_PREFIX: config.MEILI_INDEX_PREFIX,
        JWT_SECRET: config.JWT_SECRET ?? '',
        WEBHOOK_SECRETS_KEY: config.WEBHOOK_SECRETS_KEY ?? '',
        METRICS_PUBLIC: 'true',
        SEED_DEMO_DATA: 'false',
        MIGRATIONS_RUN: 'false',
        SMTP_HOST: smtp.host,
        SMTP_PORT: String(smtp.port),
        WEBHOOK_ALLOW_HTTP: 'true',
        WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true',
        NOTIFICATION_JOB_TIMEOUT_SECONDS: JOB_TIMEOUT,
        ...SHORT_SENDS,
        JOB_MAINTENANCE_INTERVAL_SECONDS: '1',
        NOTIFICATION_RETRY_DELAY_SECONDS: '1',
        LOG_LEVEL: 'error',
      });
      children.push(child);
      return child;
    };

    it(
      'resumes after the crash: every e-mail arrives, none is lost, a resend carries the same Message-ID',
      async () => {
        const count = 60;
        await emit(
          t,
          NotificationEventType.MATCH_OUTCOME_RECORDED,
          Array.from({ length: count }, (_, i) => payloadFor(w, [w.orgs.otherEnterpriseOrg.id], i)),
        );
        await t.app.get(NotificationFanoutJob).drain();

        const first = await startWorker();
        await smtp.waitFor(15, 60_000);
        first.kill('SIGKILL');
        const atKill = smtp.messages.length;
        expect(atKill).toBeLessThan(count);

        const second = await startWorker();
        await waitUntil(() => new Set(smtp.messages.map((m) => m.messageId)).size >= count, `all ${count} messages`, 90_000);
        await new Promise((r) => setTimeout(r, 2000));
        second.kill('SIGTERM');

        // No loss: every delivery arrived, and every delivery row says so.
        const keys = smtp.messages.map((m) => m.headers['x-waterbridge-delivery']);
        expect(new Set(keys).size).toBe(count);
        const states = await deliveryStates(t, 'EMAIL');
        expect(states).toHaveLength(count);
        expect(states.every((s) => s.status === 'DELIVERED')).toBe(true);
        // Only a message in flight at the kill (sent, not yet recorded) can come twice, and then with the same
        // Message-ID, by which the recipient's mail system shows it once.
        const resent = smtp.messages.length - count;
        expect(resent).toBeLessThanOrEqual(8);
        for (const key of new Set(keys)) {
          const copies = smtp.messages.filter((m) => m.headers['x-waterbridge-delivery'] === key);
          expect(new Set(copies.map((m) => m.messageId)).size).toBe(1);
        }
      },
      CRASH_TEST_TIMEOUT,
    );

    it(
      'delivers a webhook call whose worker was killed mid-send once its lease runs out: recorded delivered once, the crashed attempt counted',
      async () => {
        tarpit = await startTarpit();
        const webhook = await t.factory.webhook(w.orgs.otherEnterpriseOrg.id, {
          url: tarpit.url,
          secret: 'whsec_killed-send',
          events: [NotificationEventType.MATCH_ENGAGED],
        });
        await emit(t, NotificationEventType.MATCH_ENGAGED, [payloadFor(w, [w.orgs.otherEnterpriseOrg.id], 100)]);
        await t.app.get(NotificationFanoutJob).drain();
        const [delivery]: Array<{ id: string; idempotencyKey: string }> = await t.dataSource.query(
          `SELECT id, idempotency_key AS "idempotencyKey" FROM notification_delivery WHERE webhook_id = $1`,
          [webhook.id],
        );

        // The receiver holds the call; the worker sending it dies.
        const first = await startWorker();
        await tarpit.waitFor(1, 60_000);
        first.kill('SIGKILL');
        await exited(first);
        const [leased] = await t.dataSource.query(
          `SELECT status, attempts, lease_until IS NOT NULL AS leased FROM notification_delivery WHERE id = $1`,
          [delivery.id],
        );
        expect(leased).toEqual({ status: 'PENDING', attempts: 1, leased: true });

        tarpit.release();
        const second = await startWorker();
        await waitUntil(
          async () => {
            const [row] = await t.dataSource.query(`SELECT status FROM notification_delivery WHERE id = $1`, [delivery.id]);
            return row.status === 'DELIVERED';
          },
          'the delivery to be recorded',
          60_000,
        );
        await new Promise((r) => setTimeout(r, 2000));
        second.kill('SIGTERM');
        await exited(second);

        // The receiver got the call at least twice (the killed one and the resend), always with the same delivery id…
        expect(tarpit.received.length).toBeGreaterThanOrEqual(2);
        expect(new Set(tarpit.received)).toEqual(new Set([delivery.idempotencyKey]));
        // …and the delivery was recorded once: the crashed attempt counts (a delivery that kills its worker every time
        // ends DEAD instead of looping), the log has the one attempt that got an answer.
        const [row] = await t.dataSource.query(
          `SELECT status, attempts, lease_until AS "leaseUntil" FROM notification_delivery WHERE id = $1`,
          [delivery.id],
        );
        expect(row).toEqual({ status: 'DELIVERED', attempts: 2, leaseUntil: null });
        const log = await t.dataSource.query(`SELECT attempt, succeeded FROM notification_delivery_attempt WHERE delivery_id = $1`, [
          delivery.id,
        ]);
        expect(log).toEqual([{ attempt: 2, succeeded: true }]);
      },
      CRASH_TEST_TIMEOUT,
    );

    it('retries a job that finds its delivery leased to another worker, and completes it once the delivery is settled', async () => {
      await emit(t, NotificationEventType.MATCH_OUTCOME_RECORDED, [payloadFor(w, [w.orgs.agencyOrg.id], 300)]);
      await t.app.get(NotificationFanoutJob).drain();
      const [{ id }]: Array<{ id: string }> = await t.dataSource.query(
        `SELECT id FROM notification_delivery WHERE status = 'PENDING' AND user_id = $1`,
        [w.users.agency.id],
      );
      const deliveries = t.app.get(NotificationDeliveriesRepository);
      const job = t.app.get(NotificationDeliveryJob);
      // Another worker holds it (its job expired under load, say, and was handed here): come back later…
      const held = await t.dataSource.transaction((manager) => deliveries.claim(id, 60_000, manager));
      expect(await job.deliver(id)).toBe(true);
      expect(smtp.messages.filter((m) => m.headers['x-waterbridge-delivery'] === held!.idempotencyKey)).toEqual([]);
      // …and once that worker has recorded its send, there is nothing left to do.
      await deliveries.settle(held!, DeliveryStatus.DELIVERED, { ok: true, statusCode: 250, error: null }, 5);
      expect(await job.deliver(id)).toBe(false);
      expect(await deliveryStates(t, 'EMAIL')).toContainEqual({ status: 'DELIVERED', attempts: 1 });
    });

    it(
      'gives a job back to PENDING deliveries that lost theirs (the sweep), once, and they are delivered',
      async () => {
        await emit(
          t,
          NotificationEventType.MATCH_OUTCOME_RECORDED,
          [0, 1, 2].map((i) => payloadFor(w, [w.orgs.agencyOrg.id], 200 + i)),
        );
        await t.app.get(NotificationFanoutJob).drain();
        const rows: Array<{ id: string }> = await t.dataSource.query(
          `SELECT id FROM notification_delivery WHERE status = 'PENDING' AND user_id = $1`,
          [w.users.agency.id],
        );
        expect(rows).toHaveLength(3);
        const ids = rows.map((r) => r.id);
        // The queue loses their jobs, as it did when a send outlived its job (the retry found the row locked and
        // completed; the send then failed into a PENDING row with no job left).
        await t.dataSource.query(`DELETE FROM pgboss.job WHERE name = 'notification-delivery' AND data->>'deliveryId' = ANY($1)`, [ids]);
        const liveJobs = async () =>
          (
            await t.dataSource.query<Array<{ id: string }>>(
              `SELECT data->>'deliveryId' AS id FROM pgboss.job WHERE name = 'notification-delivery' AND state IN ('created', 'retry', 'active') AND data->>'deliveryId' = ANY($1) ORDER BY 1`,
              [ids],
            )
          ).map((r) => r.id);
        expect(await liveJobs()).toEqual([]);

        const sweep = t.app.get(NotificationDeliverySweepJob);
        await sweep.sweep();
        expect(await liveJobs()).toEqual([...ids].sort());
        // A second sweep leaves rows that have a job alone.
        await sweep.sweep();
        expect(await liveJobs()).toEqual([...ids].sort());

        const before = smtp.messages.length;
        const worker = await startWorker();
        await waitUntil(
          async () => {
            const [{ n }] = await t.dataSource.query(
              `SELECT count(*)::int AS n FROM notification_delivery WHERE id = ANY($1) AND status = 'DELIVERED'`,
              [ids],
            );
            return n === 3;
          },
          'the three deliveries',
          60_000,
        );
        await new Promise((r) => setTimeout(r, 2000));
        worker.kill('SIGTERM');
        await exited(worker);
        const keys = smtp.messages
          .slice(before)
          .map((m) => m.headers['x-waterbridge-delivery'])
          .filter((k) => k?.includes(w.users.agency.id));
        expect(keys).toHaveLength(3);
        expect(new Set(keys).size).toBe(3);
      },
      CRASH_TEST_TIMEOUT,
    );
  });
});
