import { Injectable, Logger } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { AppConfig } from '../config/app-config';
import { DomainError } from '../common/domain-error';
import { RefreshTokenRepository } from './refresh-token.repository';

const hashOf = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

/**
 * Opaque refresh tokens (32 random bytes, base64url), stored as their SHA-256. Each use exchanges the token for a new
 * one; presenting a token that was already exchanged or revoked means it was copied, so every refresh token of that user
 * is revoked (they sign in again).
 */
@Injectable()
export class RefreshTokenService {
  private readonly logger = new Logger('RefreshTokens');

  constructor(
    private readonly config: AppConfig,
    private readonly repository: RefreshTokenRepository,
  ) {}

  async issue(userId: string): Promise<{ refreshToken: string; refreshTokenExpiresAt: Date }> {
    const fresh = this.fresh();
    await this.repository.deleteExpiredOfUser(userId);
    await this.repository.insert({ userId, tokenHash: fresh.tokenHash, expiresAt: fresh.refreshTokenExpiresAt });
    return { refreshToken: fresh.refreshToken, refreshTokenExpiresAt: fresh.refreshTokenExpiresAt };
  }

  /** The user the token belongs to, and its successor; UNAUTHENTICATED for anything but a live token of an active user. */
  async rotate(refreshToken: string): Promise<{ userId: string; refreshToken: string; refreshTokenExpiresAt: Date }> {
    const tokenHash = hashOf(refreshToken);
    const next = this.fresh();
    const userId = await this.repository.rotate(tokenHash, { tokenHash: next.tokenHash, expiresAt: next.refreshTokenExpiresAt });
    if (userId) return { userId, refreshToken: next.refreshToken, refreshTokenExpiresAt: next.refreshTokenExpiresAt };

    const known = await this.repository.findByHash(tokenHash);
    if (known?.revokedAt && known.expiresAt > new Date()) {
      const revoked = await this.repository.revokeAllOfUser(known.userId);
      this.logger.warn(`A revoked refresh token was presented again: ${revoked} refresh token(s) of user ${known.userId} revoked`);
    }
    throw DomainError.unauthenticated('The refresh token is not valid (expired, used or revoked): sign in again');
  }

  private fresh() {
    const refreshToken = randomBytes(32).toString('base64url');
    return { refreshToken, tokenHash: hashOf(refreshToken), refreshTokenExpiresAt: new Date(Date.now() + this.config.REFRESH_TOKEN_TTL_SECONDS * 1000) };
  }
}
