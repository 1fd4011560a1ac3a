import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, CurrentActor, Public } from '../access/access.decorator';
import { Actor, Role } from '../access/actor';
import { GraphQLContext } from '../graphql/graphql-context';
import { OrganizationLoaders } from '../organizations/organization.loaders';
import { OrganizationModel } from '../organizations/organization.model';
import { ProgrammeLoaders } from '../programmes/programme.loaders';
import { ProgrammeModel } from '../programmes/programme.model';
import { CountryModel, TaxonomyTermModel } from '../reference-data/reference-data.model';
import { ReferenceDataService } from '../reference-data/reference-data.service';
import { TaxonomyKind } from '../reference-data/taxonomy-term.entity';
import { ActivitiesService } from './activities.service';
import { ActivityLoaders } from './activity.loaders';
import { ActivityConnection, ActivityModel, ActivityRegistrationModel, ActivitySeatsModel } from './activity.model';
import {
  ActivitiesArgs,
  ActivityIdArgs,
  ActivityReasonArgs,
  CreateActivityInput,
  ReportActivityArgs,
  UpdateActivityInput,
} from './dto/activity.inputs';

@Resolver(() => ActivityModel)
export class ActivitiesResolver {
  constructor(
    private readonly service: ActivitiesService,
    private readonly loaders: ActivityLoaders,
    private readonly organizations: OrganizationLoaders,
    private readonly programmes: ProgrammeLoaders,
    private readonly referenceData: ReferenceDataService,
  ) {}

  @Public()
  @Query(() => ActivityConnection, {
    description:
      'Activities: newest first; with `upcoming`, soonest first; with `past`, the most recently ended first. Drafts show to coordinators and admins only.',
  })
  activities(@CurrentActor() actor: Actor | null, @Args() args: ActivitiesArgs) {
    return this.service.list(actor, args);
  }

  @Public()
  @Query(() => ActivityModel, { description: 'One activity, if visible to the caller.' })
  activity(@CurrentActor() actor: Actor | null, @Args() args: ActivityIdArgs) {
    return this.service.get(actor, args.id);
  }

  @Allow(Role.COORDINATOR)
  @Mutation(() => ActivityModel, { description: 'Prepare an activity; it starts as a DRAFT. Coordinators.' })
  createActivity(@CurrentActor() actor: Actor, @Args('input', { description: 'What to create.' }) input: CreateActivityInput) {
    return this.service.create(actor, input);
  }

  @Allow(Role.COORDINATOR)
  @Mutation(() => ActivityModel, {
    description: 'Change an activity before it is held. A larger capacity moves the waiting list up; one below the seats held is refused.',
  })
  updateActivity(@CurrentActor() actor: Actor, @Args('input', { description: 'What to change.' }) input: UpdateActivityInput) {
    return this.service.update(actor, input);
  }

  @Allow(Role.COORDINATOR)
  @Mutation(() => ActivityModel, { description: 'Publish a draft and open registration (DRAFT → OPEN). Coordinators.' })
  publishActivity(@CurrentActor() actor: Actor, @Args() args: ActivityIdArgs) {
    return this.service.publish(actor, args.id);
  }

  @Allow(Role.COORDINATOR)
  @Mutation(() => ActivityModel, { description: 'Close registration (OPEN → CLOSED). Coordinators.' })
  closeActivityRegistration(@CurrentActor() actor: Actor, @Args() args: ActivityIdArgs) {
    return this.service.closeRegistration(actor, args.id);
  }

  @Allow(Role.COORDINATOR)
  @Mutation(() => ActivityModel, { description: 'Open registration again before the deadline (CLOSED → OPEN). Coordinators.' })
  reopenActivityRegistration(@CurrentActor() actor: Actor, @Args() args: ActivityIdArgs) {
    return this.service.reopenRegistration(actor, args.id);
  }

  @Allow(Role.COORDINATOR)
  @Mutation(() => ActivityModel, { description: 'Record that it took place (CLOSED → HELD), once it has started. Coordinators.' })
  markActivityHeld(@CurrentActor() actor: Actor, @Args() args: ActivityIdArgs) {
    return this.service.markHeld(actor, args.id);
  }

  @Allow(Role.COORDINATOR)
  @Mutation(() => ActivityModel, { description: 'Write what came of it (HELD → REPORTED). Coordinators.' })
  reportActivity(@CurrentActor() actor: Actor, @Args() args: ReportActivityArgs) {
    return this.service.report(actor, args.id, args.report);
  }

  @Allow(Role.COORDINATOR)
  @Mutation(() => ActivityModel, {
    description:
      'Call it off before it is held (→ CANCELLED); every live registration and meeting request is cancelled with the reason, and told. Coordinators.',
  })
  cancelActivity(@CurrentActor() actor: Actor, @Args() args: ActivityReasonArgs) {
    return this.service.cancel(actor, args.id, args.reason);
  }

  @ResolveField(() => CountryModel, { description: 'Country where it takes place.' })
  country(@Parent() activity: ActivityModel): CountryModel {
    return this.referenceData.country(activity.countryCode);
  }

  @ResolveField(() => ProgrammeModel, { nullable: true, description: 'The programme it belongs to, if any.' })
  programme(@Parent() activity: ActivityModel, @Context() context: GraphQLContext): Promise<ProgrammeModel | null> {
    return this.programmes.programme(context, activity.programmeId);
  }

  @ResolveField(() => OrganizationModel, { nullable: true, description: 'The joint research centre hosting it, if any.' })
  async hostCentre(@Parent() activity: ActivityModel, @Context() context: GraphQLContext): Promise<OrganizationModel | null> {
    return activity.hostCentreId ? this.organizations.model(context, activity.hostCentreId) : null;
  }

  @ResolveField(() => [TaxonomyTermModel], { description: 'Topics: technology categories.' })
  technologyCategories(@Parent() activity: ActivityModel): TaxonomyTermModel[] {
    return activity.technologyCategoryCodes.map((code) => this.referenceData.term(TaxonomyKind.TECHNOLOGY_CATEGORY, code));
  }

  @ResolveField(() => [TaxonomyTermModel], { description: 'SDG 6 targets it serves.' })
  sdgTargets(@Parent() activity: ActivityModel): TaxonomyTermModel[] {
    return activity.sdgTargetCodes.map((code) => this.referenceData.term(TaxonomyKind.SDG_TARGET, code));
  }

  @ResolveField(() => ActivitySeatsModel, { description: 'How full it is.' })
  seats(@Parent() activity: ActivityModel, @Context() context: GraphQLContext): Promise<ActivitySeatsModel> {
    return this.loaders.seats(context, activity);
  }

  @ResolveField(() => [ActivityRegistrationModel], {
    description: 'The delegates your organisation registered, in arrival order (empty for the secretariat and anonymous callers).',
  })
  myRegistrations(@Parent() activity: ActivityModel, @Context() context: GraphQLContext): Promise<ActivityRegistrationModel[]> {
    return this.loaders.ownRegistrations(context, activity.id);
  }
}
