import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, CurrentActor, Public } from '../access/access.decorator';
import { Actor, Role } from '../access/actor';
import { GraphQLContext } from '../graphql/graphql-context';
import { OrganizationLoaders } from '../organizations/organization.loaders';
import { OrganizationModel } from '../organizations/organization.model';
import { CountryModel, TaxonomyTermModel } from '../reference-data/reference-data.model';
import { ReferenceDataService } from '../reference-data/reference-data.service';
import { TaxonomyKind } from '../reference-data/taxonomy-term.entity';
import {
  CreateReferenceProjectInput,
  ReferenceProjectIdArgs,
  ReferenceProjectsArgs,
  UpdateReferenceProjectInput,
} from './dto/reference-project.inputs';
import { ReferenceProjectConnection, ReferenceProjectModel } from './reference-project.model';
import { ReferenceProjectsService } from './reference-projects.service';

@Resolver(() => ReferenceProjectModel)
export class ReferenceProjectsResolver {
  constructor(
    private readonly service: ReferenceProjectsService,
    private readonly referenceData: ReferenceDataService,
    private readonly organizations: OrganizationLoaders,
  ) {}

  @Public()
  @Query(() => ReferenceProjectConnection, { description: 'Track records of verified enterprises (and your own), newest first.' })
  referenceProjects(@CurrentActor() actor: Actor | null, @Args() args: ReferenceProjectsArgs) {
    return this.service.list(actor, args);
  }

  @Public()
  @Query(() => ReferenceProjectModel, { description: 'One reference project, if visible to the caller.' })
  referenceProject(@CurrentActor() actor: Actor | null, @Args() args: ReferenceProjectIdArgs) {
    return this.service.get(actor, args.id);
  }

  @Allow(Role.ENTERPRISE_MEMBER)
  @Mutation(() => ReferenceProjectModel, { description: "Add a project to your enterprise's track record." })
  createReferenceProject(
    @CurrentActor() actor: Actor,
    @Args('input', { description: 'What to create.' }) input: CreateReferenceProjectInput,
  ) {
    return this.service.create(actor, input);
  }

  @Allow(Role.ENTERPRISE_MEMBER)
  @Mutation(() => ReferenceProjectModel, { description: "Change a project of your enterprise's track record." })
  updateReferenceProject(
    @CurrentActor() actor: Actor,
    @Args('input', { description: 'What to change.' }) input: UpdateReferenceProjectInput,
  ) {
    return this.service.update(actor, input);
  }

  @Allow(Role.ENTERPRISE_MEMBER)
  @Mutation(() => Boolean, { description: "Remove a project from your enterprise's track record." })
  deleteReferenceProject(@CurrentActor() actor: Actor, @Args() args: ReferenceProjectIdArgs) {
    return this.service.delete(actor, args.id);
  }

  @ResolveField(() => CountryModel, { nullable: true, description: 'Country of the project; null for multi-country projects.' })
  country(@Parent() project: ReferenceProjectModel): CountryModel | null {
    return project.countryCode ? this.referenceData.country(project.countryCode) : null;
  }

  @ResolveField(() => TaxonomyTermModel, { nullable: true, description: 'Water sector (CRS code); null outside the water sector.' })
  sector(@Parent() project: ReferenceProjectModel): TaxonomyTermModel | null {
    return project.sectorCode ? this.referenceData.term(TaxonomyKind.WATER_SECTOR, project.sectorCode) : null;
  }

  @ResolveField(() => [TaxonomyTermModel], { description: 'Technology categories.' })
  technologyCategories(@Parent() project: ReferenceProjectModel): TaxonomyTermModel[] {
    return project.technologyCategoryCodes.map((code) => this.referenceData.term(TaxonomyKind.TECHNOLOGY_CATEGORY, code));
  }

  @ResolveField(() => OrganizationModel, { description: 'The enterprise whose track record this is.' })
  organization(@Parent() project: ReferenceProjectModel, @Context() context: GraphQLContext): Promise<OrganizationModel> {
    return this.organizations.model(context, project.organizationId);
  }
}
