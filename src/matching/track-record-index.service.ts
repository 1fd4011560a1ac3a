import { Injectable, Logger } from '@nestjs/common';
import { ReferenceDataService } from '../reference-data/reference-data.service';
import { OTHER_TRADES } from './match-factors';
import { idf, workWords } from './text-terms';
import { CapabilityRow, ProjectRow, TrackRecordRepository } from './track-record.repository';

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
  financier: string | null;
  financingInstrument: string | null;
}

/**
 * A track record folded for the matcher's questions (how many projects in this country, how close in time, in this
 * sector...), so scoring a candidate costs a few lookups instead of a pass over hundreds of projects.
 */
export interface RecordSummary {
  /** Per country: its region, how many projects, the years of the dated ones (ascending), and who financed what when. */
  countries: Map<string, CountryRecord>;
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
  /** How many projects per financing instrument. */
  instruments: Map<string, number>;
}

export interface CountryRecord {
  region: string | null;
  count: number;
  years: number[];
  /** The financier and year of each project whose financier is known. */
  financed: Array<{ financier: string; year: number | null }>;
}

/** Folds a list of projects into a {@link RecordSummary}. */
export function summariseRecord(projects: ProjectFacts[]): RecordSummary {
  const countries = new Map<string, CountryRecord>();
  const instruments = new Map<string, number>();
  const regions = new Map<string, number>();
  const years: number[] = [];
  const kinds = new Map<string, { sectorCode: string | null; categories: string[]; count: number }>();
  const valued: Array<{ value: number; currency: string | null }> = [];
  let otherTrades = 0;
  for (const p of projects) {
    if (p.sourceSector !== null && OTHER_TRADES.has(p.sourceSector)) otherTrades++;
    if (p.countryCode !== null) {
      const country = countries.get(p.countryCode) ?? { region: p.region, count: 0, years: [], financed: [] };
      countries.set(p.countryCode, country);
      country.count++;
      if (p.year !== null) country.years.push(p.year);
      if (p.financier !== null) country.financed.push({ financier: p.financier, year: p.year });
    }
    if (p.region !== null) regions.set(p.region, (regions.get(p.region) ?? 0) + 1);
    if (p.year !== null) years.push(p.year);
    const key = `${p.sectorCode ?? ''}|${p.technologyCategories.join(',')}`;
    const kind = kinds.get(key) ?? { sectorCode: p.sectorCode, categories: p.technologyCategories, count: 0 };
    kinds.set(key, kind);
    kind.count++;
    if (p.value !== null) valued.push({ value: p.value, currency: p.currency });
    if (p.financingInstrument !== null) instruments.set(p.financingInstrument, (instruments.get(p.financingInstrument) ?? 0) + 1);
  }
  const ascending = (a: number, b: number) => a - b;
  for (const country of countries.values()) country.years.sort(ascending);
  return { countries, regions, years: years.sort(ascending), kinds: [...kinds.values()], valued, otherTrades, instruments };
}

