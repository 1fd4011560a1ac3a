import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { DomainError } from '../common/domain-error';
import { ThrottleKind } from './login-throttle.entity';
import { ThrottleRule } from './login-throttle-rule';
import { KeyedRule, LoginThrottleRepository, ThrottleKey } from './login-throttle.repository';
import { GateFull, PasswordCheckGate } from './password-check-gate';

/** No lock lasts longer than an hour, however often a key is locked. */
export const LOCKOUT_MAX_SECONDS = 3600;
/** How often (at most) this process clears keys that have been quiet for a day. */
const CLEAN_UP_EVERY_MS = 10 * 60_000;
/** Password checks that may wait for a slot, per slot, before further sign-ins are turned away. */
const WAITING_PER_SLOT = 8;

/**
 * Sign-in throttling (docs/SECURITY.md): every attempt is counted, before the password is checked, against three keys:
 * the e-mail address from this client address (LOGIN_MAX_FAILURES), the client address (LOGIN_MAX_FAILURES_PER_ADDRESS)
 * and the e-mail address from anywhere (LOGIN_MAX_FAILURES_PER_ACCOUNT, much higher). A right password gives the attempt
 * back. So a burst of parallel guesses gets no more tries than the limit, and an attacker elsewhere cannot lock the
 * owner out of their account with a handful of wrong passwords. The e-mail address is counted whether or not an account
 * has it: a refusal tells nothing about the account or the password. The password checks themselves go through a
 * bounded gate (LOGIN_MAX_CONCURRENT_CHECKS).
 */
@Injectable()
export class LoginThrottleService {
  private readonly logger = new Logger('LoginThrottle');
  private readonly gate: PasswordCheckGate;
  private lastCleanUp = 0;

  constructor(
    private readonly config: AppConfig,
    private readonly repository: LoginThrottleRepository,
  ) {
    this.gate = new PasswordCheckGate(config.LOGIN_MAX_CONCURRENT_CHECKS, config.LOGIN_MAX_CONCURRENT_CHECKS * WAITING_PER_SLOT);
  }

  /**
   * Counts an attempt of `email` from `address`, then runs `check` (the password check: true when right) through the
   * gate. TOO_MANY_REQUESTS, with the seconds to wait, while a key is locked or the gate is full; then nothing is counted.
   * A right password refunds the attempt and forgets the e-mail address's failures from this client address.
   */
  async attempt(email: string, address: string, check: () => Promise<boolean>): Promise<boolean> {
    const keys = this.keysOf(email, address);
    const counted = await this.repository.attempt(keys);
    if (!counted.admitted) {
      // Neither the e-mail address nor the client address is logged: the log says that a lock happened, not to whom.
      for (const lock of counted.lockedNow)
        this.logger.warn(
          `A ${describe(lock.kind)} was locked for ${lock.lockedForSeconds} s after failed sign-ins (lock ${lock.lockouts})`,
        );
      throw DomainError.tooManyRequests(
        `Too many failed sign-in attempts: try again in ${counted.lockedForSeconds} seconds`,
        counted.lockedForSeconds,
      );
    }

    let right: boolean;
    try {
      right = await this.gate.run(check);
    } catch (error) {
      await this.repository.refund(keys);
      if (error instanceof GateFull)
        throw DomainError.tooManyRequests('Too many sign-ins are being checked right now: try again in 1 second', 1);
      throw error;
    }
    if (right) await this.succeeded(keys);
    await this.cleanUpNowAndThen();
    return right;
  }

  private async succeeded([pair, ...others]: KeyedRule[]): Promise<void> {
    await this.repository.clear(pair);
    await this.repository.refund(others);
  }

  /** The pair first: succeeded() clears it and refunds the others. */
  private keysOf(email: string, address: string): KeyedRule[] {
    const account = email.trim().toLowerCase();
    return [
      { kind: ThrottleKind.ACCOUNT_ADDRESS, key: JSON.stringify([account, address]), rule: this.rule(this.config.LOGIN_MAX_FAILURES) },
      { kind: ThrottleKind.ADDRESS, key: address, rule: this.rule(this.config.LOGIN_MAX_FAILURES_PER_ADDRESS) },
      { kind: ThrottleKind.ACCOUNT, key: account, rule: this.rule(this.config.LOGIN_MAX_FAILURES_PER_ACCOUNT) },
    ];
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

function describe(kind: ThrottleKey['kind']): string {
  switch (kind) {
    case ThrottleKind.ACCOUNT:
      return 'e-mail address';
    case ThrottleKind.ACCOUNT_ADDRESS:
      return 'e-mail address from one client address';
    case ThrottleKind.ADDRESS:
      return 'client address';
  }
}
