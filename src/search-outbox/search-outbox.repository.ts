import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { IndexedKind, SearchOutboxEntity } from './search-outbox.entity';

/** One waiting row of the outbox. */
export interface PendingChange {
  id: string;
  kind: IndexedKind;
  entityId: string;
}

/** The `search_outbox` table. Writes take the caller's transaction, so the rows commit or roll back with the change. */
@Injectable()
export class SearchOutboxRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async add(manager: EntityManager, kind: IndexedKind, ids: string[]): Promise<void> {
    await manager.insert(
      SearchOutboxEntity,
      ids.map((entityId) => ({ kind, entityId })),
    );
  }

  /** A row for every indexed row (or those updated since `since`). */
  async addEverything(manager: EntityManager, since?: Date): Promise<void> {
    const changed = since ? 'WHERE updated_at >= $1' : '';
    await manager.query(
      `INSERT INTO search_outbox (kind, entity_id)
       SELECT 'organization', id FROM organization ${changed}
       UNION ALL SELECT 'need', id FROM need ${changed}
       UNION ALL SELECT 'reference_project', id FROM reference_project ${changed}`,
      since ? [since] : [],
    );
  }

  /** How many rows wait, those a drain is applying included. */
  async countPending(): Promise<number> {
    const [{ pending }]: Array<{ pending: number }> = await this.dataSource.query('SELECT count(*)::int AS pending FROM search_outbox');
    return pending;
  }

  /** The oldest `limit` rows no other transaction holds, locked until `manager`'s transaction ends. */
  async lockOldest(manager: EntityManager, limit: number): Promise<PendingChange[]> {
    const rows: Array<{ id: string; kind: IndexedKind; entity_id: string }> = await manager.query(
      'SELECT id, kind, entity_id FROM search_outbox ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED',
      [limit],
    );
    return rows.map((r) => ({ id: r.id, kind: r.kind, entityId: r.entity_id }));
  }

  async delete(manager: EntityManager, ids: string[]): Promise<void> {
    await manager.query('DELETE FROM search_outbox WHERE id = ANY($1)', [ids]);
  }
}
