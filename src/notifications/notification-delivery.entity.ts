import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAt, UpdatedAt } from '../database/columns';
import { NotificationChannel } from './notification-event-type';

export enum DeliveryStatus {
  /** Waiting for its job (first attempt or a retry after a failure), or being sent under a lease. */
  PENDING = 'PENDING',
  DELIVERED = 'DELIVERED',
  /** Failed NOTIFICATION_MAX_ATTEMPTS times: parked for an admin (dead letter). */
  DEAD = 'DEAD',
  /** An alert held for the recipient's next digest. */
  HELD_FOR_DIGEST = 'HELD_FOR_DIGEST',
  /** Sent inside a digest (see `digestId`). */
  DIGESTED = 'DIGESTED',
}

/**
 * One message to send outside the application: an e-mail to a user, or a webhook call to an organisation's endpoint.
 * `idempotencyKey` (event, recipient, channel — or the digest) is unique, so a repeated fan-out never adds a second
 * delivery, and it travels with the message (Message-ID, WaterBridge-Delivery header) so a receiver can tell a resend.
 */
@Entity('notification_delivery')
@Index(['status', 'createdAt'])
@Index(['webhookId', 'createdAt'])
export class NotificationDeliveryEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index({ unique: true })
  @Column({ type: 'text' })
  idempotencyKey: string;

  @Column({ type: 'enum', enum: NotificationChannel, enumName: 'notification_channel' })
  channel: NotificationChannel;

  /** The event it reports; null for a digest, which reports the deliveries pointing at it. */
  @Column({ type: 'uuid', nullable: true })
  eventId: string | null;

  @Column({ type: 'uuid', nullable: true })
  userId: string | null;

  @Column({ type: 'uuid', nullable: true })
  webhookId: string | null;

  /** E-mail address or URL at the time of the fan-out. */
  @Column({ type: 'text' })
  address: string;

  @Column({ type: 'enum', enum: DeliveryStatus, enumName: 'delivery_status' })
  status: DeliveryStatus;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  deliveredAt: Date | null;

  /** Until when the worker that claimed it owns the send; past it (a crashed worker) another may claim it. */
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  leaseUntil: Date | null;

  /** Which claim holds the lease: only that claim records the outcome. */
  @Column({ type: 'uuid', nullable: true })
  leaseToken: string | null;

  /** The digest delivery that carried this alert. */
  @Column({ type: 'uuid', nullable: true })
  digestId: string | null;

  @CreatedAt()
  createdAt: Date;

  @UpdatedAt()
  updatedAt: Date;
}

/** The delivery log: one row per attempt. */
@Entity('notification_delivery_attempt')
@Index(['deliveryId', 'attempt'], { unique: true })
export class DeliveryAttemptEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id: string;

  @Column({ type: 'uuid' })
  deliveryId: string;

  @Column({ type: 'int' })
  attempt: number;

  @Column({ type: 'boolean' })
  succeeded: boolean;

  /** HTTP status of a webhook call; SMTP reply code of an e-mail, when there was one. */
  @Column({ type: 'int', nullable: true })
  statusCode: number | null;

  @Column({ type: 'text', nullable: true })
  error: string | null;

  @Column({ type: 'int' })
  durationMs: number;

  @CreatedAt()
  createdAt: Date;
}
