import { Language } from '../access/actor';
import { CitationFacts, EXPLANATION_TEXTS, ExplainedFacts, hasReason, STRONG_FIELD_SHARE } from './explanation-texts';
import { FACTOR_KEYS, FactorKey } from './match-factors';
import { saturate } from './text-terms';
import { ProjectFacts, TrackRecord } from './track-record-index.service';

/** What the scorer needs to know of a need. */
export interface NeedProfile {
  countryCode: string;
  countryName: string;
  countryNameZh: string;
  region: string;
  /** Year the need dates from (its publication), for recency. */
  year: number;
  sectorCode: string;
  technologyCategories: string[];
  cooperationModes: string[];
  budgetMax: number | null;
  currency: string | null;
  financier: string | null;
  financingInstrument: string | null;
}

export interface ScoredFactor {
  key: FactorKey;
  label: string;
  value: number;
  weight: number;
  contribution: number;
  detail: string;
}

export interface Evidence {
  project: ProjectFacts;
  similarity: number;
  reasons: string[];
}

export interface PairScore {
  score: number;
  factors: ScoredFactor[];
  /** Share of the track record in trades that build works; every contribution is multiplied by it. */
  tradeFit: { value: number; detail: string };
  /** How much of the need's words the best candidate covers, as a scale on every contribution (1 for a strong field). */
  fieldStrength: { value: number; detail: string };
}

export interface PairSignals {
  /** Track-record relevance to the need's words, already scaled to 0–1 across the candidates. */
  text: number;
  /** How much of the need's words this track record covers, on a scale of its own (Built.coverageOf). */
  coverage: number;
  /** The best coverage among the need's candidates: how strong the field is. */
  fieldCoverage: number;
  /** Its projects the need's searches found: how many, and how closely the best one matched (0–1). */
  similar: { count: number; best: number } | undefined;
  largestRecord: number;
  /** Projects the other members of its group have in the need's country. */
  groupInCountry: number;
}

/** Code-point order for tie-breaks: the same on every machine, unlike a locale's collation. */
export const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const round = (x: number) => Math.round(x * 10_000) / 10_000;
/** e^(−gap/5): a project five years away counts about a third as much as one in the same year. */
const closeness = (gap: number) => Math.exp(-gap / 5);
/**
 * A field whose best track record covers this share of the need's words (Built.coverageOf) or more keeps its scores;
 * below, every score of the field shrinks towards a quarter of itself (no word covered). About the dev split's median best coverage (docs/MATCHING.md).
 */
const STRONG_FIELD = STRONG_FIELD_SHARE;
/**
 * What a field covering none of the need's words keeps of its scores: declared capabilities, countries and years still
 * say something (a newcomer without a track record is found by its capabilities alone), but little.
 */
const WEAKEST_FIELD = 0.25;
/** How many years either side of a need count as "around its date" in the country. */
const ACTIVITY_YEARS = 3;
/** The share of a track record in works from which an enterprise counts as a builder (see OTHER_TRADES). */
const BUILDER_SHARE = 0.5;

/** What one pass over a track record finds for a need: the factor values, and the facts an explanation quotes. */
export interface PairMeasures extends ExplainedFacts {
  tradeFit: number;
  fieldStrength: number;
}

/**
 * Measures one (need, enterprise) pair: each factor a value in 0–1, from the record's summary (a few lookups, not a
 * pass over its projects). Cheap enough for every candidate; the wording of an explanation is left to
 * {@link explain}, for the pairs shown.
 */
