import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import PgBoss from 'pg-boss';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig, deliveryLeaseMs } from '../config/app-config';
import { JobPayloads } from '../jobs/job-map';
import { JobQueueService } from '../jobs/job-queue.service';
import { MetricsService } from '../observability/metrics.service';
import { MailRepository } from './email/mail.repository';
import { digestEmail, emailMessage } from './email/notification-texts';
import { DeliveryStatus } from './notification-delivery.entity';
import { NOTIFICATION_DELIVERY_QUEUE } from './notification-delivery-queue';
import { DIGESTIBLE } from './notification-defaults';
import { NotificationChannel } from './notification-event-type';
import { AttemptOutcome, ClaimedDelivery, NotificationDeliveriesRepository } from './notification-deliveries.repository';
import { NotificationsRepository, StoredEvent } from './notifications.repository';
import { WebhookEndpointsRepository } from './webhooks/webhook-endpoints.repository';
import { WebhookReceiversRepository } from './webhooks/webhook-receivers.repository';
import { webhookLogName } from './webhooks/webhook-url';

/**
 * Deliveries one worker sends at once. A send holds no database connection (only its claim and its record do), so the
 * lanes are no longer bounded by the pool: with the two transactions a delivery now takes, 8 lanes fell behind the
 * approvals (bench:notifications latency p50 3.2 s against 1.1 s before); 16 keep pace (1.0 s). It also bounds the
 * sends a crashed worker may leave to be resent.
 */
const PARALLEL = 16;
/** Jobs fetched at once, shared by the lanes. */
const BATCH = 256;

/** What a claim read for its send; the send itself runs after the claim's transaction has committed. */
type Send = () => Promise<AttemptOutcome>;

/**
 * Sends one e-mail or webhook call per job, at least once, in three steps (an outbox with leases, as Stripe's
 * webhooks and SQS's visibility timeout work):
 * 1. claim: one short transaction sets a lease on a PENDING row no one holds (`lease_until` = now + the longest send
 *    timeout + a margin, a fresh `lease_token`, one more attempt) and reads what the send needs;
 * 2. send, with no transaction or connection held: a receiver that hangs until its timeout costs a lane, never the
 *    pool the API shares;
 * 3. record, in a second short transaction, the attempt and the new status, only if the claim still holds the lease.
 * A worker that dies mid-send leaves the row PENDING under a lease that runs out; the queue's retry of its job, or
 * else the sweeper (NotificationDeliverySweepJob), hands it to another worker. A crash between the receiver's
 * acceptance and the record is the one case that resends; the resend carries the same idempotency key (Message-ID,
 * WaterBridge-Delivery), on which the receiver de-duplicates (docs/NOTIFICATIONS.md). Failures retry with exponential
 * backoff; after NOTIFICATION_MAX_ATTEMPTS the delivery is DEAD (the dead letter), visible to admins.
 */
