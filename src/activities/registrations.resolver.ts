import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, CurrentActor } from '../access/access.decorator';
import { Actor, Role } from '../access/actor';
import { GraphQLContext } from '../graphql/graphql-context';
import { OrganizationLoaders } from '../organizations/organization.loaders';
import { OrganizationModel } from '../organizations/organization.model';
import { ActivitiesService } from './activities.service';
import { ActivityModel, ActivityRegistrationConnection, ActivityRegistrationModel } from './activity.model';
import {
  ActivityRegistrationsArgs,
  RefuseRegistrationArgs,
  RegisterDelegatesInput,
  RegistrationIdArgs,
  RegistrationReasonArgs,
} from './dto/activity.inputs';
import { REGISTERING_ROLES, RegistrationsService } from './registrations.service';

@Resolver(() => ActivityRegistrationModel)
export class RegistrationsResolver {
  constructor(
    private readonly service: RegistrationsService,
    private readonly activities: ActivitiesService,
    private readonly organizations: OrganizationLoaders,
  ) {}

  @Allow(Role.ENTERPRISE_MEMBER, Role.AGENCY_MEMBER, Role.COORDINATOR, Role.ADMIN)
  @Query(() => ActivityRegistrationConnection, {
    description: "An activity's registrations, newest first: every one for the secretariat, your organisation's own for members.",
  })
  activityRegistrations(@CurrentActor() actor: Actor, @Args() args: ActivityRegistrationsArgs) {
    return this.service.list(actor, args);
  }

  @Allow(...REGISTERING_ROLES)
  @Mutation(() => [ActivityRegistrationModel], {
    description:
      'Register delegates of your organisation (verified enterprise, agency or joint centre) for an OPEN activity before its deadline. Each takes a free seat (PENDING, for a coordinator to confirm) or a place on the waiting list.',
  })
  registerDelegates(@CurrentActor() actor: Actor, @Args('input', { description: 'Who to register.' }) input: RegisterDelegatesInput) {
    return this.service.register(actor, input);
  }

  @Allow(Role.COORDINATOR)
  @Mutation(() => ActivityRegistrationModel, { description: 'Confirm a delegate holding a seat (PENDING → CONFIRMED). Coordinators.' })
  confirmRegistration(@CurrentActor() actor: Actor, @Args() args: RegistrationIdArgs) {
    return this.service.confirm(actor, args.id);
  }

  @Allow(Role.COORDINATOR)
  @Mutation(() => ActivityRegistrationModel, {
    description:
      'Refuse a pending or waiting delegate, with the reason (→ REFUSED); a seat freed goes to the first on the list. Coordinators.',
  })
  refuseRegistration(@CurrentActor() actor: Actor, @Args() args: RefuseRegistrationArgs) {
    return this.service.refuse(actor, args.id, args.reason);
  }

  @Allow(Role.ENTERPRISE_MEMBER, Role.AGENCY_MEMBER, Role.COORDINATOR)
  @Mutation(() => ActivityRegistrationModel, {
    description: "Cancel a registration of your organisation's (or any, for coordinators); a seat freed goes to the first on the list.",
  })
  cancelRegistration(@CurrentActor() actor: Actor, @Args() args: RegistrationReasonArgs) {
    return this.service.cancel(actor, args.id, args.reason ?? null);
  }

  @ResolveField(() => ActivityModel, { description: 'The activity.' })
  activity(@Parent() registration: ActivityRegistrationModel, @CurrentActor() actor: Actor | null) {
    return this.activities.get(actor, registration.activityId);
  }

  @ResolveField(() => OrganizationModel, { description: 'The organisation the delegate comes from.' })
  organization(@Parent() registration: ActivityRegistrationModel, @Context() context: GraphQLContext): Promise<OrganizationModel> {
    return this.organizations.model(context, registration.organizationId);
  }
}
