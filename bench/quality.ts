import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { GcdfImportService } from '../src/imports/gcdf-import.service';
import { DEFAULT_WEIGHTS, FACTOR_KEYS, FactorKey } from '../src/matching/match-factors';

/** The hand-set weights of main before this evaluation (docs/MATCHING.md), with the text factor relative to the best candidate. */
const MAIN_WEIGHTS: Record<FactorKey, number> = Object.fromEntries(
  FACTOR_KEYS.map((k) => [
    k,
    (
      {
        text: 0.5,
        similarProjects: 0.05,
        countryExperience: 0.1,
        countryRecency: 0.1,
        regionExperience: 0.02,
        sectorFit: 0.05,
        capabilityFit: 0.02,
        cooperationFit: 0.02,
        budgetFit: 0.01,
        recency: 0.1,
        trackRecord: 0.05,
      } as Partial<Record<FactorKey, number>>
    )[k] ?? 0,
  ]),
) as Record<FactorKey, number>;
import { MeasuredCandidate, rankMeasured } from '../src/matching/match-scoring';
import { MatchingService } from '../src/matching/matching.service';
import { BASELINE_LABELS, BASELINES } from '../src/matching/evaluation/baselines';
import { evaluate, EvaluatedCase, heldOutCasesOf, needOfCase } from '../src/learning/evaluation-cases';
import { atMostPerCompany, HeldOutCase } from '../src/learning/held-out-projects';
import {
  bootstrapMean,
  CaseOutcome,
  CUT,
  Estimate,
  headToHead,
  MetricKey,
  metricOf,
  METRICS,
  outcomeOf,
  pairedDifference,
} from '../src/matching/evaluation/ranking-metrics';
import { fitWeights, foldOf } from '../src/matching/evaluation/weight-fitting';
import { FOLDS, foldWeights, PER_COMPANY, trainingLists } from '../src/matching/evaluation/training-lists';
import { NeedEntity } from '../src/needs/need.entity';
import { ReferenceDataService } from '../src/reference-data/reference-data.service';
import { SearchSyncJob } from '../src/search/search-sync.job';
import { inBenchWorld } from './support/bench-world';

/**
 * npm run bench:quality — how well matching ranks, on three sets in one run: the dev split of gcdf-water, and two
 * leave-one-out sets the track records make of themselves (each water project, then every project, held out with
 * its linked records, company names masked: who built it?). For each, R@1/5/10, MRR and parent R@10 with 95%
 * bootstrap intervals, stage-1 candidate recall, and every ranking's paired difference from BM25 + country in the
 * same run. Learned weights are judged out of fold (grouped 5-fold cross-validation on the leave-one-out cases);
 * nothing learns from the dev split. Prints figures; asserts nothing.
 */
const DATA = process.env.GCDF_DATA ?? join(__dirname, '..', '..', '..', 'shared', 'data', 'gcdf-water');
const PARALLEL = 4;
/** QUALITY_SAMPLE=n evaluates every n-th held-out project only: a quicker, noisier look while developing. */
const SAMPLE = Number(process.env.QUALITY_SAMPLE ?? 1);

const log = (message: string) => console.log(message);
const seconds = (start: number) => `${((Date.now() - start) / 1000).toFixed(0)} s`;

interface EvaluationSet {
  name: string;
  cases: EvaluatedCase[];
}

type Ranker = (c: EvaluatedCase, set: EvaluationSet) => string[];

