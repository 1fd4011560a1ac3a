import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { JobQueueService } from '../jobs/job-queue.service';
import { NotificationDeliveriesRepository } from './notification-deliveries.repository';
import { NOTIFICATION_DELIVERY_QUEUE, NOTIFICATION_DELIVERY_SWEEP_QUEUE } from './notification-delivery-queue';

const BATCH = 1000;

/**
 * Every minute (and at start), enqueues a delivery job for each PENDING delivery that has none waiting or running and
 * no live lease: a send that outlasted its job's expiry and then failed, a worker that crashed after its job was
 * retried away, a job that could not be handed back. Without it such a row would stay PENDING for ever. A row whose
 * job is still queued (a retry waiting out its backoff) is left alone; a duplicate job would only find the row leased
 * or settled.
 */
@Injectable()
export class NotificationDeliverySweepJob implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: JobQueueService,
    private readonly deliveries: NotificationDeliveriesRepository,
  ) {}

  onModuleInit(): void {
    this.jobs.register({
      name: NOTIFICATION_DELIVERY_SWEEP_QUEUE,
      options: { policy: 'stately', retryLimit: 3, retryDelay: 10, expireInSeconds: 5 * 60 },
      handler: () => this.sweep().then(() => undefined),
      schedule: '* * * * *',
    });
  }

  /** Gives a job back to every orphaned PENDING delivery; returns how many. */
  async sweep(): Promise<number> {
    let total = 0;
    for (;;) {
      const count = await this.dataSource.transaction(async (manager) => {
        const ids = await this.deliveries.lockOrphaned(NOTIFICATION_DELIVERY_QUEUE, BATCH, manager);
        await this.jobs.insert(
          ids.map((deliveryId) => ({ name: NOTIFICATION_DELIVERY_QUEUE, data: { deliveryId } })),
          manager,
        );
        return ids.length;
      });
      total += count;
      if (count < BATCH) return total;
    }
  }
}
