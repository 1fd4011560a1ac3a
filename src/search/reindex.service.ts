import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SearchDocumentBuilder } from './search-document.builder';
import { SearchIndex } from './search-indexes';
import { SearchOutbox } from './search-outbox.service';
import { SearchRepository } from './search.repository';

const BATCH = 2000;

export interface ReindexProgress {
  index: SearchIndex;
  done: number;
  total: number;
}

/** Where each index's documents come from. */
const SOURCES: Record<SearchIndex, { table: string; where: string }> = {
  [SearchIndex.Needs]: { table: 'need', where: 'true' },
  [SearchIndex.Enterprises]: { table: 'organization', where: `kind = 'ENTERPRISE'` },
  [SearchIndex.ReferenceProjects]: { table: 'reference_project', where: 'true' },
};

/**
 * Rebuilds every index from PostgreSQL without downtime (each one is filled beside the live one, then swapped in).
 * Rows changed while it ran are put back in the outbox afterwards, so the swap cannot lose a concurrent write.
 */
@Injectable()
export class ReindexService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly search: SearchRepository,
    private readonly documents: SearchDocumentBuilder,
    private readonly outbox: SearchOutbox,
  ) {}

  async reindexAll(onProgress: (progress: ReindexProgress) => void = () => undefined): Promise<Record<SearchIndex, number>> {
    const [{ now: startedAt }] = await this.dataSource.query('SELECT now() AS now');
    const counts = {} as Record<SearchIndex, number>;
    for (const index of Object.values(SearchIndex)) {
      const { table, where } = SOURCES[index];
      const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total FROM ${table} WHERE ${where}`);
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
    const { table, where } = SOURCES[index];
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows: Array<{ id: string }> = await this.dataSource.query(`SELECT id FROM ${table} WHERE ${where} AND id > $1 ORDER BY id LIMIT ${BATCH}`, [after]);
      if (rows.length === 0) return;
      after = rows[rows.length - 1].id;
      yield this.build(index, rows.map((r) => r.id));
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
