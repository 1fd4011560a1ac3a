import { Column, Entity, Index, ManyToOne, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import { CreatedAt, UpdatedAt } from '../database/columns';
import { NeedEntity } from '../needs/need.entity';
import { OrganizationEntity } from '../organizations/organization.entity';
import { MatchOrigin, MatchStatus, SideResponse } from './match-status';
import type { MatchExplanationSnapshot } from './match-snapshot';

/** A candidate pairing of a need and an enterprise, persisted so coordinators can act on it. One per pair. */
@Entity('match')
@Index(['needId', 'enterpriseId'], { unique: true })
@Index(['status', 'statusChangedAt'])
@Index(['enterpriseId', 'status'])
export class MatchEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  needId: string;

  @ManyToOne(() => NeedEntity, { onDelete: 'CASCADE' })
  need?: NeedEntity;

  @Column({ type: 'uuid' })
  enterpriseId: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  enterprise?: OrganizationEntity;

  @Column({ type: 'enum', enum: MatchOrigin, enumName: 'match_origin' })
  origin: MatchOrigin;

  @Column({ type: 'enum', enum: MatchStatus, enumName: 'match_status' })
  status: MatchStatus;

  /** Score and rank when the match was suggested (or interest expressed); rank is null when it was not in the ranking. */
  @Column({ type: 'double precision' })
  score: number;

  @Column({ type: 'int', nullable: true })
  rank: number | null;

  /** The version of the matching weights that ranked it (matching_weights); null before weights were versioned. */
  @Column({ type: 'int', nullable: true })
  weightsVersion: number | null;

  /** The explanation as it was at suggestion time: what the coordinator approved. */
  @Column({ type: 'jsonb' })
  explanation: MatchExplanationSnapshot;

  /** The enterprise's message with its expressed interest. */
  @Column({ type: 'text', nullable: true })
  interestMessage: string | null;

  @Column({ type: 'enum', enum: SideResponse, enumName: 'side_response', default: SideResponse.PENDING })
  agencyResponse: SideResponse;

  @Column({ type: 'enum', enum: SideResponse, enumName: 'side_response', default: SideResponse.PENDING })
  enterpriseResponse: SideResponse;

  /** Why it was rejected, withdrawn or declined. */
  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ type: 'uuid', nullable: true })
  approvedByUserId: string | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  introducedAt: Date | null;

  /** When the silent side, then the coordinator, were reminded of an unanswered introduction. */
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  sideRemindedAt: Date | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  coordinatorRemindedAt: Date | null;

  /** Waiting time in the review queue and reminders count from here. */
  @Column({ type: 'timestamptz', precision: 3 })
  statusChangedAt: Date;

  @CreatedAt()
  createdAt: Date;

  @UpdatedAt()
  updatedAt: Date;

  /** Optimistic concurrency: every move names the version it saw. */
  @VersionColumn({ default: 1 })
  version: number;
}
