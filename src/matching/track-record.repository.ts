import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** A reference project of a verified enterprise, as the track-record index reads it. */
export interface ProjectRow {
  id: string;
  organization_id: string;
  organization_name: string;
  parent_group: string | null;
  title: string;
  description: string;
  country_code: string | null;
  year: number | null;
  sector_code: string | null;
  source_sector: string | null;
  technology_categories: string[];
  role: string;
  value: string | null;
  currency: string | null;
  financier: string | null;
  financing_instrument: string | null;
}

/** The declared capabilities of one verified enterprise, folded. */
export interface CapabilityRow {
  organization_id: string;
  organization_name: string;
  parent_group: string | null;
  categories: string[];
  modes: string[];
}

/** What the track-record index reads from PostgreSQL: verified enterprises' projects and capabilities, and change markers. */
@Injectable()
export class TrackRecordRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Changes to the tables the index reads, from PostgreSQL's own statistics counters: a catalog lookup, where counting
   * or scanning 100,000 rows on every check would cost tens of milliseconds. The counters are flushed within about a
   * second of a commit, well inside the index's freshness interval.
   */
  async fingerprint(): Promise<string> {
    const rows: Array<{ relname: string; changes: string }> = await this.dataSource.query(
      `SELECT relname, (n_tup_ins + n_tup_upd + n_tup_del)::text AS changes FROM pg_stat_user_tables
        WHERE relname IN ('reference_project', 'organization', 'capability') ORDER BY relname`,
    );
    return rows.map((r) => `${r.relname}:${r.changes}`).join('/');
  }

  /**
   * One line per verified enterprise that changes whenever its profile, projects or capabilities do: added, edited and
   * deleted rows all move a count or a latest update time.
   */
  async signatures(): Promise<Map<string, string>> {
    const rows: Array<{ id: string; signature: string }> = await this.dataSource.query(
      `SELECT o.id, concat_ws('|', o.updated_at, p.n, p.latest, c.n, c.latest) AS signature
         FROM organization o
         LEFT JOIN (SELECT organization_id, count(*) AS n, max(updated_at) AS latest FROM reference_project GROUP BY organization_id) p ON p.organization_id = o.id
         LEFT JOIN (SELECT organization_id, count(*) AS n, max(updated_at) AS latest FROM capability GROUP BY organization_id) c ON c.organization_id = o.id
        WHERE o.kind = 'ENTERPRISE' AND o.verification_status = 'VERIFIED'`,
    );
    return new Map(rows.map((r) => [r.id, r.signature]));
  }

  /** The next `limit` projects of verified enterprises (all, or those of `only`) after `after` in id order. */
  projectsAfter(after: string, limit: number, only?: string[]): Promise<ProjectRow[]> {
    const restrict = only ? 'AND o.id = ANY($2)' : '';
    return this.dataSource.query(
      `SELECT p.id, p.organization_id, o.name_en AS organization_name, o.parent_group, p.title, p.description, p.country_code, p.year, p.sector_code, p.source_sector, p.technology_categories, p.role, p.value, p.currency, p.financier, p.financing_instrument
         FROM reference_project p JOIN organization o ON o.id = p.organization_id
        WHERE o.kind = 'ENTERPRISE' AND o.verification_status = 'VERIFIED' AND p.id > $1 ${restrict}
        ORDER BY p.id LIMIT ${limit}`,
      only ? [after, only] : [after],
    );
  }

  /** These projects, if their enterprises are verified (an evaluation holds them out of the index). */
  projectsWithIds(ids: string[]): Promise<ProjectRow[]> {
    return this.dataSource.query(
      `SELECT p.id, p.organization_id, o.name_en AS organization_name, o.parent_group, p.title, p.description, p.country_code, p.year, p.sector_code, p.source_sector, p.technology_categories, p.role, p.value, p.currency, p.financier, p.financing_instrument
         FROM reference_project p JOIN organization o ON o.id = p.organization_id
        WHERE o.kind = 'ENTERPRISE' AND o.verification_status = 'VERIFIED' AND p.id = ANY($1) ORDER BY p.id`,
      [ids],
    );
  }

  /** The declared capabilities of verified enterprises (all, or those of `only`), one row per enterprise. */
  capabilities(only?: string[]): Promise<CapabilityRow[]> {
    return this.dataSource.query(
      `SELECT c.organization_id, o.name_en AS organization_name, o.parent_group, array_agg(DISTINCT c.technology_category) AS categories,
              coalesce(array_agg(DISTINCT m) FILTER (WHERE m IS NOT NULL), '{}') AS modes
         FROM capability c JOIN organization o ON o.id = c.organization_id
         LEFT JOIN LATERAL unnest(c.cooperation_modes) m ON true
        WHERE o.kind = 'ENTERPRISE' AND o.verification_status = 'VERIFIED' ${only ? 'AND o.id = ANY($1)' : ''}
        GROUP BY c.organization_id, o.name_en, o.parent_group`,
      only ? [only] : [],
    );
  }
}
