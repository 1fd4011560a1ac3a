import { Injectable, Logger } from '@nestjs/common';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { AppConfig } from '../config/app-config';
import { DomainError } from '../common/domain-error';
import { RefreshTokenRepository } from '../users/refresh-token.repository';

const hashOf = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

/** What a refresh token buys: the session (its family) and its user. */
export interface RefreshSession {
  userId: string;
  sessionId: string;
}

/**
 * Opaque refresh tokens (32 random bytes, base64url), stored as their SHA-256. Each sign-in starts a family (the
 * session, `sessionId`); each use exchanges the token for a new one of the same family. Presenting a token that was
 * already exchanged or revoked means it was copied: its whole family is revoked, and only it, so the user's other
 * sessions (other devices, or a sign-in after a password change) go on (OAuth 2.0 Security BCP, refresh token rotation).
 */
@Injectable()
export class RefreshTokenService {
  private readonly logger = new Logger('RefreshTokens');

  constructor(
    private readonly config: AppConfig,
    private readonly repository: RefreshTokenRepository,
  ) {}

  /** A refresh token of a new family: a new session. */
  async issue(userId: string): Promise<{ sessionId: string; refreshToken: string; refreshTokenExpiresAt: Date }> {
    const fresh = this.fresh();
    const sessionId = randomUUID();
    await this.repository.deleteExpiredOfUser(userId);
    await this.repository.insert({ userId, familyId: sessionId, tokenHash: fresh.tokenHash, expiresAt: fresh.refreshTokenExpiresAt });
    return { sessionId, refreshToken: fresh.refreshToken, refreshTokenExpiresAt: fresh.refreshTokenExpiresAt };
  }

  /** The session the token belongs to, and its successor; UNAUTHENTICATED for anything but a live token of an active user. */
  async rotate(refreshToken: string): Promise<RefreshSession & { refreshToken: string; refreshTokenExpiresAt: Date }> {
    const tokenHash = hashOf(refreshToken);
    const next = this.fresh();
    const rotated = await this.repository.rotate(tokenHash, { tokenHash: next.tokenHash, expiresAt: next.refreshTokenExpiresAt });
    if (rotated)
      return {
        userId: rotated.userId,
        sessionId: rotated.familyId,
        refreshToken: next.refreshToken,
        refreshTokenExpiresAt: next.refreshTokenExpiresAt,
      };
    return this.refuse(tokenHash);
  }

  /**
   * Ends the session of a live refresh token (its whole family) and answers its user. With `ownerId` (the caller sent
   * a bearer token) the token must be that user's: FORBIDDEN otherwise, revoking nothing.
   */
  async revoke(refreshToken: string, ownerId: string | undefined): Promise<RefreshSession> {
    const tokenHash = hashOf(refreshToken);
    const known = await this.repository.findByHash(tokenHash);
    if (!known || known.revokedAt || known.expiresAt <= new Date()) return this.refuse(tokenHash);
    if (ownerId !== undefined && known.userId !== ownerId) throw DomainError.forbidden('This refresh token belongs to another account');
    await this.repository.revokeFamily(known.familyId);
    return { userId: known.userId, sessionId: known.familyId };
  }

  /** Whether the session (refresh-token family) of an access token is still on: not signed out, not revoked. */
  isSessionLive(sessionId: string): Promise<boolean> {
    return this.repository.isFamilyLive(sessionId);
  }

  /** Refuses a token that is not live; a used or revoked one coming back (a copy) revokes its family. */
  private async refuse(tokenHash: string): Promise<never> {
    const known = await this.repository.findByHash(tokenHash);
    if (known?.revokedAt && known.expiresAt > new Date()) {
      const revoked = await this.repository.revokeFamily(known.familyId);
      this.logger.warn(
        `A used or revoked refresh token was presented again: its session ${known.familyId} of user ${known.userId} is revoked (${revoked} live token(s))`,
      );
    }
    throw DomainError.unauthenticated('The refresh token is not valid (expired, used or revoked): sign in again');
  }

  private fresh() {
    const refreshToken = randomBytes(32).toString('base64url');
    return {
      refreshToken,
      tokenHash: hashOf(refreshToken),
      refreshTokenExpiresAt: new Date(Date.now() + this.config.REFRESH_TOKEN_TTL_SECONDS * 1000),
    };
  }
}