/** One verified enterprise as the matcher sees it: its projects' facts and its whole track record as word counts. */
export interface TrackRecord {
  organizationId: string;
  /** Its English name: the stable tie-break (ids differ between databases holding the same data). */
  name: string;
  /** The group it belongs to (e.g. POWERCHINA for Sinohydro), when known. */
  parentGroup: string | null;
  projects: ProjectFacts[];
  summary: RecordSummary;
  /** Cooperation modes it offers: from its capabilities, and from the roles it played (EPC contractor → EPC …). */
  cooperationModes: Set<string>;
  /** The cooperation modes of its declared capabilities alone. */
  declaredModes: Set<string>;
  /** Technology categories of its declared capabilities. */
  declaredCategories: Set<string>;
  /** Sorted word ids of the concatenated track record, their counts, and how many of its projects use each. */
  termIds: Int32Array;
  termCounts: Float32Array;
  termProjects: Int32Array;
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

/** Above this share of enterprises changed at once, one full build is cheaper than patching. */
const FULL_BUILD_SHARE = 0.2;

/** An enterprise's record while it is read from the database. */
interface Draft {
  name: string;
  parentGroup: string | null;
  projects: ProjectFacts[];
  /** Word id → occurrences in the whole record, and → how many of its projects use it. */
  counts: Map<number, number>;
  inProjects: Map<number, number>;
  length: number;
}

/**
 * An in-memory summary of every verified enterprise's track record, built from PostgreSQL: the matcher's second stage
 * reads profiles from here instead of querying per candidate. Word counts are kept as typed arrays (a few bytes per
 * word) so 100,000 projects fit in tens of megabytes. When the database changes, the enterprises that changed are read
 * again and patched into a new snapshot in the background; requests meanwhile use the previous one.
 */
@Injectable()
export class TrackRecordIndexService {
  private readonly logger = new Logger('TrackRecordIndex');
  private state?: Built;
  private working?: Promise<Built>;
  private checkedAt = 0;

  constructor(
    private readonly repository: TrackRecordRepository,
    private readonly referenceData: ReferenceDataService,
  ) {}

  /** The current index (built on first use; afterwards brought up to date in the background when the data changed). */
  async current(): Promise<Built> {
    if (!this.state) return (this.state = await this.once(() => this.build()));
    if (Date.now() - this.checkedAt > FRESHNESS_CHECK_MS) {
      this.checkedAt = Date.now();
      if (!this.working && (await this.repository.fingerprint()) !== this.state.fingerprint) {
        this.update().catch((error: unknown) => this.logger.error(`Updating the track-record index failed: ${String(error)}`));
      }
    }
    return this.state;
  }

  /** Builds the whole index again, now (after a bulk import, for instance). */
  async refresh(): Promise<void> {
    await this.settled();
    this.state = await this.once(() => this.build());
  }

  /** Brings the index up to date now: re-reads only the enterprises whose data changed (or everything, if most did). */
  async update(): Promise<Built> {
    await this.settled();
    return (this.state = await this.once(() => this.patch()));
  }

  /**
   * The current index as if these reference projects did not exist: their owners' records lose them (words, counts
   * and facts), in memory. For evaluation — hold a project out and ask who built it — never for serving.
   */
  async without(projectIds: string[]): Promise<Built> {
    const state = await this.current();
    const rows = await this.repository.projectsWithIds(projectIds);
    const changed = new Map<string, TrackRecord>();
    const removed: string[] = [];
    for (const organizationId of new Set(rows.map((r) => r.organization_id))) {
      const record = state.records.get(organizationId);
      if (!record) continue;
      const reduced = withoutProjects(
        record,
        rows.filter((r) => r.organization_id === organizationId),
        state.vocabulary,
      );
      if (reduced) changed.set(organizationId, reduced);
      else removed.push(organizationId);
    }
    return state.withChanges(state.fingerprint, state.signatures, changed, removed);
  }

  /** Waits for work already under way: it may have read the database before the caller's latest change. */
  private async settled(): Promise<void> {
    await this.working?.catch(() => undefined);
  }

  private once(work: () => Promise<Built>): Promise<Built> {
    this.working ??= work().finally(() => (this.working = undefined));
    return this.working;
  }

  private async build(): Promise<Built> {
    const started = Date.now();
    const [fingerprint, signatures] = [await this.repository.fingerprint(), await this.repository.signatures()];
    const vocabulary = new Map<string, number>();
    const records = await this.loadRecords(vocabulary);
    const built = Built.empty(vocabulary).withChanges(fingerprint, signatures, records, []);
    this.logger.log(
      `Track-record index: ${built.records.size} enterprises, ${built.projectCount} projects, ${vocabulary.size} words in ${Date.now() - started} ms`,
    );
    return built;
  }