async function main(): Promise<void> {
  // A benchmark waits for a busy machine's searches rather than failing on the API's timeout.
  await inBenchWorld(
    async (app) => {
      const dataSource = app.get(DataSource);
      const matching = app.get(MatchingService);
      const referenceData = app.get(ReferenceDataService);

      let started = Date.now();
      const importer = app.get(GcdfImportService);
      await importer.importCompanies(join(DATA, 'companies.jsonl'));
      await importer.importNeeds(join(DATA, 'dev-needs.jsonl'));
      await app.get(SearchSyncJob).drain();
      await matching.refresh();
      log(`Loaded and indexed ${DATA} in ${seconds(started)}`);

      const organizations: Array<{ id: string; external_id: string | null; parent_group: string | null }> = await dataSource.query(
        `SELECT id, external_id, parent_group FROM organization WHERE kind = 'ENTERPRISE'`,
      );
      const parent = new Map(organizations.map((o) => [o.id, o.parent_group ?? o.external_id ?? o.id]));
      const parentOf = (id: string) => parent.get(id) ?? id;
      const byExternalId = new Map(organizations.map((o) => [o.external_id, o.id]));

      // The dev split: imported needs, gold companies by their ids in the file.
      started = Date.now();
      const gold = new Map(
        readFileSync(join(DATA, 'dev-gold.jsonl'), 'utf8')
          .split('\n')
          .filter(Boolean)
          .map((line) => JSON.parse(line) as { id: string; goldCompanyIds: string[] })
          .map((g) => [g.id, g.goldCompanyIds.map((id) => byExternalId.get(id)).filter((id): id is string => id !== undefined)]),
      );
      const devNeeds = (await dataSource.getRepository(NeedEntity).find({ order: { externalId: 'ASC' } })).filter((n) =>
        gold.has(n.externalId!),
      );
      const dev: EvaluationSet = { name: `dev split (${devNeeds.length} needs)`, cases: [] };
      for (const need of devNeeds) {
        dev.cases.push(
          await evaluate(
            matching,
            { key: need.externalId!, group: need.externalId!, gold: gold.get(need.externalId!)!, need, without: [] },
            true,
          ),
        );
      }
      log(`Dev split evaluated in ${seconds(started)}`);

      // The leave-one-out sets.
      started = Date.now();
      const heldOut = (await heldOutCasesOf(dataSource)).filter((_, i) => i % SAMPLE === 0);
      const evaluated = new Map<string, EvaluatedCase>();
      // A few at a time: most of a case's time is Meilisearch answering, which has its own threads.
      for (let i = 0; i < heldOut.length; i += PARALLEL) {
        const batch = heldOut.slice(i, i + PARALLEL);
        const done = await Promise.all(batch.map((c) => evaluate(matching, questionOf(c, referenceData), true)));
        done.forEach((e) => evaluated.set(e.key, e));
        if (Math.floor((i + PARALLEL) / 500) > Math.floor(i / 500))
          console.error(`  ${i + batch.length} of ${heldOut.length} held-out projects (${seconds(started)})`);
      }
      const water = heldOut.filter((c) => c.water);
      const capped = atMostPerCompany(heldOut, PER_COMPANY);
      const sets: EvaluationSet[] = [
        dev,
        describeSet(`leave-one-out, water projects, at most ${PER_COMPANY} per company`, atMostPerCompany(water, PER_COMPANY), evaluated),
        describeSet(`leave-one-out, all projects, at most ${PER_COMPANY} per company`, capped, evaluated),
        describeSet('leave-one-out, water projects (every one)', water, evaluated),
        describeSet('leave-one-out, all projects (every one)', heldOut, evaluated),
      ];
      log(`Leave-one-out: ${heldOut.length} projects (${water.length} water) evaluated in ${seconds(started)}`);

      // Learned weights, judged out of fold: a case is ranked by weights learned without its linked group's fold.
      started = Date.now();
      const [, waterCapped, allCapped, waterAll] = sets;
      const learned = learner(allCapped.cases);
      log(
        `Weights learned on all held-out projects ≤${PER_COMPANY} (${FOLDS} folds + all) in ${seconds(started)}: ${formatWeights(learned.full)}`,
      );

      const padding = (c: EvaluatedCase) => c.baselines!.popularity;
      const product =
        (weights: Record<FactorKey, number>, transform?: (cs: MeasuredCandidate[], c: EvaluatedCase) => MeasuredCandidate[]) =>
        (c: EvaluatedCase) =>
          padded(
            rankMeasured(transform ? transform(c.candidates, c) : c.candidates, weights).map((s) => s.record.organizationId),
            padding(c),
          );
      const main = product(MAIN_WEIGHTS, (cs, c) => relativeText(searchedOnly(cs, c)));
      const rankers: Array<{ label: string; rank: Ranker }> = [
        ...BASELINES.map((b) => ({ label: BASELINE_LABELS[b], rank: (c: EvaluatedCase) => c.baselines![b] })),
        { label: 'main: Meilisearch candidates, hand-set weights', rank: main },
        { label: 'main + record retrieval', rank: product(MAIN_WEIGHTS) },
        {
          label: `weights learned on all projects ≤${PER_COMPANY} (out of fold), + record retrieval`,
          rank: (c, set) => product(set.cases === dev.cases ? learned.full : learned.folds[foldOf(c.group, FOLDS)])(c),
        },
        {
          // Learning with a prior: halfway between the defaults and what the track records teach (both scaled to sum to 1).
          label: 'halfway between the defaults and the learned weights (out of fold)',
          rank: (c, set) =>
            product(halfway(DEFAULT_WEIGHTS, set.cases === dev.cases ? learned.full : learned.folds[foldOf(c.group, FOLDS)]))(c),
        },
        { label: 'default weights in code, + record retrieval', rank: product(DEFAULT_WEIGHTS) },
      ];
      for (const set of sets) report(set, rankers, parentOf);
      for (const set of [dev, waterCapped, waterAll, allCapped]) calibration(set, () => DEFAULT_WEIGHTS);
      ablation(sets, MAIN_WEIGHTS, parentOf);
      for (const set of sets) report({ ...set, name: `${set.name}, against main` }, rankers.slice(4), parentOf, rankers[4].label);
      acrossRuns(sets, product(DEFAULT_WEIGHTS), parentOf);
    },
    { SEARCH_TIMEOUT_MS: '60000' },
  );
}