export function measure(need: NeedProfile, record: TrackRecord, signals: PairSignals): PairMeasures {
  const { summary } = record;
  const needCategories = need.technologyCategories;
  const country = summary.countries.get(need.countryCode);
  const inCountry = country?.count ?? 0;
  const countryGap = country ? nearestGap(country.years, need.year) : Infinity;
  const inRegion = (summary.regions.get(need.region) ?? 0) - (country?.region === need.region ? inCountry : 0);
  const nearest = nearestGap(summary.years, need.year);
  let inSector = 0;
  for (const kind of summary.kinds) {
    if (kind.sectorCode === need.sectorCode || kind.categories.some((c) => needCategories.includes(c))) inSector += kind.count;
  }
  let comparable = 0;
  const budget = need.budgetMax && need.currency ? need.budgetMax : null;
  if (budget !== null) {
    for (const p of summary.valued) if (p.currency === need.currency && p.value >= budget / 5 && p.value <= budget * 5) comparable++;
  }
  const projects = record.projects.length;
  const nearInTime = country ? country.years.filter((y) => Math.abs(y - need.year) <= ACTIVITY_YEARS).length : 0;
  const sameFinancier = country && need.financier ? country.financed.filter((f) => f.financier === need.financier).length : 0;
  const sameInstrument = need.financingInstrument ? (summary.instruments.get(need.financingInstrument) ?? 0) : 0;
  const offered = need.cooperationModes.filter((m) => record.cooperationModes.has(m));
  const declared = needCategories.filter((c) => record.declaredCategories.has(c));
  return {
    // A builder (at least half of the record builds works) keeps its whole score; below that, the score shrinks with
    // the share. Smoothed like sectorFit; an enterprise without projects has shown no other trade.
    tradeFit: Math.min(1, (projects - summary.otherTrades + 1) / (projects + 1) / BUILDER_SHARE),
    fieldStrength: WEAKEST_FIELD + (1 - WEAKEST_FIELD) * Math.min(1, signals.fieldCoverage / STRONG_FIELD),
    coverage: signals.coverage,
    fieldCoverage: signals.fieldCoverage,
    otherTrades: summary.otherTrades,
    values: {
      text: signals.text,
      similarProjects: signals.similar?.best ?? 0,
      countryExperience: saturate(inCountry, 1),
      countryRecency: Number.isFinite(countryGap) ? closeness(countryGap) : 0,
      regionExperience: saturate(inRegion, 2),
      sectorFit: projects ? inSector / (projects + 1) : 0,
      capabilityFit: needCategories.length ? declared.length / needCategories.length : 0,
      cooperationFit: need.cooperationModes.length ? offered.length / need.cooperationModes.length : 0,
      budgetFit: saturate(comparable, 1),
      recency: Number.isFinite(nearest) ? closeness(nearest) : 0,
      trackRecord: signals.largestRecord ? Math.log1p(projects) / Math.log1p(signals.largestRecord) : 0,
      countryActivity: saturate(nearInTime, 1),
      groupInCountry: saturate(signals.groupInCountry, 2),
      financierInCountry: saturate(sameFinancier, 1),
      instrumentFit: need.financingInstrument ? sameInstrument / (projects + 1) : 0,
    },
    nearInTime,
    groupInCountry: signals.groupInCountry,
    sameFinancier,
    sameInstrument,
    projects,
    inCountry,
    latestInCountry: country?.years.at(-1) ?? 0,
    inRegion,
    inSector,
    offered,
    declared,
    comparable,
    similar: signals.similar?.count ?? 0,
    nearestGap: nearest,
  };
}

/** Years between `year` and the closest of `years` (ascending); Infinity when there are none. */
function nearestGap(years: number[], year: number): number {
  let lo = 0;
  let hi = years.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (years[mid] < year) lo = mid + 1;
    else hi = mid;
  }
  return Math.min(lo < years.length ? years[lo] - year : Infinity, lo > 0 ? year - years[lo - 1] : Infinity);
}

/**
 * What a factor adds to the score: value × weight × trade fit, the value and the trade fit rounded to 4 decimals first
 * and the product too, so the explanation's contributions add up exactly to the score.
 */
const contributionOf = (value: number, weight: number, m: Pick<PairMeasures, 'tradeFit' | 'fieldStrength'>) =>
  round(round(value) * weight * round(m.tradeFit) * round(m.fieldStrength));

/** The score of a measured pair: the sum of its contributions. */
export function scoreOf(m: Pick<PairMeasures, 'values' | 'tradeFit' | 'fieldStrength'>, weights: Record<FactorKey, number>): number {
  let sum = 0;
  for (const key of FACTOR_KEYS) sum += contributionOf(m.values[key], weights[key], m);
  return round(sum);
}

/** The explanation of a measured pair, in `language`: every factor with its value, weight, contribution and the facts behind it. */
export function explain(need: NeedProfile, m: PairMeasures, weights: Record<FactorKey, number>, language = Language.EN): PairScore {
  const texts = EXPLANATION_TEXTS[language];
  const details = texts.details(need, m);
  const factors = FACTOR_KEYS.map((key) => ({
    key,
    label: texts.labels[key],
    value: round(m.values[key]),
    weight: round(weights[key]),
    contribution: contributionOf(m.values[key], weights[key], m),
    detail: details[key],
  })).sort((a, b) => b.contribution - a.contribution || a.key.localeCompare(b.key));
  return {
    score: scoreOf(m, weights),
    factors,
    tradeFit: { value: round(m.tradeFit), detail: texts.tradeFit(m) },
    fieldStrength: { value: round(m.fieldStrength), detail: texts.fieldStrength(m) },
  };
}

/** Measures and explains one pair. */
export function scorePair(need: NeedProfile, record: TrackRecord, signals: PairSignals, weights: Record<FactorKey, number>): PairScore {
  return explain(need, measure(need, record, signals), weights);
}

