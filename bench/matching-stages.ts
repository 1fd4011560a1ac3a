import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DataSource } from 'typeorm';
import { logLevels } from '../src/app.factory';
import { prepareIsolatedWorld } from '../src/cli/match-batch.command';
import { GcdfImportService } from '../src/imports/gcdf-import.service';
import type * as ActorModule from '../src/access/actor';
import type * as MatchFactorsModule from '../src/matching/match-factors';
import type * as MatchScoringModule from '../src/matching/match-scoring';
import { MatchingService } from '../src/matching/matching.service';
import type * as MatchingServiceModule from '../src/matching/matching.service';
import type * as TextTermsModule from '../src/matching/text-terms';
import { Built } from '../src/matching/track-record-index.service';
import type * as TrackRecordIndexModule from '../src/matching/track-record-index.service';
import { CapabilityRow, ProjectRow, TrackRecordRepository } from '../src/matching/track-record.repository';
import { NeedEntity } from '../src/needs/need.entity';
import { CountryModel } from '../src/reference-data/reference-data.model';
import { ReferenceDataService } from '../src/reference-data/reference-data.service';
import { ReindexService } from '../src/search/reindex.service';
import { SearchRepository } from '../src/search/search.repository';
import { configOrExit, startRuntime } from '../src/runtime';
import { percentile } from '../test/support/statistics';
import { expandedSize, loadExpandedData } from './support/expanded-data';

/**
 * npm run bench:matching-stages — where a `matchCandidates` ranking spends its time inside the API, with no HTTP,
 * GraphQL, PostgreSQL or Meilisearch in the way: the data of bench:matching (10,000 enterprises, 100,000 reference
 * projects), the track-record index built in this process from rows read once, and each need's stage-1 multi-search
 * answered from a recording. Prints figures; asserts nothing except that two builds rank alike (below).
 *
 * - STAGES_DATA (default .data/matching-stages.json): the rows and the recorded searches. When the file is missing, a
 *   child process starts PostgreSQL and Meilisearch, loads and indexes the data as bench:matching does, and writes it
 *   (about 10 minutes on the 2-core machine); later runs read it (a comparison of two builds takes about 10 minutes).
 * - STAGES_BASELINE: the `dist` folder of another build (say main, compiled in a copy of its tree). Both builds then
 *   rank every need, and must return the same candidates, scores, order and explanations (the run fails otherwise);
 *   then both are timed on the same requests, interleaved, so that the machine's load falls on both alike.
 * - STAGES_REPEATS (default 5): passes of the paired comparison, each on fresh snapshots.
 *
 * The requests follow bench:matching's sequential phase: the needs in external-id order, the first 11 as a warm-up,
 * then 200 timed. A snapshot of the index is fresh at the start of each pass, as the API's is after it starts or after
 * the data change, so whatever a snapshot fills in lazily is paid inside the pass, as it is in the API.
 */
const DATA_FILE = resolve(process.env.STAGES_DATA ?? join(__dirname, '..', '..', '.data', 'matching-stages.json'));
const BASELINE = process.env.STAGES_BASELINE;
const REPEATS = Number(process.env.STAGES_REPEATS ?? 5);
const WARM_UP = 11;
const TIMED = 200;
const FIRST = 10;

const log = (message: string) => console.log(message);
const collectGarbage = () => {
  if (!global.gc) throw new Error('Run with node --expose-gc (npm run bench:matching-stages does)');
  global.gc();
};
const fixed = (x: number, digits = 1) => x.toFixed(digits);

/** What a run needs from the database and the search engine, written once. */
interface StagesData {
  countries: CountryModel[];
  projects: ProjectRow[];
  capabilities: CapabilityRow[];
  needs: NeedEntity[];
  /** Each multi-search the service asked (its requests as JSON) → the hits Meilisearch answered. */
  searches: Record<string, Array<{ hits: unknown[] }>>;
}

// ---------------------------------------------------------------------------------------------------------------------
// Making the data (child process): the servers, the data of bench:matching, a recording of every need's stage 1.

