import { Column, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAt, numericToNumber } from '../database/columns';
import { MatchEntity } from './match.entity';
import { MatchOutcomeKind } from './match-status';

/** One dated step of what came of an engagement (an MoU, a pilot, a contract, a handover…). A match holds a series. */
@Entity('match_outcome')
@Index(['matchId', 'date'])
export class MatchOutcomeEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  matchId: string;

  @ManyToOne(() => MatchEntity, { onDelete: 'CASCADE' })
  match?: MatchEntity;

  @Column({ type: 'enum', enum: MatchOutcomeKind, enumName: 'match_outcome_kind' })
  kind: MatchOutcomeKind;

  /** When it happened (not when it was recorded: that is createdAt). */
  @Column({ type: 'date' })
  date: string;

  /** What it is worth (a contract's value, donated equipment's…), in `currency`; both or neither. */
  @Column({ type: 'numeric', precision: 16, scale: 2, nullable: true, transformer: numericToNumber })
  value: number | null;

  @Column({ type: 'char', length: 3, nullable: true })
  currency: string | null;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  /** The coordinator who recorded it; null for outcomes from before the series whose recorder the trail does not name. */
  @Column({ type: 'uuid', nullable: true })
  recordedBy: string | null;

  @CreatedAt()
  createdAt: Date;
}
