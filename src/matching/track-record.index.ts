import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ReferenceDataService } from '../reference-data/reference-data.service';
import { OTHER_TRADES } from './match-factors';
import { idf, terms } from './text-terms';

export interface ProjectFacts {
  id: string;
  title: string;
  countryCode: string | null;
  region: string | null;
  year: number | null;
  sectorCode: string | null;
  /** The source's own sector (e.g. GCDF's OECD-DAC group), when the project came from a dataset. */
  sourceSector: string | null;
  technologyCategories: string[];
  role: string;
  value: number | null;
  currency: string | null;
}

/**
 * A track record folded for the matcher's questions (how many projects in this country, how close in time, in this
 * sector...), so scoring a candidate costs a few lookups instead of a pass over hundreds of projects.
 */
export interface RecordSummary {
  /** Per country: its region, how many projects, and the years of the dated ones, ascending. */
  countries: Map<string, { region: string | null; count: number; years: number[] }>;
  /** How many projects per region. */
  regions: Map<string, number>;
  /** Years of all dated projects, ascending. */
  years: number[];
  /** The distinct (sector, technology categories) pairs of its projects, with how many projects have each. */
  kinds: Array<{ sectorCode: string | null; categories: string[]; count: number }>;
  /** Projects whose value is known. */
  valued: Array<{ value: number; currency: string | null }>;
  /** How many projects are in trades that build nothing (OTHER_TRADES). */
  otherTrades: number;
}

/** Folds a list of projects into a {@link RecordSummary}. */
export function summariseRecord(projects: ProjectFacts[]): RecordSummary {
  const countries = new Map<string, { region: string | null; count: number; years: number[] }>();
  const regions = new Map<string, number>();
  const years: number[] = [];
  const kinds = new Map<string, { sectorCode: string | null; categories: string[]; count: number }>();
  const valued: Array<{ value: number; currency: string | null }> = [];
  let otherTrades = 0;
  for (const p of projects) {
    if (p.sourceSector !== null && OTHER_TRADES.has(p.sourceSector)) otherTrades++;
    if (p.countryCode !== null) {
      const country = countries.get(p.countryCode) ?? { region: p.region, count: 0, years: [] };
      countries.set(p.countryCode, country);
      country.count++;
      if (p.year !== null) country.years.push(p.year);
    }
    if (p.region !== null) regions.set(p.region, (regions.get(p.region) ?? 0) + 1);
    if (p.year !== null) years.push(p.year);
    const key = `${p.sectorCode ?? ''}|${p.technologyCategories.join(',')}`;
    const kind = kinds.get(key) ?? { sectorCode: p.sectorCode, categories: p.technologyCategories, count: 0 };
    kinds.set(key, kind);
    kind.count++;
    if (p.value !== null) valued.push({ value: p.value, currency: p.currency });
  }
  const ascending = (a: number, b: number) => a - b;
  for (const country of countries.values()) country.years.sort(ascending);
  return { countries, regions, years: years.sort(ascending), kinds: [...kinds.values()], valued, otherTrades };
}

/** One verified enterprise as the matcher sees it: its projects' facts and its whole track record as word counts. */
export interface TrackRecord {
  organizationId: string;
  /** Its English name: the stable tie-break (ids differ between databases holding the same data). */
  name: string;
  projects: ProjectFacts[];
  summary: RecordSummary;
  /** Cooperation modes it offers: from its capabilities, and from the roles it played (EPC contractor → EPC …). */
  cooperationModes: Set<string>;
  /** Technology categories of its declared capabilities. */
  declaredCategories: Set<string>;
  /** Sorted word ids of the concatenated track record, and their counts. */
  termIds: Int32Array;
  termCounts: Float32Array;
  length: number;
}

const BATCH = 5000;

/** What a role in a past project shows the enterprise can offer. */
const MODE_OF_ROLE: Record<string, string> = {
  EPC_CONTRACTOR: 'EPC',
  SUPPLIER: 'EQUIPMENT_SUPPLY',
  DESIGNER: 'DESIGN_CONSULTING',
  SUPERVISOR: 'DESIGN_CONSULTING',
  TRAINER: 'TECHNICAL_TRAINING',
  OPERATOR: 'OPERATION_MAINTENANCE',
};
/** How often, at most, the index checks whether the database changed. */
const FRESHNESS_CHECK_MS = 5000;

/**
 * An in-memory summary of every verified enterprise's track record, built from PostgreSQL: the matcher's second stage
 * reads profiles from here instead of querying per candidate. Word counts are kept as typed arrays (a few bytes per
 * word) so 100,000 projects fit in tens of megabytes. When the database changes, the index is rebuilt in the
 * background and swapped in; requests meanwhile use the previous one.
 */