async function make(file: string): Promise<void> {
  Logger.overrideLogger(logLevels('warn'));
  const world = await prepareIsolatedWorld();
  const config = configOrExit({
    ...process.env,
    ...world.environment,
    WORKERS_ENABLED: 'false',
    JWT_SECRET: `bench-${randomUUID()}-secret-long-enough`,
  });
  const runtime = await startRuntime(config, new Logger('bench'));
  let exitCode = 0;
  try {
    await runtime.app.init();
    const app = runtime.app;
    const dataSource = app.get(DataSource);
    const size = expandedSize();
    const started = performance.now();
    const loaded = await loadExpandedData(dataSource, app.get(ReferenceDataService), size);
    await app.get(GcdfImportService).importNeeds(join(size.data, 'dev-needs.jsonl'));
    await app.get(GcdfImportService).importNeeds(join(size.data, 'open-needs.jsonl'));
    await dataSource.query('DELETE FROM search_outbox');
    await app.get(ReindexService).reindexAll();
    log(
      `Loaded and indexed ${loaded.enterprises} enterprises, ${loaded.projects} projects in ${fixed((performance.now() - started) / 1000)} s`,
    );

    const repository = app.get(TrackRecordRepository);
    const projects: ProjectRow[] = [];
    for (let after = '00000000-0000-0000-0000-000000000000'; ;) {
      const rows = await repository.projectsAfter(after, 5000);
      if (rows.length === 0) break;
      projects.push(...rows);
      after = rows[rows.length - 1].id;
    }
    const capabilities = await repository.capabilities();
    const needs = await dataSource.getRepository(NeedEntity).find({ order: { externalId: 'ASC' } });
    // Every multi-search the service issues, recorded with its answer.
    const search = app.get(SearchRepository);
    const searches: StagesData['searches'] = {};
    const ask = search.multiSearchAcross.bind(search);
    const record = async (queries: Parameters<typeof ask>[0]) => {
      const results = await ask(queries);
      searches[JSON.stringify(queries)] = results.map((r) => ({ hits: r.hits }));
      return results;
    };
    search.multiSearchAcross = record as typeof search.multiSearchAcross;
    const matching = app.get(MatchingService);
    for (const need of needs) await matching.measureCandidates(need);
    const data: StagesData = { countries: app.get(ReferenceDataService).listCountries(), projects, capabilities, needs, searches };
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(data));
    log(`Wrote ${file}: ${projects.length} projects, ${capabilities.length} capability rows, ${needs.length} needs`);
  } catch (error) {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    exitCode = 1;
  } finally {
    await runtime.app
      .get(SearchRepository)
      .deleteAll()
      .catch(() => undefined);
    await runtime.stop(exitCode === 0 ? 'data written' : 'making the data failed', exitCode, world.cleanup);
  }
}

/**
 * A recorded search, whatever its limits: a ranking that holds projects out asks for as many more hits (and is then
 * answered with the recorded ones, the same for every build).
 */
const searchKey = (queries: Array<{ limit?: number }>) => JSON.stringify(queries.map(({ limit: _, ...query }) => query));

// ---------------------------------------------------------------------------------------------------------------------
// One build of the matcher, loaded from its `dist` folder, with the database and the search engine replaced.

interface Build {
  label: string;
  actor: typeof ActorModule;
  factors: typeof MatchFactorsModule;
  scoring: typeof MatchScoringModule;
  terms: typeof TextTermsModule;
  index: typeof TrackRecordIndexModule;
  matching: MatchingService;
  /** The snapshot the matcher ranks with; replaced by `fresh`. */
  snapshot: Built;
  /** A new snapshot of the same records, as a patch with no change makes: nothing filled in lazily yet. */
  fresh(): number;
  /**
   * With projects held out, the word statistics change and so may a need's stage-1 queries, which were not recorded:
   * they are then answered with the need's own recorded searches (the same for every build), set here.
   */
  heldOutSearchesFor(need: NeedEntity | undefined): void;
}

