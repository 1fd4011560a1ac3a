import { Args, Field, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { UserModel } from '../users/user.model';
import { UsersService } from '../users/users.service';
import { ChangePasswordArgs, LoginArgs, UpdateMyProfileInput } from '../users/dto/user.inputs';
import { Allow, ANY_ROLE, CurrentActor, Public } from '../access/access.decorator';
import { Actor } from '../access/actor';
import { AuthService } from './auth.service';
import { ClientAddress } from '../access/client-address';
import { LogoutArgs, RefreshTokenArgs } from './dto/auth.inputs';

@ObjectType('AuthPayload', { description: 'A signed-in session.' })
class AuthPayload {
  @Field({ description: 'Bearer token: send it as `Authorization: Bearer <token>`.' })
  token: string;

  @Field({ description: 'When the token stops working; refresh it (refreshToken) or sign in again before.' })
  expiresAt: Date;

  @Field({ description: 'Opaque token for `refreshToken`, which exchanges it for a new session; usable once. Keep it secret.' })
  refreshToken: string;

  @Field({ description: 'When the refresh token stops working; sign in again after.' })
  refreshTokenExpiresAt: Date;

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
  @Mutation(() => AuthPayload, {
    description:
      'Sign in with e-mail and password; returns a bearer token and a refresh token. Repeated failures lock the e-mail address or the client address for a while (TOO_MANY_REQUESTS).',
  })
  async login(@Args() args: LoginArgs, @ClientAddress() address: string): Promise<AuthPayload> {
    const { userId, ...session } = await this.auth.login(args.email, args.password, address);
    return { ...session, user: await this.users.get(userId) };
  }

  @Public()
  @Mutation(() => AuthPayload, {
    description:
      'Exchange a refresh token for a new bearer token and a new refresh token; the one sent stops working. Presenting a used or revoked one again signs out the session it came from (your other sessions go on).',
  })
  async refreshToken(@Args() args: RefreshTokenArgs): Promise<AuthPayload> {
    const { userId, ...session } = await this.auth.refresh(args.refreshToken);
    return { ...session, user: await this.users.get(userId) };
  }

  @Public()
  @Mutation(() => Boolean, {
    description:
      'Sign out: the session of this refresh token ends, its refresh token and bearer tokens stop working. With allSessions, every session of the account ends. The refresh token suffices; if a bearer token is sent as well, the refresh token must be of the same account (FORBIDDEN otherwise). An unknown, expired or already revoked refresh token is UNAUTHENTICATED.',
  })
  logout(@CurrentActor() actor: Actor | null, @Args() args: LogoutArgs): Promise<boolean> {
    return this.auth.logout(actor, args.refreshToken, args.allSessions ?? false);
  }

  @Allow(...ANY_ROLE)
  @Query(() => UserModel, { description: 'The signed-in user.' })
  me(@CurrentActor() actor: Actor): Promise<UserModel> {
    return this.users.get(actor.userId);
  }

  @Allow(...ANY_ROLE)
  @Mutation(() => UserModel, { description: 'Change your own display name or language.' })
  updateMyProfile(
    @CurrentActor() actor: Actor,
    @Args('input', { description: 'What to change.' }) input: UpdateMyProfileInput,
  ): Promise<UserModel> {
    return this.users.updateProfile(actor, input);
  }

  @Allow(...ANY_ROLE)
  @Mutation(() => Boolean, {
    description:
      'Change your own password; needs the current one. Signs out every session: your bearer and refresh tokens stop working, so sign in again. Wrong current passwords count as failed sign-ins (TOO_MANY_REQUESTS after too many).',
  })
  changePassword(@CurrentActor() actor: Actor, @Args() args: ChangePasswordArgs, @ClientAddress() address: string): Promise<boolean> {
    return this.auth.changePassword(actor, args.currentPassword, args.newPassword, address);
  }
}