function questionOf(c: HeldOutCase, referenceData: ReferenceDataService) {
  return { key: c.key, group: c.group, gold: c.gold, need: needOfCase(c, referenceData), without: c.without };
}

function describeSet(name: string, cases: HeldOutCase[], evaluated: Map<string, EvaluatedCase>): EvaluationSet {
  const groups = new Set(cases.map((c) => c.group)).size;
  return { name: `${name} (${cases.length} projects, ${groups} linked groups)`, cases: cases.map((c) => evaluated.get(c.key)!) };
}

/** Stage 1 as main had it: the candidates of Meilisearch's searches only. */
const searchedOnly = (candidates: MeasuredCandidate[], c: EvaluatedCase) =>
  candidates.filter((m) => c.searched.has(m.record.organizationId));

/** The text factor as main computed it: each candidate's relevance divided by the best candidate's. */
function relativeText(candidates: MeasuredCandidate[]): MeasuredCandidate[] {
  const best = Math.max(0, ...candidates.map((c) => c.measures.values.text));
  return candidates.map((c) => ({
    ...c,
    measures: { ...c.measures, values: { ...c.measures.values, text: best > 0 ? c.measures.values.text / best : 0 } },
  }));
}

/** A ranking completed to 50 with the padding's order (match-batch completes with the largest track records). */
function padded(ranking: string[], padding: string[]): string[] {
  const out = ranking.slice(0, CUT);
  for (const id of padding) if (out.length < CUT && !out.includes(id)) out.push(id);
  return out;
}

const formatWeights = (w: Record<FactorKey, number>) =>
  FACTOR_KEYS.filter((k) => w[k] >= 0.005)
    .map((k) => `${k} ${w[k].toFixed(2)}`)
    .join(', ');
const interval = (e: Estimate, digits = 3) => `${e.value.toFixed(digits)} [${e.low.toFixed(digits)}, ${e.high.toFixed(digits)}]`;
const signed = (e: Estimate) => {
  const s = (x: number) => `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(3)}`;
  return `${s(e.value)} [${s(e.low)}, ${s(e.high)}]`;
};

