import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAt } from '../database/columns';
import { Role } from '../access/actor';
import { FieldChange } from './change-entry';

/**
 * One state change made through the API (or by the system): who, when, what it was about, the fields that changed,
 * and for workflow moves from which status to which and why. Append-only: triggers refuse UPDATE, DELETE and TRUNCATE.
 */
@Entity('audit_entry')
@Index(['entityId', 'createdAt'])
export class AuditEntryEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id: string;

  @Column({ type: 'text' })
  entityType: string;

  @Column({ type: 'uuid' })
  entityId: string;

  /** Null for moves the system makes (expiry, reminders). */
  @Column({ type: 'uuid', nullable: true })
  actorUserId: string | null;

  /** The actor's role and organisation when they acted (either may change later). Null with the actor. */
  @Column({ type: 'text', nullable: true })
  actorRole: Role | null;

  @Column({ type: 'uuid', nullable: true })
  actorOrganizationId: string | null;

  @Column({ type: 'text' })
  action: string;

  /** The fields that changed, before and after; secrets without their values. */
  @Column({ type: 'jsonb' })
  changes: FieldChange[];

  @Column({ type: 'text', nullable: true })
  fromStatus: string | null;

  @Column({ type: 'text', nullable: true })
  toStatus: string | null;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @CreatedAt()
  createdAt: Date;
}
