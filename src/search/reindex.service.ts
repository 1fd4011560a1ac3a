import { Injectable } from '@nestjs/common';
import { SearchOutboxService } from '../search-outbox/search-outbox.service';
import { SearchDocumentService } from './search-document.service';
import { SearchDocumentsRepository } from './search-documents.repository';
import { SearchIndex } from './search-indexes';
import { SearchRepository } from './search.repository';

const BATCH = 2000;

export interface ReindexProgress {
  index: SearchIndex;
  done: number;
  total: number;
}

/**
 * Rebuilds every index from PostgreSQL without downtime (each one is filled beside the live one, then swapped in).
 * Rows changed while it ran are put back in the outbox afterwards, so the swap cannot lose a concurrent write.
 */
@Injectable()
export class ReindexService {
  constructor(
    private readonly sources: SearchDocumentsRepository,
    private readonly search: SearchRepository,
    private readonly documents: SearchDocumentService,
    private readonly outbox: SearchOutboxService,
  ) {}

  async reindexAll(onProgress: (progress: ReindexProgress) => void = () => undefined): Promise<Record<SearchIndex, number>> {
    const startedAt = await this.sources.now();
    const counts = {} as Record<SearchIndex, number>;
    for (const index of Object.values(SearchIndex)) {
      const total = await this.sources.count(index);
      let done = 0;
      onProgress({ index, done, total });
      counts[index] = await this.search.rebuild(index, this.batches(index), (n) => {
        done += n;
        onProgress({ index, done, total });
      });
    }
    await this.outbox.transaction((manager) => this.outbox.recordAll(manager, startedAt));
    return counts;
  }

  /** Documents in batches, by id order (keyset), so memory stays flat whatever the size. */
  private async *batches(index: SearchIndex): AsyncIterable<Array<{ id: string }>> {
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const ids = await this.sources.idsAfter(index, after, BATCH);
      if (ids.length === 0) return;
      after = ids[ids.length - 1];
      yield this.build(index, ids);
    }
  }

  private build(index: SearchIndex, ids: string[]): Promise<Array<{ id: string }>> {
    switch (index) {
      case SearchIndex.Needs:
        return this.documents.needs(ids);
      case SearchIndex.Enterprises:
        return this.documents.enterprises(ids);
      case SearchIndex.ReferenceProjects:
        return this.documents.referenceProjects(ids);
    }
  }
}
