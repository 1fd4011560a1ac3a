import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAt } from '../database/columns';
import { NotificationEventType } from './notification-event-type';
import type { NotificationPayload } from './notification-payload';

/**
 * Transactional outbox of notifications: an event is written in the same transaction as the change it reports; the
 * fan-out job turns it into in-app notifications and deliveries, then stamps `fannedOutAt`.
 */
@Entity('notification_event')
@Index('IDX_notification_event_pending', ['createdAt'], { where: 'fanned_out_at IS NULL' })
export class NotificationEventEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  type: NotificationEventType;

  /** Everything the texts need, as it was when the event happened (names, titles, contacts once engaged). */
  @Column({ type: 'jsonb' })
  payload: NotificationPayload;

  @CreatedAt()
  createdAt: Date;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  fannedOutAt: Date | null;
}
