import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAt } from '../database/columns';
import { NotificationEventType } from './notification-event-type';

/** An in-app notification: one per event and recipient (the unique pair makes the fan-out idempotent). */
@Entity('notification')
@Index(['eventId', 'userId'], { unique: true })
@Index(['userId', 'createdAt'])
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  userId: string;

  @Column({ type: 'uuid' })
  eventId: string;

  @Column({ type: 'text' })
  type: NotificationEventType;

  /** In the recipient's language at the time of the event. */
  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  body: string;

  /** The match, need, activity, donation or training course it is about, for a client to link to. */
  @Column({ type: 'uuid', nullable: true })
  matchId: string | null;

  @Column({ type: 'uuid', nullable: true })
  needId: string | null;

  @Column({ type: 'uuid', nullable: true })
  activityId: string | null;

  @Column({ type: 'uuid', nullable: true })
  donationId: string | null;

  @Column({ type: 'uuid', nullable: true })
  trainingCourseId: string | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  readAt: Date | null;

  @CreatedAt()
  createdAt: Date;
}
