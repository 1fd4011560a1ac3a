import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { MetricsService } from '../observability/metrics.service';
import { DomainError } from '../common/domain-error';
import { NeedEntity } from '../needs/need.entity';
import { NeedStatus } from '../needs/need-status';
import { ReferenceDataService } from '../reference-data/reference-data.service';
import { allOf, equals, oneOf } from '../common/search-filters';
import { SearchIndex } from '../search/search-indexes';
import { SearchRepository } from '../search/search.repository';
import { MatchingWeightsService } from './weights/matching-weights.service';
import { Language } from '../access/actor';
import { EXPLANATION_TEXTS, WeakField } from './explanation-texts';
import {
  byText,
  citeEvidence,
  Evidence,
  explain,
  measure,
  NeedProfile,
  MeasuredCandidate,
  PairScore,
  rankMeasured,
  scoreOf,
  summarise,
} from './match-scoring';
import { distinctiveTerms, terms, workWords } from './text-terms';
import { Built, TrackRecord, TrackRecordIndexService } from './track-record-index.service';

/** How many projects each text search brings back (stage 1), how many a country listing does, and how many profiles. */
const TEXT_LIMIT = 100;
const COUNTRY_LIMIT = 500;
const PROFILE_LIMIT = 50;
/** Stage 1 also takes the enterprises whose whole track records best match the need's 20 most distinctive words. */
const RECORD_LIMIT = Number(process.env.MATCH_RECORD_LIMIT ?? 100);
const RECORD_WORDS = 20;

export interface StageOneQuery {
  /** Reference projects (their owners are the candidates), or enterprise profiles (for what they declare). */
  index: SearchIndex.ReferenceProjects | SearchIndex.Enterprises;
  q: string;
  filter: string | undefined;
  limit: number;
  /** Whether its hits' relevance counts as project similarity (not for the plain country listing). */
  scored: boolean;
  sort?: string[];
}

/** The request Meilisearch receives for a stage-1 query. */
export const toMeilisearch = ({ index, q, filter, limit, sort }: StageOneQuery) => ({
  index,
  q,
  filter,
  limit,
  sort,
  attributesToRetrieve: ['id', 'organizationId'],
  showRankingScore: true,
});

type StageOneHit = { id: string; organizationId?: string; _rankingScore?: number };

/**
 * What stage 1 found: the candidate enterprises (owners of project hits, and enterprises found by their profile), how
 * similar each hit project is to the need (each text search's scores scaled by its best hit, so searches of different
 * lengths weigh alike), and per enterprise how many of its projects were hit and how closely the best matched.
 */
function readStageOne(queries: StageOneQuery[], results: Array<{ hits: StageOneHit[] }>) {
  const projectSimilarity = new Map<string, number>();
  const ownerOf = new Map<string, string>();
  const candidates = new Set<string>();
  results.forEach((result, i) => {
    const top = result.hits[0]?._rankingScore ?? 1;
    const profiles = queries[i].index === SearchIndex.Enterprises;
    for (const hit of result.hits) {
      candidates.add(profiles ? hit.id : hit.organizationId!);
      if (!queries[i].scored) continue;
      projectSimilarity.set(hit.id, Math.max(projectSimilarity.get(hit.id) ?? 0, (hit._rankingScore ?? 0) / (top || 1)));
      ownerOf.set(hit.id, hit.organizationId!);
    }
  });
  const similarByOwner = new Map<string, { count: number; best: number }>();
  for (const [projectId, similarity] of projectSimilarity) {
    const owner = ownerOf.get(projectId)!;
    const similar = similarByOwner.get(owner) ?? { count: 0, best: 0 };
    similarByOwner.set(owner, { count: similar.count + 1, best: Math.max(similar.best, similarity) });
  }
  return { candidates, projectSimilarity, similarByOwner };
}

/** Below this, the best track record covers too little of a need's words to call the field one of its kind. */
const WEAK_TEXT = 0.1;

/**
 * A field where no candidate has done the kind of work the need asks for: none has a reference project in its sector or
 * technologies (when it names any), or none covers even a tenth of its words. Null when the field is not weak.
 */
function weakField(field: CandidateField): WeakField | null {
  if (field.candidates.length === 0) return null;
  const named = field.profile.technologyCategories.length > 0 || field.profile.sectorCode !== null;
  const anyOfItsKind = !named || field.candidates.some((c) => c.measures.inSector > 0);
  const bestText = Math.max(...field.candidates.map((c) => c.measures.coverage));
  return anyOfItsKind && bestText >= WEAK_TEXT ? null : { anyOfItsKind, bestText };
}

/** Projects the other members of an enterprise's group have in a country. */
const groupInCountry = (index: Built, record: TrackRecord, countryCode: string) =>
  record.parentGroup === null
    ? 0
    : index.groupProjectsIn(record.parentGroup, countryCode) - (record.summary.countries.get(countryCode)?.count ?? 0);

