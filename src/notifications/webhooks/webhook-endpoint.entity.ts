import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAt, UpdatedAt } from '../../database/columns';
import { NotificationEventType } from '../notification-event-type';

/** An organisation's HTTPS endpoint for the events it chose; calls are signed with `secret` (HMAC-SHA256). */
@Entity('webhook_endpoint')
@Index(['organizationId'])
export class WebhookEndpointEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  organizationId: string;

  @Column({ type: 'text' })
  url: string;

  /** Shown once, when created or rotated; never readable through the API afterwards. */
  @Column({ type: 'text' })
  secret: string;

  @Column({ type: 'text', array: true })
  events: NotificationEventType[];

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @CreatedAt()
  createdAt: Date;

  @UpdatedAt()
  updatedAt: Date;
}
