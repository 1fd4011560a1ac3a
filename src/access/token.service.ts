import { Injectable } from '@nestjs/common';
import { createSecretKey, KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { AppConfig } from '../config/app-config';
import { DomainError } from '../common/domain-error';

const ISSUER = 'waterbridge';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Signs and verifies access tokens (JWT, HS256) with the configured secret. */
@Injectable()
export class TokenService {
  constructor(private readonly config: AppConfig) {}

  /**
   * An access token for the user, carrying its current token version (`tv`) and its session (`sid`, the refresh-token
   * family), so that signing the session out ends the access token too.
   */
  issue(user: { id: string; tokenVersion: number }, sessionId?: string): { token: string; expiresAt: Date } {
    const ttl = this.config.JWT_TTL_SECONDS;
    const claims = sessionId === undefined ? { tv: user.tokenVersion } : { tv: user.tokenVersion, sid: sessionId };
    const token = jwt.sign(claims, this.secret(), { algorithm: 'HS256', subject: user.id, issuer: ISSUER, expiresIn: ttl });
    return { token, expiresAt: new Date(Date.now() + ttl * 1000) };
  }

  /**
   * The user id the token was issued to, the token version it carries (0 for tokens from before versions), its
   * session (none for tokens from before sessions) and when it expires; UNAUTHENTICATED when it is forged, expired or
   * malformed.
   */
  verify(token: string): { userId: string; tokenVersion: number; sessionId?: string; expiresAt: Date } {
    try {
      const payload = jwt.verify(token, this.secret(), { algorithms: ['HS256'], issuer: ISSUER });
      if (typeof payload === 'string' || typeof payload.sub !== 'string') throw new Error('no subject');
      const tokenVersion: unknown = payload.tv ?? 0;
      if (typeof tokenVersion !== 'number' || !Number.isInteger(tokenVersion)) throw new Error('bad token version');
      // issue() always sets exp; a token without one is not ours.
      if (typeof payload.exp !== 'number') throw new Error('no expiry');
      const sessionId: unknown = payload.sid;
      if (sessionId !== undefined && !(typeof sessionId === 'string' && UUID.test(sessionId))) throw new Error('bad session');
      return { userId: payload.sub, tokenVersion, sessionId, expiresAt: new Date(payload.exp * 1000) };
    } catch (error) {
      const expired = error instanceof jwt.TokenExpiredError;
      throw DomainError.unauthenticated(expired ? 'The token has expired: sign in again' : 'The token is not valid: sign in again');
    }
  }

  private key?: KeyObject;

  /** The secret as a key object, made once: given a string, jsonwebtoken would parse it as a key on every call. */
  private secret(): KeyObject {
    if (!this.config.JWT_SECRET) throw new Error('JWT_SECRET was not resolved at boot');
    this.key ??= createSecretKey(Buffer.from(this.config.JWT_SECRET, 'utf8'));
    return this.key;
  }
}
