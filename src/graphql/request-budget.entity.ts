import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The cost points left to one client (a signed-in user, or an anonymous client address), refilled with time: a token
 * bucket shared by every API process through the database (request-budget.repository.ts; docs/SECURITY.md). The table
 * is UNLOGGED: after a crash the buckets start full again, which loses nothing worth a write-ahead log.
 */
@Entity('request_budget')
export class RequestBudgetEntity {
  /** `user:<id>` or `address:<client address>`. */
  @PrimaryColumn({ type: 'text' })
  client: string;

  /** Points left at `updatedAt`. */
  @Column({ type: 'double precision' })
  points: number;

  @Column({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