function report(
  set: EvaluationSet,
  rankers: Array<{ label: string; rank: Ranker }>,
  parentOf: (id: string) => string,
  against: string = BASELINE_LABELS.bm25Country,
): void {
  const groups = set.cases.map((c) => c.group);
  const found = set.cases.map((c) => Number(c.candidates.some((m) => c.gold.has(m.record.organizationId))));
  const size = set.cases.reduce((s, c) => s + c.candidates.length, 0) / Math.max(1, set.cases.length);
  log(`\n## ${set.name}`);
  log(
    `Stage-1 candidate recall (a right answer among the candidates): ${interval(bootstrapMean(found, groups))}; ${size.toFixed(0)} candidates on average`,
  );
  const outcomes = new Map<string, CaseOutcome[]>();
  for (const r of rankers)
    outcomes.set(
      r.label,
      set.cases.map((c) => outcomeOf(r.rank(c, set), c.gold, parentOf)),
    );
  log(`\n| ranking | ${METRICS.map((m) => m.label).join(' | ')} |`);
  log(`|---|${METRICS.map(() => '---').join('|')}|`);
  for (const r of rankers)
    log(`| ${r.label} | ${METRICS.map((m) => interval(metricOf(outcomes.get(r.label)!, m.key, groups))).join(' | ')} |`);
  const reference = outcomes.get(against)!;
  log(`\nPaired difference from ${against} (same cases; 95% interval; needs better / worse / tied by reciprocal rank):`);
  log(`\n| ranking | ΔR@10 | ΔMRR | Δparent R@10 | better / worse / tied |`);
  log('|---|---|---|---|---|');
  for (const r of rankers) {
    if (r.label === against) continue;
    const o = outcomes.get(r.label)!;
    const h = headToHead(o, reference);
    log(
      `| ${r.label} | ${signed(pairedDifference(o, reference, 'r10', groups))} | ${signed(pairedDifference(o, reference, 'mrr', groups))} | ${signed(pairedDifference(o, reference, 'parentR10', groups))} | ${h.better} / ${h.worse} / ${h.tied} |`,
    );
  }
}

/**
 * Whether a score means the same across needs: per band of the first candidate's score (and of its text factor), how
 * often that first candidate is right, and how often a right answer is in the first ten.
 */
function calibration(set: EvaluationSet, weightsOf: (c: EvaluatedCase) => Record<FactorKey, number>): void {
  const bands = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01];
  const rows = (what: string, valueOf: (top: ReturnType<typeof rankMeasured>[number]) => number) => {
    log(`\n| first candidate's ${what} | needs | first is right | a right one in the first ten |`);
    log('|---|---|---|---|');
    const tops = set.cases.map((c) => {
      const ranked = rankMeasured(c.candidates, weightsOf(c));
      return { c, value: ranked.length ? valueOf(ranked[0]) : 0, ranked };
    });
    for (let b = 0; b + 1 < bands.length; b++) {
      const inBand = tops.filter((t) => t.value >= bands[b] && t.value < bands[b + 1]);
      if (inBand.length === 0) continue;
      const first = inBand.filter((t) => t.c.gold.has(t.ranked[0].record.organizationId)).length;
      const ten = inBand.filter((t) => t.ranked.slice(0, 10).some((m) => t.c.gold.has(m.record.organizationId))).length;
      const range = `${bands[b].toFixed(1)}–${Math.min(1, bands[b + 1]).toFixed(1)}`;
      log(`| ${range} | ${inBand.length} | ${(first / inBand.length).toFixed(2)} | ${(ten / inBand.length).toFixed(2)} |`);
    }
  };
  log(`\n### Calibration, ${set.name}, default weights in code`);
  rows('score', (top) => top.score);
  rows("field's best coverage of the need's words", (top) => top.measures.fieldCoverage);
}

interface Learner {
  folds: Array<Record<FactorKey, number>>;
  full: Record<FactorKey, number>;
}

/** Weights learned on a pool of cases: one set per fold (for out-of-fold ranking) and one on the whole pool. */
function learner(pool: EvaluatedCase[], factors?: readonly FactorKey[]): Learner {
  return { folds: foldWeights(pool, factors), full: fitWeights(trainingLists(pool), { factors }) };
}

/**
 * What each factor adds to the hand-set weights: the paired MRR difference between ranking with them and ranking with
 * the factor's weight set to 0 (the others rescaled). Kept: a gain whose interval is above zero on a capped
 * leave-one-out set, and the dev split not falling beyond its interval (issue 15's rule).
 */
