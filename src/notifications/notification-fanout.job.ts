import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { JobQueue } from '../jobs/job-queue.service';
import { Language, Role } from '../users/user.entity';
import { inAppTexts } from './email/notification-texts';
import { DeliveryStatus } from './notification-delivery.entity';
import { NOTIFICATION_DELIVERY_QUEUE } from './notification-delivery-queue';
import { defaultPreference, PersonalChannel, Preference } from './notification-defaults';
import { DigestFrequency, NotificationChannel, NotificationEventType } from './notification-event-type';
import { NOTIFICATION_FANOUT_QUEUE } from './notification-outbox.service';
import { MatchFacts, NotificationPayload } from './notification-payload';
import { NOTIFICATION_CHANNEL } from './notification-stream';

const BATCH = 200;

interface PendingEvent {
  id: string;
  type: NotificationEventType;
  payload: NotificationPayload;
}

interface Recipient {
  id: string;
  email: string;
  displayName: string;
  preferredLanguage: Language;
  organizationId: string;
  role: Role;
}

interface NewDelivery {
  idempotencyKey: string;
  channel: NotificationChannel;
  eventId: string;
  userId: string | null;
  webhookId: string | null;
  address: string;
  status: DeliveryStatus;
}

/**
 * Turns committed notification events into what each recipient gets: an in-app notification (written here, and
 * announced to open subscriptions through PostgreSQL NOTIFY on commit), an e-mail delivery per user who wants one
 * (at once, or held for a digest), and a webhook delivery per endpoint of the organisations concerned. Every row has
 * a unique key (event + recipient + channel), so running an event twice — a retry, two workers — adds nothing.
 * The delivery jobs are enqueued in the same transaction: an event is either wholly fanned out, or not at all.
 */
