import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditLogModule } from '../../audit-log/audit-log.module';
import { DeliveryLogService } from '../delivery-log.service';
import { NotificationDeliveriesRepository } from '../notification-deliveries.repository';
import { DeliveryAttemptEntity, NotificationDeliveryEntity } from '../notification-delivery.entity';
import { WebhookEndpointEntity } from './webhook-endpoint.entity';
import { WebhookEndpointsRepository } from './webhook-endpoints.repository';
import { WebhookSecretBox } from './webhook-secret-box';
import { WebhookSender } from './webhook-sender';
import { WebhooksResolver } from './webhooks.resolver';
import { WebhooksService } from './webhooks.service';

/** Webhook management (GraphQL), the signed sender and the delivery log, for the notification jobs to reuse. */
@Module({
  imports: [TypeOrmModule.forFeature([WebhookEndpointEntity, NotificationDeliveryEntity, DeliveryAttemptEntity]), AuditLogModule],
  providers: [WebhooksService, WebhooksResolver, WebhookSender, WebhookSecretBox, DeliveryLogService, WebhookEndpointsRepository, NotificationDeliveriesRepository],
  exports: [WebhooksService, WebhookSender, DeliveryLogService, WebhookEndpointsRepository, NotificationDeliveriesRepository],
})
export class WebhooksModule {}
