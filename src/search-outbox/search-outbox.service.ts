import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, DeepPartial, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { JobNudge } from '../jobs/job-nudge';
import { JobQueueService } from '../jobs/job-queue.service';
import { IndexedKind } from './search-outbox.entity';
import { SearchOutboxRepository } from './search-outbox.repository';

export const SEARCH_SYNC_QUEUE = 'search-sync';

export type IndexedChange = [IndexedKind, string];
/** One waiting sync job is enough: it drains the whole outbox. */
export const SEARCH_SYNC_KEY = SEARCH_SYNC_QUEUE;

/**
 * Writes that the search indexes must follow. `record()` adds outbox rows inside the caller's transaction, so they
 * commit or roll back with the change; `transaction()` then nudges the sync job. A lost nudge (crash right after
 * commit) only delays the sync until the scheduled sweep.
 */
@Injectable()
export class SearchOutboxService {
  private readonly nudger: JobNudge;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly rows: SearchOutboxRepository,
    jobs: JobQueueService,
  ) {
    this.nudger = new JobNudge(jobs, SEARCH_SYNC_QUEUE);
  }

  async transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const result = await this.dataSource.transaction(work);
    this.nudge();
    return result;
  }

  /** Saves one entity and records, in the same transaction, the index entries it changes. */
  async save<E extends ObjectLiteral>(target: EntityTarget<E>, entity: DeepPartial<E>, touches: (saved: E) => IndexedChange[]): Promise<E> {
    return this.transaction(async (manager) => {
      const saved = (await manager.save(target, entity)) as E;
      for (const [kind, id] of touches(saved)) await this.record(manager, kind, [id]);
      return saved;
    });
  }

  /** Deletes one row and records the index entries it changes. */
  async delete<E extends ObjectLiteral>(target: EntityTarget<E>, id: string, touches: IndexedChange[]): Promise<void> {
    await this.transaction(async (manager) => {
      await manager.delete(target, id);
      for (const [kind, entityId] of touches) await this.record(manager, kind, [entityId]);
    });
  }

  async record(manager: EntityManager, kind: IndexedKind, ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.rows.add(manager, kind, ids);
  }

  /** Records every indexed row (or those changed since `since`): after a seed, a restore, or a reindex. */
  async recordAll(manager: EntityManager, since?: Date): Promise<void> {
    await this.rows.addEverything(manager, since);
  }

  /** Asks the sync job to run; nudges during one in flight collapse into a single follow-up. */
  nudge(): void {
    this.nudger.nudge();
  }
}