@Injectable()
export class NotificationFanoutJob implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: JobQueue,
  ) {}

  onModuleInit(): void {
    this.jobs.register({
      name: NOTIFICATION_FANOUT_QUEUE,
      options: { policy: 'stately', retryLimit: 10, retryDelay: 1, retryBackoff: true, expireInSeconds: 15 * 60 },
      handler: () => this.drain().then(() => undefined),
      schedule: '* * * * *',
    });
  }

  /** Fans out every pending event; returns how many. */
  async drain(): Promise<number> {
    let done = 0;
    for (;;) {
      const count = await this.dataSource.transaction((manager) => this.fanOutBatch(manager));
      done += count;
      if (count < BATCH) return done;
    }
  }

  private async fanOutBatch(manager: EntityManager): Promise<number> {
    const events: PendingEvent[] = await manager.query(
      `SELECT id, type, payload FROM notification_event WHERE fanned_out_at IS NULL ORDER BY created_at, id LIMIT $1 FOR UPDATE SKIP LOCKED`,
      [BATCH],
    );
    if (events.length === 0) return 0;

    const recipientsOf = await this.recipients(manager, events);
    const preferenceOf = await this.preferences(manager, events, recipientsOf);
    const webhooksOf = await this.webhooks(manager, events);

    const inApp: Array<{ userId: string; eventId: string; type: string; title: string; body: string; matchId: string | null; needId: string | null }> = [];
    const deliveries: NewDelivery[] = [];
    for (const event of events) {
      const links: MatchFacts = event.payload;
      for (const user of recipientsOf(event)) {
        if (preferenceOf(user.id, event.type, NotificationChannel.IN_APP).enabled) {
          const texts = inAppTexts(event.type, event.payload, user.preferredLanguage, user);
          inApp.push({ userId: user.id, eventId: event.id, type: event.type, ...texts, matchId: links.matchId ?? null, needId: links.needId ?? null });
        }
        const email = preferenceOf(user.id, event.type, NotificationChannel.EMAIL);
        if (email.enabled) {
          deliveries.push({
            idempotencyKey: `${event.id}:email:${user.id}`,
            channel: NotificationChannel.EMAIL,
            eventId: event.id,
            userId: user.id,
            webhookId: null,
            address: user.email,
            status: email.frequency === DigestFrequency.IMMEDIATE ? DeliveryStatus.PENDING : DeliveryStatus.HELD_FOR_DIGEST,
          });
        }
      }
      for (const webhook of webhooksOf(event)) {
        deliveries.push({
          idempotencyKey: `${event.id}:webhook:${webhook.id}`,
          channel: NotificationChannel.WEBHOOK,
          eventId: event.id,
          userId: null,
          webhookId: webhook.id,
          address: webhook.url,
          status: DeliveryStatus.PENDING,
        });
      }
    }

    if (inApp.length > 0) {
      // NOTIFY is delivered on commit, so a subscriber never hears of a notification that was rolled back.
      await manager.query(
        `WITH added AS (
           INSERT INTO notification (user_id, event_id, type, title, body, match_id, need_id)
           SELECT * FROM jsonb_to_recordset($1::jsonb) AS n("userId" uuid, "eventId" uuid, type text, title text, body text, "matchId" uuid, "needId" uuid)
           ON CONFLICT (event_id, user_id) DO NOTHING
           RETURNING id, user_id)
         SELECT count(pg_notify($2, json_build_object('userId', user_id, 'id', id)::text)) FROM added`,
        [JSON.stringify(inApp), NOTIFICATION_CHANNEL],
      );
    }
    if (deliveries.length > 0) {
      const created: Array<{ id: string; status: DeliveryStatus }> = await manager.query(
        `INSERT INTO notification_delivery (idempotency_key, channel, event_id, user_id, webhook_id, address, status)
         SELECT * FROM jsonb_to_recordset($1::jsonb) AS d("idempotencyKey" text, channel notification_channel, "eventId" uuid, "userId" uuid, "webhookId" uuid, address text, status delivery_status)
         ON CONFLICT (idempotency_key) DO NOTHING
         RETURNING id, status`,
        [JSON.stringify(deliveries)],
      );
      const toSend = created.filter((d) => d.status === DeliveryStatus.PENDING);
      await this.jobs.insert(toSend.map((d) => ({ name: NOTIFICATION_DELIVERY_QUEUE, data: { deliveryId: d.id } })), manager);
    }
    await manager.query(`UPDATE notification_event SET fanned_out_at = now() WHERE id = ANY($1)`, [events.map((e) => e.id)]);
    return events.length;
  }

  /** Active users of the organisations named, the users named, and (when asked) every active coordinator. */
  private async recipients(manager: EntityManager, events: PendingEvent[]): Promise<(event: PendingEvent) => Recipient[]> {
    const organizationIds = [...new Set(events.flatMap((e) => e.payload.audience.organizationIds))];
    const userIds = [...new Set(events.flatMap((e) => e.payload.audience.userIds))];
    const coordinators = events.some((e) => e.payload.audience.coordinators);
    const users: Recipient[] = await manager.query(
      `SELECT id, email, display_name AS "displayName", preferred_language AS "preferredLanguage", organization_id AS "organizationId", role
       FROM app_user
       WHERE active AND (organization_id = ANY($1) OR id = ANY($2) OR ($3 AND role = 'COORDINATOR'))
       ORDER BY id`,
      [organizationIds, userIds, coordinators],
    );
    return (event) => {
      const { audience } = event.payload;
      return users.filter(
        (u) => audience.organizationIds.includes(u.organizationId) || audience.userIds.includes(u.id) || (audience.coordinators && u.role === Role.COORDINATOR),
      );
    };
  }

  private async preferences(
    manager: EntityManager,
    events: PendingEvent[],
    recipientsOf: (event: PendingEvent) => Recipient[],
  ): Promise<(userId: string, type: NotificationEventType, channel: PersonalChannel) => Preference> {
    const userIds = [...new Set(events.flatMap((e) => recipientsOf(e).map((u) => u.id)))];
    const rows: Array<{ userId: string; eventType: NotificationEventType; channel: PersonalChannel; enabled: boolean; frequency: DigestFrequency }> = userIds.length
      ? await manager.query(
          `SELECT user_id AS "userId", event_type AS "eventType", channel, enabled, frequency FROM notification_preference WHERE user_id = ANY($1)`,
          [userIds],
        )
      : [];
    const chosen = new Map(rows.map((r) => [`${r.userId}:${r.eventType}:${r.channel}`, { enabled: r.enabled, frequency: r.frequency }]));
    return (userId, type, channel) => chosen.get(`${userId}:${type}:${channel}`) ?? defaultPreference(type, channel);
  }

  private async webhooks(manager: EntityManager, events: PendingEvent[]): Promise<(event: PendingEvent) => Array<{ id: string; url: string }>> {
    const organizationIds = [...new Set(events.flatMap((e) => e.payload.audience.organizationIds))];
    const endpoints: Array<{ id: string; url: string; organizationId: string; events: string[] }> = organizationIds.length
      ? await manager.query(`SELECT id, url, organization_id AS "organizationId", events FROM webhook_endpoint WHERE active AND organization_id = ANY($1) ORDER BY id`, [
          organizationIds,
        ])
      : [];
    return (event) => endpoints.filter((w) => event.payload.audience.organizationIds.includes(w.organizationId) && w.events.includes(event.type));
  }
}
