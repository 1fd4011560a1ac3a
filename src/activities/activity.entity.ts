import { Check, Column, Entity, Generated, Index, ManyToOne, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import { CreatedAt, UpdatedAt } from '../database/columns';
import { OrganizationEntity } from '../organizations/organization.entity';
import { ProgrammeEntity } from '../programmes/programme.entity';
import { ActivityKind, ActivityStatus, RegistrationStatus } from './activity-status';

/** A field investigation, conference, exhibition, seminar, training course or equipment handover the alliance runs. */
@Entity('activity')
@Index(['status', 'startsAt'])
@Check('CHK_activity_period', 'ends_at >= starts_at')
@Check('CHK_activity_capacity', 'capacity >= 0')
@Check('CHK_activity_meeting_tables', 'meeting_tables >= 0')
export class ActivityEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Null for the alliance's own activities outside any programme. */
  @Column({ type: 'uuid', nullable: true })
  programmeId: string | null;

  @ManyToOne(() => ProgrammeEntity, { onDelete: 'RESTRICT' })
  programme?: ProgrammeEntity;

  @Column({ type: 'enum', enum: ActivityKind, enumName: 'activity_kind' })
  kind: ActivityKind;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text', nullable: true })
  titleZh: string | null;

  @Column({ type: 'text', default: '' })
  description: string;

  @Column({ type: 'char', length: 2 })
  countryCode: string;

  @Column({ type: 'text', nullable: true })
  city: string | null;

  /** The joint centre hosting it, when one does. */
  @Column({ type: 'uuid', nullable: true })
  hostCentreId: string | null;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT' })
  hostCentre?: OrganizationEntity;

  @Column({ type: 'timestamptz', precision: 3 })
  startsAt: Date;

  @Column({ type: 'timestamptz', precision: 3 })
  endsAt: Date;

  /** IANA time zone of the venue (e.g. Asia/Colombo): how agendas show the times. */
  @Column({ type: 'text', default: 'UTC' })
  timeZone: string;

  /** Seats for delegates; registrations beyond it wait on the list. */
  @Column({ type: 'integer' })
  capacity: number;

  @Column({ type: 'timestamptz', precision: 3 })
  registrationDeadline: Date;

  /** Tables for B2B meetings in every meeting slot (0: no meetings are held). */
  @Column({ type: 'integer', default: 0 })
  meetingTables: number;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  technologyCategories: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  sdgTargets: string[];

  @Column({ type: 'enum', enum: ActivityStatus, enumName: 'activity_status', default: ActivityStatus.DRAFT })
  status: ActivityStatus;

  /** What came of it, written when it is REPORTED. */
  @Column({ type: 'text', nullable: true })
  report: string | null;

  @CreatedAt()
  createdAt: Date;

  @UpdatedAt()
  updatedAt: Date;

  @VersionColumn({ default: 1 })
  version: number;
}

/** One delegate registered for an activity by an organisation (an enterprise, agency or joint centre). */
@Entity('activity_registration')
@Index(['activityId', 'status', 'queueNumber'])
@Index(['organizationId'])
@Index('UQ_activity_registration_live_email', ['activityId', 'delegateEmail'], {
  unique: true,
  where: "status IN ('PENDING', 'CONFIRMED', 'WAITLISTED')",
})
export class ActivityRegistrationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  activityId: string;

  @ManyToOne(() => ActivityEntity, { onDelete: 'CASCADE' })
  activity?: ActivityEntity;

  @Column({ type: 'uuid' })
  organizationId: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT' })
  organization?: OrganizationEntity;

  @Column({ type: 'text' })
  delegateName: string;

  /** Lower case; one live registration per address and activity. */
  @Column({ type: 'text' })
  delegateEmail: string;

  @Column({ type: 'text', nullable: true })
  delegatePosition: string | null;

  @Column({ type: 'enum', enum: RegistrationStatus, enumName: 'registration_status' })
  status: RegistrationStatus;

  /** Arrival order, taken under the activity's row lock: the waiting list moves up in this order. */
  @Column({ type: 'bigint' })
  @Generated('increment')
  queueNumber: string;

  /** The user who registered the delegate. */
  @Column({ type: 'uuid', nullable: true })
  registeredBy: string | null;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @CreatedAt()
  createdAt: Date;

  @UpdatedAt()
  updatedAt: Date;

  @VersionColumn({ default: 1 })
  version: number;
}
