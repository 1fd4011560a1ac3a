import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { JobQueueService } from '../jobs/job-queue.service';
import { NotificationDeliveriesRepository } from './notification-deliveries.repository';
import { NOTIFICATION_DELIVERY_QUEUE } from './notification-delivery-queue';

export const NOTIFICATION_DIGEST_QUEUE = 'notification-digest';

/**
 * Gathers alerts held for digests into one e-mail per user and period: when a user's oldest held alert is a day
 * (or a week) old, every alert held for them goes into one digest delivery, sent like any other e-mail. The digest's
 * key is derived from its first alert, so a repeated run creates nothing new.
 */
@Injectable()
export class NotificationDigestJob implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: JobQueueService,
    private readonly deliveries: NotificationDeliveriesRepository,
  ) {}

  onModuleInit(): void {
    this.jobs.register({
      name: NOTIFICATION_DIGEST_QUEUE,
      options: { policy: 'stately', retryLimit: 3, expireInSeconds: 15 * 60 },
      handler: () => this.run().then(() => undefined),
      schedule: '*/10 * * * *',
    });
  }

  /** Creates the digests that are due; returns how many. */
  async run(now = new Date()): Promise<number> {
    const due = await this.deliveries.usersWithDigestDue(now);
    let created = 0;
    for (const userId of due) if (await this.digestFor(userId)) created++;
    return created;
  }

  private digestFor(userId: string): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const held = await this.deliveries.lockHeldForDigest(userId, manager);
      if (held.length === 0) return false;
      const digestId = await this.deliveries.createDigest(userId, held, manager);
      if (!digestId) return false;
      await this.jobs.insert([{ name: NOTIFICATION_DELIVERY_QUEUE, data: { deliveryId: digestId } }], manager);
      return true;
    });
  }
}
