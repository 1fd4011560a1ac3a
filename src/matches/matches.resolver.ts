import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, CurrentActor } from '../access/access.decorator';
import { Actor, Role } from '../access/actor';
import { GraphQLContext } from '../graphql/graphql-context';
import { OrganizationLoaders } from '../organizations/organization.loaders';
import { OrganizationModel } from '../organizations/organization.model';
import {
  ApproveMatchesArgs,
  ExpressInterestInput,
  MatchesArgs,
  MatchIdArgs,
  MatchReasonInput,
  MatchVersionInput,
  RecordMatchOutcomeInput,
  RespondToMatchInput,
  ReviewQueueArgs,
  SuggestMatchesArgs,
} from './dto/match.inputs';
import {
  MatchConnection,
  MatchContactModel,
  MatchModel,
  MatchOutcomeModel,
  ReviewQueueConnection,
  toMatchOutcomeModel,
} from './match.model';
import { furthestStage, MatchOutcomeKind } from './match-status';
import { MatchLoaders } from './match.loaders';
import { MatchesService } from './matches.service';
import { MatchWorkflowService } from './match-workflow.service';
import { ROOT_COST } from '../graphql/query-limits';

const STAFF = [Role.COORDINATOR, Role.ADMIN];
const SIDES = [Role.AGENCY_MEMBER, Role.ENTERPRISE_MEMBER];

@Resolver(() => MatchModel)
export class MatchesResolver {
  constructor(
    private readonly reads: MatchesService,
    private readonly workflow: MatchWorkflowService,
    private readonly loaders: MatchLoaders,
    private readonly organizations: OrganizationLoaders,
  ) {}

  @Allow(...STAFF, ...SIDES)
  @Query(() => MatchModel, {
    description: 'One match: coordinators see all; each side once introduced; an enterprise its own expressed interests.',
  })
  match(@CurrentActor() actor: Actor, @Args() args: MatchIdArgs) {
    return this.reads.get(actor, args.id);
  }

  @Allow(...STAFF, ...SIDES)
  @Query(() => MatchConnection, {
    description: "Matches visible to you: a need's candidates in rank order (needId), otherwise newest first; see orderBy.",
  })
  matches(@CurrentActor() actor: Actor, @Args() args: MatchesArgs) {
    return this.reads.list(actor, args);
  }

  @Allow(...STAFF)
  @Query(() => ReviewQueueConnection, {
    description: 'Needs with candidates awaiting review, each with its waiting candidates. Coordinators and admins.',
  })
  reviewQueue(@CurrentActor() actor: Actor, @Args() args: ReviewQueueArgs) {
    return this.reads.reviewQueue(actor, args);
  }

  @Allow(...STAFF)
  @Mutation(() => [MatchModel], {
    complexity: ROOT_COST.ranking,
    description: 'Ranks candidates for a need and keeps the best as SUGGESTED; returns all the need’s matches.',
  })
  suggestMatches(@CurrentActor() actor: Actor, @Args() args: SuggestMatchesArgs) {
    return this.workflow.suggest(actor, args.needId, args.first);
  }

  @Allow(Role.ENTERPRISE_MEMBER)
  @Mutation(() => MatchModel, {
    complexity: ROOT_COST.ranking,
    description: 'Ask, for your enterprise, to be considered for a need: it enters the review queue with its explanation.',
  })
  expressInterest(@CurrentActor() actor: Actor, @Args('input', { description: 'The need and your message.' }) input: ExpressInterestInput) {
    return this.workflow.expressInterest(actor, input);
  }

  @Allow(...STAFF)
  @Mutation(() => MatchModel, { description: 'Keep a suggestion for a closer look.' })
  shortlistMatch(@CurrentActor() actor: Actor, @Args('input', { description: 'The match and its version.' }) input: MatchVersionInput) {
    return this.workflow.shortlist(actor, input);
  }

  @Allow(...STAFF)
  @Mutation(() => MatchModel, { description: 'Approve a match: both sides are introduced and notified at once.' })
  approveMatch(@CurrentActor() actor: Actor, @Args('input', { description: 'The match and its version.' }) input: MatchVersionInput) {
    return this.workflow.approve(actor, input);
  }