function ablation(sets: EvaluationSet[], weights: Record<FactorKey, number>, parentOf: (id: string) => string): void {
  const outcomes = (w: Record<FactorKey, number>, set: EvaluationSet) =>
    set.cases.map((c) =>
      outcomeOf(
        padded(
          rankMeasured(c.candidates, w).map((m) => m.record.organizationId),
          c.baselines!.popularity,
        ),
        c.gold,
        parentOf,
      ),
    );
  const base = sets.map((set) => outcomes(weights, set));
  log('\n## What each factor adds (MRR with it − without it, hand-set weights, + record retrieval)');
  log(`\n| factor | ${sets.map((s) => s.name.replace(/ \(.*$/, '')).join(' | ')} |`);
  log(`|---|${sets.map(() => '---').join('|')}|`);
  for (const factor of FACTOR_KEYS.filter((k) => k !== 'text' && weights[k] > 0)) {
    const without = { ...weights, [factor]: 0 };
    const gains = sets.map((set, i) =>
      pairedDifference(
        base[i],
        outcomes(without, set),
        'mrr',
        set.cases.map((c) => c.group),
      ),
    );
    // Its removal loses somewhere (an interval above zero): the factor stays. Loses nowhere: it leaves the default scoring.
    const stays = gains.some((g) => g.low > MEANINGFUL);
    log(`| ${factor}${stays ? '' : ' (removal loses nowhere)'} | ${gains.map(signed).join(' | ')} |`);
  }
}

/**
 * A change the same run cannot hold both sides of (an index setting, the candidates' source) is judged across two
 * runs on the same questions: QUALITY_SAVE=file keeps this run's per-question outcomes of the default ranking;
 * QUALITY_PAIR_WITH=file pairs this run's with a saved run's (this − saved), question by question. The questions
 * are rebuilt from the same data in the same order, which the keys check.
 */
function acrossRuns(sets: EvaluationSet[], rank: (c: EvaluatedCase) => string[], parentOf: (id: string) => string): void {
  type Saved = Record<string, { keys: string[]; groups: string[]; outcomes: CaseOutcome[] }>;
  const now: Saved = Object.fromEntries(
    sets.map((set) => [
      set.name,
      {
        keys: set.cases.map((c) => c.key),
        groups: set.cases.map((c) => c.group),
        outcomes: set.cases.map((c) => outcomeOf(rank(c), c.gold, parentOf)),
      },
    ]),
  );
  if (process.env.QUALITY_SAVE) writeFileSync(process.env.QUALITY_SAVE, JSON.stringify(now));
  if (!process.env.QUALITY_PAIR_WITH) return;
  const saved = JSON.parse(readFileSync(process.env.QUALITY_PAIR_WITH, 'utf8')) as Saved;
  log(`\n## This run − ${process.env.QUALITY_PAIR_WITH} (default weights, same questions, paired; 95% interval)`);
  log('\n| set | ΔR@10 | ΔMRR | Δparent R@10 | better / worse / tied |');
  log('|---|---|---|---|---|');
  for (const [name, run] of Object.entries(now)) {
    const before = saved[name];
    if (!before || before.keys.join() !== run.keys.join()) {
      log(`| ${name} | not the same questions in both runs | | | |`);
      continue;
    }
    const h = headToHead(run.outcomes, before.outcomes);
    const delta = (metric: MetricKey) => signed(pairedDifference(run.outcomes, before.outcomes, metric, run.groups));
    log(`| ${name} | ${delta('r10')} | ${delta('mrr')} | ${delta('parentR10')} | ${h.better} / ${h.worse} / ${h.tied} |`);
  }
}

/** The mean of two weight sets, each scaled to sum to 1 first. */
function halfway(a: Record<FactorKey, number>, b: Record<FactorKey, number>): Record<FactorKey, number> {
  const sum = (w: Record<FactorKey, number>) => FACTOR_KEYS.reduce((s, k) => s + w[k], 0);
  const [ta, tb] = [sum(a), sum(b)];
  return Object.fromEntries(FACTOR_KEYS.map((k) => [k, a[k] / ta / 2 + b[k] / tb / 2])) as Record<FactorKey, number>;
}

/** A gain smaller than this is rounding, not a gain. */
const MEANINGFUL = 0.0005;

void main();
