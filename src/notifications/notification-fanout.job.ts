import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { JobQueueService } from '../jobs/job-queue.service';
import { Role } from '../access/actor';
import { inAppTexts } from './email/notification-texts';
import { DeliveryStatus } from './notification-delivery.entity';
import { NOTIFICATION_DELIVERY_QUEUE } from './notification-delivery-queue';
import { defaultPreference, PersonalChannel, Preference } from './notification-defaults';
import { DigestFrequency, NotificationChannel, NotificationEventType } from './notification-event-type';
import { NOTIFICATION_FANOUT_QUEUE } from './notification-outbox.service';
import { notificationLinks, NotificationSubject } from './notification-payload';
import { NewDelivery, NotificationDeliveriesRepository } from './notification-deliveries.repository';
import { NewNotification, NotificationsRepository, Recipient, StoredEvent } from './notifications.repository';
import { WebhookEndpointsRepository } from './webhooks/webhook-endpoints.repository';

const BATCH = 200;

type PendingEvent = Omit<StoredEvent, 'createdAt'>;

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
    private readonly jobs: JobQueueService,
    private readonly notifications: NotificationsRepository,
    private readonly deliveryRows: NotificationDeliveriesRepository,
    private readonly endpoints: WebhookEndpointsRepository,
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
    const events = await this.notifications.lockPendingEvents(BATCH, manager);
    if (events.length === 0) return 0;

    const recipientsOf = await this.recipients(manager, events);
    const preferenceOf = await this.preferences(manager, events, recipientsOf);
    const webhooksOf = await this.webhooks(manager, events);

    const inApp: NewNotification[] = [];
    const deliveries: NewDelivery[] = [];
    for (const event of events) {
      const links: NotificationSubject = event.payload;
      for (const user of recipientsOf(event)) {
        if (preferenceOf(user.id, event.type, NotificationChannel.IN_APP).enabled) {
          const texts = inAppTexts(event.type, event.payload, user.preferredLanguage, user);
          inApp.push({
            userId: user.id,
            eventId: event.id,
            type: event.type,
            ...texts,
            ...notificationLinks(links),
          });
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

    if (inApp.length > 0) await this.notifications.addInApp(inApp, manager);
    if (deliveries.length > 0) {
      const created = await this.deliveryRows.insertMany(deliveries, manager);
      const toSend = created.filter((d) => d.status === DeliveryStatus.PENDING);
      await this.jobs.insert(
        toSend.map((d) => ({ name: NOTIFICATION_DELIVERY_QUEUE, data: { deliveryId: d.id } })),
        manager,
      );
    }
    await this.notifications.markFannedOut(
      events.map((e) => e.id),
      manager,
    );
    return events.length;
  }

  /** Active users of the organisations named, the users named, and (when asked) every active coordinator. */
  private async recipients(manager: EntityManager, events: PendingEvent[]): Promise<(event: PendingEvent) => Recipient[]> {
    const organizationIds = [...new Set(events.flatMap((e) => e.payload.audience.organizationIds))];
    const userIds = [...new Set(events.flatMap((e) => e.payload.audience.userIds))];
    const coordinators = events.some((e) => e.payload.audience.coordinators);
    const users = await this.notifications.findRecipients({ organizationIds, userIds, coordinators }, manager);
    return (event) => {
      const { audience } = event.payload;
      return users.filter(
        (u) =>
          audience.organizationIds.includes(u.organizationId) ||
          audience.userIds.includes(u.id) ||
          (audience.coordinators && u.role === Role.COORDINATOR),
      );
    };
  }

  private async preferences(
    manager: EntityManager,
    events: PendingEvent[],
    recipientsOf: (event: PendingEvent) => Recipient[],
  ): Promise<(userId: string, type: NotificationEventType, channel: PersonalChannel) => Preference> {
    const userIds = [...new Set(events.flatMap((e) => recipientsOf(e).map((u) => u.id)))];
    const rows = userIds.length ? await this.notifications.preferencesOf(userIds, manager) : [];
    const chosen = new Map(rows.map((r) => [`${r.userId}:${r.eventType}:${r.channel}`, { enabled: r.enabled, frequency: r.frequency }]));
    return (userId, type, channel) => chosen.get(`${userId}:${type}:${channel}`) ?? defaultPreference(type, channel);
  }

  private async webhooks(
    manager: EntityManager,
    events: PendingEvent[],
  ): Promise<(event: PendingEvent) => Array<{ id: string; url: string }>> {
    const organizationIds = [...new Set(events.flatMap((e) => e.payload.audience.organizationIds))];
    const endpoints = organizationIds.length ? await this.endpoints.findActiveOf(organizationIds, manager) : [];
    return (event) =>
      endpoints.filter((w) => event.payload.audience.organizationIds.includes(w.organizationId) && w.events.includes(event.type));
  }
}
