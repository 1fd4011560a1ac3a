import { FACTOR_KEYS, FACTORS, FactorKey } from './match-factors';
import { saturate } from './text-terms';
import { ProjectFacts, TrackRecord } from './track-record.index';

/** What the scorer needs to know of a need. */
export interface NeedProfile {
  countryCode: string;
  countryName: string;
  region: string;
  /** Year the need dates from (its publication), for recency. */
  year: number;
  sectorCode: string;
  technologyCategories: string[];
  cooperationModes: string[];
  budgetMax: number | null;
  currency: string | null;
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
}

export interface PairSignals {
  /** Track-record relevance to the need's words, already scaled to 0–1 across the candidates. */
  text: number;
  /** Per project: how closely it matched the need's searches (0–1). */
  projectSimilarity: Map<string, number>;
  largestRecord: number;
}

const round = (x: number) => Math.round(x * 10_000) / 10_000;
/** e^(−gap/5): a project five years away counts about a third as much as one in the same year. */
const closeness = (gap: number) => Math.exp(-gap / 5);

/**
 * Scores one (need, enterprise) pair: each factor a value in 0–1, times its weight. Contributions are rounded first
 * and the score is their sum, so what a coordinator reads adds up exactly.
 */
export function scorePair(need: NeedProfile, record: TrackRecord, signals: PairSignals, weights: Record<FactorKey, number>): PairScore {
  const projects = record.projects;
  const inCountry = projects.filter((p) => p.countryCode === need.countryCode);
  const inRegion = projects.filter((p) => p.region === need.region && p.countryCode !== need.countryCode);
  const needCategories = new Set(need.technologyCategories);
  const inSector = projects.filter((p) => p.sectorCode === need.sectorCode || p.technologyCategories.some((c) => needCategories.has(c)));
  const gap = (ps: ProjectFacts[]) => Math.min(...ps.filter((p) => p.year !== null).map((p) => Math.abs((p.year as number) - need.year)));
  const countryGap = gap(inCountry);
  const anyGap = gap(projects);
  const wanted = need.cooperationModes;
  const offered = wanted.filter((m) => record.cooperationModes.has(m));
  const comparable = need.budgetMax && need.currency ? projects.filter((p) => p.value !== null && p.currency === need.currency && p.value >= need.budgetMax! / 5 && p.value <= need.budgetMax! * 5) : [];
  const similar = projects.map((p) => signals.projectSimilarity.get(p.id)).filter((s): s is number => s !== undefined);
  const bestSimilarity = similar.reduce((max, s) => Math.max(max, s), 0);
  const latest = (ps: ProjectFacts[]) => Math.max(...ps.map((p) => p.year ?? 0));

  const values: Record<FactorKey, { value: number; detail: string }> = {
    text: { value: signals.text, detail: `${Math.round(signals.text * 100)}% of the best track-record match among the candidates` },
    similarProjects: { value: bestSimilarity, detail: similar.length ? `${similar.length} project${similar.length > 1 ? 's' : ''} found by the need's searches` : 'no project found by the need’s searches' },
    countryExperience: { value: saturate(inCountry.length, 1), detail: inCountry.length ? `${inCountry.length} project${inCountry.length > 1 ? 's' : ''} in ${need.countryName}` : `no project in ${need.countryName}` },
    countryRecency: {
      value: Number.isFinite(countryGap) ? closeness(countryGap) : 0,
      detail: Number.isFinite(countryGap) ? `latest in ${need.countryName}: ${latest(inCountry) || 'year unknown'}` : `no dated project in ${need.countryName}`,
    },
    regionExperience: { value: saturate(inRegion.length, 2), detail: `${inRegion.length} project${inRegion.length === 1 ? '' : 's'} elsewhere in ${need.region}` },
    sectorFit: { value: projects.length ? inSector.length / (projects.length + 1) : 0, detail: `${inSector.length} of ${projects.length} projects in the need's sector or technologies` },
    cooperationFit: {
      value: wanted.length ? offered.length / wanted.length : 0,
      detail: wanted.length ? `offers ${offered.length} of ${wanted.length} wanted modes${offered.length ? ` (${offered.join(', ')})` : ''}` : 'the need names no cooperation mode',
    },
    budgetFit: { value: saturate(comparable.length, 1), detail: need.budgetMax ? `${comparable.length} project${comparable.length === 1 ? '' : 's'} of comparable value` : 'the need gives no budget' },
    recency: { value: Number.isFinite(anyGap) ? closeness(anyGap) : 0, detail: Number.isFinite(anyGap) ? `nearest project ${anyGap} year${anyGap === 1 ? '' : 's'} from the need` : 'no dated project' },
    trackRecord: { value: signals.largestRecord ? Math.log1p(projects.length) / Math.log1p(signals.largestRecord) : 0, detail: `${projects.length} reference project${projects.length === 1 ? '' : 's'}` },
  };

  const factors = FACTOR_KEYS.map((key) => {
    const value = round(values[key].value);
    return { key, label: FACTORS[key], value, weight: round(weights[key]), contribution: round(value * weights[key]), detail: values[key].detail };
  }).sort((a, b) => b.contribution - a.contribution || a.key.localeCompare(b.key));
  const score = round(factors.reduce((sum, f) => sum + f.contribution, 0));

  return { score, factors };
}

/** The reference projects that support a pair, most similar first (computed for the candidates shown only). */
export function citeEvidence(need: NeedProfile, record: TrackRecord, projectSimilarity: Map<string, number>, limit = 3): Evidence[] {
  const needCategories = new Set(need.technologyCategories);
  return record.projects
    .map((project) => {
      const text = projectSimilarity.get(project.id) ?? 0;
      const reasons: string[] = [];
      if (project.countryCode === need.countryCode) reasons.push(`same country (${need.countryName})`);
      else if (project.region === need.region) reasons.push(`same region (${need.region})`);
      if (text > 0) reasons.push(`similar work (match ${Math.round(text * 100)}%)`);
      if (project.technologyCategories.some((c) => needCategories.has(c)) || project.sectorCode === need.sectorCode) reasons.push('same sector or technology');
      if (project.year !== null && Math.abs(project.year - need.year) <= 3) reasons.push(`recent (${project.year})`);
      const similarity = round(0.5 * text + 0.3 * Number(project.countryCode === need.countryCode) + 0.2 * Number(reasons.includes('same sector or technology')));
      return { project, similarity, reasons };
    })
    .filter((e) => e.reasons.length > 0)
    .sort((a, b) => b.similarity - a.similarity || (b.project.year ?? 0) - (a.project.year ?? 0) || a.project.id.localeCompare(b.project.id))
    .slice(0, limit);
}

/** One line a coordinator can read at a glance. */
export function summarise(rank: number, total: number, result: PairScore): string {
  const top = result.factors.filter((f) => f.contribution > 0).slice(0, 2);
  const reasons = top.map((f) => `${f.label.toLowerCase()} (${f.detail})`).join('; ');
  return `Ranked ${rank} of ${total} with ${result.score.toFixed(3)}${reasons ? `: ${reasons}` : ''}.`;
}
