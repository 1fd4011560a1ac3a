import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAt } from '../database/columns';

/** One move of a workflow entity (a match): who, when, from which status to which, and why. Append-only. */
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

  @Column({ type: 'text' })
  action: string;

  @Column({ type: 'text', nullable: true })
  fromStatus: string | null;

  @Column({ type: 'text', nullable: true })
  toStatus: string | null;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @CreatedAt()
  createdAt: Date;
}
