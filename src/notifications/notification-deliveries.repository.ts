import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { DeliveryStatus } from './notification-delivery.entity';
import { DIGEST_PERIOD_MS, DIGESTIBLE } from './notification-defaults';
import { DigestFrequency, NotificationChannel, NotificationEventType } from './notification-event-type';
import { NotificationPayload } from './notification-payload';

/** A delivery as claimed for one attempt: what the send needs, and the lease that lets it record the outcome. */
export interface ClaimedDelivery {
  id: string;
  idempotencyKey: string;
  channel: NotificationChannel;
  eventId: string | null;
  userId: string | null;
  webhookId: string | null;
  address: string;
  /** This attempt's number (counted at the claim, so a send cut short by a crash counts too). */
  attempts: number;
  leaseToken: string;
}

/** One e-mail or webhook call to create; its idempotency key makes creating it twice a no-op. */
export interface NewDelivery {
  idempotencyKey: string;
  channel: NotificationChannel;
  eventId: string;
  userId: string | null;
  webhookId: string | null;
  address: string;
  status: DeliveryStatus;
}

/** How one attempt ended, as the attempt log keeps it. */
export interface AttemptOutcome {
  ok: boolean;
  statusCode: number | null;
  error: string | null;
}

/** An event gathered into a digest. */
export interface DigestedEvent {
  type: NotificationEventType;
  payload: NotificationPayload;
  createdAt: Date;
}

/**
 * E-mails and webhook calls (`notification_delivery`) and the log of their attempts. Methods that take a `manager`
 * run in the caller's transaction (the locks they take last until it ends); the others run on their own.
 */