  private async patch(): Promise<Built> {
    const state = this.state;
    if (!state) return this.build();
    const started = Date.now();
    const [fingerprint, signatures] = [await this.repository.fingerprint(), await this.repository.signatures()];
    const changed = [...signatures].filter(([id, signature]) => state.signatures.get(id) !== signature).map(([id]) => id);
    const gone = [...state.signatures.keys()].filter((id) => !signatures.has(id));
    if (changed.length + gone.length > FULL_BUILD_SHARE * Math.max(signatures.size, 100)) return this.build();
    const records = changed.length ? await this.loadRecords(state.vocabulary, changed) : new Map<string, TrackRecord>();
    // A changed enterprise without projects or capabilities any more has no record.
    const removed = [...gone, ...changed.filter((id) => !records.has(id))];
    const built = state.withChanges(fingerprint, signatures, records, removed);
    if (changed.length + gone.length > 0)
      this.logger.log(`Track-record index: ${changed.length} enterprises re-read, ${gone.length} gone, in ${Date.now() - started} ms`);
    return built;
  }

  /** The records of the verified enterprises (all, or those of `only`), new words added to `vocabulary`. */
  private async loadRecords(vocabulary: Map<string, number>, only?: string[]): Promise<Map<string, TrackRecord>> {
    const folder = new TrackRecordFolder(vocabulary, (countryCode) => this.referenceData.country(countryCode).region);
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows = await this.repository.projectsAfter(after, BATCH, only);
      if (rows.length === 0) break;
      after = rows[rows.length - 1].id;
      for (const row of rows) folder.addProject(row);
    }
    for (const row of await this.repository.capabilities(only)) folder.addCapabilities(row);
    return folder.records();
  }
}

/**
 * Folds project and capability rows into track records, without a database. Words get ids in `vocabulary`, which is
 * shared between snapshots and only grows: a new word takes the next id.
 */
export class TrackRecordFolder {
  private readonly drafts = new Map<string, Draft>();
  private readonly declared = new Map<string, CapabilityRow>();

  constructor(
    private readonly vocabulary: Map<string, number>,
    private readonly regionOf: (countryCode: string) => string,
  ) {}

  addProject(row: ProjectRow): void {
    const countryCode = row.country_code?.trim() ?? null;
    const draft = this.draftOf(row.organization_id, row.organization_name, row.parent_group);
    draft.projects.push({
      id: row.id,
      title: row.title,
      countryCode,
      region: countryCode ? this.regionOf(countryCode) : null,
      year: row.year,
      sectorCode: row.sector_code,
      sourceSector: row.source_sector,
      technologyCategories: row.technology_categories,
      role: row.role,
      value: row.value === null ? null : Number(row.value),
      currency: row.currency,
      financier: row.financier,
      financingInstrument: row.financing_instrument,
    });
    const words = workWords(row);
    const seen = new Set<number>();
    for (const word of words) {
      let id = this.vocabulary.get(word);
      if (id === undefined) {
        id = this.vocabulary.size;
        this.vocabulary.set(word, id);
      }
      if (!seen.has(id)) {
        seen.add(id);
        draft.inProjects.set(id, (draft.inProjects.get(id) ?? 0) + 1);
      }
      draft.counts.set(id, (draft.counts.get(id) ?? 0) + 1);
    }
    draft.length += words.length;
  }

  /** Declared capabilities; an enterprise with capabilities but no reference project yet is a candidate too. */
  addCapabilities(row: CapabilityRow): void {
    this.declared.set(row.organization_id, row);
    this.draftOf(row.organization_id, row.organization_name, row.parent_group);
  }