/**
 * The reference projects that support a pair, most similar first (computed for the candidates shown only). Every
 * project's facts are gathered, but only the `limit` cited are put into words.
 */
export function citeEvidence(
  need: NeedProfile,
  record: TrackRecord,
  projectSimilarity: Map<string, number>,
  limit = 3,
  language = Language.EN,
): Evidence[] {
  const needCategories = new Set(need.technologyCategories);
  const citable: Array<{ project: ProjectFacts; similarity: number; facts: CitationFacts }> = [];
  for (const project of record.projects) {
    const text = projectSimilarity.get(project.id) ?? 0;
    const sameCountry = project.countryCode === need.countryCode;
    const sameSector = project.technologyCategories.some((c) => needCategories.has(c)) || project.sectorCode === need.sectorCode;
    const facts: CitationFacts = {
      sameCountry,
      sameRegion: project.region === need.region,
      similarWork: text,
      sameSector,
      recentYear: project.year !== null && Math.abs(project.year - need.year) <= 3 ? project.year : null,
    };
    if (hasReason(facts))
      citable.push({ project, similarity: round(0.5 * text + 0.3 * Number(sameCountry) + 0.2 * Number(sameSector)), facts });
  }
  const texts = EXPLANATION_TEXTS[language];
  return firstBy(
    citable,
    limit,
    (a, b) =>
      b.similarity - a.similarity ||
      (b.project.year ?? 0) - (a.project.year ?? 0) ||
      byText(a.project.title, b.project.title) ||
      byText(a.project.id, b.project.id),
  ).map(({ project, similarity, facts }) => ({ project, similarity, reasons: texts.citation(need, facts) }));
}

/**
 * The first `limit` items in `compare` order, in that order: what sorting them all and keeping the first `limit` gives,
 * when `compare` orders every two distinct items (no ties), without sorting them all (a few of hundreds of projects).
 */
export function firstBy<T>(items: readonly T[], limit: number, compare: (a: T, b: T) => number): T[] {
  const first: T[] = [];
  for (const item of items) {
    if (first.length === limit && (limit === 0 || compare(item, first[limit - 1]) >= 0)) continue;
    let at = first.length === limit ? limit - 1 : first.length;
    while (at > 0 && compare(item, first[at - 1]) < 0) {
      first[at] = first[at - 1];
      at--;
    }
    first[at] = item;
  }
  return first;
}

/** A candidate measured on every factor, before any weights. */
export interface MeasuredCandidate {
  record: TrackRecord;
  measures: PairMeasures;
}

/**
 * Candidates scored with `weights`, best first — ties break on track-record size, then English name, then id, in
 * code-point order, so the same data rank the same on every machine — and spread over groups.
 */
export function rankMeasured<T extends MeasuredCandidate>(
  candidates: T[],
  weights: Record<FactorKey, number>,
): Array<T & { score: number }> {
  const scored = candidates.map((c) => ({ ...c, score: scoreOf(c.measures, weights) }));
  scored.sort(
    (a, b) =>
      b.score - a.score ||
      b.record.projects.length - a.record.projects.length ||
      byText(a.record.name, b.record.name) ||
      byText(a.record.organizationId, b.record.organizationId),
  );
  return spreadGroups(scored, ({ record }) => record.parentGroup);
}

/** How many places a group's second and later members come after where their scores alone would put them. */
export const SAME_GROUP_SPACING = 3;

/**
 * Spreads a ranking over enterprise groups. Subsidiaries of one group (Sinohydro and POWERCHINA, CMEC and CAMCE…)
 * settle among themselves which of them bids, so a shortlist showing one group three times tells a coordinator less
 * than one showing three groups. Each further member of a group already listed moves `spacing` places down; the
 * order is otherwise kept, and scores are not touched.
 */
export function spreadGroups<T>(ranked: T[], groupOf: (item: T) => string | null, spacing = SAME_GROUP_SPACING): T[] {
  const listed = new Set<string>();
  return ranked
    .map((item, i) => {
      const group = groupOf(item);
      const further = group !== null && listed.has(group);
      if (group !== null) listed.add(group);
      return { item, at: further ? i + spacing + 0.5 : i };
    })
    .sort((a, b) => a.at - b.at)
    .map(({ item }) => item);
}

/** One line a coordinator can read at a glance, in `language` (that of `result`). */
export function summarise(rank: number, total: number, result: PairScore, note?: string, language = Language.EN): string {
  const top = result.factors.filter((f) => f.contribution > 0).slice(0, 2);
  const scales = [result.tradeFit, result.fieldStrength].filter((scale) => scale.value < 1);
  return EXPLANATION_TEXTS[language].summary(
    rank,
    total,
    result.score,
    top.map((f) => [f.label, f.detail]),
    scales,
    note,
  );
}