@Injectable()
export class NotificationDeliveriesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Creates the deliveries that do not exist yet (by idempotency key); returns those it created. */
  insertMany(deliveries: NewDelivery[], manager: EntityManager): Promise<Array<{ id: string; status: DeliveryStatus }>> {
    return manager.query(
      `INSERT INTO notification_delivery (idempotency_key, channel, event_id, user_id, webhook_id, address, status)
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS d("idempotencyKey" text, channel notification_channel, "eventId" uuid, "userId" uuid, "webhookId" uuid, address text, status delivery_status)
       ON CONFLICT (idempotency_key) DO NOTHING
       RETURNING id, status`,
      [JSON.stringify(deliveries)],
    );
  }

  /**
   * Leases a PENDING delivery no one holds for `leaseMs` (a fresh lease token, one more attempt) and returns it; none
   * when it is settled or leased. A concurrent claim of the same row waits for this one's commit, then finds the lease taken.
   */
  async claim(deliveryId: string, leaseMs: number, manager: EntityManager): Promise<ClaimedDelivery | undefined> {
    const [rows]: [ClaimedDelivery[], number] = await manager.query(
      `UPDATE notification_delivery
       SET attempts = attempts + 1, lease_until = now() + $2 * interval '1 millisecond', lease_token = gen_random_uuid(), updated_at = now()
       WHERE id = $1 AND status = 'PENDING' AND (lease_until IS NULL OR lease_until < now())
       RETURNING id, idempotency_key AS "idempotencyKey", channel, event_id AS "eventId", user_id AS "userId", webhook_id AS "webhookId", address, attempts, lease_token AS "leaseToken"`,
      [deliveryId, leaseMs],
    );
    return rows[0];
  }

  /** Whether the delivery is PENDING under a lease that has not run out (another worker is sending it). */
  async isLeased(deliveryId: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM notification_delivery WHERE id = $1 AND status = 'PENDING' AND lease_until >= now()`,
      [deliveryId],
    );
    return rows.length > 0;
  }

  /**
   * Records an attempt and the delivery's new status, in one transaction, only if `claimed` still holds the lease;
   * false when it ran out and another worker claimed the row (the outcome is that worker's to record).
   */
  settle(claimed: ClaimedDelivery, status: DeliveryStatus, outcome: AttemptOutcome, durationMs: number): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const [updated]: [unknown[], number] = await manager.query(
        `UPDATE notification_delivery SET status = $3, last_error = $4, delivered_at = CASE WHEN $5 THEN now() END, lease_until = NULL, lease_token = NULL, updated_at = now()
         WHERE id = $1 AND lease_token = $2 RETURNING id`,
        [claimed.id, claimed.leaseToken, status, outcome.error, outcome.ok],
      );
      if (updated.length === 0) return false;
      await manager.query(
        `INSERT INTO notification_delivery_attempt (delivery_id, attempt, succeeded, status_code, error, duration_ms) VALUES ($1, $2, $3, $4, $5, $6)`,
        [claimed.id, claimed.attempts, outcome.ok, outcome.statusCode, outcome.error, durationMs],
      );
      return true;
    });
  }

  /**
   * Locks (SKIP LOCKED, so two sweeps at once do not both take a row) up to `limit` PENDING deliveries with no live
   * lease and no job of `queue` waiting or running for them (pg-boss's own table says which: created, retry, active).
   */
  async lockOrphaned(queue: string, limit: number, manager: EntityManager): Promise<string[]> {
    const rows: Array<{ id: string }> = await manager.query(
      `SELECT d.id FROM notification_delivery d
       WHERE d.status = 'PENDING' AND (d.lease_until IS NULL OR d.lease_until < now())
         AND NOT EXISTS (SELECT 1 FROM pgboss.job j WHERE j.name = $1 AND j.state IN ('created', 'retry', 'active') AND j.data->>'deliveryId' = d.id::text)
       ORDER BY d.created_at LIMIT $2 FOR UPDATE OF d SKIP LOCKED`,
      [queue, limit],
    );
    return rows.map((r) => r.id);
  }

  /** Locks a delivery for a change of status; its status and attempts, or none when there is no such delivery. */
  async lockStatus(id: string, manager: EntityManager): Promise<{ status: DeliveryStatus; attempts: number } | undefined> {
    const [row]: Array<{ status: DeliveryStatus; attempts: number }> = await manager.query(
      `SELECT status, attempts FROM notification_delivery WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return row;
  }

  /** A fresh start for a delivery: PENDING, no attempts (their log deleted), no lease. */
  async resetAttempts(id: string, manager: EntityManager): Promise<void> {
    await manager.query(
      `UPDATE notification_delivery SET status = 'PENDING', attempts = 0, lease_until = NULL, lease_token = NULL, updated_at = now() WHERE id = $1`,
      [id],
    );
    await manager.query(`DELETE FROM notification_delivery_attempt WHERE delivery_id = $1`, [id]);
  }

  /**
   * Users whose oldest delivery held for a digest is a period old, the period being their e-mail frequency for the
   * digestible alerts (daily when they have not chosen).
   */
  async usersWithDigestDue(now: Date): Promise<string[]> {
    const due: Array<{ userId: string }> = await this.dataSource.query(
      `SELECT d.user_id AS "userId"
       FROM notification_delivery d
       LEFT JOIN notification_preference p ON p.user_id = d.user_id AND p.event_type = $1 AND p.channel = 'EMAIL'
       WHERE d.status = 'HELD_FOR_DIGEST'
       GROUP BY d.user_id, p.frequency
       HAVING min(d.created_at) <= $2::timestamptz - make_interval(secs => (CASE coalesce(p.frequency, 'DAILY') WHEN 'WEEKLY' THEN $3 ELSE $4 END)::double precision / 1000)`,
      [DIGESTIBLE[0], now, DIGEST_PERIOD_MS[DigestFrequency.WEEKLY], DIGEST_PERIOD_MS[DigestFrequency.DAILY]],
    );
    return due.map((d) => d.userId);
  }

  /** Locks (SKIP LOCKED) the user's deliveries held for a digest, oldest first. */
  lockHeldForDigest(userId: string, manager: EntityManager): Promise<Array<{ id: string; address: string }>> {
    return manager.query(
      `SELECT id, address FROM notification_delivery WHERE user_id = $1 AND status = 'HELD_FOR_DIGEST' ORDER BY created_at, id FOR UPDATE SKIP LOCKED`,
      [userId],
    );
  }

  /**
   * Creates the PENDING digest e-mail of `held` (the user's held deliveries, oldest first) and marks them DIGESTED
   * into it; its key comes from the first of them, so a repeated run creates nothing: returns its id, or none.
   */
  async createDigest(userId: string, held: Array<{ id: string; address: string }>, manager: EntityManager): Promise<string | undefined> {
    const [digest]: Array<{ id: string }> = await manager.query(
      `INSERT INTO notification_delivery (idempotency_key, channel, event_id, user_id, webhook_id, address, status)
       VALUES ($1, $2, NULL, $3, NULL, $4, $5)
       ON CONFLICT (idempotency_key) DO NOTHING RETURNING id`,
      [`digest:${held[0].id}`, NotificationChannel.EMAIL, userId, held.at(-1)?.address, DeliveryStatus.PENDING],
    );
    if (!digest) return undefined;
    await manager.query(`UPDATE notification_delivery SET status = 'DIGESTED', digest_id = $2, updated_at = now() WHERE id = ANY($1)`, [
      held.map((h) => h.id),
      digest.id,
    ]);
    return digest.id;
  }

  /** The events gathered into a digest delivery, oldest first. */
  eventsOfDigest(digestId: string, manager: EntityManager): Promise<DigestedEvent[]> {
    return manager.query(
      `SELECT e.type, e.payload, e.created_at AS "createdAt" FROM notification_delivery d JOIN notification_event e ON e.id = d.event_id
       WHERE d.digest_id = $1 ORDER BY e.created_at, e.id`,
      [digestId],
    );
  }
}
