import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { GraphQLContext } from '../graphql/graphql-context';
import { OrganizationLoaders } from '../organizations/organization.loaders';
import { OrganizationModel } from '../organizations/organization.model';
import { MeetingParticipantModel } from './meeting.model';

/** Whom a delegate comes from: an agenda, a request or a suggestion says "with whom" by organisation too. */
@Resolver(() => MeetingParticipantModel)
export class MeetingParticipantResolver {
  constructor(private readonly organizations: OrganizationLoaders) {}

  @ResolveField(() => OrganizationModel, { description: 'The organisation the delegate comes from.' })
  organization(@Parent() participant: MeetingParticipantModel, @Context() context: GraphQLContext): Promise<OrganizationModel> {
    return this.organizations.model(context, participant.organizationId);
  }
}
