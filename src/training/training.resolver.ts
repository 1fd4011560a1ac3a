import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, CurrentActor } from '../access/access.decorator';
import { RecordContributionOutcomeInput } from '../programmes/contribution-outcome';
import { Actor, Role } from '../access/actor';
import { GraphQLContext } from '../graphql/graphql-context';
import { OrganizationLoaders } from '../organizations/organization.loaders';
import { OrganizationModel } from '../organizations/organization.model';
import { contributionLinksResolver } from '../programmes/contribution-links.resolver';
import { ActivityLoaders } from '../activities/activity.loaders';
import { ActivityModel } from '../activities/activity.model';
import { MoveTrainingInput, PledgeTrainingInput, TrainingCourseIdArgs, TrainingCoursesArgs } from './dto/training.inputs';
import { TrainingCourseConnection, TrainingCourseModel } from './training-course.model';
import { TrainingService } from './training.service';

/** A course's need, programme and match. */
export const TrainingLinksResolver = contributionLinksResolver(TrainingCourseModel, 'course');

@Resolver(() => TrainingCourseModel)
export class TrainingResolver {
  constructor(
    private readonly service: TrainingService,
    private readonly organizations: OrganizationLoaders,
    private readonly activities: ActivityLoaders,
  ) {}

  @Allow(Role.ENTERPRISE_MEMBER, Role.AGENCY_MEMBER, Role.COORDINATOR, Role.ADMIN)
  @Query(() => TrainingCourseConnection, { description: 'Training courses you give or receive (all, for the secretariat), newest first.' })
  trainingCourses(@CurrentActor() actor: Actor, @Args() args: TrainingCoursesArgs) {
    return this.service.list(actor, args);
  }

  @Allow(Role.ENTERPRISE_MEMBER, Role.AGENCY_MEMBER, Role.COORDINATOR, Role.ADMIN)
  @Query(() => TrainingCourseModel, { description: 'One training course, if you give or receive it (or are staff).' })
  trainingCourse(@CurrentActor() actor: Actor, @Args() args: TrainingCourseIdArgs) {
    return this.service.get(actor, args.id);
  }

  @Allow(Role.ENTERPRISE_MEMBER, Role.AGENCY_MEMBER, Role.COORDINATOR)
  @Mutation(() => TrainingCourseModel, {
    description:
      'Pledge a training course (your enterprise or joint centre as the trainer) for a partner agency’s or joint centre’s staff (→ PLEDGED).',
  })
  pledgeTraining(@CurrentActor() actor: Actor, @Args('input', { description: 'What is taught, to whom.' }) input: PledgeTrainingInput) {
    return this.service.pledge(actor, input);
  }

  @Allow(Role.ENTERPRISE_MEMBER, Role.AGENCY_MEMBER, Role.COORDINATOR)
  @Mutation(() => TrainingCourseModel, {
    description:
      'Move a training course: APPROVED / REFUSED (a pledge, or an approved course before it is given) by a coordinator; COMPLETED (trainees, hours, certificates) by the trainer (or a coordinator for it); WITHDRAWN by the trainer alone, before it is given. An illegal move is CONFLICT.',
  })
  moveTraining(@CurrentActor() actor: Actor, @Args('input', { description: 'The move.' }) input: MoveTrainingInput) {
    return this.service.move(actor, input);
  }

  @Allow(Role.COORDINATOR)
  @Mutation(() => TrainingCourseModel, {
    description:
      'Record a completed course as a TRAINING_DELIVERED outcome of the match between the trainer and the recipient’s need, dated its last day; both sides are told. Once per course. Coordinators.',
  })
  recordTrainingAsOutcome(
    @CurrentActor() actor: Actor,
    @Args('input', { description: 'The contribution and the match.' }) input: RecordContributionOutcomeInput,
  ) {
    return this.service.recordAsOutcome(actor, input);
  }

  @ResolveField(() => OrganizationModel, { description: 'The enterprise or joint centre giving it.' })
  trainer(@Parent() course: TrainingCourseModel, @Context() context: GraphQLContext): Promise<OrganizationModel> {
    return this.organizations.model(context, course.trainerId);
  }

  @ResolveField(() => OrganizationModel, { description: 'The agency or joint centre whose staff are trained.' })
  recipient(@Parent() course: TrainingCourseModel, @Context() context: GraphQLContext): Promise<OrganizationModel> {
    return this.organizations.model(context, course.recipientId);
  }

  @ResolveField(() => ActivityModel, {
    nullable: true,
    description: 'The activity (a TRAINING_COURSE) it is given at; null when none, or while that activity is a draft you may not see.',
  })
  activity(@Parent() course: TrainingCourseModel, @Context() context: GraphQLContext): Promise<ActivityModel | null> {
    return this.activities.visible(context, course.activityId);
  }
}
