import { Check, Column, Entity, Index, ManyToOne, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import { ActivityEntity } from '../activities/activity.entity';
import { CreatedAt, numericToNumber, UpdatedAt } from '../database/columns';
import { MatchEntity } from '../matches/match.entity';
import { NeedEntity } from '../needs/need.entity';
import { OrganizationEntity } from '../organizations/organization.entity';
import { ProgrammeEntity } from '../programmes/programme.entity';
import { TrainingStatus } from './training-status';

/** Technical training an enterprise or joint centre gives to a partner's staff, against a need or within a programme. */
@Entity('training_course')
@Index(['trainerId'])
@Index(['recipientId'])
@Check('CHK_training_course_figures', 'trainees >= 0 AND certificates_issued >= 0 AND certificates_issued <= trainees AND hours >= 0')
export class TrainingCourseEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The enterprise or joint centre giving it. */
  @Column({ type: 'uuid' })
  trainerId: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT' })
  trainer?: OrganizationEntity;

  /** The agency or joint centre whose staff are trained. */
  @Column({ type: 'uuid' })
  recipientId: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT' })
  recipient?: OrganizationEntity;

  @Column({ type: 'uuid', nullable: true })
  needId: string | null;

  @ManyToOne(() => NeedEntity, { onDelete: 'RESTRICT' })
  need?: NeedEntity;

  @Column({ type: 'uuid', nullable: true })
  programmeId: string | null;

  /** The match whose outcome its completion was recorded as (once, by a coordinator). */
  @Column({ type: 'uuid', nullable: true })
  matchId: string | null;

  @ManyToOne(() => MatchEntity, { onDelete: 'RESTRICT' })
  match?: MatchEntity;

  @ManyToOne(() => ProgrammeEntity, { onDelete: 'RESTRICT' })
  programme?: ProgrammeEntity;

  /** The activity (a TRAINING_COURSE) it is given at, when there is one. */
  @Column({ type: 'uuid', nullable: true })
  activityId: string | null;

  @ManyToOne(() => ActivityEntity, { onDelete: 'RESTRICT' })
  activity?: ActivityEntity;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text', default: '' })
  description: string;

  @Column({ type: 'date' })
  startsOn: string;

  @Column({ type: 'date', nullable: true })
  endsOn: string | null;

  /** Planned when pledged; as given once COMPLETED. */
  @Column({ type: 'numeric', precision: 8, scale: 1, transformer: numericToNumber })
  hours: number;

  /** Planned when pledged; as trained once COMPLETED. */
  @Column({ type: 'integer' })
  trainees: number;

  @Column({ type: 'integer', default: 0 })
  certificatesIssued: number;

  @Column({ type: 'enum', enum: TrainingStatus, enumName: 'training_status', default: TrainingStatus.PLEDGED })
  status: TrainingStatus;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @CreatedAt()
  createdAt: Date;

  @UpdatedAt()
  updatedAt: Date;

  @VersionColumn({ default: 1 })
  version: number;
}