@Injectable()
export class TrackRecordIndex {
  private readonly logger = new Logger('TrackRecordIndex');
  private state?: Built;
  private building?: Promise<Built>;
  private checkedAt = 0;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly referenceData: ReferenceDataService,
  ) {}

  /** The current index (built on first use; afterwards refreshed in the background when the data changed). */
  async current(): Promise<Built> {
    if (!this.state) return (this.state = await this.rebuild());
    if (Date.now() - this.checkedAt > FRESHNESS_CHECK_MS) {
      this.checkedAt = Date.now();
      if (!this.building && (await this.fingerprint()) !== this.state.fingerprint) {
        this.rebuild()
          .then((built) => (this.state = built))
          .catch((error: unknown) => this.logger.error(`Rebuilding the track-record index failed: ${String(error)}`));
      }
    }
    return this.state;
  }

  /** Forces a rebuild now (after a bulk import, for instance). */
  async refresh(): Promise<void> {
    this.state = await this.rebuild();
  }

  private rebuild(): Promise<Built> {
    this.building ??= this.build().finally(() => (this.building = undefined));
    return this.building;
  }

  /**
   * Changes to the tables the index reads, from PostgreSQL's own statistics counters: a catalog lookup, where counting
   * or scanning 100,000 rows on every check would cost tens of milliseconds. The counters are flushed within about a
   * second of a commit, which is well inside the freshness interval.
   */
  private async fingerprint(): Promise<string> {
    const rows: Array<{ relname: string; changes: string }> = await this.dataSource.query(
      `SELECT relname, (n_tup_ins + n_tup_upd + n_tup_del)::text AS changes FROM pg_stat_user_tables
        WHERE relname IN ('reference_project', 'organization', 'capability') ORDER BY relname`,
    );
    return rows.map((r) => `${r.relname}:${r.changes}`).join('/');
  }

  private async build(): Promise<Built> {
    const started = Date.now();
    const fingerprint = await this.fingerprint();
    const vocabulary = new Map<string, number>();
    const projectDf: number[] = [];
    const drafts = new Map<string, { name: string; projects: ProjectFacts[]; counts: Map<number, number>; length: number }>();
    let projectCount = 0;
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows: Array<{ id: string; organization_id: string; organization_name: string; title: string; description: string; country_code: string | null; year: number | null; sector_code: string | null; source_sector: string | null; technology_categories: string[]; role: string; value: string | null; currency: string | null }> =
        await this.dataSource.query(
          `SELECT p.id, p.organization_id, o.name_en AS organization_name, p.title, p.description, p.country_code, p.year, p.sector_code, p.source_sector, p.technology_categories, p.role, p.value, p.currency
             FROM reference_project p JOIN organization o ON o.id = p.organization_id
            WHERE o.kind = 'ENTERPRISE' AND o.verification_status = 'VERIFIED' AND p.id > $1
            ORDER BY p.id LIMIT ${BATCH}`,
          [after],
        );
      if (rows.length === 0) break;
      after = rows[rows.length - 1].id;
      for (const row of rows) {
        projectCount++;
        const countryCode = row.country_code?.trim() ?? null;
        const draft = drafts.get(row.organization_id) ?? { name: row.organization_name, projects: [] as ProjectFacts[], counts: new Map<number, number>(), length: 0 };
        drafts.set(row.organization_id, draft);
        draft.projects.push({
          id: row.id,
          title: row.title,
          countryCode,
          region: countryCode ? this.referenceData.country(countryCode).region : null,
          year: row.year,
          sectorCode: row.sector_code,
          sourceSector: row.source_sector,
          technologyCategories: row.technology_categories,
          role: row.role,
          value: row.value === null ? null : Number(row.value),
          currency: row.currency,
        });
        // The title counts twice: it names the work; descriptions also tell the financing story.
        const words = terms(`${row.title} ${row.title} ${row.description}`);
        const seen = new Set<number>();
        for (const word of words) {
          let id = vocabulary.get(word);
          if (id === undefined) {
            id = vocabulary.size;
            vocabulary.set(word, id);
            projectDf.push(0);
          }
          if (!seen.has(id)) {
            seen.add(id);
            projectDf[id]++;
          }
          draft.counts.set(id, (draft.counts.get(id) ?? 0) + 1);
        }
        draft.length += words.length;
      }
    }
    // Declared capabilities; an enterprise with capabilities but no reference project yet is a candidate too.
    const declared = new Map<string, { categories: string[]; modes: string[] }>();
    const capabilityRows: Array<{ organization_id: string; organization_name: string; categories: string[]; modes: string[] }> = await this.dataSource.query(
      `SELECT c.organization_id, o.name_en AS organization_name, array_agg(DISTINCT c.technology_category) AS categories,
              coalesce(array_agg(DISTINCT m) FILTER (WHERE m IS NOT NULL), '{}') AS modes
         FROM capability c JOIN organization o ON o.id = c.organization_id
         LEFT JOIN LATERAL unnest(c.cooperation_modes) m ON true
        WHERE o.kind = 'ENTERPRISE' AND o.verification_status = 'VERIFIED'
        GROUP BY c.organization_id, o.name_en`,
    );
    for (const row of capabilityRows) {
      declared.set(row.organization_id, row);
      if (!drafts.has(row.organization_id)) drafts.set(row.organization_id, { name: row.organization_name, projects: [], counts: new Map(), length: 0 });
    }
    const companyDf = new Int32Array(vocabulary.size);
    const records = new Map<string, TrackRecord>();
    let totalLength = 0;
    for (const [organizationId, draft] of drafts) {
      const ids = Int32Array.from([...draft.counts.keys()].sort((a, b) => a - b));
      const counts = Float32Array.from(ids, (id) => draft.counts.get(id)!);
      for (const id of ids) companyDf[id]++;
      totalLength += draft.length;
      const own = declared.get(organizationId);
      const modes = new Set([...(own?.modes ?? []), ...draft.projects.map((p) => MODE_OF_ROLE[p.role]).filter((m): m is string => m !== undefined)]);
      records.set(organizationId, { organizationId, name: draft.name, projects: draft.projects, summary: summariseRecord(draft.projects), cooperationModes: modes, declaredCategories: new Set(own?.categories ?? []), termIds: ids, termCounts: counts, length: draft.length });
    }
    const built = new Built(fingerprint, vocabulary, Int32Array.from(projectDf), companyDf, records, projectCount, records.size ? totalLength / records.size : 0);
    this.logger.log(`Track-record index: ${records.size} enterprises, ${projectCount} projects, ${vocabulary.size} words in ${Date.now() - started} ms`);
    return built;
  }
}

