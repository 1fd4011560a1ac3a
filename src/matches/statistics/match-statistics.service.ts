import { Injectable } from '@nestjs/common';
import { DomainError } from '../../common/domain-error';
import { MatchesRepository } from '../matches.repository';
import { MatchStatistics, MatchStatisticsArgs } from './match-statistics.model';

const DAY_MS = 24 * 3600_000;
const TOP_COUNTRIES = 20;

/**
 * The secretariat's view of its pipeline: matches made in a period (optionally in one country or region), how far
 * they got — from the audit trail, so a match engaged and later withdrawn still counts as engaged; and, of those with
 * outcomes, the furthest stage each reached — and how long the moves took (MatchesRepository.pipelineFigures).
 */
@Injectable()
export class MatchStatisticsService {
  constructor(private readonly repository: MatchesRepository) {}

  async statistics(args: MatchStatisticsArgs): Promise<MatchStatistics> {
    const until = args.until ?? new Date();
    const since = args.since ?? new Date(until.getTime() - 90 * DAY_MS);
    if (since >= until) throw DomainError.badInput('since', 'since must be before until');
    const { totals, byStatus, byOrigin, outcomes, stages, countries } = await this.repository.pipelineFigures(
      { since, until, countryCode: args.countryCode ?? null, region: args.region ?? null },
      TOP_COUNTRIES,
    );
    const hours = (x: number | null) => (x === null ? null : Math.round(Number(x) * 100) / 100);
    return {
      since,
      until,
      funnel: {
        suggested: totals.suggested,
        introduced: totals.introduced,
        engaged: totals.engaged,
        outcomeRecorded: totals.outcome_recorded,
      },
      byStatus,
      byOrigin,
      outcomes,
      stages,
      medianHoursToIntroduction: hours(totals.to_introduction),
      medianHoursToEngagement: hours(totals.to_engagement),
      countries: countries.map((c) => ({
        countryCode: c.country_code.trim(),
        matches: c.matches,
        introduced: c.introduced,
        engaged: c.engaged,
      })),
    };
  }
}
