import { Injectable, Logger } from '@nestjs/common';
import {
  EnqueuedTaskPromise,
  Meilisearch,
  MeilisearchApiError,
  MultiSearchQuery,
  MultiSearchResponse,
  SearchParams,
  SearchResponse,
  Task,
} from 'meilisearch';
import { DomainError, ErrorCode } from '../common/domain-error';
import { AppConfig } from '../config/app-config';
import { MetricsService } from '../observability/metrics.service';
import { MeilisearchWriter } from './meilisearch.providers';
import { SearchIndex, settingsFor } from './search-indexes';

/** Long enough for a batch of a thousand documents on a busy 2-core machine. */
const TASK_TIMEOUT_MS = 120_000;

/**
 * The only class that talks to Meilisearch. Writes wait for their task, so a caller that returns has been indexed;
 * reads turn an unreachable or slow server into SEARCH_UNAVAILABLE within the configured timeout.
 */
@Injectable()
export class SearchRepository {
  private readonly logger = new Logger('Search');
  private ensured = false;

  constructor(
    /** For searches: fails fast. */
    private readonly client: Meilisearch,
    /** For writes and task polls: patient. */
    private readonly writer: MeilisearchWriter,
    private readonly config: AppConfig,
    private readonly metrics: MetricsService,
  ) {}

  uid(index: SearchIndex, suffix = ''): string {
    return `${this.config.MEILI_INDEX_PREFIX}${index}${suffix}`;
  }

  /** Creates missing indexes and applies their settings (idempotent; Meilisearch skips unchanged settings). */
  async ensureIndexes(): Promise<void> {
    if (this.ensured) return;
    for (const index of Object.values(SearchIndex)) {
      await this.wait(this.writer.createIndex(this.uid(index), { primaryKey: 'id' }), ['index_already_exists']);
      await this.wait(this.writer.index(this.uid(index)).updateSettings(settingsFor(index)));
    }
    this.ensured = true;
  }

  async upsert<T extends { id: string }>(index: SearchIndex, documents: T[], uid = this.uid(index)): Promise<void> {
    if (documents.length > 0) await this.wait(this.writer.index(uid).addDocuments(documents, { primaryKey: 'id' }));
  }

  async remove(index: SearchIndex, ids: string[]): Promise<void> {
    if (ids.length > 0) await this.wait(this.writer.index(this.uid(index)).deleteDocuments(ids));
  }

  async search<T extends Record<string, unknown>>(index: SearchIndex, query: string, params: SearchParams): Promise<SearchResponse<T>> {
    return this.metrics.timeSearch(index, 'search', () => this.read(() => this.client.index(this.uid(index)).search<T>(query, params)));
  }

  async multiSearch<T extends Record<string, unknown>>(
    index: SearchIndex,
    queries: Array<Omit<MultiSearchQuery, 'indexUid'>>,
  ): Promise<MultiSearchResponse<T>['results']> {
    return this.multiSearchAcross<T>(queries.map((q) => ({ ...q, index })));
  }

  /** One multi-search whose queries may each go to a different index. */
  async multiSearchAcross<T extends Record<string, unknown>>(
    queries: Array<Omit<MultiSearchQuery, 'indexUid'> & { index: SearchIndex }>,
  ): Promise<MultiSearchResponse<T>['results']> {
    if (queries.length === 0) return [];
    const label = new Set(queries.map((q) => q.index)).size === 1 ? queries[0].index : 'mixed';
    const response = await this.metrics.timeSearch(label, 'multi_search', () =>
      this.read(() =>
        this.client.multiSearch<{ queries: MultiSearchQuery[] }, T>({
          queries: queries.map(({ index, ...q }) => ({ ...q, indexUid: this.uid(index) })),
        }),
      ),
    );
    return response.results;
  }

  /**
   * Rebuilds an index without downtime: fills `<index>_next` with fresh settings, swaps it with the live one, then
   * drops the old. Searches keep answering from the old index until the swap.
   */
  async rebuild<T extends { id: string }>(
    index: SearchIndex,
    batches: AsyncIterable<T[]>,
    onBatch: (count: number) => void = () => undefined,
  ): Promise<number> {
    const live = this.uid(index);
    const next = this.uid(index, '_next');
    await this.writer.deleteIndexIfExists(next);
    await this.wait(this.writer.createIndex(next, { primaryKey: 'id' }));
    await this.wait(this.writer.index(next).updateSettings(settingsFor(index)));
    await this.wait(this.writer.createIndex(live, { primaryKey: 'id' }), ['index_already_exists']);
    let total = 0;
    // Keep several batches in flight: Meilisearch merges queued additions into larger batches while the next are built.
    const inFlight: Promise<void>[] = [];
    for await (const documents of batches) {
      inFlight.push(this.upsert(index, documents, next));
      total += documents.length;
      onBatch(documents.length);
      if (inFlight.length >= 8) await inFlight.shift();
    }
    await Promise.all(inFlight);
    await this.wait(this.writer.swapIndexes([{ indexes: [live, next], rename: false }]));
    await this.wait(this.writer.deleteIndex(next));
    return total;
  }

  async deleteAll(): Promise<void> {
    for (const index of Object.values(SearchIndex)) {
      await this.writer.deleteIndexIfExists(this.uid(index));
      await this.writer.deleteIndexIfExists(this.uid(index, '_next'));
    }
    this.ensured = false;
  }

  async healthy(): Promise<boolean> {
    return this.client.isHealthy();
  }

  /** Throws, with the client's error as the cause, when Meilisearch does not answer its health check (readiness). */
  async ping(): Promise<void> {
    await this.client.health();
  }

  /**
   * Waits for a task by polling, every 10 ms at first and then less often (up to 200 ms), so a one-document sync is
   * seen at once and a long rebuild does not spend the CPU Meilisearch needs. (The client's own waitTask adds an abort
   * listener per poll to one signal, which leaks on long waits.)
   */
  private async wait(task: EnqueuedTaskPromise, tolerated: string[] = []): Promise<Task> {
    const { taskUid } = await task;
    const deadline = Date.now() + TASK_TIMEOUT_MS;
    let interval = 10;
    for (;;) {
      const done = await this.writer.tasks.getTask(taskUid);
      if (done.status === 'failed' && !tolerated.includes(done.error?.code ?? '')) {
        throw new Error(`Meilisearch task ${done.uid} (${done.type}) failed: ${done.error?.code} ${done.error?.message}`);
      }
      if (done.status !== 'enqueued' && done.status !== 'processing') return done;
      if (Date.now() > deadline) throw new Error(`Meilisearch task ${taskUid} still ${done.status} after ${TASK_TIMEOUT_MS / 1000} s`);
      await new Promise((r) => setTimeout(r, interval));
      interval = Math.min(200, Math.round(interval * 1.5));
    }
  }

  private async read<R>(request: () => Promise<R>): Promise<R> {
    try {
      return await request();
    } catch (error) {
      if (error instanceof MeilisearchApiError && error.cause?.code !== 'index_not_found') throw error;
      this.logger.warn(`Search unavailable: ${error instanceof Error ? error.message : String(error)}`);
      throw new DomainError(ErrorCode.SearchUnavailable, 'Search is temporarily unavailable; try again shortly');
    }
  }
}
