import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, CurrentActor, Public } from '../access/access.decorator';
import { Actor, Role } from '../access/actor';
import { GraphQLContext } from '../graphql/graphql-context';
import { OrganizationLoaders } from '../organizations/organization.loaders';
import { OrganizationModel } from '../organizations/organization.model';
import { CountryModel, TaxonomyTermModel } from '../reference-data/reference-data.model';
import { ReferenceDataService } from '../reference-data/reference-data.service';
import { TaxonomyKind } from '../reference-data/taxonomy-term.entity';
import { CreateNeedInput, NeedIdArgs, NeedsArgs, UpdateNeedInput } from './dto/need.inputs';
import { NeedConnection, NeedModel } from './need.model';
import { NeedsService } from './needs.service';

@Resolver(() => NeedModel)
export class NeedsResolver {
  constructor(
    private readonly service: NeedsService,
    private readonly referenceData: ReferenceDataService,
    private readonly organizations: OrganizationLoaders,
  ) {}

  @Public()
  @Query(() => NeedConnection, {
    description: 'Needs, newest first. Published needs are public; drafts and withdrawn needs show only to their agency and coordinators.',
  })
  needs(@CurrentActor() actor: Actor | null, @Args() args: NeedsArgs) {
    return this.service.list(actor, args);
  }

  @Public()
  @Query(() => NeedModel, { description: 'One need, if visible to the caller.' })
  need(@CurrentActor() actor: Actor | null, @Args() args: NeedIdArgs) {
    return this.service.get(actor, args.id);
  }

  @Allow(Role.AGENCY_MEMBER)
  @Mutation(() => NeedModel, { description: 'Write a new need for your agency; it starts as a DRAFT.' })
  createNeed(@CurrentActor() actor: Actor, @Args('input', { description: 'What to create.' }) input: CreateNeedInput) {
    return this.service.create(actor, input);
  }

  @Allow(Role.AGENCY_MEMBER)
  @Mutation(() => NeedModel, { description: "Change one of your agency's needs while it is DRAFT or OPEN." })
  updateNeed(@CurrentActor() actor: Actor, @Args('input', { description: 'What to change.' }) input: UpdateNeedInput) {
    return this.service.update(actor, input);
  }

  @Allow(Role.AGENCY_MEMBER)
  @Mutation(() => NeedModel, { description: 'Publish a draft (DRAFT → OPEN). Your agency must be verified.' })
  publishNeed(@CurrentActor() actor: Actor, @Args() args: NeedIdArgs) {
    return this.service.publish(actor, args.id);
  }

  @Allow(Role.AGENCY_MEMBER)
  @Mutation(() => NeedModel, { description: 'Take back one of your needs before it is matched (→ WITHDRAWN).' })
  withdrawNeed(@CurrentActor() actor: Actor, @Args() args: NeedIdArgs) {
    return this.service.withdraw(actor, args.id);
  }

  @Allow(Role.AGENCY_MEMBER, Role.COORDINATOR)
  @Mutation(() => NeedModel, { description: 'Close a need that is done (→ CLOSED). Its agency or a coordinator.' })
  closeNeed(@CurrentActor() actor: Actor, @Args() args: NeedIdArgs) {
    return this.service.close(actor, args.id);
  }

  @ResolveField(() => CountryModel, { description: 'Country where the need is.' })
  country(@Parent() need: NeedModel): CountryModel {
    return this.referenceData.country(need.countryCode);
  }

  @ResolveField(() => TaxonomyTermModel, { description: 'Water sector (OECD-DAC CRS purpose code).' })
  sector(@Parent() need: NeedModel): TaxonomyTermModel {
    return this.referenceData.term(TaxonomyKind.WATER_SECTOR, need.sectorCode);
  }

  @ResolveField(() => [TaxonomyTermModel], { description: 'SDG 6 targets the need serves.' })
  sdgTargets(@Parent() need: NeedModel): TaxonomyTermModel[] {
    return need.sdgTargetCodes.map((code) => this.referenceData.term(TaxonomyKind.SDG_TARGET, code));
  }

  @ResolveField(() => [TaxonomyTermModel], { description: 'Cooperation modes the agency wants.' })
  cooperationModes(@Parent() need: NeedModel): TaxonomyTermModel[] {
    return need.cooperationModeCodes.map((code) => this.referenceData.term(TaxonomyKind.COOPERATION_MODE, code));
  }

  @ResolveField(() => [TaxonomyTermModel], { description: 'Technology categories the need calls for.' })
  technologyCategories(@Parent() need: NeedModel): TaxonomyTermModel[] {
    return need.technologyCategoryCodes.map((code) => this.referenceData.term(TaxonomyKind.TECHNOLOGY_CATEGORY, code));
  }

  @ResolveField(() => OrganizationModel, { description: 'The agency that posted the need.' })
  async organization(@Parent() need: NeedModel, @Context() context: GraphQLContext): Promise<OrganizationModel> {
    return this.organizations.model(context, need.organizationId);
  }
}
