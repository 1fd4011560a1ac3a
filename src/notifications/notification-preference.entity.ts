import { Column, Entity, PrimaryColumn } from 'typeorm';
import { UpdatedAt } from '../database/columns';
import { DigestFrequency, NotificationChannel, NotificationEventType } from './notification-event-type';

/** A user's choice for one event type on one personal channel (in-app or e-mail); absent rows take the defaults. */
@Entity('notification_preference')
export class NotificationPreferenceEntity {
  @PrimaryColumn({ type: 'uuid' })
  userId: string;

  @PrimaryColumn({ type: 'text' })
  eventType: NotificationEventType;

  @PrimaryColumn({ type: 'enum', enum: NotificationChannel, enumName: 'notification_channel' })
  channel: NotificationChannel;

  @Column({ type: 'boolean' })
  enabled: boolean;

  @Column({ type: 'enum', enum: DigestFrequency, enumName: 'digest_frequency', default: DigestFrequency.IMMEDIATE })
  frequency: DigestFrequency;

  @UpdatedAt()
  updatedAt: Date;
}