async function loadBuild(label: string, dist: string, data: StagesData): Promise<Build> {
  const load = createRequire(__filename);
  const from = <T>(path: string) => load(join(dist, 'src', path)) as T;
  const actor = from<typeof ActorModule>('access/actor.js');
  const factors = from<typeof MatchFactorsModule>('matching/match-factors.js');
  const scoring = from<typeof MatchScoringModule>('matching/match-scoring.js');
  const terms = from<typeof TextTermsModule>('matching/text-terms.js');
  const index = from<typeof TrackRecordIndexModule>('matching/track-record-index.service.js');
  const service = from<typeof MatchingServiceModule>('matching/matching.service.js');

  const countries = new Map(data.countries.map((c) => [c.code, c]));
  const referenceData = {
    country: (code: string) => {
      const country = countries.get(code);
      if (!country) throw new Error(`Unknown country code ${code}`);
      return country;
    },
  };
  const ids = data.projects.map((p) => p.id);
  const repository = {
    fingerprint: () => Promise.resolve('bench'),
    signatures: () => Promise.resolve(new Map(data.projects.map((p) => [p.organization_id, 'bench']))),
    projectsAfter: (after: string, limit: number) => {
      let lo = 0;
      for (let hi = ids.length; lo < hi;) {
        const mid = (lo + hi) >>> 1;
        if (ids[mid] <= after) lo = mid + 1;
        else hi = mid;
      }
      return Promise.resolve(data.projects.slice(lo, lo + limit));
    },
    capabilities: () => Promise.resolve(data.capabilities),
    projectsWithIds: (wanted: string[]) => Promise.resolve(data.projects.filter((p) => wanted.includes(p.id))),
  };
  const trackRecords = new index.TrackRecordIndexService(
    repository as unknown as TrackRecordRepository,
    referenceData as unknown as ReferenceDataService,
  );

  // Memory as V8 counts it (heap) and outside it (the typed arrays' buffers), after a full collection.
  const memory = () => {
    collectGarbage();
    const { heapUsed, arrayBuffers } = process.memoryUsage();
    return { heapUsed, arrayBuffers };
  };
  const megabytes = (bytes: number) => fixed(bytes / 2 ** 20, 0);
  const before = memory();
  const started = performance.now();
  const built = await trackRecords.current();
  const buildMs = performance.now() - started;
  const after = memory();
  // A whole snapshot made again from the records already folded: what a build adds to reading and tokenising.
  const times: number[] = [];
  const kept: Built[] = [];
  for (let i = 0; i < 5; i++) {
    kept.length = 0;
    const start = performance.now();
    kept.push(index.Built.empty(built.vocabulary).withChanges(built.fingerprint, built.signatures, built.records, []));
    times.push(performance.now() - start);
  }
  const withSecond = memory();
  log(
    `${label}: index built in ${fixed(buildMs / 1000, 2)} s (${built.records.size} enterprises, ${built.projectCount} projects, ` +
      `${built.vocabulary.size} words); heap +${megabytes(after.heapUsed - before.heapUsed)} MB, array buffers ` +
      `+${megabytes(after.arrayBuffers - before.arrayBuffers)} MB. A whole snapshot from folded records: ` +
      `${fixed(percentile(times, 50))} ms (median of 5), heap +${megabytes(withSecond.heapUsed - after.heapUsed)} MB, array buffers ` +
      `+${megabytes(withSecond.arrayBuffers - after.arrayBuffers)} MB`,
  );
  kept.length = 0;

  const weights = { version: null, weights: factors.parseMatchWeights(undefined) };
  const build: Build = {
    label,
    actor,
    factors,
    scoring,
    terms,
    index,
    snapshot: built,
    matching: undefined as unknown as MatchingService,
    heldOutSearchesFor: () => undefined,
    fresh() {
      const started = performance.now();
      build.snapshot = build.snapshot.withChanges(build.snapshot.fingerprint, build.snapshot.signatures, new Map(), []);
      return performance.now() - started;
    },
  };
  const recorded = new Map(Object.entries(data.searches).map(([key, results]) => [searchKey(JSON.parse(key) as never), results]));
  let instead: Array<{ hits: unknown[] }> | undefined;
  build.heldOutSearchesFor = (need) => {
    const queries = need ? build.matching.candidateSearches(need, build.snapshot).map((q) => service.toMeilisearch(q)) : undefined;
    instead = queries ? recorded.get(searchKey(queries)) : undefined;
  };
  const search = {
    multiSearchAcross: (queries: Array<{ limit?: number }>) => {
      const results = recorded.get(searchKey(queries)) ?? instead?.slice(0, queries.length);
      if (!results) throw new Error(`${label}: a stage-1 search that was not recorded (the queries changed?)`);
      return Promise.resolve([...results, ...Array.from({ length: queries.length - results.length }, () => ({ hits: [] }))]);
    },
  };
  build.matching = new service.MatchingService(
    search as never,
    { current: () => Promise.resolve(build.snapshot), without: (ids: string[]) => trackRecords.without(ids) } as never,
    referenceData as never,
    {} as never,
    { current: () => Promise.resolve(weights) } as never,
    { timeMatch: <T>(_: string, rank: () => Promise<T>) => rank() } as never,
  );
  return build;
}