/** An immutable snapshot of the index. */
export class Built {
  constructor(
    readonly fingerprint: string,
    private readonly vocabulary: Map<string, number>,
    private readonly projectDf: Int32Array,
    private readonly companyDf: Int32Array,
    readonly records: Map<string, TrackRecord>,
    readonly projectCount: number,
    private readonly averageLength: number,
  ) {}

  /** In how many projects a word occurs (0 when never). */
  projectFrequency = (word: string): number => {
    const id = this.vocabulary.get(word);
    return id === undefined ? 0 : this.projectDf[id];
  };

  /** The most projects any enterprise has, for normalising track-record size. */
  get largestRecord(): number {
    this.largest ??= [...this.records.values()].reduce((max, r) => Math.max(max, r.projects.length), 0);
    return this.largest;
  }

  private largest?: number;
  private words?: string[];

  /** An enterprise's most characteristic words (tf × idf over enterprises), to look for needs it could serve. */
  topTerms(record: TrackRecord, limit = 10): string[] {
    const words = (this.words ??= [...this.vocabulary.keys()]);
    return [...record.termIds]
      .map((id, i) => ({ id, score: (1 + Math.log(record.termCounts[i])) * idf(this.records.size, this.companyDf[id]) }))
      .sort((a, b) => b.score - a.score || a.id - b.id)
      .slice(0, limit)
      .map(({ id }) => words[id]);
  }

  /**
   * BM25 of the words against an enterprise's whole track record (IDF over enterprises): how much of what the
   * text talks about this enterprise has done. Not limited to 10 words, unlike a Meilisearch query. The words are
   * looked up once; the returned function then scores any number of track records.
   */
  relevanceTo(words: string[], k1 = 1.2, b = 0.75): (record: TrackRecord) => number {
    const ids = [...new Set(words)].map((w) => this.vocabulary.get(w)).filter((id): id is number => id !== undefined);
    const weights = ids.map((id) => idf(this.records.size, this.companyDf[id]));
    const averageLength = this.averageLength || 1;
    return (record) => {
      const norm = k1 * (1 - b + (b * record.length) / averageLength);
      let score = 0;
      for (let i = 0; i < ids.length; i++) {
        const at = binarySearch(record.termIds, ids[i]);
        if (at < 0) continue;
        const tf = record.termCounts[at];
        score += (weights[i] * (tf * (k1 + 1))) / (tf + norm);
      }
      return score;
    };
  }
}

function binarySearch(sorted: Int32Array, value: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] === value) return mid;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
