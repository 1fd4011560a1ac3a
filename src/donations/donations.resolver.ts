import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, CurrentActor } from '../access/access.decorator';
import { RecordContributionOutcomeInput } from '../programmes/contribution-outcome';
import { Actor, Role } from '../access/actor';
import { GraphQLContext } from '../graphql/graphql-context';
import { OrganizationLoaders } from '../organizations/organization.loaders';
import { OrganizationModel } from '../organizations/organization.model';
import { contributionLinksResolver } from '../programmes/contribution-links.resolver';
import { DonationConnection, DonationModel } from './donation.model';
import { DonationsService } from './donations.service';
import { DonationIdArgs, DonationsArgs, MoveDonationInput, PledgeDonationInput } from './dto/donation.inputs';

/** A donation's need, programme and match. */
export const DonationLinksResolver = contributionLinksResolver(DonationModel, 'donation');

@Resolver(() => DonationModel)
export class DonationsResolver {
  constructor(
    private readonly service: DonationsService,
    private readonly organizations: OrganizationLoaders,
  ) {}

  @Allow(Role.ENTERPRISE_MEMBER, Role.AGENCY_MEMBER, Role.COORDINATOR, Role.ADMIN)
  @Query(() => DonationConnection, { description: 'Equipment donations you give or receive (all, for the secretariat), newest first.' })
  donations(@CurrentActor() actor: Actor, @Args() args: DonationsArgs) {
    return this.service.list(actor, args);
  }

  @Allow(Role.ENTERPRISE_MEMBER, Role.AGENCY_MEMBER, Role.COORDINATOR, Role.ADMIN)
  @Query(() => DonationModel, { description: 'One donation, if you give or receive it (or are staff).' })
  donation(@CurrentActor() actor: Actor, @Args() args: DonationIdArgs) {
    return this.service.get(actor, args.id);
  }

  @Allow(Role.ENTERPRISE_MEMBER, Role.COORDINATOR)
  @Mutation(() => DonationModel, {
    description: 'Pledge equipment to a joint centre or partner agency, against one of its needs or within a programme (→ PLEDGED).',
  })
  pledgeDonation(@CurrentActor() actor: Actor, @Args('input', { description: 'What is given, to whom.' }) input: PledgeDonationInput) {
    return this.service.pledge(actor, input);
  }

  @Allow(Role.ENTERPRISE_MEMBER, Role.AGENCY_MEMBER, Role.COORDINATOR)
  @Mutation(() => DonationModel, {
    description:
      'Move a donation: APPROVED / REFUSED (a pledge, or an approved donation before it ships) by a coordinator; SHIPPED by the donor (or a coordinator for it); HANDED_OVER and IN_OPERATION by the recipient (or a coordinator for it); WITHDRAWN by the donor alone, before it ships. An illegal move is CONFLICT.',
  })
  moveDonation(@CurrentActor() actor: Actor, @Args('input', { description: 'The move.' }) input: MoveDonationInput) {
    return this.service.move(actor, input);
  }

  @Allow(Role.COORDINATOR)
  @Mutation(() => DonationModel, {
    description:
      'Record a donation handed over (or in operation) as a HANDOVER outcome of the match between the donor and the recipient’s need, with its date and value; both sides are told. Once per donation. Coordinators.',
  })
  recordDonationAsOutcome(
    @CurrentActor() actor: Actor,
    @Args('input', { description: 'The contribution and the match.' }) input: RecordContributionOutcomeInput,
  ) {
    return this.service.recordAsOutcome(actor, input);
  }

  @ResolveField(() => OrganizationModel, { description: 'The enterprise that gives it.' })
  donor(@Parent() donation: DonationModel, @Context() context: GraphQLContext): Promise<OrganizationModel> {
    return this.organizations.model(context, donation.donorId);
  }

  @ResolveField(() => OrganizationModel, { description: 'The joint centre or agency that receives it.' })
  recipient(@Parent() donation: DonationModel, @Context() context: GraphQLContext): Promise<OrganizationModel> {
    return this.organizations.model(context, donation.recipientId);
  }
}
