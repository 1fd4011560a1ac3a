import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, CurrentActor, Public } from '../access/access.decorator';
import { Actor, Role } from '../access/actor';
import { GraphQLContext } from '../graphql/graphql-context';
import { OrganizationLoaders } from '../organizations/organization.loaders';
import { OrganizationModel } from '../organizations/organization.model';
import { CountryModel, TaxonomyTermModel } from '../reference-data/reference-data.model';
import { ReferenceDataService } from '../reference-data/reference-data.service';
import { TaxonomyKind } from '../reference-data/taxonomy-term.entity';
import { CapabilitiesService } from './capabilities.service';
import { CapabilityConnection, CapabilityModel } from './capability.model';
import { CapabilitiesArgs, CapabilityIdArgs, CreateCapabilityInput, UpdateCapabilityInput } from './dto/capability.inputs';

@Resolver(() => CapabilityModel)
export class CapabilitiesResolver {
  constructor(
    private readonly service: CapabilitiesService,
    private readonly referenceData: ReferenceDataService,
    private readonly organizations: OrganizationLoaders,
  ) {}

  @Public()
  @Query(() => CapabilityConnection, { description: 'Capabilities of verified enterprises (and your own), newest first.' })
  capabilities(@CurrentActor() actor: Actor | null, @Args() args: CapabilitiesArgs) {
    return this.service.list(actor, args);
  }

  @Public()
  @Query(() => CapabilityModel, { description: 'One capability, if visible to the caller.' })
  capability(@CurrentActor() actor: Actor | null, @Args() args: CapabilityIdArgs) {
    return this.service.get(actor, args.id);
  }

  @Allow(Role.ENTERPRISE_MEMBER)
  @Mutation(() => CapabilityModel, { description: 'Add a capability to your enterprise.' })
  createCapability(@CurrentActor() actor: Actor, @Args('input', { description: 'What to create.' }) input: CreateCapabilityInput) {
    return this.service.create(actor, input);
  }

  @Allow(Role.ENTERPRISE_MEMBER)
  @Mutation(() => CapabilityModel, { description: "Change one of your enterprise's capabilities." })
  updateCapability(@CurrentActor() actor: Actor, @Args('input', { description: 'What to change.' }) input: UpdateCapabilityInput) {
    return this.service.update(actor, input);
  }

  @Allow(Role.ENTERPRISE_MEMBER)
  @Mutation(() => Boolean, { description: "Remove one of your enterprise's capabilities." })
  deleteCapability(@CurrentActor() actor: Actor, @Args() args: CapabilityIdArgs) {
    return this.service.delete(actor, args.id);
  }

  @ResolveField(() => TaxonomyTermModel, { description: 'Technology category.' })
  technologyCategory(@Parent() capability: CapabilityModel): TaxonomyTermModel {
    return this.referenceData.term(TaxonomyKind.TECHNOLOGY_CATEGORY, capability.technologyCategoryCode);
  }

  @ResolveField(() => [TaxonomyTermModel], { description: 'Cooperation modes offered.' })
  cooperationModes(@Parent() capability: CapabilityModel): TaxonomyTermModel[] {
    return capability.cooperationModeCodes.map((code) => this.referenceData.term(TaxonomyKind.COOPERATION_MODE, code));
  }

  @ResolveField(() => [CountryModel], { description: 'Countries served.' })
  countriesServed(@Parent() capability: CapabilityModel): CountryModel[] {
    return capability.countryCodesServed.map((code) => this.referenceData.country(code));
  }

  @ResolveField(() => OrganizationModel, { description: 'The enterprise offering the capability.' })
  organization(@Parent() capability: CapabilityModel, @Context() context: GraphQLContext): Promise<OrganizationModel> {
    return this.organizations.model(context, capability.organizationId);
  }
}
