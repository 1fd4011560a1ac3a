import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { CapabilityEntity } from '../../src/capabilities/capability.entity';
import { inferredCapabilities } from '../../src/imports/gcdf-import.service';
import { classifyProject } from '../../src/imports/gcdf/water-classifier';
import { ReferenceDataService } from '../../src/reference-data/reference-data.service';

/**
 * The large synthetic data of the matching benchmarks (bench:matching, bench:matching-stages): the ~5,000 real GCDF
 * projects of the gcdf-water data, each real company copied under new ids and each project copied about twice, the
 * copies moved by up to ±5 years and, four times in ten, to another Belt and Road country.
 */
export interface ExpandedSize {
  /** The gcdf-water folder (companies.jsonl, dev-needs.jsonl, open-needs.jsonl). */
  data: string;
  enterprises: number;
  projects: number;
}

/** GCDF_DATA, BENCH_ENTERPRISES and BENCH_PROJECTS, or the defaults (10,000 enterprises, 100,000 projects). */
export const expandedSize = (): ExpandedSize => ({
  data: process.env.GCDF_DATA ?? join(__dirname, '..', '..', '..', '..', 'shared', 'data', 'gcdf-water'),
  enterprises: Number(process.env.BENCH_ENTERPRISES ?? 10_000),
  projects: Number(process.env.BENCH_PROJECTS ?? 100_000),
});

interface Company {
  id: string;
  name: string;
  parentGroup: string | null;
  projects: Array<{ id: string; title: string; description: string; country: string | null; sector: string | null; year: number | null }>;
}

/** Inserts the companies and their copies straight into PostgreSQL (multi-row inserts; the import path is timed elsewhere). */
export async function loadExpandedData(
  dataSource: DataSource,
  referenceData: ReferenceDataService,
  size: ExpandedSize = expandedSize(),
): Promise<{ enterprises: number; projects: number }> {
  const { data: DATA, enterprises: ENTERPRISES, projects: PROJECTS } = size;
  const companies: Company[] = readFileSync(join(DATA, 'companies.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));
  const real = companies.flatMap((c) =>
    c.projects.map((p) => ({
      company: c,
      p,
      c: classifyProject(p.title, p.description),
      country: p.country ? (referenceData.countryCodeByName(p.country) ?? null) : null,
    })),
  );
  const byCompany = new Map<string, typeof real>();
  for (const r of real) byCompany.set(r.company.id, [...(byCompany.get(r.company.id) ?? []), r]);
  const countries = referenceData.listCountries({ beltAndRoad: true }).map((c) => c.code);
  const copiesPerProject = Math.max(1, Math.round(PROJECTS / ((ENTERPRISES / companies.length) * real.length)));
  let enterprises = 0;
  let projects = 0;
  let seed = 7;
  const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  for (let copy = 0; enterprises < ENTERPRISES; copy++) {
    const batch = companies.slice(0, Math.min(companies.length, ENTERPRISES - enterprises));
    const orgRows = batch.map((c) => ({ id: randomUUID(), c }));
    await dataSource.query(
      `INSERT INTO organization (id, kind, name_en, parent_group, country_code, description, verification_status, external_id)
       SELECT id, 'ENTERPRISE', name, pg, 'CN', '', 'VERIFIED', ext FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, name text, pg text, ext text)`,
      [
        JSON.stringify(
          orgRows.map(({ id, c }) => ({
            id,
            name: copy ? `${c.name} (${copy})` : c.name,
            pg: c.parentGroup,
            ext: copy ? `${c.id}~${copy}` : c.id,
          })),
        ),
      ],
    );
    const capabilities = orgRows.flatMap(({ id, c }) => inferredCapabilities(id, c.name));
    if (capabilities.length > 0) await dataSource.getRepository(CapabilityEntity).insert(capabilities);
    enterprises += batch.length;
    const rows: unknown[] = [];
    for (const { id, c } of orgRows) {
      for (const r of byCompany.get(c.id) ?? []) {
        for (let k = 0; k < copiesPerProject && projects + rows.length < PROJECTS; k++) {
          // The first copy is the real project; later ones move in time and, now and then, to another country.
          const country = k === 0 || random() < 0.6 ? r.country : countries[Math.floor(random() * countries.length)];
          const year =
            r.p.year === null ? null : k === 0 ? r.p.year : Math.min(2021, Math.max(2000, r.p.year + Math.round((random() - 0.5) * 10)));
          rows.push({
            org: id,
            ext: `${r.p.id}~${copy}~${k}`,
            title: r.c.analysis.title.slice(0, 200),
            description: r.c.analysis.description.slice(0, 20_000),
            country,
            year,
            sector: r.c.sectorCode,
            source: r.p.sector,
            role: r.c.role,
            cats: r.c.technologyCategories,
          });
        }
      }
    }
    for (let i = 0; i < rows.length; i += 2000) {
      await dataSource.query(
        `INSERT INTO reference_project (organization_id, external_id, title, description, country_code, year, sector_code, source_sector, role, technology_categories)
         SELECT org, ext, title, description, country, year, sector, source, role::project_role, cats FROM jsonb_to_recordset($1::jsonb)
           AS r(org uuid, ext text, title text, description text, country text, year int, sector text, source text, role text, cats text[])`,
        [JSON.stringify(rows.slice(i, i + 2000))],
      );
    }
    projects += rows.length;
  }
  return { enterprises, projects };
}
