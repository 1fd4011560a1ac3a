import { Type } from '@nestjs/common';
import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { GraphQLContext } from '../graphql/graphql-context';
import { MatchLoaders } from '../matches/match.loaders';
import { MatchModel } from '../matches/match.model';
import { NeedLoaders } from '../needs/need.loaders';
import { NeedModel } from '../needs/need.model';
import { ProgrammeLoaders } from './programme.loaders';
import { ProgrammeModel } from './programme.model';

/** What a donation or a course was pledged against, as its GraphQL model holds it. */
export interface ContributionLinks {
  needId: string | null;
  programmeId: string | null;
  matchId: string | null;
}

/**
 * The fields of a contribution's type (a donation, a training course) that resolve what it was pledged against: the
 * need, the programme and the match whose outcome it was recorded as. Each is read through its domain's loader with
 * that domain's visibility: what the reader may not see (a need withdrawn since, a match not introduced to them) is
 * null, not an error.
 */
export function contributionLinksResolver<M extends ContributionLinks>(model: Type<M>, noun: string) {
  @Resolver(() => model)
  class ContributionLinksResolver {
    constructor(
      readonly needs: NeedLoaders,
      readonly programmes: ProgrammeLoaders,
      readonly matches: MatchLoaders,
    ) {}

    @ResolveField(() => NeedModel, {
      nullable: true,
      description: `The recipient's need the ${noun} answers; null when it answers none, or when you may not see the need (withdrawn since).`,
    })
    need(@Parent() contribution: M, @Context() context: GraphQLContext): Promise<NeedModel | null> {
      return this.needs.visible(context, contribution.needId);
    }

    @ResolveField(() => ProgrammeModel, { nullable: true, description: `The programme the ${noun} belongs to, if any.` })
    programme(@Parent() contribution: M, @Context() context: GraphQLContext): Promise<ProgrammeModel | null> {
      return this.programmes.programme(context, contribution.programmeId);
    }

    @ResolveField(() => MatchModel, {
      nullable: true,
      description: `The match whose outcome the ${noun} was recorded as, as you may read it; null before that, or when you may not read the match.`,
    })
    match(@Parent() contribution: M, @Context() context: GraphQLContext): Promise<MatchModel | null> {
      return this.matches.visible(context, contribution.matchId);
    }
  }
  return ContributionLinksResolver;
}