  @Allow(...STAFF)
  @Mutation(() => [MatchModel], { description: 'Approve several matches at once: all of them, or none.' })
  approveMatches(@CurrentActor() actor: Actor, @Args() args: ApproveMatchesArgs) {
    return this.workflow.approveAll(actor, args.input);
  }

  @Allow(...STAFF)
  @Mutation(() => MatchModel, { description: 'Reject a suggestion, with a reason.' })
  rejectMatch(
    @CurrentActor() actor: Actor,
    @Args('input', { description: 'The match, its version and the reason.' }) input: MatchReasonInput,
  ) {
    return this.workflow.reject(actor, input);
  }

  @Allow(...STAFF, Role.ENTERPRISE_MEMBER)
  @Mutation(() => MatchModel, {
    description: 'Withdraw a match (coordinators), or your own expressed interest (enterprise members), with a reason.',
  })
  withdrawMatch(
    @CurrentActor() actor: Actor,
    @Args('input', { description: 'The match, its version and the reason.' }) input: MatchReasonInput,
  ) {
    return this.workflow.withdraw(actor, input);
  }

  @Allow(...SIDES)
  @Mutation(() => MatchModel, { description: 'Accept or decline an introduction, for your side.' })
  respondToMatch(
    @CurrentActor() actor: Actor,
    @Args('input', { description: 'The match, its version and your answer.' }) input: RespondToMatchInput,
  ) {
    return this.workflow.respond(actor, input);
  }

  @Allow(...STAFF)
  @Mutation(() => MatchModel, { description: 'Record what came of an engagement.' })
  recordMatchOutcome(
    @CurrentActor() actor: Actor,
    @Args('input', { description: 'The match, its version and the outcome.' }) input: RecordMatchOutcomeInput,
  ) {
    return this.workflow.recordOutcome(actor, input);
  }

  @ResolveField(() => [MatchOutcomeModel], {
    description: 'What came of it: its outcomes (MoU, pilot, contract, handover…) in date order; empty until one is recorded.',
  })
  async outcomes(@Parent() match: MatchModel, @Context() context: GraphQLContext) {
    return (await this.loaders.outcomesOf(context, match.id)).map(toMatchOutcomeModel);
  }

  @ResolveField(() => MatchOutcomeKind, {
    nullable: true,
    description:
      'The furthest stage its outcomes reached (MoU → training → pilot → contract → handover); null before any, or when only NONE was recorded.',
  })
  async stage(@Parent() match: MatchModel, @Context() context: GraphQLContext) {
    return furthestStage((await this.loaders.outcomesOf(context, match.id)).map((o) => o.kind));
  }

  @ResolveField(() => MatchOutcomeModel, {
    nullable: true,
    deprecationReason: 'A match holds a series of outcomes: read `outcomes` and `stage`.',
    description: 'Its latest outcome by date; null before any.',
  })
  async outcome(@Parent() match: MatchModel, @Context() context: GraphQLContext) {
    const latest = (await this.loaders.outcomesOf(context, match.id)).at(-1);
    return latest ? toMatchOutcomeModel(latest) : null;
  }

  @ResolveField(() => OrganizationModel, { description: 'The agency that posted the need.' })
  agency(@Parent() match: MatchModel, @Context() context: GraphQLContext) {
    return this.organizations.model(context, match.agencyId);
  }

  @ResolveField(() => MatchContactModel, {
    nullable: true,
    description: 'The agency’s contacts: for the enterprise only once both accepted; always for coordinators.',
  })
  agencyContact(@CurrentActor() actor: Actor, @Parent() match: MatchModel, @Context() context: GraphQLContext) {
    return this.loaders.contactOf(context, this.reads.contactOrganizationId(actor, match, 'AGENCY'));
  }

  @ResolveField(() => MatchContactModel, {
    nullable: true,
    description: 'The enterprise’s contacts: for the agency only once both accepted; always for coordinators.',
  })
  enterpriseContact(@CurrentActor() actor: Actor, @Parent() match: MatchModel, @Context() context: GraphQLContext) {
    return this.loaders.contactOf(context, this.reads.contactOrganizationId(actor, match, 'ENTERPRISE'));
  }
}
