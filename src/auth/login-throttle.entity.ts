import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** What a sign-in throttle counts attempts of. */
export enum ThrottleKind {
  /** One e-mail address (lower-cased), whether or not an account has it, from anywhere: distributed guessing. */
  ACCOUNT = 'ACCOUNT',
  /** One e-mail address from one client address: the tight limit, which an attacker elsewhere cannot trip for the owner. */
  ACCOUNT_ADDRESS = 'ACCOUNT_ADDRESS',
  /** One client address (see TRUST_PROXY). */
  ADDRESS = 'ADDRESS',
}

/**
 * Sign-in attempts of one key and its lock-out, shared by every API process through the database (see
 * login-throttle-rule.ts for the rule, docs/SECURITY.md for the numbers).
 */
@Entity('login_throttle')
@Index(['lastFailureAt'])
export class LoginThrottleEntity {
  @PrimaryColumn({ type: 'enum', enum: ThrottleKind, enumName: 'login_throttle_kind' })
  kind: ThrottleKind;

  @PrimaryColumn({ type: 'text' })
  key: string;

  /** Attempts counted in the current window, less those refunded by a right password. */
  @Column({ type: 'integer', default: 0 })
  failures: number;

  @Column({ type: 'timestamptz', precision: 3 })
  windowStartedAt: Date;

  /** Sign-ins of this key are refused until then. */
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  lockedUntil: Date | null;

  /** Locks so far: the next one lasts LOGIN_LOCKOUT_BASE_SECONDS × 2^lockouts (at most an hour). */
  @Column({ type: 'integer', default: 0 })
  lockouts: number;

  @Column({ type: 'timestamptz', precision: 3 })
  lastFailureAt: Date;
}