  /** One record per enterprise seen, in the order they were first seen. */
  records(): Map<string, TrackRecord> {
    const records = new Map<string, TrackRecord>();
    for (const [organizationId, draft] of this.drafts) {
      const ids = Int32Array.from([...draft.counts.keys()].sort((a, b) => a - b));
      const own = this.declared.get(organizationId);
      const declaredModes = new Set(own?.modes ?? []);
      records.set(organizationId, {
        organizationId,
        name: draft.name,
        parentGroup: draft.parentGroup,
        projects: draft.projects,
        summary: summariseRecord(draft.projects),
        cooperationModes: modesOf(declaredModes, draft.projects),
        declaredModes,
        declaredCategories: new Set(own?.categories ?? []),
        termIds: ids,
        termCounts: Float32Array.from(ids, (id) => draft.counts.get(id)!),
        termProjects: Int32Array.from(ids, (id) => draft.inProjects.get(id)!),
        length: draft.length,
      });
    }
    return records;
  }

  private draftOf(id: string, name: string, parentGroup: string | null): Draft {
    const draft = this.drafts.get(id) ?? {
      name,
      parentGroup,
      projects: [],
      counts: new Map<number, number>(),
      inProjects: new Map<number, number>(),
      length: 0,
    };
    this.drafts.set(id, draft);
    return draft;
  }
}

/**
 * An immutable snapshot of the index. The vocabulary is shared between snapshots and only grows (a word keeps its id),
 * so a snapshot ignores the ids of words added after it.
 */
export class Built {
  private constructor(
    readonly fingerprint: string,
    /** The signature of each verified enterprise when this snapshot was made (see TrackRecordRepository.signatures). */
    readonly signatures: Map<string, string>,
    readonly vocabulary: Map<string, number>,
    private readonly projectDf: Int32Array,
    private readonly companyDf: Int32Array,
    readonly records: Map<string, TrackRecord>,
    readonly projectCount: number,
    private readonly totalLength: number,
    /** Which records use each word, built with a whole snapshot and shared by the snapshots patched from it. */
    private readonly postings: Postings,
    /** Per record of `postings`: 1 while this snapshot still holds it (not replaced or removed since). */
    private readonly live: Uint8Array,
    /** The records this snapshot holds that `postings` does not: those added or replaced since it was built. */
    private readonly added: Map<string, TrackRecord>,
  ) {}

  static empty(vocabulary: Map<string, number>): Built {
    const postings = Postings.of([], 0);
    return new Built(
      '',
      new Map(),
      vocabulary,
      new Int32Array(0),
      new Int32Array(0),
      new Map(),
      0,
      0,
      postings,
      new Uint8Array(0),
      new Map(),
    );
  }

  /** A new snapshot with `changed` records put in (replacing any former ones) and the `removed` ones taken out. */
  withChanges(fingerprint: string, signatures: Map<string, string>, changed: Map<string, TrackRecord>, removed: string[]): Built {
    const grown = (counts: Int32Array) => {
      const copy = new Int32Array(this.vocabulary.size);
      copy.set(counts);
      return copy;
    };
    const projectDf = grown(this.projectDf);
    const companyDf = grown(this.companyDf);
    const records = new Map(this.records);
    let { projectCount, totalLength } = this;
    const count = (record: TrackRecord, sign: 1 | -1) => {
      for (let i = 0; i < record.termIds.length; i++) {
        projectDf[record.termIds[i]] += sign * record.termProjects[i];
        companyDf[record.termIds[i]] += sign;
      }
      projectCount += sign * record.projects.length;
      totalLength += sign * record.length;
    };
    let { postings } = this;
    let live = this.live.slice();
    let added = new Map(this.added);
    for (const id of [...removed, ...changed.keys()]) {
      const former = records.get(id);
      if (former) count(former, -1);
      records.delete(id);
      const ordinal = postings.ordinalOf.get(id);
      if (ordinal !== undefined) live[ordinal] = 0;
      added.delete(id);
    }
    for (const [id, record] of changed) {
      count(record, 1);
      records.set(id, record);
      added.set(id, record);
    }
    // A patch keeps the postings and scores its few added records on their own; past a share of the records, or for a
    // whole build, the postings are made again (one pass over every record's words: tens of milliseconds).
    if (added.size > Math.max(POSTINGS_REBUILD_MIN, records.size * POSTINGS_REBUILD_SHARE)) {
      postings = Postings.of(records.values(), this.vocabulary.size);
      live = new Uint8Array(postings.records.length).fill(1);
      added = new Map();
    }
    return new Built(
      fingerprint,
      signatures,
      this.vocabulary,
      projectDf,
      companyDf,
      records,
      projectCount,
      totalLength,
      postings,
      live,
      added,
    );
  }

