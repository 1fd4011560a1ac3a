import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, Repository } from 'typeorm';
import { MatchEntity } from '../matches/match.entity';
import { MatchStatus } from '../matches/match-status';
import { NeedEntity } from '../needs/need.entity';
import { ReferenceDataService } from '../reference-data/reference-data.service';
import { evaluate, EvaluatedCase, heldOutCasesOf, needOfCase } from './evaluation-cases';
import { atMostPerCompany } from './held-out-projects';
import { FOLDS, PER_COMPANY, trainingList } from '../matching/evaluation/training-lists';
import { CaseOutcome, metricOf, outcomeOf, pairedDifference } from '../matching/evaluation/ranking-metrics';
import { fitWeights, foldOf, TrainingList } from '../matching/evaluation/weight-fitting';
import { FACTOR_KEYS, FactorKey, LEARNED_FACTORS } from '../matching/match-factors';
import { rankMeasured } from '../matching/match-scoring';
import { MatchingService } from '../matching/matching.service';
import { MatchingWeightsEntity, WeightsFigures, WeightsStatus } from '../matching/weights/matching-weights.entity';
import { MatchingWeightsService } from '../matching/weights/matching-weights.service';

/** Decisions that say "this enterprise was right for this need", and those that say it was not. */
const APPROVED = [MatchStatus.APPROVED, MatchStatus.INTRODUCED, MatchStatus.ENGAGED, MatchStatus.OUTCOME_RECORDED];
const TURNED_DOWN = [MatchStatus.REJECTED, MatchStatus.DECLINED, MatchStatus.WITHDRAWN];
/** A need's decisions count this many times a historical example: the secretariat's own judgement, on real needs. */
export const DECISION_WEIGHT = 5;
/** For a need with refusals only, the candidates above this rank that nobody turned down stand as the better answers. */
const PEERS = 10;

export interface LearnOptions {
  /** Who started it, recorded with the weights: 'cli', 'schedule'… */
  learnedBy: string;
  onProgress?: (done: number, total: number) => void;
}

/**
 * Learns the matching weights from the installation's own data, reproducibly (same data, same weights): the track
 * records asked about themselves (each reference project held out with its linked records, company names masked, at
 * most three per company) and the decisions taken on suggestions (approvals and engagements for, rejections, declines
 * and withdrawals against), the latter weighted above the former. The new weights are judged out of fold (grouped
 * by linked records) against the weights in force on the same held-out projects, and replace them only when they do
 * not lose: a refit whose paired MRR difference is below zero is recorded as REFUSED and never ranks.
 */
@Injectable()
export class WeightsLearningService {
  private readonly logger = new Logger('WeightsLearning');

  constructor(
    private readonly matching: MatchingService,
    private readonly weights: MatchingWeightsService,
    private readonly referenceData: ReferenceDataService,
    private readonly dataSource: DataSource,
    @InjectRepository(MatchEntity) private readonly matches: Repository<MatchEntity>,
    @InjectRepository(NeedEntity) private readonly needs: Repository<NeedEntity>,
  ) {}

