import { Args, ArgsType, Field, ID, Int, Query, Resolver } from '@nestjs/graphql';
import { IsEnum, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { Allow, CurrentActor } from '../access/access.decorator';
import { Actor, Language, Role } from '../access/actor';
import { MatchCandidateModel, OpportunityModel } from './matching.model';
import { MatchExplanationsService } from './match-explanations.service';
import { ROOT_COST } from '../graphql/query-limits';

@ArgsType()
class ExplainedArgs {
  @Field(() => Language, {
    nullable: true,
    description:
      'Language of the explanations (summaries, factor labels and details, evidence reasons); the preferred language of your account when left out.',
  })
  @IsOptional()
  @IsEnum(Language)
  language?: Language;
}

@ArgsType()
class MatchCandidatesArgs extends ExplainedArgs {
  @Field(() => ID, { description: 'The need to find enterprises for.' })
  @IsUUID()
  needId: string;

  @Field(() => Int, { defaultValue: 10, description: 'How many candidates (1 to 50).' })
  @IsInt()
  @Min(1)
  @Max(50)
  first: number = 10;
}

@ArgsType()
class OpportunitiesArgs extends ExplainedArgs {
  @Field(() => ID, { description: 'The enterprise to find needs for.' })
  @IsUUID()
  organizationId: string;

  @Field(() => Int, { defaultValue: 10, description: 'How many needs (1 to 50).' })
  @IsInt()
  @Min(1)
  @Max(50)
  first: number = 10;
}

@Resolver()
export class MatchingResolver {
  constructor(private readonly explanations: MatchExplanationsService) {}

  @Allow(Role.COORDINATOR, Role.ADMIN)
  @Query(() => [MatchCandidateModel], {
    complexity: ROOT_COST.ranking,
    description:
      'Enterprises ranked for a need, each with its score and the explanation behind it. Coordinators and admins (agencies see candidates only once approved).',
  })
  matchCandidates(@CurrentActor() actor: Actor, @Args() args: MatchCandidatesArgs) {
    return this.explanations.candidates(actor, args.needId, args.first, args.language ?? actor.language);
  }

  @Allow(Role.ENTERPRISE_MEMBER, Role.COORDINATOR, Role.ADMIN)
  @Query(() => [OpportunityModel], {
    complexity: ROOT_COST.ranking,
    description:
      'Open needs ranked for an enterprise, with explanations. Enterprise members for their own enterprise; coordinators and admins for any.',
  })
  opportunities(@CurrentActor() actor: Actor, @Args() args: OpportunitiesArgs) {
    return this.explanations.opportunities(actor, args.organizationId, args.first, args.language ?? actor.language);
  }
}
