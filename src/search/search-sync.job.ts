import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { withAdvisoryLock } from '../database/advisory-lock';
import { JobPayloads } from '../jobs/job-map';
import { JobQueueService } from '../jobs/job-queue.service';
import { IndexedKind } from '../search-outbox/search-outbox.entity';
import { SearchOutboxRepository } from '../search-outbox/search-outbox.repository';
import { SEARCH_SYNC_KEY, SEARCH_SYNC_QUEUE } from '../search-outbox/search-outbox.service';
import { SearchDocumentService } from './search-document.service';
import { SearchDocumentsRepository } from './search-documents.repository';
import { SearchIndex } from './search-indexes';
import { SearchRepository } from './search.repository';

const BATCH = 500;
/** Any fixed number, other than the migrations' and the queue set-up's locks. */
const SEARCH_DRAIN_LOCK = 7_240_613;

type SyncJob = JobPayloads['search-sync'];

/**
 * The durable worker behind the search indexes. Each run drains the outbox in batches: it locks rows (SKIP LOCKED),
 * rebuilds the documents of the entities they name from PostgreSQL, writes them to Meilisearch and waits for the
 * tasks, then deletes the rows in the same transaction. Applying the current state makes every step idempotent:
 * a retry, a crash or a duplicate row re-sends the same documents. Every drain (this job, the start-up catch-up, the
 * CLI) holds one PostgreSQL advisory lock, so drains run one after the other across processes and updates of one
 * entity never overtake each other. While Meilisearch is unreachable the run
 * schedules the next attempt itself with exponential backoff (1 s, 2 s, 4 s … up to SEARCH_SYNC_MAX_BACKOFF_SECONDS);
 * writes keep succeeding meanwhile, their rows wait in the outbox.
 */
@Injectable()
export class SearchSyncJob implements OnModuleInit {
  private readonly logger = new Logger('SearchSync');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: SearchOutboxRepository,
    private readonly jobs: JobQueueService,
    private readonly search: SearchRepository,
    private readonly documents: SearchDocumentService,
    private readonly sources: SearchDocumentsRepository,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.jobs.register({
      name: SEARCH_SYNC_QUEUE,
      options: { policy: 'stately', retryLimit: 0, expireInSeconds: 15 * 60 },
      handler: (jobs) => this.run(jobs[0]?.data ?? {}),
      // A sweep each minute picks up outbox rows whose nudge was lost.
      schedule: '* * * * *',
    });
  }

  async run(job: SyncJob): Promise<void> {
    const attempt = job.attempt ?? 0;
    try {
      await this.drain();
    } catch (error) {
      const delay = Math.min(2 ** attempt, this.config.SEARCH_SYNC_MAX_BACKOFF_SECONDS);
      this.logger.warn(
        `Search sync failed (attempt ${attempt + 1}), next try in ${delay} s: ${error instanceof Error ? error.message : String(error)}`,
      );
      await this.jobs.send(SEARCH_SYNC_QUEUE, { attempt: attempt + 1 }, { singletonKey: SEARCH_SYNC_KEY, startAfter: delay });
    }
  }

  /**
   * Applies every pending outbox row; returns how many were applied. A drain started while another runs waits for it,
   * then applies what is left: two drains at once, each with a different row of one entity, could otherwise write the
   * document they built from an older state last.
   */
  async drain(): Promise<number> {
    return withAdvisoryLock(this.config.DATABASE_URL ?? '', SEARCH_DRAIN_LOCK, async () => {
      let applied = 0;
      for (;;) {
        const count = await this.applyBatch();
        applied += count;
        if (count < BATCH) return applied;
      }
    });
  }

  /**
   * Applies the outbox now and waits until it is empty, rows a worker is applying included; throws after `timeoutMs`
   * (Meilisearch unreachable, for instance).
   */
  async catchUp(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      await this.drain();
      const pending = await this.outbox.countPending();
      if (pending === 0) return;
      if (Date.now() > deadline) throw new Error(`${pending} search outbox rows still pending after ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  private applyBatch(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const rows = await this.outbox.lockOldest(manager, BATCH);
      if (rows.length === 0) return 0;
      const idsOf = (kind: IndexedKind) => [...new Set(rows.filter((r) => r.kind === kind).map((r) => r.entityId))];
      await this.apply(idsOf(IndexedKind.Need), idsOf(IndexedKind.Organization), idsOf(IndexedKind.ReferenceProject));
      await this.outbox.delete(
        manager,
        rows.map((r) => r.id),
      );
      return rows.length;
    });
  }

  /** An organisation's name and verification show in its needs' and projects' documents too. */
  async apply(needIds: string[], organizationIds: string[], projectIds: string[]): Promise<void> {
    await this.search.ensureIndexes();
    if (organizationIds.length > 0) {
      needIds = [...new Set([...needIds, ...(await this.sources.idsOwnedBy('need', organizationIds))])];
      projectIds = [...new Set([...projectIds, ...(await this.sources.idsOwnedBy('reference_project', organizationIds))])];
    }
    await this.replace(SearchIndex.Needs, needIds, await this.documents.needs(needIds));
    await this.replace(SearchIndex.Enterprises, organizationIds, await this.documents.enterprises(organizationIds));
    await this.replace(SearchIndex.ReferenceProjects, projectIds, await this.documents.referenceProjects(projectIds));
  }

  /** Upserts the documents that exist and deletes the ids that no longer have one. */
  private async replace(index: SearchIndex, ids: string[], documents: Array<{ id: string }>): Promise<void> {
    const present = new Set(documents.map((d) => d.id));
    await this.search.upsert(index, documents);
    await this.search.remove(
      index,
      ids.filter((id) => !present.has(id)),
    );
  }
}
