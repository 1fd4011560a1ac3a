import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import PgBoss from 'pg-boss';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { JobQueue } from '../jobs/job-queue.service';
import { Metrics } from '../observability/metrics.service';
import { Language, Role } from '../users/user.entity';
import { MailTransport } from './email/mail-transport';
import { digestEmail, emailMessage } from './email/notification-texts';
import { DeliveryStatus } from './notification-delivery.entity';
import { NOTIFICATION_DELIVERY_QUEUE } from './notification-delivery-queue';
import { DIGESTIBLE } from './notification-defaults';
import { DigestFrequency, NotificationChannel, NotificationEventType } from './notification-event-type';
import { NotificationPayload } from './notification-payload';
import { WebhookSender } from './webhooks/webhook-sender';
import { webhookLogName } from './webhooks/webhook-url';

/** Deliveries one worker sends at once; each holds a database connection while it sends. */
const PARALLEL = 8;
/** Jobs fetched at once, shared by the lanes. */
const BATCH = 256;

interface DeliveryRow {
  id: string;
  idempotencyKey: string;
  channel: NotificationChannel;
  eventId: string | null;
  userId: string | null;
  webhookId: string | null;
  address: string;
  status: DeliveryStatus;
  attempts: number;
}

interface Outcome {
  ok: boolean;
  statusCode: number | null;
  error: string | null;
}

/**
 * Sends one e-mail or webhook call per job. The delivery row is locked for the whole attempt and updated in the same
 * transaction as its log entry, so two workers never send one delivery, and a delivery marked DELIVERED is never
 * sent again. A crash between the receiver's acceptance and our commit is the one case that resends; the resend
 * carries the same idempotency key (Message-ID, WaterBridge-Delivery), by which the receiver recognises it
 * (docs/NOTIFICATIONS.md). Failures retry with exponential backoff; after NOTIFICATION_MAX_ATTEMPTS the delivery is
 * DEAD (the dead letter), visible to admins.
 */