// ---------------------------------------------------------------------------------------------------------------------
// Stages: the functions a ranking calls, wrapped with timers (for the profile only; the paired timing runs unwrapped).

type Times = Map<string, number>;

function instrument(build: Build, times: Times): () => void {
  const undo: Array<() => void> = [];
  const wrap = (owner: object, key: string, stage: string, wrapResult?: (result: unknown) => unknown) => {
    const target = owner as Record<string, unknown>;
    const original = target[key] as (...args: unknown[]) => unknown;
    if (typeof original !== 'function') return;
    target[key] = function (this: unknown, ...args: unknown[]) {
      const started = performance.now();
      try {
        const result = original.apply(this, args);
        return wrapResult ? wrapResult(result) : result;
      } finally {
        times.set(stage, (times.get(stage) ?? 0) + performance.now() - started);
      }
    };
    undo.push(() => (target[key] = original));
  };
  const timedFunction = (stage: string) => (result: unknown) => {
    const f = result as (...args: unknown[]) => unknown;
    return (...args: unknown[]) => {
      const started = performance.now();
      try {
        return f(...args);
      } finally {
        times.set(stage, (times.get(stage) ?? 0) + performance.now() - started);
      }
    };
  };
  const service = Object.getPrototypeOf(build.matching) as object;
  const built = build.index.Built.prototype as object;
  wrap(service, 'candidateSearches', 'stage-1 queries (candidateSearches)');
  wrap(built, 'mostRelevant', 'record retrieval (mostRelevant)');
  wrap(built, 'recordsUsing', '  of which postings (recordsUsing)');
  wrap(built, 'coverageOf', 'coverage (coverageOf)', timedFunction('coverage (coverageOf)'));
  wrap(built, 'groupProjectsIn', 'group in country (groupProjectsIn)');
  wrap(build.scoring, 'measure', 'measure (×candidates)');
  wrap(build.scoring, 'rankMeasured', 'rankMeasured');
  wrap(build.scoring, 'explain', 'explain (×first)');
  wrap(build.scoring, 'citeEvidence', 'citeEvidence (×first)');
  wrap(build.scoring, 'summarise', 'summarise (×first)');
  return () => undo.forEach((u) => u());
}

const rank = (build: Build, need: NeedEntity) => build.matching.rankEnterprises(need, FIRST, build.actor.Language.EN);

/** The bench's sequential requests: needs 0–10 as the warm-up, then needs 0–199. */
function requests(needs: NeedEntity[]): { warmUp: NeedEntity[]; timed: NeedEntity[] } {
  return {
    warmUp: needs.slice(0, WARM_UP),
    timed: Array.from({ length: TIMED }, (_, i) => needs[i % needs.length]),
  };
}

async function profile(build: Build, needs: NeedEntity[]): Promise<void> {
  const { warmUp, timed } = requests(needs);
  build.fresh();
  for (const need of warmUp) await rank(build, need);
  const stages = new Map<string, number[]>();
  const totals: number[] = [];
  const pass = async (label: string) => {
    stages.clear();
    totals.length = 0;
    const times: Times = new Map();
    const undo = instrument(build, times);
    for (const need of timed) {
      times.clear();
      const started = performance.now();
      await rank(build, need);
      const total = performance.now() - started;
      totals.push(total);
      let inside = 0;
      for (const [stage, t] of times) {
        stages.set(stage, [...(stages.get(stage) ?? []), t]);
        if (!stage.startsWith(' ')) inside += t;
      }
      stages.set('other (stage-1 hits, candidate set, weak field, sorting…)', [
        ...(stages.get('other (stage-1 hits, candidate set, weak field, sorting…)') ?? []),
        total - inside,
      ]);
    }
    undo();
    const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
    log(`\n${build.label}, ${label} (${timed.length} requests, ms per request):`);
    log(`| stage | p50 | p95 | mean | share of the mean |`);
    log(`|---|---|---|---|---|`);
    const all = mean(totals);
    for (const [stage, values] of stages) {
      log(
        `| ${stage} | ${fixed(percentile(values, 50), 2)} | ${fixed(percentile(values, 95), 2)} | ${fixed(mean(values), 2)} | ${fixed((100 * mean(values)) / all, 0)} % |`,
      );
    }
    log(
      `| **whole ranking (rankEnterprises, first ${FIRST})** | ${fixed(percentile(totals, 50), 2)} | ${fixed(percentile(totals, 95), 2)} | ${fixed(all, 2)} | |`,
    );
  };
  await pass('fresh snapshot (as bench:matching)');
  await pass('the same requests again (what a snapshot fills lazily is filled)');
}

