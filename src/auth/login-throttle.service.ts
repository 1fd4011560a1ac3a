import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { DomainError } from '../common/domain-error';
import { ThrottleKind } from './login-throttle.entity';
import { LoginThrottleRepository, ThrottleKey, ThrottleRule } from './login-throttle.repository';

/** No lock lasts longer than an hour, however often a key is locked. */
export const LOCKOUT_MAX_SECONDS = 3600;
/** How often (at most) this process clears keys that have been quiet for a day. */
const CLEAN_UP_EVERY_MS = 10 * 60_000;

/**
 * Sign-in throttling per e-mail address and per client address (docs/SECURITY.md): LOGIN_MAX_FAILURES failures of one
 * e-mail address, or LOGIN_MAX_FAILURES_PER_ADDRESS from one client address, within LOGIN_FAILURE_WINDOW_SECONDS lock it
 * for LOGIN_LOCKOUT_BASE_SECONDS, doubled with each further lock, at most an hour. The e-mail address is counted whether
 * or not an account has it, and a locked key is refused before the password is checked, so a refusal tells nothing
 * about the account or the password.
 */
@Injectable()
export class LoginThrottleService {
  private readonly logger = new Logger('LoginThrottle');
  private lastCleanUp = 0;

  constructor(
    private readonly config: AppConfig,
    private readonly repository: LoginThrottleRepository,
  ) {}

  /** TOO_MANY_REQUESTS, with the seconds to wait, while the e-mail address or the client address is locked. */
  async assertNotLocked(email: string, address: string): Promise<void> {
    const seconds = await this.repository.lockedForSeconds(keysOf(email, address));
    if (seconds > 0) throw DomainError.tooManyRequests(`Too many failed sign-in attempts: try again in ${seconds} seconds`, seconds);
  }

  async recordFailure(email: string, address: string): Promise<void> {
    const [account, client] = keysOf(email, address);
    const [byAccount, byAddress] = await Promise.all([
      this.repository.recordFailure(account, this.rule(this.config.LOGIN_MAX_FAILURES)),
      this.repository.recordFailure(client, this.rule(this.config.LOGIN_MAX_FAILURES_PER_ADDRESS)),
    ]);
    // Neither the e-mail address nor the client address is logged: the log says that a lock happened, not to whom.
    if (byAccount.lockedNow) this.logger.warn(`An e-mail address was locked for ${byAccount.lockedForSeconds} s after failed sign-ins (lock ${byAccount.lockouts})`);
    if (byAddress.lockedNow) this.logger.warn(`A client address was locked for ${byAddress.lockedForSeconds} s after failed sign-ins (lock ${byAddress.lockouts})`);
    await this.cleanUpNowAndThen();
  }

  /** A successful sign-in forgets the e-mail address's failures and backoff (not the client address's). */
  async recordSuccess(email: string): Promise<void> {
    await this.repository.clear(keysOf(email, '')[0]);
  }

  private rule(maxFailures: number): ThrottleRule {
    return {
      maxFailures,
      windowSeconds: this.config.LOGIN_FAILURE_WINDOW_SECONDS,
      lockoutBaseSeconds: this.config.LOGIN_LOCKOUT_BASE_SECONDS,
      lockoutMaxSeconds: LOCKOUT_MAX_SECONDS,
    };
  }

  private async cleanUpNowAndThen(): Promise<void> {
    if (Date.now() - this.lastCleanUp < CLEAN_UP_EVERY_MS) return;
    this.lastCleanUp = Date.now();
    await this.repository.deleteQuiet();
  }
}

function keysOf(email: string, address: string): [ThrottleKey, ThrottleKey] {
  return [
    { kind: ThrottleKind.ACCOUNT, key: email.trim().toLowerCase() },
    { kind: ThrottleKind.ADDRESS, key: address },
  ];
}
