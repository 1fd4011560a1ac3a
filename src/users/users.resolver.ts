import { Args, ArgsType, Context, Field, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';
import { Allow, CurrentActor } from '../access/access.decorator';
import { Actor, Role } from '../access/actor';
import { GraphQLContext } from '../graphql/graphql-context';
import { OrganizationLoaders } from '../organizations/organization.loaders';
import { OrganizationModel } from '../organizations/organization.model';
import { CreateUserInput, UpdateUserInput, UsersArgs } from './dto/user.inputs';
import { UserConnection, UserModel } from './user.model';
import { UsersService } from './users.service';

@ArgsType()
class UserIdArgs {
  @Field(() => ID, { description: 'Identifier of the user.' })
  @IsUUID()
  id: string;
}

@Resolver(() => UserModel)
export class UsersResolver {
  constructor(
    private readonly service: UsersService,
    private readonly organizations: OrganizationLoaders,
  ) {}

  @Allow(Role.ADMIN)
  @Query(() => UserConnection, { description: 'User accounts, newest first. Admins only.' })
  users(@Args() args: UsersArgs) {
    return this.service.list(args);
  }

  @Allow(Role.ADMIN)
  @Query(() => UserModel, { description: 'One user account. Admins only.' })
  user(@Args() args: UserIdArgs) {
    return this.service.get(args.id);
  }

  @Allow(Role.ADMIN)
  @Mutation(() => UserModel, { description: 'Create a user account in an organisation. Admins only.' })
  createUser(@CurrentActor() actor: Actor, @Args('input', { description: 'What to create.' }) input: CreateUserInput) {
    return this.service.create(actor, input);
  }

  @Allow(Role.ADMIN)
  @Mutation(() => UserModel, { description: "Change a user's name, role, language or active flag. Admins only." })
  updateUser(@CurrentActor() actor: Actor, @Args('input', { description: 'What to change.' }) input: UpdateUserInput) {
    return this.service.update(actor, input);
  }

  @ResolveField(() => OrganizationModel, { description: 'The organisation the user belongs to.' })
  async organization(@Parent() user: UserModel, @Context() context: GraphQLContext): Promise<OrganizationModel> {
    return this.organizations.model(context, user.organizationId);
  }
}
