import { AuditLogModule } from '../audit-log/audit-log.module';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MailRepository } from './email/mail.repository';
import { NotificationDeliveryJob } from './notification-delivery.job';
import { NotificationDeliverySweepJob } from './notification-delivery-sweep.job';
import { NotificationDigestJob } from './notification-digest.job';
import { NotificationFanoutJob } from './notification-fanout.job';
import { NotificationOutboxService } from './notification-outbox.service';
import { NotificationPreferencesService } from './notification-preferences.service';
import { NotificationStreamService } from './notification-stream.service';
import { NotificationEntity } from './notification.entity';
import { NotificationsRepository } from './notifications.repository';
import { NotificationsResolver } from './notifications.resolver';
import { NotificationsService } from './notifications.service';
import { WebhooksModule } from './webhooks/webhooks.module';

/**
 * Notifications: events enter through the outbox (in the transaction of the change), the fan-out job turns them
 * into in-app notifications and deliveries, the delivery job sends e-mails and webhook calls (the sweep re-enqueues any left without a job), the digest job gathers
 * alerts. In-app notifications reach open subscriptions through PostgreSQL LISTEN/NOTIFY.
 */
@Module({
  imports: [TypeOrmModule.forFeature([NotificationEntity]), WebhooksModule, AuditLogModule],
  providers: [
    NotificationOutboxService,
    NotificationFanoutJob,
    NotificationDeliveryJob,
    NotificationDeliverySweepJob,
    NotificationDigestJob,
    NotificationStreamService,
    NotificationsRepository,
    NotificationsService,
    NotificationPreferencesService,
    NotificationsResolver,
    MailRepository,
  ],
  exports: [NotificationOutboxService],
})
export class NotificationsModule {}
