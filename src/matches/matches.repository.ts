import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { RECRUITING_NEED_STATUSES } from '../needs/need-status';
import { ReviewQueueOrder } from './dto/match.inputs';
import { AWAITING_REVIEW, MatchOrigin, MatchOutcomeKind, MatchStatus, OUTCOME_STAGES } from './match-status';

/** Which of the review queue's candidates count. */
export interface ReviewQueueFilter {
  countryCode?: string;
  origin?: MatchOrigin;
  minScore?: number;
}

/** One need in the review queue: since when its first candidate waits, its best score, how many wait. */
export interface ReviewQueueGroup {
  need_id: string;
  waiting_since: Date;
  best_score: number;
  waiting: number;
}

/** The matches created in a period, in one country or region if given. */
export interface StatisticsScope {
  since: Date;
  until: Date;
  countryCode: string | null;
  region: string | null;
}

/** The pipeline's figures over a scope, as PostgreSQL counts them (hours as fractional numbers). */
export interface PipelineFigures {
  totals: {
    suggested: number;
    introduced: number;
    engaged: number;
    outcome_recorded: number;
    to_introduction: number | null;
    to_engagement: number | null;
  };
  byStatus: Array<{ status: MatchStatus; count: number }>;
  byOrigin: Array<{ origin: MatchOrigin; count: number }>;
  outcomes: Array<{ kind: MatchOutcomeKind; count: number }>;
  stages: Array<{ stage: MatchOutcomeKind; count: number }>;
  countries: Array<{ country_code: string; matches: number; introduced: number; engaged: number }>;
}

