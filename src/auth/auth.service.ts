import { Injectable } from '@nestjs/common';
import { RequestAuthenticator } from '../access/request-authenticator';
import { DomainError } from '../common/domain-error';
import { UserEntity } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { Actor } from '../access/actor';
import { LoginThrottleService } from './login-throttle.service';
import { RefreshTokenService } from './refresh-token.service';
import { bearerTokenOf } from '../common/bearer-token';
import { TokenService } from '../access/token.service';

/** What `login` and `refreshToken` hand out. */
export interface Session {
  userId: string;
  token: string;
  expiresAt: Date;
  refreshToken: string;
  refreshTokenExpiresAt: Date;
}

@Injectable()
export class AuthService implements RequestAuthenticator {
  constructor(
    private readonly users: UsersService,
    private readonly tokens: TokenService,
    private readonly refreshTokens: RefreshTokenService,
    private readonly throttle: LoginThrottleService,
  ) {}

  /**
   * One answer for an unknown e-mail, a wrong password and a deactivated account, so accounts cannot be probed. Each
   * attempt is counted before the password is checked, and refused once the limits are reached (LoginThrottleService).
   * The password rules are not applied here: a password set under older rules still signs in.
   */
  async login(email: string, password: string, address: string): Promise<Session> {
    let user = null as UserEntity | null;
    const right = await this.throttle.attempt(email, address, async () => {
      user = await this.users.findByEmail(email);
      return (await this.users.passwordMatches(user, password)) && !!user?.active;
    });
    if (!user || !right) throw DomainError.unauthenticated('Wrong e-mail or password');
    return this.startSession(user);
  }

  /** A new session (refresh-token family) of the user, and an access token of it. */
  private async startSession(user: UserEntity): Promise<Session> {
    const { sessionId, ...refresh } = await this.refreshTokens.issue(user.id);
    return { userId: user.id, ...this.tokens.issue(user, sessionId), ...refresh };
  }

  /** A new access token and a new refresh token for a live refresh token; the one presented stops working. */
  async refresh(refreshToken: string): Promise<Session> {
    const { userId, sessionId, ...next } = await this.refreshTokens.rotate(refreshToken);
    // rotate() only takes tokens of active users; read the user again for its token version.
    const user = await this.users.findActiveById(userId);
    if (!user) throw DomainError.unauthenticated('The account behind this token no longer exists or was deactivated');
    return { userId, ...this.tokens.issue(user, sessionId), ...next };
  }

  /**
   * Signs out the session of a live refresh token: its refresh tokens and its access tokens stop working. With
   * `allSessions`, every session of the user ends, as after a password change. The refresh token alone suffices (a
   * client whose access token expired must still be able to sign out); when the caller sent a bearer token too
   * (`actor`), the refresh token must be the caller's.
   */
  async logout(actor: Actor | null, refreshToken: string, allSessions: boolean): Promise<boolean> {
    const { userId } = await this.refreshTokens.revoke(refreshToken, actor?.userId);
    if (allSessions) await this.users.signOutEverywhere(userId);
    return true;
  }

  /**
   * Changes the actor's password (UsersService.changePassword). A wrong current password counts as a failed sign-in of
   * the account and the client address, so a stolen token cannot be used to guess the password at leisure.
   */
  async changePassword(actor: Actor, currentPassword: string, newPassword: string, address: string): Promise<boolean> {
    const user = await this.users.findActiveById(actor.userId);
    if (!user) throw DomainError.unauthenticated('The account behind this token no longer exists or was deactivated');
    let wrongCurrentPassword: DomainError | undefined;
    await this.throttle.attempt(user.email, address, async () => {
      try {
        await this.users.changePassword(actor, currentPassword, newPassword);
        return true;
      } catch (error) {
        if (!(error instanceof DomainError && error.field === 'currentPassword')) throw error;
        wrongCurrentPassword = error;
        return false;
      }
    });
    if (wrongCurrentPassword) throw wrongCurrentPassword;
    return true;
  }

  /** The actor behind an `Authorization: Bearer …` header; null when there is none. */
  async actorFromHeader(header: string | string[] | undefined): Promise<Actor | null> {
    if (header === undefined || header === '') return null;
    const token = bearerTokenOf(header);
    if (!token) throw DomainError.unauthenticated('The Authorization header must be "Bearer <token>"');
    const { userId, tokenVersion, sessionId } = this.tokens.verify(token);
    const user = await this.users.findActiveById(userId);
    if (!user) throw DomainError.unauthenticated('The account behind this token no longer exists or was deactivated');
    if (user.tokenVersion !== tokenVersion)
      throw DomainError.unauthenticated('The token was revoked by a password change or a sign-out of every session: sign in again');
    if (sessionId !== undefined && !(await this.refreshTokens.isSessionLive(sessionId)))
      throw DomainError.unauthenticated('The session was signed out or revoked: sign in again');
    return { userId: user.id, organizationId: user.organizationId, role: user.role, language: user.preferredLanguage };
  }
}
