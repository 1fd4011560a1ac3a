import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Which data seeds have been applied, so a restart never seeds twice. */
@Entity('seed_run')
export class SeedRunEntity {
  @PrimaryColumn({ type: 'text' })
  name: string;

  @Column({ type: 'timestamptz', precision: 3, default: () => 'now()' })
  appliedAt: Date;
}
