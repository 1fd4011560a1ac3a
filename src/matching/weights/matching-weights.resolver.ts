import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { Allow } from '../../access/access.decorator';
import { Role } from '../../access/actor';
import { factorWeights, MatchingWeightsInForceModel, MatchingWeightsModel, toMatchingWeightsModel } from './matching-weights.model';
import { MatchingWeightsService } from './matching-weights.service';

@Resolver()
export class MatchingWeightsResolver {
  constructor(private readonly weights: MatchingWeightsService) {}

  @Allow(Role.COORDINATOR, Role.ADMIN)
  @Query(() => MatchingWeightsInForceModel, {
    description: 'The matching weights that rank now: their version, when and from what they were learned, and their figures.',
  })
  async matchingWeights(): Promise<MatchingWeightsInForceModel> {
    const [current, record] = await Promise.all([this.weights.current(), this.weights.active()]);
    return {
      version: current.version,
      weights: factorWeights(current.weights),
      record: record && record.version === current.version ? toMatchingWeightsModel(record) : null,
    };
  }

  @Allow(Role.COORDINATOR, Role.ADMIN)
  @Query(() => [MatchingWeightsModel], { description: 'Refits of the matching weights, latest first (active, retired and refused).' })
  async matchingWeightsHistory(
    @Args('first', { type: () => Int, defaultValue: 10, description: 'How many, 1 to 50.' }) first: number,
  ): Promise<MatchingWeightsModel[]> {
    return (await this.weights.history(Math.min(Math.max(first, 1), 50))).map(toMatchingWeightsModel);
  }
}
