import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

/** The SQL of dataset imports, keyed by the source's external ids. Writes take the caller's (the line's) transaction. */
@Injectable()
export class GcdfImportRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Deletes the organisation's imported projects whose external id is not in `keep`; returns the ids deleted. */
  async deleteProjectsNotIn(manager: EntityManager, organizationId: string, keep: string[]): Promise<string[]> {
    // (TypeORM answers a DELETE … RETURNING with [rows, count].)
    const [removed]: [Array<{ id: string }>, number] = await manager.query(
      `DELETE FROM reference_project WHERE organization_id = $1 AND external_id IS NOT NULL AND NOT (external_id = ANY($2)) RETURNING id`,
      [organizationId, keep],
    );
    return removed.map((r) => r.id);
  }

  /** The organisation's capabilities whose description starts with `prefix`. */
  capabilitiesDescribedAs(
    manager: EntityManager,
    organizationId: string,
    prefix: string,
  ): Promise<Array<{ id: string; description: string }>> {
    return manager.query(`SELECT id, description FROM capability WHERE organization_id = $1 AND starts_with(description, $2)`, [
      organizationId,
      prefix,
    ]);
  }

  /** Enterprise id → its external id, for every imported enterprise. */
  async enterpriseExternalIds(): Promise<Map<string, string>> {
    const rows: Array<{ id: string; external_id: string }> = await this.dataSource.query(
      `SELECT id, external_id FROM organization WHERE kind = 'ENTERPRISE' AND external_id IS NOT NULL`,
    );
    return new Map(rows.map((r) => [r.id, r.external_id]));
  }

  /** The external ids of the `limit` imported enterprises with the most reference projects (ties by external id). */
  async largestTrackRecords(limit: number): Promise<string[]> {
    const rows: Array<{ external_id: string }> = await this.dataSource.query(
      `SELECT o.external_id FROM organization o LEFT JOIN reference_project p ON p.organization_id = o.id
        WHERE o.kind = 'ENTERPRISE' AND o.external_id IS NOT NULL GROUP BY o.id ORDER BY count(p.id) DESC, o.external_id LIMIT $1`,
      [limit],
    );
    return rows.map((r) => r.external_id);
  }
}
