import { Injectable } from '@nestjs/common';
import { createSecretKey, KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { AppConfig } from '../config/app-config';
import { DomainError } from '../common/domain-error';

const ISSUER = 'waterbridge';

/** Signs and verifies access tokens (JWT, HS256) with the configured secret. */
@Injectable()
export class TokenService {
  constructor(private readonly config: AppConfig) {}

  issue(userId: string): { token: string; expiresAt: Date } {
    const ttl = this.config.JWT_TTL_SECONDS;
    const token = jwt.sign({}, this.secret(), { algorithm: 'HS256', subject: userId, issuer: ISSUER, expiresIn: ttl });
    return { token, expiresAt: new Date(Date.now() + ttl * 1000) };
  }

  /** The user id the token was issued to; UNAUTHENTICATED when it is forged, expired or malformed. */
  verify(token: string): string {
    try {
      const payload = jwt.verify(token, this.secret(), { algorithms: ['HS256'], issuer: ISSUER });
      if (typeof payload === 'string' || typeof payload.sub !== 'string') throw new Error('no subject');
      return payload.sub;
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