export interface RankedEnterprise {
  organizationId: string;
  rank: number;
  /** The version of the learned weights that ranked it; null for the defaults in code or MATCH_WEIGHTS. */
  weightsVersion: number | null;
  /** Said of every candidate when no candidate has done this kind of work; null otherwise. */
  caveat: string | null;
  result: PairScore;
  evidence: Evidence[];
  summary: string;
}

/** One need and one enterprise, scored and explained (`scorePairs`). */
export interface RankedPair {
  need: NeedEntity;
  organizationId: string;
  result: PairScore;
  evidence: Evidence[];
  summary: string;
}

/** A need's candidates after stage 1, each measured on every factor (unweighted), with what explanations cite. */
export interface CandidateField {
  index: Built;
  profile: NeedProfile;
  candidates: MeasuredCandidate[];
  projectSimilarity: Map<string, number>;
  /** The candidates Meilisearch's searches found (the others come from the track-record index's own retrieval). */
  searched: Set<string>;
}

export interface RankedNeed {
  need: NeedEntity;
  rank: number;
  result: PairScore;
  evidence: Evidence[];
  summary: string;
}

/**
 * Explainable matching in two stages. Stage 1 asks Meilisearch for reference projects like the need (its most
 * distinctive words — a query reads only 10 — by title, by full text, within the country, plus the country's
 * projects), which yields the candidate enterprises. Stage 2 scores each candidate on the factors of match-factors.ts
 * from its whole track record (TrackRecordIndexService), with the configured weights. The GraphQL API, the CLI and the
 * benchmark all call this class.
 */
@Injectable()
export class MatchingService {
  constructor(
    private readonly search: SearchRepository,
    private readonly trackRecords: TrackRecordIndexService,
    private readonly referenceData: ReferenceDataService,
    @InjectRepository(NeedEntity) private readonly needs: Repository<NeedEntity>,
    private readonly weights: MatchingWeightsService,
    private readonly metrics: MetricsService,
  ) {}

  /**
   * Stage 1 as Meilisearch sees it: the multi-search on reference projects a need turns into (also used by the
   * benchmark to time the raw searches).
   */
  candidateSearches(need: NeedEntity, index: Built, words = workWords(need)): Array<StageOneQuery> {
    const byTitle = distinctiveTerms(terms(need.title), index.projectFrequency, index.projectCount);
    const byText = distinctiveTerms(words, index.projectFrequency, index.projectCount);
    const countryWords = new Set(terms(this.referenceData.country(need.countryCode).nameEn));
    const verified = 'verified = true';
    const inCountry = allOf(verified, equals('countryCode', need.countryCode));
    const projects = SearchIndex.ReferenceProjects;
    const queries: StageOneQuery[] = [
      { index: projects, q: byTitle.join(' '), filter: verified, limit: TEXT_LIMIT, scored: true },
      { index: projects, q: byText.join(' '), filter: verified, limit: TEXT_LIMIT, scored: true },
      { index: projects, q: byText.filter((t) => !countryWords.has(t)).join(' '), filter: inCountry, limit: TEXT_LIMIT, scored: true },
      { index: projects, q: '', filter: inCountry, limit: COUNTRY_LIMIT, scored: false, sort: ['year:desc'] },
    ];
    // Enterprises declaring the need's technologies, newcomers first: those with a track record are found by their projects.
    if (need.technologyCategories.length > 0) {
      const declaring = allOf(verified, oneOf('declaredCategories', need.technologyCategories));
      queries.push({
        index: SearchIndex.Enterprises,
        q: '',
        filter: declaring,
        limit: PROFILE_LIMIT,
        scored: false,
        sort: ['projectCount:asc'],
      });
    }
    return queries.filter((query) => !query.scored || query.q !== '');
  }

  /**
   * Enterprises ranked for a need, best first (ties break on track-record size, then name, then id), spread over
   * groups: a group's further members come a few places later. Explanations in `language`.
   */
  async rankEnterprises(need: NeedEntity, first: number, language = Language.EN): Promise<RankedEnterprise[]> {
    return this.metrics.timeMatch('candidates', async () => {
      const ranking = await this.scoreCandidates(need);
      return ranking.list.slice(0, first).map((_, i) => ranking.explainAt(i, language));
    });
  }

  /**
   * One enterprise's score, rank and explanation for a need — also when stage 1 did not retrieve it (an enterprise
   * that expresses interest); null when it has no verified profile to score.
   */
  async rankEnterprise(need: NeedEntity, organizationId: string): Promise<RankedEnterprise | null> {
    const ranking = await this.scoreCandidates(need, organizationId);
    const i = ranking.list.findIndex((s) => s.record.organizationId === organizationId);
    return i < 0 ? null : ranking.explainAt(i);
  }

