import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** What a sign-in throttle counts failures of. */
export enum ThrottleKind {
  /** One e-mail address (lower-cased), whether or not an account has it. */
  ACCOUNT = 'ACCOUNT',
  /** One client address (see TRUST_PROXY). */
  ADDRESS = 'ADDRESS',
}

/**
 * Failed sign-ins of one key and its lock-out, shared by every API process through the database (see
 * login-throttle.repository.ts for the rule, docs/SECURITY.md for the numbers).
 */
@Entity('login_throttle')
@Index(['lastFailureAt'])
export class LoginThrottleEntity {
  @PrimaryColumn({ type: 'enum', enum: ThrottleKind, enumName: 'login_throttle_kind' })
  kind: ThrottleKind;

  @PrimaryColumn({ type: 'text' })
  key: string;

  /** Failures counted in the current window (back to 0 when the key is locked). */
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