@Injectable()
export class NotificationDeliveryJob implements OnModuleInit {
  private readonly logger = new Logger('NotificationDelivery');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: JobQueueService,
    private readonly mail: MailRepository,
    private readonly webhooks: WebhookReceiversRepository,
    private readonly config: AppConfig,
    private readonly metrics: MetricsService,
    private readonly deliveries: NotificationDeliveriesRepository,
    private readonly events: NotificationsRepository,
    private readonly endpoints: WebhookEndpointsRepository,
  ) {}

  onModuleInit(): void {
    this.jobs.register({
      name: NOTIFICATION_DELIVERY_QUEUE,
      options: {
        // The delivery row counts the attempts and decides when it is DEAD; the queue only needs room for them (and for
        // the rare run that failed before it could attempt anything).
        retryLimit: this.config.NOTIFICATION_MAX_ATTEMPTS + 5,
        retryDelay: this.config.NOTIFICATION_RETRY_DELAY_SECONDS,
        retryBackoff: true,
        // A worker that dies mid-send leaves its job active; once this passes, the queue hands it to another worker.
        // The configuration makes it at least a lease long, so a live send never outlasts its job.
        expireInSeconds: this.config.NOTIFICATION_JOB_TIMEOUT_SECONDS,
      },
      handler: (jobs) => this.work(jobs),
      // 32 jobs a lane (~0.5 s of sends): after a batch under 0.4 s pg-boss sleeps out its 0.5 s poll, which held 32-job batches to 64 sends/s.
      work: { batchSize: BATCH },
    });
  }

  /**
   * Sends a batch on PARALLEL lanes. The whole batch must end within the job timeout: past it, pg-boss fails every
   * job of the batch, sent or not. So a lane starts a send only while a whole lease (the longest send and the margin)
   * still fits before the timeout (its first one always fits, by the configuration's rule); the jobs not started go
   * back to the queue as fresh jobs (no attempt is spent).
   */
  private async work(jobs: PgBoss.Job<JobPayloads['notification-delivery']>[]): Promise<void> {
    const lastStart = Date.now() + this.config.NOTIFICATION_JOB_TIMEOUT_SECONDS * 1000 - deliveryLeaseMs(this.config);
    let next = 0;
    const lane = async () => {
      for (let first = true; next < jobs.length && (first || Date.now() < lastStart); first = false) {
        const job = jobs[next++];
        const retry = await this.deliver(job.data.deliveryId).catch((error: unknown) => {
          this.logger.error(
            `Delivery ${job.data.deliveryId} failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`,
          );
          return true;
        });
        // The other jobs of the batch complete when this handler returns; a failed one goes back for a retry.
        if (retry) await this.jobs.fail(NOTIFICATION_DELIVERY_QUEUE, job.id, 'delivery failed, retrying');
      }
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL, jobs.length) }, lane));
    const untaken = jobs.slice(next);
    if (untaken.length > 0) {
      this.logger.warn(`${untaken.length} deliveries of a slow batch go back to the queue`);
      await this.jobs.insert(untaken.map((job) => ({ name: NOTIFICATION_DELIVERY_QUEUE, data: job.data })));
    }
  }

  /** One attempt; true when it failed and should be retried. */
  async deliver(deliveryId: string): Promise<boolean> {
    const claimed = await this.claim(deliveryId);
    // Settled: nothing to do. Leased to another worker: this job comes back after its backoff, and finds the row
    // settled or, should that worker have died, free to claim; completing it here would leave a failed send of that
    // worker with no job until the minute's sweep.
    if (!claimed) return this.deliveries.isLeased(deliveryId);
    const { row, send } = claimed;
    const started = Date.now();
    const outcome = await send().catch((error: unknown): AttemptOutcome => ({
      ok: false,
      statusCode: replyCode(error),
      error: errorText(error),
    }));
    return this.record(row, outcome, Date.now() - started);
  }

  /** Step 1: the lease, and what the send needs, in one short transaction. */
  private claim(deliveryId: string): Promise<{ row: ClaimedDelivery; send: Send } | undefined> {
    return this.dataSource.transaction(async (manager) => {
      const row = await this.deliveries.claim(deliveryId, deliveryLeaseMs(this.config), manager);
      if (!row) return undefined;
      const send =
        row.channel === NotificationChannel.WEBHOOK ? await this.prepareWebhook(manager, row) : await this.prepareMail(manager, row);
      return { row, send };
    });
  }

  /** Step 3: the attempt and the new status, if this claim still holds the lease. */
  private async record(row: ClaimedDelivery, outcome: AttemptOutcome, durationMs: number): Promise<boolean> {
    const attempt = row.attempts;
    const status = outcome.ok
      ? DeliveryStatus.DELIVERED
      : attempt >= this.config.NOTIFICATION_MAX_ATTEMPTS
        ? DeliveryStatus.DEAD
        : DeliveryStatus.PENDING;
    const recorded = await this.deliveries.settle(row, status, outcome, durationMs);
    if (!recorded) {
      // The lease ran out during the send and another worker claimed the row: the outcome is that worker's to record.
      this.logger.warn(
        `Delivery ${row.id}: attempt ${attempt} ended after its lease (${outcome.ok ? 'delivered' : outcome.error}); not recorded`,
      );
      return false;
    }
    this.metrics.notificationDelivery(row.channel, outcome.ok ? 'delivered' : status === DeliveryStatus.DEAD ? 'dead' : 'failed');
    if (status === DeliveryStatus.DEAD) {
      // A webhook URL may carry a token: the log names the webhook and its host only.
      const to = row.channel === NotificationChannel.WEBHOOK ? webhookLogName(row.webhookId, row.address) : row.address;
      this.logger.warn(`Delivery ${row.id} (${row.channel} to ${to}) is dead after ${attempt} attempts: ${outcome.error}`);
    }
    return status === DeliveryStatus.PENDING;
  }

  private async prepareWebhook(manager: EntityManager, row: ClaimedDelivery): Promise<Send> {
    const endpoint = row.webhookId ? await this.endpoints.findForDelivery(row.webhookId, manager) : undefined;
    if (!endpoint || !endpoint.active)
      return () => Promise.resolve({ ok: false, statusCode: null, error: 'The webhook was removed or deactivated' });
    const event = await this.eventOf(row, manager);
    const { audience: _audience, ...data } = event.payload;
    const body = JSON.stringify({ id: row.idempotencyKey, event: event.type, createdAt: event.createdAt, data });
    return async () => {
      const result = await this.webhooks.post(
        { url: endpoint.url, secret: endpoint.secret },
        { key: row.idempotencyKey, eventType: event.type },
        body,
      );
      return { ok: result.ok, statusCode: result.statusCode, error: result.error };
    };
  }

  private async prepareMail(manager: EntityManager, row: ClaimedDelivery): Promise<Send> {
    const user = row.userId ? await this.events.findReader(row.userId, manager) : undefined;
    if (!user || !row.userId) return () => Promise.resolve({ ok: false, statusCode: null, error: 'The recipient no longer exists' });
    const appUrl = this.config.PUBLIC_APP_URL.replace(/\/$/, '');
    let message;
    if (row.eventId) {
      const event = await this.eventOf(row, manager);
      message = emailMessage(event.type, event.payload, user.preferredLanguage, user, appUrl);
    } else {
      const items = await this.deliveries.eventsOfDigest(row.id, manager);
      const frequency = await this.events.emailFrequency(row.userId, DIGESTIBLE[0], manager);
      message = digestEmail(items, user.preferredLanguage, user, frequency, appUrl);
    }
    const mail = {
      to: row.address,
      ...message,
      messageId: row.idempotencyKey.replace(/:/g, '.'),
      headers: { 'X-WaterBridge-Delivery': row.idempotencyKey },
    };
    return async () => {
      const result = await this.mail.send(mail);
      return { ok: true, statusCode: result.statusCode, error: null };
    };
  }

  /** The event a delivery is of (events are never deleted). */
  private async eventOf(row: ClaimedDelivery, manager: EntityManager): Promise<StoredEvent> {
    const event = row.eventId ? await this.events.findEvent(row.eventId, manager) : undefined;
    if (!event) throw new Error(`Delivery ${row.id}: its event ${row.eventId ?? '(none)'} does not exist`);
    return event;
  }
}

/** The SMTP reply code a failed send carries, when the server answered at all. */
function replyCode(error: unknown): number | null {
  const code = (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof code === 'number' ? code : null;
}

function errorText(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 500);
}