  private get averageLength(): number {
    return this.records.size ? this.totalLength / this.records.size : 0;
  }

  /** In how many projects a word occurs (0 when never). */
  projectFrequency = (word: string): number => {
    const id = this.vocabulary.get(word);
    return id === undefined || id >= this.projectDf.length ? 0 : this.projectDf[id];
  };

  /** The most projects any enterprise has, for normalising track-record size. */
  get largestRecord(): number {
    this.largest ??= [...this.records.values()].reduce((max, r) => Math.max(max, r.projects.length), 0);
    return this.largest;
  }

  private largest?: number;
  private groupCountries?: Map<string, Map<string, number>>;

  /** How many projects the members of a group have in a country (all members, the asking one included). */
  groupProjectsIn(group: string, countryCode: string): number {
    if (!this.groupCountries) {
      this.groupCountries = new Map();
      for (const record of this.records.values()) {
        if (record.parentGroup === null) continue;
        const countries = this.groupCountries.get(record.parentGroup) ?? new Map<string, number>();
        this.groupCountries.set(record.parentGroup, countries);
        for (const [code, c] of record.summary.countries) countries.set(code, (countries.get(code) ?? 0) + c.count);
      }
    }
    return this.groupCountries.get(group)?.get(countryCode) ?? 0;
  }
  private words?: string[];

  /** An enterprise's most characteristic words (tf × idf over enterprises), to look for needs it could serve. */
  topTerms(record: TrackRecord, limit = 10): string[] {
    if (this.words?.length !== this.vocabulary.size) this.words = [...this.vocabulary.keys()];
    const words = this.words;
    return [...record.termIds]
      .map((id, i) => ({ id, score: (1 + Math.log(record.termCounts[i])) * idf(this.records.size, this.companyDf[id]) }))
      .sort((a, b) => b.score - a.score || a.id - b.id)
      .slice(0, limit)
      .map(({ id }) => words[id]);
  }

  /**
   * How much of what the words talk about an enterprise has done, on a scale that means the same for every need: its
   * BM25 ({@link relevanceTo}) divided by the most BM25 can give those words (each word's IDF × (k1 + 1), reached as
   * its count grows without bound; words no record uses count at their full IDF). Unlike a share of the best
   * candidate's score, a weak field scores low.
   */
  coverageOf(words: string[], k1 = 1.2): (record: TrackRecord) => number {
    const relevance = this.relevanceTo(words, k1);
    // Words no track record uses count too, at their full IDF: a need about what nobody has done scores low.
    const known = this.weighted(words).weights;
    const unknown = new Set(words).size - known.length;
    const ceiling = (known.reduce((sum, w) => sum + w, 0) + unknown * idf(this.records.size, 0)) * (k1 + 1);
    return (record) => (ceiling > 0 ? relevance(record) / ceiling : 0);
  }