@Injectable()
export class NotificationDeliveryJob implements OnModuleInit {
  private readonly logger = new Logger('NotificationDelivery');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: JobQueue,
    private readonly mail: MailTransport,
    private readonly webhooks: WebhookSender,
    private readonly config: AppConfig,
    private readonly metrics: Metrics,
  ) {}

  onModuleInit(): void {
    this.jobs.register<{ deliveryId: string }>({
      name: NOTIFICATION_DELIVERY_QUEUE,
      options: {
        // The delivery row counts the attempts and decides when it is DEAD; the queue only needs room for them (and for
        // the rare run that failed before it could attempt anything).
        retryLimit: this.config.NOTIFICATION_MAX_ATTEMPTS + 5,
        retryDelay: this.config.NOTIFICATION_RETRY_DELAY_SECONDS,
        retryBackoff: true,
        // A worker that dies mid-send leaves its job active; once this passes, the queue hands it to another worker.
        expireInSeconds: this.config.NOTIFICATION_JOB_TIMEOUT_SECONDS,
      },
      handler: (jobs) => this.work(jobs),
      // 32 jobs a lane (~0.5 s of sends): after a batch under 0.4 s pg-boss sleeps out its 0.5 s poll, which held 32-job batches to 64 sends/s.
      work: { batchSize: BATCH },
    });
  }

  /**
   * Sends a batch on PARALLEL lanes. The whole batch must end within the job timeout: past it, pg-boss fails every
   * job of the batch, sent or not (slow receivers: a hanging webhook takes WEBHOOK_TIMEOUT_MS, a stuck SMTP server up
   * to 30 s). So after a third of the timeout the lanes stop taking jobs, and the ones not started go back to the
   * queue as fresh jobs (no attempt is spent); the sends under way still have two thirds of it to finish.
   */
  private async work(jobs: PgBoss.Job<{ deliveryId: string }>[]): Promise<void> {
    const deadline = Date.now() + (this.config.NOTIFICATION_JOB_TIMEOUT_SECONDS * 1000) / 3;
    let next = 0;
    const lane = async () => {
      while (next < jobs.length && Date.now() < deadline) {
        const job = jobs[next++];
        const retry = await this.deliver(job.data.deliveryId).catch((error: unknown) => {
          this.logger.error(`Delivery ${job.data.deliveryId} failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`);
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
    return this.dataSource.transaction(async (manager) => {
      const [row]: DeliveryRow[] = await manager.query(
        `SELECT id, idempotency_key AS "idempotencyKey", channel, event_id AS "eventId", user_id AS "userId", webhook_id AS "webhookId", address, status, attempts
         FROM notification_delivery WHERE id = $1 FOR UPDATE SKIP LOCKED`,
        [deliveryId],
      );
      // Locked by another worker sending it right now, or already settled: nothing to do.
      if (!row || row.status !== DeliveryStatus.PENDING) return false;
      const attempt = row.attempts + 1;
      const started = Date.now();
      const outcome = await this.send(manager, row).catch((error: unknown): Outcome => ({ ok: false, statusCode: replyCode(error), error: errorText(error) }));
      const durationMs = Date.now() - started;
      const status = outcome.ok ? DeliveryStatus.DELIVERED : attempt >= this.config.NOTIFICATION_MAX_ATTEMPTS ? DeliveryStatus.DEAD : DeliveryStatus.PENDING;
      await manager.query(
        `INSERT INTO notification_delivery_attempt (delivery_id, attempt, succeeded, status_code, error, duration_ms) VALUES ($1, $2, $3, $4, $5, $6)`,
        [row.id, attempt, outcome.ok, outcome.statusCode, outcome.error, durationMs],
      );
      await manager.query(
        `UPDATE notification_delivery SET status = $2, attempts = $3, last_error = $4, delivered_at = CASE WHEN $5 THEN now() END, updated_at = now() WHERE id = $1`,
        [row.id, status, attempt, outcome.error, outcome.ok],
      );
      this.metrics.notificationDelivery(row.channel, outcome.ok ? 'delivered' : status === DeliveryStatus.DEAD ? 'dead' : 'failed');
      if (status === DeliveryStatus.DEAD) {
        const to = row.channel === NotificationChannel.WEBHOOK ? webhookLogName(row.webhookId, row.address) : row.address;
        this.logger.warn(`Delivery ${row.id} (${row.channel} to ${to}) is dead after ${attempt} attempts: ${outcome.error}`);
      }
      return status === DeliveryStatus.PENDING;
    });
  }

  private async send(manager: EntityManager, row: DeliveryRow): Promise<Outcome> {
    if (row.channel === NotificationChannel.WEBHOOK) return this.callWebhook(manager, row);
    return this.sendMail(manager, row);
  }

  private async callWebhook(manager: EntityManager, row: DeliveryRow): Promise<Outcome> {
    const [endpoint]: Array<{ url: string; secret: string; active: boolean }> = await manager.query(`SELECT url, secret, active FROM webhook_endpoint WHERE id = $1`, [row.webhookId]);
    if (!endpoint || !endpoint.active) return { ok: false, statusCode: null, error: 'The webhook was removed or deactivated' };
    const [event]: Array<{ type: NotificationEventType; payload: NotificationPayload; createdAt: Date }> = await manager.query(
      `SELECT type, payload, created_at AS "createdAt" FROM notification_event WHERE id = $1`,
      [row.eventId],
    );
    const { audience: _audience, ...data } = event.payload;
    const body = JSON.stringify({ id: row.idempotencyKey, event: event.type, createdAt: event.createdAt, data });
    const result = await this.webhooks.post({ url: endpoint.url, secret: endpoint.secret }, { key: row.idempotencyKey, eventType: event.type }, body);
    return { ok: result.ok, statusCode: result.statusCode, error: result.error };
  }

  private async sendMail(manager: EntityManager, row: DeliveryRow): Promise<Outcome> {
    const [user]: Array<{ displayName: string; preferredLanguage: Language; organizationId: string; role: Role }> = await manager.query(
      `SELECT display_name AS "displayName", preferred_language AS "preferredLanguage", organization_id AS "organizationId", role FROM app_user WHERE id = $1`,
      [row.userId],
    );
    if (!user) return { ok: false, statusCode: null, error: 'The recipient no longer exists' };
    const appUrl = this.config.PUBLIC_APP_URL.replace(/\/$/, '');
    let message;
    if (row.eventId) {
      const [event]: Array<{ type: NotificationEventType; payload: NotificationPayload }> = await manager.query(`SELECT type, payload FROM notification_event WHERE id = $1`, [row.eventId]);
      message = emailMessage(event.type, event.payload, user.preferredLanguage, user, appUrl);
    } else {
      const items: Array<{ type: NotificationEventType; payload: NotificationPayload; createdAt: Date }> = await manager.query(
        `SELECT e.type, e.payload, e.created_at AS "createdAt" FROM notification_delivery d JOIN notification_event e ON e.id = d.event_id
         WHERE d.digest_id = $1 ORDER BY e.created_at, e.id`,
        [row.id],
      );
      const [{ frequency }]: Array<{ frequency: DigestFrequency }> = await manager.query(
        `SELECT coalesce((SELECT frequency FROM notification_preference WHERE user_id = $1 AND event_type = $2 AND channel = 'EMAIL'), 'DAILY') AS frequency`,
        [row.userId, DIGESTIBLE[0]],
      );
      message = digestEmail(items, user.preferredLanguage, user, frequency, appUrl);
    }
    const result = await this.mail.send({ to: row.address, ...message, messageId: row.idempotencyKey.replace(/:/g, '.'), headers: { 'X-WaterBridge-Delivery': row.idempotencyKey } });
    return { ok: true, statusCode: result.statusCode, error: null };
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
