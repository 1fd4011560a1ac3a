import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ThrottleKind } from './login-throttle.entity';

export interface ThrottleKey {
  kind: ThrottleKind;
  key: string;
}

export interface ThrottleRule {
  /** Failures within the window that lock the key. */
  maxFailures: number;
  windowSeconds: number;
  /** The first lock; each further one lasts twice as long … */
  lockoutBaseSeconds: number;
  /** … up to this. */
  lockoutMaxSeconds: number;
}

/** A key quiet for this long starts over: its backoff (the count of earlier locks) is forgotten. */
const QUIET_RESET = `interval '1 day'`;
/** 2^20 × the base is far beyond any cap; bounding the exponent keeps power() from overflowing. */
const MAX_EXPONENT = 20;

// The decision, in terms of the stored row `t` ($3 max failures, $4 window, $5 base, $6 cap, all seconds). Built once
// from constants; only the parameters vary.
const LOCKED = `(t.locked_until IS NOT NULL AND t.locked_until > now())`;
const NEW_WINDOW = `(t.window_started_at <= now() - make_interval(secs => $4::int))`;
const FAILURES = `(CASE WHEN ${NEW_WINDOW} THEN 1 ELSE t.failures + 1 END)`;
const LOCKS = `(${FAILURES} >= $3::int)`;
const EARLIER_LOCKS = `(CASE WHEN t.last_failure_at <= now() - ${QUIET_RESET} THEN 0 ELSE t.lockouts END)`;
const LOCK_SECONDS = (lockouts: string) => `LEAST($6::int, $5::int * power(2, LEAST(${lockouts}, ${MAX_EXPONENT})))`;

/**
 * One failure, counted in a single INSERT … ON CONFLICT DO UPDATE: concurrent failures (from any API process) are
 * serialised by the row lock of the upsert, so none is lost. Reaching the limit locks the key, starts a new window and
 * counts one more lock; a key already locked is left as it is.
 */
const RECORD_FAILURE = `
  INSERT INTO login_throttle AS t (kind, key, failures, window_started_at, locked_until, lockouts, last_failure_at)
  VALUES ($1, $2,
    CASE WHEN $3::int <= 1 THEN 0 ELSE 1 END,
    now(),
    CASE WHEN $3::int <= 1 THEN now() + make_interval(secs => ${LOCK_SECONDS('0')}) END,
    CASE WHEN $3::int <= 1 THEN 1 ELSE 0 END,
    now())
  ON CONFLICT (kind, key) DO UPDATE SET
    failures = CASE WHEN ${LOCKED} THEN t.failures WHEN ${LOCKS} THEN 0 ELSE ${FAILURES} END,
    window_started_at = CASE WHEN ${LOCKED} THEN t.window_started_at WHEN ${LOCKS} OR ${NEW_WINDOW} THEN now() ELSE t.window_started_at END,
    locked_until = CASE WHEN ${LOCKED} THEN t.locked_until WHEN ${LOCKS} THEN now() + make_interval(secs => ${LOCK_SECONDS(EARLIER_LOCKS)}) END,
    lockouts = CASE WHEN ${LOCKED} THEN t.lockouts WHEN ${LOCKS} THEN ${EARLIER_LOCKS} + 1 ELSE ${EARLIER_LOCKS} END,
    last_failure_at = now()
  RETURNING failures, lockouts, GREATEST(0, CEIL(EXTRACT(EPOCH FROM (locked_until - now()))))::int AS "lockedForSeconds",
    (locked_until IS NOT NULL AND window_started_at = now()) AS "lockedNow"`;

/** Failed sign-ins and lock-outs in PostgreSQL, so every API process behind a load balancer enforces the same limit. */
@Injectable()
export class LoginThrottleRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Seconds until the last of these keys' locks ends; 0 when none is locked. */
  async lockedForSeconds(keys: ThrottleKey[]): Promise<number> {
    const [row] = await this.dataSource.query(
      `SELECT COALESCE(MAX(CEIL(EXTRACT(EPOCH FROM (locked_until - now())))), 0)::int AS seconds
         FROM login_throttle
        WHERE locked_until > now() AND (kind, key) IN (SELECT * FROM unnest($1::login_throttle_kind[], $2::text[]))`,
      [keys.map((k) => k.kind), keys.map((k) => k.key)],
    );
    return row.seconds as number;
  }

  /** Counts one failure of `key`; returns the state after it (`lockedNow`: this failure locked the key). */
  async recordFailure(key: ThrottleKey, rule: ThrottleRule): Promise<{ failures: number; lockouts: number; lockedForSeconds: number; lockedNow: boolean }> {
    const [row] = await this.dataSource.query(RECORD_FAILURE, [key.kind, key.key, rule.maxFailures, rule.windowSeconds, rule.lockoutBaseSeconds, rule.lockoutMaxSeconds]);
    return row;
  }

  /** Forgets the failures and the backoff of `key` (after a successful sign-in). */
  async clear(key: ThrottleKey): Promise<void> {
    await this.dataSource.query(`DELETE FROM login_throttle WHERE kind = $1 AND key = $2`, [key.kind, key.key]);
  }

  /** Drops keys that failed last more than a day ago and are not locked: they would start over anyway. */
  async deleteQuiet(): Promise<void> {
    await this.dataSource.query(`DELETE FROM login_throttle WHERE last_failure_at <= now() - ${QUIET_RESET} AND (locked_until IS NULL OR locked_until <= now())`);
  }
}
