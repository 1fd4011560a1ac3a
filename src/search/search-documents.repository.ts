import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ReferenceProjectDocument } from './search-documents';
import { SearchIndex } from './search-indexes';

/** Where each index's documents come from. */
const SOURCES: Record<SearchIndex, { table: string; where: string }> = {
  [SearchIndex.Needs]: { table: 'need', where: 'true' },
  [SearchIndex.Enterprises]: { table: 'organization', where: `kind = 'ENTERPRISE'` },
  [SearchIndex.ReferenceProjects]: { table: 'reference_project', where: 'true' },
};

/** Titles of an enterprise's projects kept in its document (newest first): enough to find it by its track record. */
const PROJECT_TITLES_PER_ENTERPRISE = 30;

/** An enterprise's reference projects folded for its search document. */
export interface ProjectSummary {
  organization_id: string;
  project_count: number;
  water_count: number;
  countries: string[];
  sectors: string[];
  categories: string[];
  titles: string[];
}

/** A reference project as its search document needs it, before the reference data (region, names, labels) is added. */
export type ReferenceProjectRow = Omit<ReferenceProjectDocument, 'region' | 'countryNames' | 'categoryLabels'>;

/** The PostgreSQL side of the search indexes: which rows feed each index, and the aggregates their documents carry. */
@Injectable()
export class SearchDocumentsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The database's clock (a reindex puts back in the outbox whatever changed after it). */
  async now(): Promise<Date> {
    const [{ now }]: Array<{ now: Date }> = await this.dataSource.query('SELECT now() AS now');
    return now;
  }

  /** How many rows feed the index. */
  async count(index: SearchIndex): Promise<number> {
    const { table, where } = SOURCES[index];
    const [{ total }]: Array<{ total: number }> = await this.dataSource.query(`SELECT count(*)::int AS total FROM ${table} WHERE ${where}`);
    return total;
  }

  /** The ids of the next `limit` rows that feed the index, after `after` in id order (a keyset page). */
  async idsAfter(index: SearchIndex, after: string, limit: number): Promise<string[]> {
    const { table, where } = SOURCES[index];
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `SELECT id FROM ${table} WHERE ${where} AND id > $1 ORDER BY id LIMIT ${limit}`,
      [after],
    );
    return rows.map((r) => r.id);
  }

  /** The ids of the needs, or reference projects, of these organisations. */
  async idsOwnedBy(table: 'need' | 'reference_project', organizationIds: string[]): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.dataSource.query(`SELECT id FROM ${table} WHERE organization_id = ANY($1)`, [
      organizationIds,
    ]);
    return rows.map((r) => r.id);
  }

  /**
   * The reference projects with these ids, with what their documents say of the owner: one plain query (a reindex reads
   * every project, and TypeORM's entities with a joined relation cost more than the query itself).
   */
  referenceProjects(ids: string[]): Promise<ReferenceProjectRow[]> {
    return this.dataSource.query(
      `SELECT p.id, p.organization_id AS "organizationId", o.name_en AS "organizationName", o.parent_group AS "parentGroup",
              o.verification_status = 'VERIFIED' AS verified, p.title, p.description, p.country_code AS "countryCode", p.year,
              p.sector_code AS "sectorCode", p.technology_categories AS "technologyCategories", p.role, p.financier,
              p.financing_instrument AS "financingInstrument"
         FROM reference_project p JOIN organization o ON o.id = p.organization_id
        WHERE p.id = ANY($1)`,
      [ids],
    );
  }

  /** One summary per organisation that has reference projects. */
  projectSummaries(organizationIds: string[]): Promise<ProjectSummary[]> {
    return this.dataSource.query(
      `SELECT organization_id,
              count(*)::int AS project_count,
              count(*) FILTER (WHERE sector_code IS NOT NULL)::int AS water_count,
              coalesce(array_agg(DISTINCT country_code) FILTER (WHERE country_code IS NOT NULL), '{}') AS countries,
              coalesce(array_agg(DISTINCT sector_code) FILTER (WHERE sector_code IS NOT NULL), '{}') AS sectors,
              coalesce((SELECT array_agg(DISTINCT c) FROM reference_project p2, unnest(p2.technology_categories) c WHERE p2.organization_id = p.organization_id), '{}') AS categories,
              (array_agg(title ORDER BY year DESC NULLS LAST, id))[1:${PROJECT_TITLES_PER_ENTERPRISE}] AS titles
         FROM reference_project p
        WHERE organization_id = ANY($1)
        GROUP BY organization_id`,
      [organizationIds],
    );
  }
}
