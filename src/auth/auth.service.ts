import { Injectable } from '@nestjs/common';
import { DomainError } from '../common/domain-error';
import { UsersService } from '../users/users.service';
import { Actor } from './actor';
import { UNUSABLE_PASSWORD_HASH, verifyPassword } from './password-hasher';
import { TokenService } from './token.service';

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersService,
    private readonly tokens: TokenService,
  ) {}

  /** One answer for an unknown e-mail, a wrong password and a deactivated account, so accounts cannot be probed. */
  async login(email: string, password: string): Promise<{ token: string; expiresAt: Date; userId: string }> {
    const user = await this.users.findByEmail(email);
    const matches = await verifyPassword(password, user?.passwordHash ?? (await UNUSABLE_PASSWORD_HASH));
    if (!user || !matches || !user.active) throw DomainError.unauthenticated('Wrong e-mail or password');
    return { ...this.tokens.issue(user.id), userId: user.id };
  }

  /** The actor behind an `Authorization: Bearer …` header; null when there is none. */
  async actorFromHeader(header: string | string[] | undefined): Promise<Actor | null> {
    if (header === undefined || header === '') return null;
    const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    if (!match) throw DomainError.unauthenticated('The Authorization header must be "Bearer <token>"');
    const userId = this.tokens.verify(match[1]);
    const user = await this.users.findActiveById(userId);
    if (!user) throw DomainError.unauthenticated('The account behind this token no longer exists or was deactivated');
    return { userId: user.id, organizationId: user.organizationId, role: user.role };
  }
}
