import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainError } from '../../common/domain-error';
import { MatchOrigin, MatchOutcomeKind, MatchStatus, OUTCOME_STAGES } from '../match-status';
import { MatchStatistics, MatchStatisticsArgs } from './match-statistics.model';

const DAY_MS = 24 * 3600_000;
const TOP_COUNTRIES = 20;

/**
 * The secretariat's view of its pipeline: matches made in a period (optionally in one country or region), how far
 * they got — from the audit trail, so a match engaged and later withdrawn still counts as engaged; and, of those with
 * outcomes, the furthest stage each reached — and how long the moves took. One read-only query per figure, on indexed columns.
 */
@Injectable()
export class MatchStatisticsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async statistics(args: MatchStatisticsArgs): Promise<MatchStatistics> {
    const until = args.until ?? new Date();
    const since = args.since ?? new Date(until.getTime() - 90 * DAY_MS);
    if (since >= until) throw DomainError.badInput('since', 'since must be before until');
    // The matches of the period, with when each was engaged (if ever); every figure below reads this set.
    const scope = `WITH scoped AS (
        SELECT m.id, m.status, m.origin, m.created_at, m.introduced_at, n.country_code,
               (SELECT min(a.created_at) FROM audit_entry a WHERE a.entity_type = 'match' AND a.entity_id = m.id AND a.to_status = 'ENGAGED') AS engaged_at,
               EXISTS (SELECT 1 FROM match_outcome o WHERE o.match_id = m.id) AS has_outcome,
               (SELECT o.kind FROM match_outcome o WHERE o.match_id = m.id AND o.kind::text = ANY($5::text[]) ORDER BY array_position($5::text[], o.kind::text) DESC LIMIT 1) AS stage
        FROM match m JOIN need n ON n.id = m.need_id JOIN country c ON c.code = n.country_code
        WHERE m.created_at >= $1 AND m.created_at < $2 AND ($3::text IS NULL OR n.country_code = $3) AND ($4::text IS NULL OR c.region = $4))`;
    // $5: the stages in order, so the furthest one is found by the same ranking as everywhere else (OUTCOME_STAGES).
    const params = [since, until, args.countryCode ?? null, args.region ?? null, OUTCOME_STAGES];
    const query = <T>(select: string) => this.dataSource.query(`${scope} ${select}`, params) as Promise<T[]>;
    const [[totals], byStatus, byOrigin, outcomes, stages, countries] = await Promise.all([
      query<{ suggested: number; introduced: number; engaged: number; outcome_recorded: number; to_introduction: number | null; to_engagement: number | null }>(
        `SELECT count(*)::int AS suggested, count(introduced_at)::int AS introduced, count(engaged_at)::int AS engaged, count(*) FILTER (WHERE has_outcome)::int AS outcome_recorded,
                percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM introduced_at - created_at)) / 3600 AS to_introduction,
                percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM engaged_at - introduced_at)) / 3600 AS to_engagement
         FROM scoped`,
      ),
      query<{ status: MatchStatus; count: number }>(`SELECT status, count(*)::int AS count FROM scoped GROUP BY status ORDER BY count DESC, status`),
      query<{ origin: MatchOrigin; count: number }>(`SELECT origin, count(*)::int AS count FROM scoped GROUP BY origin ORDER BY count DESC, origin`),
      query<{ kind: MatchOutcomeKind; count: number }>(
        `SELECT o.kind, count(DISTINCT o.match_id)::int AS count FROM match_outcome o JOIN scoped s ON s.id = o.match_id GROUP BY o.kind ORDER BY count DESC, o.kind`,
      ),
      query<{ stage: MatchOutcomeKind; count: number }>(`SELECT stage, count(*)::int AS count FROM scoped WHERE stage IS NOT NULL GROUP BY stage ORDER BY array_position($5::text[], stage::text)`),
      query<{ country_code: string; matches: number; introduced: number; engaged: number }>(
        `SELECT country_code, count(*)::int AS matches, count(introduced_at)::int AS introduced, count(engaged_at)::int AS engaged
         FROM scoped GROUP BY country_code ORDER BY matches DESC, country_code LIMIT ${TOP_COUNTRIES}`,
      ),
    ]);
    const hours = (x: number | null) => (x === null ? null : Math.round(Number(x) * 100) / 100);
    return {
      since,
      until,
      funnel: { suggested: totals.suggested, introduced: totals.introduced, engaged: totals.engaged, outcomeRecorded: totals.outcome_recorded },
      byStatus,
      byOrigin,
      outcomes,
      stages,
      medianHoursToIntroduction: hours(totals.to_introduction),
      medianHoursToEngagement: hours(totals.to_engagement),
      countries: countries.map((c) => ({ countryCode: c.country_code.trim(), matches: c.matches, introduced: c.introduced, engaged: c.engaged })),
    };
  }
}
