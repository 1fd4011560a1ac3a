import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditLogModule } from '../../audit-log/audit-log.module';
import { DeliveryLogService } from '../delivery-log.service';
import { NotificationDeliveriesRepository } from '../notification-deliveries.repository';
import { DeliveryAttemptEntity, NotificationDeliveryEntity } from '../notification-delivery.entity';
import { WebhookEndpointEntity } from './webhook-endpoint.entity';
import { WebhookEndpointsRepository } from './webhook-endpoints.repository';
import { WebhookSecretBoxService } from './webhook-secret-box.service';
import { WebhookReceiversRepository } from './webhook-receivers.repository';
import { WebhooksResolver } from './webhooks.resolver';
import { WebhooksService } from './webhooks.service';

/** Webhook management (GraphQL), the signed sender and the delivery log, for the notification jobs to reuse. */
@Module({
  imports: [TypeOrmModule.forFeature([WebhookEndpointEntity, NotificationDeliveryEntity, DeliveryAttemptEntity]), AuditLogModule],
  providers: [
    WebhooksService,
    WebhooksResolver,
    WebhookReceiversRepository,
    WebhookSecretBoxService,
    DeliveryLogService,
    WebhookEndpointsRepository,
    NotificationDeliveriesRepository,
  ],
  exports: [WebhooksService, WebhookReceiversRepository, DeliveryLogService, WebhookEndpointsRepository, NotificationDeliveriesRepository],
})
export class WebhooksModule {}
