import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { JobQueue } from '../jobs/job-queue.service';
import { DeliveryStatus } from './notification-delivery.entity';
import { NOTIFICATION_DELIVERY_QUEUE } from './notification-delivery-queue';
import { DIGEST_PERIOD_MS, DIGESTIBLE } from './notification-defaults';
import { DigestFrequency, NotificationChannel } from './notification-event-type';

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
    private readonly jobs: JobQueue,
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
    const due: Array<{ userId: string }> = await this.dataSource.query(
      `SELECT d.user_id AS "userId"
       FROM notification_delivery d
       LEFT JOIN notification_preference p ON p.user_id = d.user_id AND p.event_type = $1 AND p.channel = 'EMAIL'
       WHERE d.status = 'HELD_FOR_DIGEST'
       GROUP BY d.user_id, p.frequency
       HAVING min(d.created_at) <= $2::timestamptz - make_interval(secs => (CASE coalesce(p.frequency, 'DAILY') WHEN 'WEEKLY' THEN $3 ELSE $4 END)::double precision / 1000)`,
      [DIGESTIBLE[0], now, DIGEST_PERIOD_MS[DigestFrequency.WEEKLY], DIGEST_PERIOD_MS[DigestFrequency.DAILY]],
    );
    let created = 0;
    for (const { userId } of due) if (await this.digestFor(userId)) created++;
    return created;
  }

  private digestFor(userId: string): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const held: Array<{ id: string; address: string }> = await manager.query(
        `SELECT id, address FROM notification_delivery WHERE user_id = $1 AND status = 'HELD_FOR_DIGEST' ORDER BY created_at, id FOR UPDATE SKIP LOCKED`,
        [userId],
      );
      if (held.length === 0) return false;
      const [digest]: Array<{ id: string }> = await manager.query(
        `INSERT INTO notification_delivery (idempotency_key, channel, event_id, user_id, webhook_id, address, status)
         VALUES ($1, $2, NULL, $3, NULL, $4, $5)
         ON CONFLICT (idempotency_key) DO NOTHING RETURNING id`,
        [`digest:${held[0].id}`, NotificationChannel.EMAIL, userId, held.at(-1)?.address, DeliveryStatus.PENDING],
      );
      if (!digest) return false;
      await manager.query(`UPDATE notification_delivery SET status = 'DIGESTED', digest_id = $2, updated_at = now() WHERE id = ANY($1)`, [held.map((h) => h.id), digest.id]);
      await this.jobs.insert([{ name: NOTIFICATION_DELIVERY_QUEUE, data: { deliveryId: digest.id } }], manager);
      return true;
    });
  }
}
