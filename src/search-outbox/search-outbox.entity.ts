import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAt } from '../database/columns';

/** What a change touched, as far as the search indexes go. An organisation stands for its whole profile. */
export enum IndexedKind {
  Need = 'need',
  Organization = 'organization',
  ReferenceProject = 'reference_project',
}

/**
 * Transactional outbox of the search indexes: a row is written in the same transaction as the change it reports, and
 * removed once the search-sync job has applied the current state of that entity to Meilisearch.
 */
@Entity('search_outbox')
export class SearchOutboxEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id: string;

  @Column({ type: 'text' })
  kind: IndexedKind;

  @Column({ type: 'uuid' })
  entityId: string;

  @CreatedAt()
  createdAt: Date;
}
