import { Args, Query, Resolver } from '@nestjs/graphql';
import { Allow } from '../../access/access.decorator';
import { Role } from '../../access/actor';
import { MatchStatistics, MatchStatisticsArgs } from './match-statistics.model';
import { MatchStatisticsService } from './match-statistics.service';

@Resolver()
export class MatchStatisticsResolver {
  constructor(private readonly statistics: MatchStatisticsService) {}

  @Allow(Role.COORDINATOR, Role.ADMIN)
  @Query(() => MatchStatistics, {
    description:
      'The matching pipeline over a period: how many matches were made, how far they got, how fast, and where. Coordinators and admins.',
  })
  matchStatistics(@Args() args: MatchStatisticsArgs): Promise<MatchStatistics> {
    return this.statistics.statistics(args);
  }
}