// ---------------------------------------------------------------------------------------------------------------------
// Same ranking: every candidate with its score and place, and the explanations of the first 50, in both languages.

async function rankingOf(build: Build, need: NeedEntity, language: ActorModule.Language): Promise<string> {
  const field = await build.matching.measureCandidates(need);
  const ranked = build.scoring.rankMeasured(field.candidates, build.factors.parseMatchWeights(undefined));
  const explained = await build.matching.rankEnterprises(need, 50, language);
  return JSON.stringify({
    all: ranked.map((c) => [c.record.organizationId, c.score, c.measures]),
    explained,
  });
}

/** A need's candidates with their measures and scores, in ranked order, when `without` projects are held out. */
async function heldOutRankingOf(build: Build, need: NeedEntity, without: string[]): Promise<string> {
  build.heldOutSearchesFor(need);
  const field = await build.matching.measureCandidates(need, { without }).finally(() => build.heldOutSearchesFor(undefined));
  const ranked = build.scoring.rankMeasured(field.candidates, build.factors.parseMatchWeights(undefined));
  return JSON.stringify(ranked.map((c) => [c.record.organizationId, c.score, c.measures]));
}

async function sameRankings(a: Build, b: Build, needs: NeedEntity[]): Promise<void> {
  let differences = 0;
  let heldOutDifferences = 0;
  let candidates = 0;
  for (const need of needs) {
    for (const language of [a.actor.Language.EN, a.actor.Language.ZH]) {
      const [left, right] = [await rankingOf(a, need, language), await rankingOf(b, need, language)];
      if (left !== right) {
        differences++;
        if (differences <= 3) log(`DIFFERENT ranking for need ${need.externalId} (${language})`);
      }
      if (language === a.actor.Language.EN) candidates += (JSON.parse(left) as { all: unknown[] }).all.length;
    }
    // As the evaluation asks (bench:quality, learn-weights): the first candidate's first two projects held out.
    const [first] = await a.matching.rankEnterprises(need, 1);
    const without = first
      ? (a.snapshot.records
          .get(first.organizationId)
          ?.projects.slice(0, 2)
          .map((p) => p.id) ?? [])
      : [];
    if ((await heldOutRankingOf(a, need, without)) !== (await heldOutRankingOf(b, need, without))) {
      heldOutDifferences++;
      if (heldOutDifferences <= 3) log(`DIFFERENT ranking for need ${need.externalId} with ${without.join(', ')} held out`);
    }
  }
  log(
    `\nSame rankings: ${needs.length * 2 - differences} of ${needs.length * 2} (needs × EN/ZH) identical — every candidate, its ` +
      `measures, score and place, and the first 50 explanations with evidence (${fixed(candidates / needs.length, 1)} candidates a ` +
      `need); with the first candidate's first two projects held out: ${needs.length - heldOutDifferences} of ${needs.length} identical`,
  );
  if (differences + heldOutDifferences > 0)
    throw new Error(`${differences + heldOutDifferences} rankings differ between ${a.label} and ${b.label}`);
}

// ---------------------------------------------------------------------------------------------------------------------
// Paired timing: the same requests, each asked of both builds in turn (which goes first alternates).