  /** Stage 1 and 2 for a need: every candidate scored, sorted and spread over groups; explanations on demand. */
  private async scoreCandidates(need: NeedEntity, include?: string) {
    const [field, { version, weights }] = await Promise.all([
      this.measureCandidates(need, { include: include ? [include] : [] }),
      this.weights.current(),
    ]);
    const list = rankMeasured(field.candidates, weights);
    const weak = weakField(field);
    const explainAt = (i: number, language = Language.EN): RankedEnterprise => {
      const { record, measures } = list[i];
      const result = explain(field.profile, measures, weights, language);
      const lead = list.slice(0, i).find((s) => record.parentGroup !== null && s.record.parentGroup === record.parentGroup);
      const note = lead && record.parentGroup ? EXPLANATION_TEXTS[language].groupNote(lead.record.name, record.parentGroup) : undefined;
      const caveat = weak ? EXPLANATION_TEXTS[language].weakField(weak) : null;
      return {
        organizationId: record.organizationId,
        rank: i + 1,
        weightsVersion: version,
        result,
        evidence: citeEvidence(field.profile, record, field.projectSimilarity, undefined, language),
        summary: summarise(i + 1, list.length, result, note, language),
        caveat,
      };
    };
    return { list, explainAt };
  }

  /**
   * Stage 1, then every candidate measured (not yet weighted): what a ranking with any weights is made from. `include`
   * adds enterprises stage 1 did not find; `without` holds reference projects out of both stages, as if they did not
   * exist (the evaluation asks who built a held-out project).
   */
  async measureCandidates(
    need: NeedEntity,
    { include = [], without = [] }: { include?: string[]; without?: string[] } = {},
  ): Promise<CandidateField> {
    const index = without.length ? await this.trackRecords.without(without) : await this.trackRecords.current();
    const profile = this.profileOf(need);
    const words = workWords(need);
    const queries = this.candidateSearches(need, index, words);
    const heldOut = new Set(without);
    // Asking for as many more hits as there are held-out projects keeps the limits what they are once those are dropped.
    const requests = queries.map((q) =>
      toMeilisearch(q.index === SearchIndex.ReferenceProjects ? { ...q, limit: q.limit + heldOut.size } : q),
    );
    const results = (await this.search.multiSearchAcross<StageOneHit>(requests)).map((r) => ({
      hits: heldOut.size ? r.hits.filter((h) => !heldOut.has(h.id)) : r.hits,
    }));

    const { candidates, projectSimilarity, similarByOwner } = readStageOne(queries, results);
    const searched = new Set(candidates);
    // Enterprises whose whole track record matches the need's most distinctive words, though no single project does.
    const distinctive = distinctiveTerms(words, index.projectFrequency, index.projectCount, RECORD_WORDS);
    for (const record of index.mostRelevant(distinctive, RECORD_LIMIT)) candidates.add(record.organizationId);
    for (const id of include) candidates.add(id);
    const records = [...candidates].map((id) => index.records.get(id)).filter((r): r is TrackRecord => r !== undefined);
    const coverageOf = index.coverageOf(words);
    const coverage = records.map(coverageOf);
    const best = Math.max(0, ...coverage);
    return {
      index,
      profile,
      projectSimilarity,
      searched,
      candidates: records.map((record, i) => ({
        record,
        measures: measure(profile, record, {
          // Relative to the best candidate for ranking (it ranks better than the absolute coverage, docs/MATCHING.md); the
          // field's strength scales the score, so that scores mean the same across needs.
          text: best > 0 ? coverage[i] / best : 0,
          coverage: coverage[i],
          fieldCoverage: best,
          similar: similarByOwner.get(record.organizationId),
          largestRecord: index.largestRecord,
          groupInCountry: groupInCountry(index, record, need.countryCode),
        }),
      })),
    };
  }

  /** Open needs ranked for an enterprise: the same factors, looked at from the enterprise's side. */
  async rankNeeds(organizationId: string, first: number, language = Language.EN): Promise<RankedNeed[]> {
    return this.metrics.timeMatch('opportunities', () => this.scoreNeeds(organizationId, first, language));
  }