  /**
   * The `limit` enterprises whose whole track record best matches the words (BM25, as {@link relevanceTo}), best
   * first (ties by id): stage 1's own retrieval beside Meilisearch's, which reads only ten words of a query and returns
   * projects, not records. A need's most distinctive words are still used by half of the records or more (at 10,000
   * enterprises), so the scores are summed along each word's postings (word by word, in the order relevanceTo adds
   * them: the same sums) rather than by looking every word up in every record; only the best are sorted.
   */
  mostRelevant(words: string[], limit: number, k1 = 1.2, b = 0.75): TrackRecord[] {
    const { ids, weights } = this.weighted(words);
    const averageLength = this.averageLength || 1;
    const { records, lengths, starts, ordinals, counts } = this.postings;
    const sums = new Float64Array(records.length);
    for (let i = 0; i < ids.length; i++) {
      // A word newer than the postings: only records added since can use it.
      if (ids[i] + 1 >= starts.length) continue;
      for (let at = starts[ids[i]], end = starts[ids[i] + 1]; at < end; at++) {
        const ordinal = ordinals[at];
        if (this.live[ordinal] === 1) sums[ordinal] += bm25(weights[i], counts[at], lengthNorm(lengths[ordinal], averageLength, k1, b), k1);
      }
    }
    const addedScores: Array<{ record: TrackRecord; score: number }> = [];
    if (this.added.size > 0) {
      const relevance = this.relevanceTo(words, k1, b);
      for (const record of this.added.values()) {
        const score = relevance(record);
        if (score > 0) addedScores.push({ record, score });
      }
    }
    // Only the records scoring at least the `limit`-th best score can be among the first `limit`: those are sorted.
    const positive = sums.filter((score) => score > 0);
    let threshold = 0;
    if (positive.length + addedScores.length > limit && limit > 0) {
      const scores = new Float64Array(positive.length + addedScores.length);
      scores.set(positive);
      addedScores.forEach((s, i) => (scores[positive.length + i] = s.score));
      threshold = scores.sort()[scores.length - limit];
    }
    const scored = addedScores.filter((s) => s.score >= threshold);
    for (let ordinal = 0; ordinal < sums.length; ordinal++) {
      if (sums[ordinal] > 0 && sums[ordinal] >= threshold) scored.push({ record: records[ordinal], score: sums[ordinal] });
    }
    return scored
      .sort((x, y) => y.score - x.score || (x.record.organizationId < y.record.organizationId ? -1 : 1))
      .slice(0, Math.max(0, limit))
      .map((s) => s.record);
  }

  /** The distinct words known to the index, as ids, with their IDF over enterprises. */
  private weighted(words: string[]): { ids: number[]; weights: number[] } {
    const ids = [...new Set(words)]
      .map((w) => this.vocabulary.get(w))
      .filter((id): id is number => id !== undefined && id < this.companyDf.length && this.companyDf[id] > 0);
    return { ids, weights: ids.map((id) => idf(this.records.size, this.companyDf[id])) };
  }

  /**
   * BM25 of the words against an enterprise's whole track record (IDF over enterprises): how much of what the
   * text talks about this enterprise has done. Not limited to 10 words, unlike a Meilisearch query. The words are
   * looked up once; the returned function then scores any number of track records.
   */
  relevanceTo(words: string[], k1 = 1.2, b = 0.75): (record: TrackRecord) => number {
    const { ids, weights } = this.weighted(words);
    const averageLength = this.averageLength || 1;
    return (record) => {
      const norm = lengthNorm(record.length, averageLength, k1, b);
      let score = 0;
      for (let i = 0; i < ids.length; i++) {
        const at = binarySearch(record.termIds, ids[i]);
        if (at < 0) continue;
        score += bm25(weights[i], record.termCounts[at], norm, k1);
      }
      return score;
    };
  }
}

/** Past this many records added or replaced since the postings were built (and this share of all), they are built again. */
const POSTINGS_REBUILD_MIN = 64;
const POSTINGS_REBUILD_SHARE = 1 / 16;

/** BM25's length normalisation of a record (one function, so that every way of scoring computes the same numbers). */
const lengthNorm = (length: number, averageLength: number, k1: number, b: number) => k1 * (1 - b + (b * length) / averageLength);

