import { Check, Column, Entity, Index, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import { ActivityEntity, ActivityRegistrationEntity } from '../activities/activity.entity';
import { CreatedAt, UpdatedAt } from '../database/columns';
import { MeetingRequestStatus } from './meeting-status';

/** A time slot for 1:1 meetings at an activity; every slot has the activity's `meetingTables` tables. */
@Entity('meeting_slot')
@Index(['activityId', 'startsAt'], { unique: true })
@Check('CHK_meeting_slot_period', 'ends_at > starts_at')
export class MeetingSlotEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  activityId: string;

  @ManyToOne(() => ActivityEntity, { onDelete: 'CASCADE' })
  activity?: ActivityEntity;

  @Column({ type: 'timestamptz', precision: 3 })
  startsAt: Date;

  @Column({ type: 'timestamptz', precision: 3 })
  endsAt: Date;
}

/** A slot in which a delegate does not meet anyone (a break, a late arrival, an early departure). */
@Entity('meeting_break')
export class MeetingBreakEntity {
  @PrimaryColumn('uuid')
  registrationId: string;

  @PrimaryColumn('uuid')
  slotId: string;

  @ManyToOne(() => ActivityRegistrationEntity, { onDelete: 'CASCADE' })
  registration?: ActivityRegistrationEntity;

  @ManyToOne(() => MeetingSlotEntity, { onDelete: 'CASCADE' })
  slot?: MeetingSlotEntity;
}

/**
 * One delegate asks another (of another organisation) for a 1:1 meeting at an activity. Once accepted, the scheduler
 * places it in a slot at a table, or says why it could not.
 */
@Entity('meeting_request')
@Index(['activityId', 'status'])
@Index(['requesterId'])
@Index(['inviteeId'])
@Check('CHK_meeting_request_parties', 'requester_id <> invitee_id')
@Check('CHK_meeting_request_placement', '(slot_id IS NULL) = (table_number IS NULL)')
export class MeetingRequestEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  activityId: string;

  @ManyToOne(() => ActivityEntity, { onDelete: 'CASCADE' })
  activity?: ActivityEntity;

  /** The asking delegate's registration. */
  @Column({ type: 'uuid' })
  requesterId: string;

  @ManyToOne(() => ActivityRegistrationEntity, { onDelete: 'CASCADE' })
  requester?: ActivityRegistrationEntity;

  /** The invited delegate's registration. */
  @Column({ type: 'uuid' })
  inviteeId: string;

  @ManyToOne(() => ActivityRegistrationEntity, { onDelete: 'CASCADE' })
  invitee?: ActivityRegistrationEntity;

  @Column({ type: 'text', default: '' })
  message: string;

  @Column({ type: 'enum', enum: MeetingRequestStatus, enumName: 'meeting_request_status', default: MeetingRequestStatus.REQUESTED })
  status: MeetingRequestStatus;

  /** Why it was declined or cancelled, when a reason was given. */
  @Column({ type: 'text', nullable: true })
  reason: string | null;

  /** Who sent it. */
  @Column({ type: 'uuid', nullable: true })
  requestedBy: string | null;

  /** Where the scheduler placed it (an accepted request only). */
  @Column({ type: 'uuid', nullable: true })
  slotId: string | null;

  @ManyToOne(() => MeetingSlotEntity, { onDelete: 'SET NULL' })
  slot?: MeetingSlotEntity;

  @Column({ type: 'integer', nullable: true })
  tableNumber: number | null;

  /** Why the last scheduling run left an accepted request out (the scheduler's UnplacedReason). */
  @Column({ type: 'text', nullable: true })
  unplacedReason: string | null;

  /** When both sides were reminded of the meeting: each placed meeting is reminded of once. */
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  remindedAt: Date | null;

  @CreatedAt()
  createdAt: Date;

  @UpdatedAt()
  updatedAt: Date;

  @VersionColumn({ default: 1 })
  version: number;
}
