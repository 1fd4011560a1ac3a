import { Args, Field, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { UserModel } from '../users/user.model';
import { UsersService } from '../users/users.service';
import { ChangePasswordArgs, LoginArgs, UpdateMyProfileInput } from '../users/dto/user.inputs';
import { Allow, ANY_ROLE, CurrentActor, Public } from './access.decorator';
import { Actor } from './actor';
import { AuthService } from './auth.service';

@ObjectType('AuthPayload', { description: 'A signed-in session.' })
class AuthPayload {
  @Field({ description: 'Bearer token: send it as `Authorization: Bearer <token>`.' })
  token: string;

  @Field({ description: 'When the token stops working; sign in again after.' })
  expiresAt: Date;

  @Field(() => UserModel, { description: 'The signed-in user.' })
  user: UserModel;
}

@Resolver()
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
  ) {}

  @Public()
  @Mutation(() => AuthPayload, { description: 'Sign in with e-mail and password; returns a bearer token.' })
  async login(@Args() args: LoginArgs): Promise<AuthPayload> {
    const session = await this.auth.login(args.email, args.password);
    return { token: session.token, expiresAt: session.expiresAt, user: await this.users.get(session.userId) };
  }

  @Allow(...ANY_ROLE)
  @Query(() => UserModel, { description: 'The signed-in user.' })
  me(@CurrentActor() actor: Actor): Promise<UserModel> {
    return this.users.get(actor.userId);
  }

  @Allow(...ANY_ROLE)
  @Mutation(() => UserModel, { description: 'Change your own display name or language.' })
  updateMyProfile(@CurrentActor() actor: Actor, @Args('input', { description: 'What to change.' }) input: UpdateMyProfileInput): Promise<UserModel> {
    return this.users.updateProfile(actor, input);
  }

  @Allow(...ANY_ROLE)
  @Mutation(() => Boolean, { description: 'Change your own password; needs the current one.' })
  changePassword(@CurrentActor() actor: Actor, @Args() args: ChangePasswordArgs): Promise<boolean> {
    return this.users.changePassword(actor, args.currentPassword, args.newPassword);
  }
}