/** What one word adds to a record's BM25. */
const bm25 = (weight: number, tf: number, norm: number, k1: number) => (weight * (tf * (k1 + 1))) / (tf + norm);

/**
 * For every word, the records using it and how often (the records' `termIds` and `termCounts` turned inside out), in
 * two flat typed arrays: 8 bytes per distinct word of each record, 16 MB at 100,000 projects (2 million entries). Built
 * in one pass over the records.
 */
class Postings {
  /** A record's place in `records`, by organization id. */
  readonly ordinalOf = new Map<string, number>();

  /** Each record's length in words (BM25's length normalisation), by place. */
  readonly lengths: Float64Array;

  private constructor(
    readonly records: TrackRecord[],
    /** Word id → where its entries start in `ordinals` and `counts` (and id + 1 → where they end). */
    readonly starts: Int32Array,
    /** The records using each word, as places in `records`, in the records' order. */
    readonly ordinals: Int32Array,
    /** How often each of those records uses the word. */
    readonly counts: Float32Array,
  ) {
    records.forEach((record, ordinal) => this.ordinalOf.set(record.organizationId, ordinal));
    this.lengths = Float64Array.from(records, (record) => record.length);
  }

  static of(from: Iterable<TrackRecord>, words: number): Postings {
    const records = [...from];
    const starts = new Int32Array(words + 1);
    for (const { termIds } of records) for (let i = 0; i < termIds.length; i++) starts[termIds[i] + 1]++;
    for (let id = 0; id < words; id++) starts[id + 1] += starts[id];
    const next = starts.slice(0, words);
    const ordinals = new Int32Array(starts[words]);
    const counts = new Float32Array(starts[words]);
    for (let ordinal = 0; ordinal < records.length; ordinal++) {
      const { termIds, termCounts } = records[ordinal];
      for (let i = 0; i < termIds.length; i++) {
        const at = next[termIds[i]]++;
        ordinals[at] = ordinal;
        counts[at] = termCounts[i];
      }
    }
    return new Postings(records, starts, ordinals, counts);
  }
}

/** The modes an enterprise offers: those it declares, and those the roles it played show. */
const modesOf = (declared: Set<string>, projects: ProjectFacts[]) =>
  new Set([...declared, ...projects.map((p) => MODE_OF_ROLE[p.role]).filter((m): m is string => m !== undefined)]);

/**
 * A record without some of its projects: their words taken off its counts, their facts off its summary. Null when
 * nothing is left (no project, no declared capability). Words keep their ids (`vocabulary` is only read).
 */
export function withoutProjects(record: TrackRecord, rows: ProjectRow[], vocabulary: Map<string, number>): TrackRecord | null {
  const gone = new Set(rows.map((r) => r.id));
  const projects = record.projects.filter((p) => !gone.has(p.id));
  if (projects.length === 0 && record.declaredCategories.size === 0) return null;
  const counts = new Map<number, number>();
  const inProjects = new Map<number, number>();
  record.termIds.forEach((id, i) => {
    counts.set(id, record.termCounts[i]);
    inProjects.set(id, record.termProjects[i]);
  });
  let length = record.length;
  for (const row of rows) {
    const words = workWords(row);
    length -= words.length;
    const seen = new Set<number>();
    for (const word of words) {
      const id = vocabulary.get(word)!;
      counts.set(id, counts.get(id)! - 1);
      if (!seen.has(id)) inProjects.set(id, inProjects.get(id)! - 1);
      seen.add(id);
    }
  }
  const ids = Int32Array.from(record.termIds.filter((id) => counts.get(id)! > 0));
  return {
    ...record,
    projects,
    summary: summariseRecord(projects),
    cooperationModes: modesOf(record.declaredModes, projects),
    termIds: ids,
    termCounts: Float32Array.from(ids, (id) => counts.get(id)!),
    termProjects: Int32Array.from(ids, (id) => inProjects.get(id)!),
    length,
  };
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
