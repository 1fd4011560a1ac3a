import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { Allow, CurrentActor } from '../../access/access.decorator';
import { Actor, Language, Role } from '../../access/actor';
import { factorWeights, MatchingWeightsInForceModel, MatchingWeightsModel, toMatchingWeightsModel } from './matching-weights.model';
import { MatchingWeightsService } from './matching-weights.service';

const LANGUAGE = 'Language of the factor labels; the preferred language of your account when left out.';

@Resolver()
export class MatchingWeightsResolver {
  constructor(private readonly weights: MatchingWeightsService) {}

  @Allow(Role.COORDINATOR, Role.ADMIN)
  @Query(() => MatchingWeightsInForceModel, {
    description: 'The matching weights that rank now: their version, when and from what they were learned, and their figures.',
  })
  async matchingWeights(
    @CurrentActor() actor: Actor,
    @Args('language', { type: () => Language, nullable: true, description: LANGUAGE }) language?: Language,
  ): Promise<MatchingWeightsInForceModel> {
    const [current, record] = await Promise.all([this.weights.current(), this.weights.active()]);
    const labels = language ?? actor.language ?? Language.EN;
    return {
      version: current.version,
      weights: factorWeights(current.weights, labels),
      record: record && record.version === current.version ? toMatchingWeightsModel(record, labels) : null,
    };
  }

  @Allow(Role.COORDINATOR, Role.ADMIN)
  @Query(() => [MatchingWeightsModel], { description: 'Refits of the matching weights, latest first (active, retired and refused).' })
  async matchingWeightsHistory(
    @CurrentActor() actor: Actor,
    @Args('first', { type: () => Int, defaultValue: 10, description: 'How many, 1 to 50.' }) first: number,
    @Args('language', { type: () => Language, nullable: true, description: LANGUAGE }) language?: Language,
  ): Promise<MatchingWeightsModel[]> {
    const records = await this.weights.history(Math.min(Math.max(first, 1), 50));
    return records.map((r) => toMatchingWeightsModel(r, language ?? actor.language ?? Language.EN));
  }
}
