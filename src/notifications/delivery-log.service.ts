import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, Repository } from 'typeorm';
import { AuditLogService } from '../audit-log/audit-log.service';
import { changeEntry } from '../audit-log/change-entry';
import { Actor } from '../access/actor';
import { DomainError } from '../common/domain-error';
import { JobQueueService } from '../jobs/job-queue.service';
import { Connection, PageArgs } from '../common/pagination';
import { paginate } from '../database/paginate';
import { NotificationDeliveriesRepository } from './notification-deliveries.repository';
import { DeliveryAttemptEntity, DeliveryStatus, NotificationDeliveryEntity } from './notification-delivery.entity';
import { NotificationDeliveryModel, toNotificationDeliveryModel } from './notification-delivery.model';
import { NOTIFICATION_DELIVERY_QUEUE } from './notification-delivery-queue';
import { NotificationChannel } from './notification-event-type';

export interface DeliveryLogFilter {
  webhookId?: string;
  userId?: string;
  status?: DeliveryStatus;
  channel?: NotificationChannel;
}

/** Reads the delivery log: deliveries newest first, each with its attempts. Access is checked by the callers. */
@Injectable()
export class DeliveryLogService {
  constructor(
    @InjectRepository(NotificationDeliveryEntity) private readonly deliveries: Repository<NotificationDeliveryEntity>,
    @InjectRepository(DeliveryAttemptEntity) private readonly attempts: Repository<DeliveryAttemptEntity>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: JobQueueService,
    private readonly audit: AuditLogService,
    private readonly deliveryRows: NotificationDeliveriesRepository,
  ) {}

  /**
   * Gives a dead delivery (a dead letter) a fresh set of attempts, after its cause was fixed (an SMTP password, a
   * receiver back online). Its key is unchanged, so a receiver that did get an earlier attempt can still tell.
   */
  async retryDead(actor: Actor, id: string): Promise<NotificationDeliveryModel> {
    await this.dataSource.transaction(async (manager) => {
      const row = await this.deliveryRows.lockStatus(id, manager);
      if (!row) throw DomainError.notFound('Delivery', id);
      if (row.status !== DeliveryStatus.DEAD) throw DomainError.conflict(`Only a DEAD delivery can be retried; this one is ${row.status}`);
      await this.deliveryRows.resetAttempts(id, manager);
      await this.jobs.insert([{ name: NOTIFICATION_DELIVERY_QUEUE, data: { deliveryId: id } }], manager);
      const after = { status: DeliveryStatus.PENDING, attempts: 0 };
      await this.audit.record(manager, [
        {
          entityType: 'notification_delivery',
          entityId: id,
          actor,
          action: 'retry',
          fromStatus: row.status,
          toStatus: after.status,
          changes: changeEntry(row, after, ['status', 'attempts']),
        },
      ]);
    });
    const row = await this.deliveries.findOneByOrFail({ id });
    return toNotificationDeliveryModel(row, []);
  }

  async list(filter: DeliveryLogFilter, page: PageArgs): Promise<Connection<NotificationDeliveryModel>> {
    const query = this.deliveries.createQueryBuilder('d');
    if (filter.webhookId) query.andWhere('d.webhookId = :webhookId', { webhookId: filter.webhookId });
    if (filter.userId) query.andWhere('d.userId = :userId', { userId: filter.userId });
    if (filter.status) query.andWhere('d.status = :status', { status: filter.status });
    if (filter.channel) query.andWhere('d.channel = :channel', { channel: filter.channel });
    const connection = await paginate(query, page, (row) => row);

    // The attempts of the whole page in one query, not one per delivery.
    const ids = connection.edges.map((e) => e.node.id);
    const attempts = ids.length ? await this.attempts.find({ where: { deliveryId: In(ids) } }) : [];
    const byDelivery = new Map<string, DeliveryAttemptEntity[]>();
    for (const attempt of attempts) byDelivery.set(attempt.deliveryId, [...(byDelivery.get(attempt.deliveryId) ?? []), attempt]);
    return {
      ...connection,
      edges: connection.edges.map((e) => ({
        cursor: e.cursor,
        node: toNotificationDeliveryModel(e.node, byDelivery.get(e.node.id) ?? []),
      })),
    };
  }
}