  private async scoreNeeds(organizationId: string, first: number, language: Language): Promise<RankedNeed[]> {
    const index = await this.trackRecords.current();
    const record = index.records.get(organizationId);
    if (!record) return [];
    const countries = [...new Set(record.projects.map((p) => p.countryCode).filter((c): c is string => c !== null))];
    const categories = [...new Set(record.projects.flatMap((p) => p.technologyCategories))];
    const open = equals('status', NeedStatus.OPEN);
    const queries = [
      { q: index.topTerms(record).join(' '), filter: open, limit: TEXT_LIMIT },
      ...(countries.length ? [{ q: '', filter: allOf(open, oneOf('countryCode', countries)), limit: COUNTRY_LIMIT }] : []),
      ...(categories.length ? [{ q: '', filter: allOf(open, oneOf('technologyCategories', categories)), limit: COUNTRY_LIMIT }] : []),
    ];
    const results = await this.search.multiSearch<{ id: string }>(
      SearchIndex.Needs,
      queries.map((q) => ({ ...q, attributesToRetrieve: ['id'] })),
    );
    const ids = [...new Set(results.flatMap((r) => r.hits.map((h) => h.id)))];
    if (ids.length === 0) return [];
    const needs = await this.needs.findBy({ id: In(ids), status: NeedStatus.OPEN });
    const { weights } = await this.weights.current();
    const coverage = needs.map((n) => index.coverageOf(workWords(n))(record));
    const best = Math.max(0, ...coverage);
    const scored = needs.map((need, i) => {
      const profile = this.profileOf(need);
      const measures = measure(profile, record, {
        text: best > 0 ? coverage[i] / best : 0,
        coverage: coverage[i],
        // One enterprise against many needs: the pair's own coverage says how strong it is.
        fieldCoverage: coverage[i],
        similar: undefined,
        largestRecord: index.largestRecord,
        groupInCountry: groupInCountry(index, record, need.countryCode),
      });
      return { need, profile, measures, score: scoreOf(measures, weights) };
    });
    scored.sort(
      (a, b) =>
        b.score - a.score ||
        b.need.createdAt.getTime() - a.need.createdAt.getTime() ||
        byText(a.need.title, b.need.title) ||
        byText(a.need.id, b.need.id),
    );
    return scored.slice(0, first).map(({ need, profile, measures }, i) => {
      const result = explain(profile, measures, weights, language);
      return {
        need,
        rank: i + 1,
        result,
        evidence: citeEvidence(profile, record, new Map(), undefined, language),
        summary: summarise(i + 1, scored.length, result, undefined, language),
      };
    });
  }

  /**
   * Given needs against given enterprises, every pair scored and explained, best first: for a meeting at an activity,
   * whom to meet among the people who are there, not among everyone. Within a need the enterprises are compared as in
   * stage 2 (text relative to the best of them, the field's strength from that best); no stage-1 search is made, so
   * a project's similarity does not count. Enterprises without a verified track record are left out.
   */
  async scorePairs(needs: readonly NeedEntity[], organizationIds: readonly string[], language = Language.EN): Promise<RankedPair[]> {
    const index = await this.trackRecords.current();
    const { weights } = await this.weights.current();
    const records = organizationIds.map((id) => index.records.get(id)).filter((r): r is TrackRecord => r !== undefined);
    const scored = needs.flatMap((need) => {
      const profile = this.profileOf(need);
      const coverage = records.map(index.coverageOf(workWords(need)));
      const best = Math.max(0, ...coverage);
      return records.map((record, i) => {
        const measures = measure(profile, record, {
          text: best > 0 ? coverage[i] / best : 0,
          coverage: coverage[i],
          fieldCoverage: best,
          similar: undefined,
          largestRecord: index.largestRecord,
          groupInCountry: groupInCountry(index, record, need.countryCode),
        });
        return { need, record, profile, measures, score: scoreOf(measures, weights) };
      });
    });
    scored.sort((a, b) => b.score - a.score || byText(a.record.name, b.record.name) || byText(a.need.id, b.need.id));
    return scored.map(({ need, record, profile, measures }, i) => {
      const result = explain(profile, measures, weights, language);
      return {
        need,
        organizationId: record.organizationId,
        result,
        evidence: citeEvidence(profile, record, new Map(), undefined, language),
        summary: summarise(i + 1, scored.length, result, undefined, language),
      };
    });
  }

  /** Brings the in-memory track records up to date now (after bulk imports). */
  refresh(): Promise<void> {
    return this.trackRecords.refresh();
  }

  async index(): Promise<Built> {
    return this.trackRecords.current();
  }

  private profileOf(need: NeedEntity): NeedProfile {
    const country = this.referenceData.country(need.countryCode);
    return {
      countryCode: need.countryCode,
      countryName: country.nameEn,
      countryNameZh: country.nameZh,
      region: country.region,
      year: (need.publishedAt ?? need.createdAt).getUTCFullYear(),
      sectorCode: need.sectorCode,
      technologyCategories: need.technologyCategories,
      cooperationModes: need.cooperationModes,
      budgetMax: need.budgetMax,
      currency: need.currency,
      financier: need.financier,
      financingInstrument: need.financingInstrument,
    };
  }

  async needOrFail(id: string): Promise<NeedEntity> {
    const need = await this.needs.findOneBy({ id });
    if (!need) throw DomainError.notFound('Need', id);
    return need;
  }
}
