import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { JobQueue } from '../jobs/job-queue.service';
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
    private readonly jobs: JobQueue,
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
        // Locked (SKIP LOCKED), so two sweeps at once do not both re-enqueue a row; pg-boss's own table says which
        // deliveries still have a job (created, retry, active).
        const rows: Array<{ id: string }> = await manager.query(
          `SELECT d.id FROM notification_delivery d
           WHERE d.status = 'PENDING' AND (d.lease_until IS NULL OR d.lease_until < now())
             AND NOT EXISTS (SELECT 1 FROM pgboss.job j WHERE j.name = $1 AND j.state IN ('created', 'retry', 'active') AND j.data->>'deliveryId' = d.id::text)
           ORDER BY d.created_at LIMIT $2 FOR UPDATE OF d SKIP LOCKED`,
          [NOTIFICATION_DELIVERY_QUEUE, BATCH],
        );
        await this.jobs.insert(rows.map((r) => ({ name: NOTIFICATION_DELIVERY_QUEUE, data: { deliveryId: r.id } })), manager);
        return rows.length;
      });
      total += count;
      if (count < BATCH) return total;
    }
  }
}