  async learn({ learnedBy, onProgress }: LearnOptions): Promise<MatchingWeightsEntity> {
    await this.matching.refresh();
    const current = await this.weights.current();
    const questions = atMostPerCompany(await heldOutCasesOf(this.dataSource), PER_COMPANY);
    const historical: EvaluatedCase[] = [];
    for (const c of questions) {
      historical.push(
        await evaluate(
          this.matching,
          { key: c.key, group: c.group, gold: c.gold, need: needOfCase(c, this.referenceData), without: c.without },
          false,
        ),
      );
      onProgress?.(historical.length, questions.length);
    }
    const decisions = await this.decisionLists();

    // Out of fold: each held-out project ranked by weights that never saw its group; decisions always teach.
    const lists = historical.map((c) => ({ fold: foldOf(c.group, FOLDS), list: trainingList(c) }));
    const fit = (fold?: number) =>
      fitWeights([...lists.filter((l) => l.list !== null && l.fold !== fold).map((l) => l.list!), ...decisions.map((d) => d.list)], {
        factors: LEARNED_FACTORS,
      });
    const folds = Array.from({ length: FOLDS }, (_, f) => fit(f));
    const learned = fit();
    const outcomes = (weightsOf: (c: EvaluatedCase) => Record<FactorKey, number>): CaseOutcome[] =>
      historical.map((c) =>
        outcomeOf(
          rankMeasured(c.candidates, weightsOf(c)).map((m) => m.record.organizationId),
          c.gold,
          (id) => id,
        ),
      );
    const mine = outcomes((c) => folds[foldOf(c.group, FOLDS)]);
    const theirs = outcomes(() => current.weights);
    const groups = historical.map((c) => c.group);
    const gain = historical.length ? pairedDifference(mine, theirs, 'mrr', groups) : null;
    const figures: WeightsFigures = {
      cases: historical.length,
      groups: new Set(groups).size,
      mrr: metricOf(mine, 'mrr', groups),
      r10: metricOf(mine, 'r10', groups),
      current: { version: current.version, mrr: metricOf(theirs, 'mrr', groups), r10: metricOf(theirs, 'r10', groups) },
      gain,
    };
    const loses = gain !== null && gain.value < 0;
    const usable = lists.filter((l) => l.list !== null).length + decisions.length > 0;
    const record = await this.weights.save({
      weights: Object.fromEntries(FACTOR_KEYS.map((k) => [k, round(learned[k])])) as Record<FactorKey, number>,
      status: loses || !usable ? WeightsStatus.REFUSED : WeightsStatus.ACTIVE,
      learnedAt: new Date(),
      learnedBy,
      historicalExamples: lists.filter((l) => l.list !== null).length,
      decisions: decisions.reduce((sum, d) => sum + d.decisions, 0),
      figures,
      reason: !usable
        ? 'Nothing to learn from: no held-out project whose builder stage 1 finds, and no decision.'
        : loses
          ? `Refused: MRR on the held-out projects ${gain.value.toFixed(3)} below the weights in force (${describe(current.version)}).`
          : `Replaces ${describe(current.version)}: MRR change on the held-out projects ${gain ? signed(gain.value) : 'n/a'}.`,
    });
    this.logger.log(`Matching weights v${record.version} ${record.status}: ${record.reason}`);
    return record;
  }

  /**
   * One training list per need with decisions: its candidates measured now (the decided enterprises included), the
   * approved ones as right answers and the turned-down ones weighing more against; a need with refusals only takes
   * the unrefused candidates of its first ten as the better answers.
   */
  private async decisionLists(): Promise<Array<{ list: TrainingList; decisions: number }>> {
    const decided = await this.matches.find({
      where: { status: In([...APPROVED, ...TURNED_DOWN]) },
      select: { needId: true, enterpriseId: true, status: true },
      order: { needId: 'ASC', enterpriseId: 'ASC' },
    });
    const byNeed = new Map<string, MatchEntity[]>();
    for (const m of decided) byNeed.set(m.needId, [...(byNeed.get(m.needId) ?? []), m]);
    const needs = new Map((await this.needs.findBy({ id: In([...byNeed.keys()]) })).map((n) => [n.id, n]));
    const lists: Array<{ list: TrainingList; decisions: number }> = [];
    for (const [needId, ms] of byNeed) {
      const need = needs.get(needId);
      if (!need) continue;
      const field = await this.matching.measureCandidates(need, { include: ms.map((m) => m.enterpriseId) });
      const approved = new Set(ms.filter((m) => APPROVED.includes(m.status)).map((m) => m.enterpriseId));
      const refused = new Set(ms.filter((m) => TURNED_DOWN.includes(m.status)).map((m) => m.enterpriseId));
      const right = approved.size
        ? approved
        : new Set(
            rankMeasured(field.candidates, (await this.weights.current()).weights)
              .slice(0, PEERS)
              .map((m) => m.record.organizationId)
              .filter((id) => !refused.has(id)),
          );
      const list = trainingList({ gold: right, candidates: field.candidates }, DECISION_WEIGHT, refused);
      if (list) lists.push({ list, decisions: ms.length });
    }
    return lists;
  }
}

const round = (x: number) => Math.round(x * 10_000) / 10_000;
const signed = (x: number) => `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(3)}`;
const describe = (version: number | null) => (version === null ? 'the default weights' : `weights v${version}`);