async function paired(base: Build, next: Build, needs: NeedEntity[]): Promise<void> {
  const { warmUp, timed } = requests(needs);
  const runs: Array<{ base: number[]; next: number[]; warmBase: number[]; warmNext: number[]; fresh: [number, number] }> = [];
  for (let r = 0; r < REPEATS; r++) {
    const fresh: [number, number] = [base.fresh(), next.fresh()];
    for (const need of warmUp) {
      await rank(base, need);
      await rank(next, need);
    }
    const pass = async () => {
      const times = { base: [] as number[], next: [] as number[] };
      for (let i = 0; i < timed.length; i++) {
        const order = (i + r) % 2 === 0 ? (['base', 'next'] as const) : (['next', 'base'] as const);
        for (const which of order) {
          const build = which === 'base' ? base : next;
          const started = performance.now();
          await rank(build, timed[i]);
          times[which].push(performance.now() - started);
        }
      }
      return times;
    };
    const cold = await pass();
    const warm = await pass();
    runs.push({ base: cold.base, next: cold.next, warmBase: warm.base, warmNext: warm.next, fresh });
    log(
      `pass ${r + 1}: fresh snapshot ${fixed(fresh[0])} / ${fixed(fresh[1])} ms; p50 ${fixed(percentile(cold.base, 50), 2)} → ${fixed(percentile(cold.next, 50), 2)} ms, ` +
        `p95 ${fixed(percentile(cold.base, 95), 2)} → ${fixed(percentile(cold.next, 95), 2)} ms; again: p50 ${fixed(percentile(warm.base, 50), 2)} → ` +
        `${fixed(percentile(warm.next, 50), 2)}, p95 ${fixed(percentile(warm.base, 95), 2)} → ${fixed(percentile(warm.next, 95), 2)}`,
    );
  }
  const summary = (label: string, pick: (run: (typeof runs)[number]) => [number[], number[]]) => {
    const per = runs.map((run) => pick(run));
    const stat = (p: number) => {
      const b = per.map(([x]) => percentile(x, p)).sort((x, y) => x - y);
      const n = per.map(([, y]) => percentile(y, p)).sort((x, y) => x - y);
      return `p${p} ${fixed(percentile(b, 50), 2)} [${fixed(b[0], 2)}–${fixed(b[b.length - 1], 2)}] → ${fixed(percentile(n, 50), 2)} [${fixed(n[0], 2)}–${fixed(n[n.length - 1], 2)}] ms`;
    };
    // Bootstrap over the requests (pairs kept together) of the difference in p50 and p95, all passes pooled.
    const left = per.flatMap(([x]) => x);
    const right = per.flatMap(([, y]) => y);
    const interval = (p: number) => {
      const diffs: number[] = [];
      let seed = 11;
      const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
      for (let k = 0; k < 2000; k++) {
        const l: number[] = [];
        const rr: number[] = [];
        for (let j = 0; j < left.length; j++) {
          const at = Math.floor(random() * left.length);
          l.push(left[at]);
          rr.push(right[at]);
        }
        diffs.push(percentile(rr, p) - percentile(l, p));
      }
      diffs.sort((x, y) => x - y);
      return `Δp${p} ${fixed(percentile(right, p) - percentile(left, p), 2)} ms [${fixed(percentile(diffs, 2.5), 2)}, ${fixed(percentile(diffs, 97.5), 2)}]`;
    };
    log(`${label}: ${stat(50)}; ${stat(95)} (median [min–max] over ${runs.length} passes); pooled ${interval(50)}, ${interval(95)}`);
  };
  log(`\nPaired, ${base.label} → ${next.label}, rankEnterprises(first ${FIRST}), ${TIMED} requests a pass:`);
  summary('fresh snapshot (as bench:matching)', (run) => [run.base, run.next]);
  summary('the same requests again', (run) => [run.warmBase, run.warmNext]);
  const freshes = runs.map((run) => run.fresh);
  log(
    `A fresh snapshot (a patch with nothing changed): ${freshes.map(([b]) => fixed(b)).join(', ')} ms → ${freshes.map(([, n]) => fixed(n)).join(', ')} ms`,
  );
}

async function main(): Promise<void> {
  if (process.argv[2] === 'make') return make(process.argv[3]);
  log(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.version}`);
  if (!existsSync(DATA_FILE)) {
    log(`Making ${DATA_FILE} (servers, data and searches; a few minutes)…`);
    const made = spawnSync(process.execPath, [...process.execArgv, __filename, 'make', DATA_FILE], { stdio: 'inherit' });
    if (made.status !== 0) throw new Error(`Making the data failed (exit ${made.status})`);
  }
  const data = JSON.parse(readFileSync(DATA_FILE, 'utf8')) as StagesData;
  for (const need of data.needs) {
    need.createdAt = new Date(need.createdAt);
    need.updatedAt = new Date(need.updatedAt);
    need.publishedAt = need.publishedAt === null ? null : new Date(need.publishedAt);
  }
  log(`${data.projects.length} projects, ${data.needs.length} needs, ${Object.keys(data.searches).length} recorded searches`);

  const builds: Build[] = [];
  if (BASELINE) builds.push(await loadBuild(`baseline (${BASELINE})`, resolve(BASELINE), data));
  builds.push(await loadBuild('this build', join(__dirname, '..'), data));
  for (const build of builds) await profile(build, data.needs);
  if (builds.length === 2) {
    await sameRankings(builds[0], builds[1], data.needs);
    await paired(builds[0], builds[1], data.needs);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
