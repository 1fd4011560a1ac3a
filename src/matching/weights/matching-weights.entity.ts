import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { FactorKey } from '../match-factors';
import type { Estimate } from '../evaluation/ranking-metrics';

export enum WeightsStatus {
  /** Ranks every need now (at most one). */
  ACTIVE = 'ACTIVE',
  /** Ranked before a later record replaced it. */
  RETIRED = 'RETIRED',
  /** Learned, but lost to the active weights on the leave-one-out cases: never used. */
  REFUSED = 'REFUSED',
}

/** What a refit measured, out of fold, on the installation's leave-one-out cases. */
export interface WeightsFigures {
  /** Held-out projects asked about, and their linked groups (the unit of resampling and of folds). */
  cases: number;
  groups: number;
  /** The learned weights, out of fold. */
  mrr: Estimate;
  r10: Estimate;
  /** The weights active when it was learned, on the same cases (null for the first record). */
  current: { version: number | null; mrr: Estimate; r10: Estimate } | null;
  /** Paired MRR difference, learned − current. */
  gain: Estimate | null;
}

/** One refit of the matching weights: the weights, what they were learned from, and how they did. */
@Entity('matching_weights')
@Index('IDX_matching_weights_one_active', ['status'], { unique: true, where: "status = 'ACTIVE'" })
export class MatchingWeightsEntity {
  @PrimaryGeneratedColumn()
  version: number;

  @Column({ type: 'jsonb' })
  weights: Record<FactorKey, number>;

  @Column({ type: 'enum', enum: WeightsStatus, enumName: 'matching_weights_status' })
  status: WeightsStatus;

  @Column({ type: 'timestamptz', precision: 3 })
  learnedAt: Date;

  /** What started the refit: the command line, or the schedule. */
  @Column({ type: 'text' })
  learnedBy: string;

  /** Leave-one-out examples from the track records that taught it. */
  @Column({ type: 'int' })
  historicalExamples: number;

  /** Coordinators' and parties' decisions that taught it. */
  @Column({ type: 'int' })
  decisions: number;

  @Column({ type: 'jsonb' })
  figures: WeightsFigures;

  /** Why it was refused (or what it replaced). */
  @Column({ type: 'text', nullable: true })
  reason: string | null;
}