/** The matches' SQL that TypeORM's builders do not say as well: aggregates and the schedulers' scans. */
@Injectable()
export class MatchesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The needs still taking introductions that have candidates awaiting review (a withdrawn or closed need's
   * candidates leave the queue at once): how many, and the page `offset`..`offset + limit`, in `order`.
   */
  async reviewQueueGroups(
    filter: ReviewQueueFilter,
    order: ReviewQueueOrder,
    limit: number,
    offset: number,
  ): Promise<{ total: number; groups: ReviewQueueGroup[] }> {
    const filters: string[] = ['m.status = ANY($1)', 'n.status = ANY($2)'];
    const params: unknown[] = [AWAITING_REVIEW, RECRUITING_NEED_STATUSES];
    if (filter.countryCode) filters.push(`n.country_code = $${params.push(filter.countryCode)}`);
    if (filter.origin) filters.push(`m.origin = $${params.push(filter.origin)}`);
    if (filter.minScore !== undefined) filters.push(`m.score >= $${params.push(filter.minScore)}`);
    const orderBy =
      order === ReviewQueueOrder.SCORE ? 'best_score DESC, waiting_since ASC, need_id' : 'waiting_since ASC, best_score DESC, need_id';
    const where = filters.join(' AND ');
    const [{ total }]: Array<{ total: number }> = await this.dataSource.query(
      `SELECT count(DISTINCT m.need_id)::int AS total FROM match m JOIN need n ON n.id = m.need_id WHERE ${where}`,
      params,
    );
    const groups: ReviewQueueGroup[] = await this.dataSource.query(
      `SELECT m.need_id, min(m.status_changed_at) AS waiting_since, max(m.score) AS best_score, count(*)::int AS waiting
       FROM match m JOIN need n ON n.id = m.need_id WHERE ${where}
       GROUP BY m.need_id ORDER BY ${orderBy} LIMIT ${limit} OFFSET ${offset}`,
      params,
    );
    return { total, groups };
  }

  /**
   * Introduced matches with a step due, oldest introduction first: introduced before `expiry`, or before
   * `escalation` with the coordinator not yet reminded, or before `reminder` with the sides not yet reminded.
   */
  async idsDueForReminder(reminder: Date, escalation: Date, expiry: Date): Promise<string[]> {
    const due: Array<{ id: string }> = await this.dataSource.query(
      `SELECT id FROM match WHERE status = 'INTRODUCED' AND (
         introduced_at <= $3 OR (introduced_at <= $2 AND coordinator_reminded_at IS NULL) OR (introduced_at <= $1 AND side_reminded_at IS NULL))
       ORDER BY introduced_at`,
      [reminder, escalation, expiry],
    );
    return due.map((row) => row.id);
  }

  /**
   * The figures of the matches made in `scope`: how far they got — from the audit trail, so a match engaged and
   * later withdrawn still counts as engaged — the furthest outcome stage of each, and how long the moves took. One
   * read-only query per figure, on indexed columns.
   */
  async pipelineFigures(scope: StatisticsScope, topCountries: number): Promise<PipelineFigures> {
    // The matches of the period, with when each was engaged (if ever); every figure below reads this set.
    const scoped = `WITH scoped AS (
        SELECT m.id, m.status, m.origin, m.created_at, m.introduced_at, n.country_code,
               (SELECT min(a.created_at) FROM audit_entry a WHERE a.entity_type = 'match' AND a.entity_id = m.id AND a.to_status = 'ENGAGED') AS engaged_at,
               EXISTS (SELECT 1 FROM match_outcome o WHERE o.match_id = m.id) AS has_outcome,
               (SELECT o.kind FROM match_outcome o WHERE o.match_id = m.id AND o.kind::text = ANY($5::text[]) ORDER BY array_position($5::text[], o.kind::text) DESC LIMIT 1) AS stage
        FROM match m JOIN need n ON n.id = m.need_id JOIN country c ON c.code = n.country_code
        WHERE m.created_at >= $1 AND m.created_at < $2 AND ($3::text IS NULL OR n.country_code = $3) AND ($4::text IS NULL OR c.region = $4))`;
    // $5: the stages in order, so the furthest one is found by the same ranking as everywhere else (OUTCOME_STAGES).
    const params = [scope.since, scope.until, scope.countryCode, scope.region, OUTCOME_STAGES];
    const query = <T>(select: string) => this.dataSource.query<T[]>(`${scoped} ${select}`, params);
    const [[totals], byStatus, byOrigin, outcomes, stages, countries] = await Promise.all([
      query<PipelineFigures['totals']>(
        `SELECT count(*)::int AS suggested, count(introduced_at)::int AS introduced, count(engaged_at)::int AS engaged, count(*) FILTER (WHERE has_outcome)::int AS outcome_recorded,
                percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM introduced_at - created_at)) / 3600 AS to_introduction,
                percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM engaged_at - introduced_at)) / 3600 AS to_engagement
         FROM scoped`,
      ),
      query<PipelineFigures['byStatus'][number]>(
        `SELECT status, count(*)::int AS count FROM scoped GROUP BY status ORDER BY count DESC, status`,
      ),
      query<PipelineFigures['byOrigin'][number]>(
        `SELECT origin, count(*)::int AS count FROM scoped GROUP BY origin ORDER BY count DESC, origin`,
      ),
      query<PipelineFigures['outcomes'][number]>(
        `SELECT o.kind, count(DISTINCT o.match_id)::int AS count FROM match_outcome o JOIN scoped s ON s.id = o.match_id GROUP BY o.kind ORDER BY count DESC, o.kind`,
      ),
      query<PipelineFigures['stages'][number]>(
        `SELECT stage, count(*)::int AS count FROM scoped WHERE stage IS NOT NULL GROUP BY stage ORDER BY array_position($5::text[], stage::text)`,
      ),
      query<PipelineFigures['countries'][number]>(
        `SELECT country_code, count(*)::int AS matches, count(introduced_at)::int AS introduced, count(engaged_at)::int AS engaged
         FROM scoped GROUP BY country_code ORDER BY matches DESC, country_code LIMIT ${topCountries}`,
      ),
    ]);
    return { totals, byStatus, byOrigin, outcomes, stages, countries };
  }
}
