import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ThrottleKind } from './login-throttle.entity';
import { decideAttempt, QUIET_RESET_SECONDS, ThrottleRule, ThrottleState } from './login-throttle-rule';

export interface ThrottleKey {
  kind: ThrottleKind;
  key: string;
}

export interface KeyedRule extends ThrottleKey {
  rule: ThrottleRule;
}

export type AttemptResult =
  /** `lockedNow`: the keys this attempt locked. */
  | { admitted: false; lockedForSeconds: number; lockedNow: Array<ThrottleKey & { lockedForSeconds: number; lockouts: number }> }
  | { admitted: true };

const byKindThenKey = (a: ThrottleKey, b: ThrottleKey) =>
  a.kind === b.kind ? (a.key < b.key ? -1 : a.key > b.key ? 1 : 0) : a.kind < b.kind ? -1 : 1;

/** Sign-in attempts and lock-outs in PostgreSQL, so every API process behind a load balancer enforces the same limit. */
@Injectable()
export class LoginThrottleRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Counts one attempt against every key, or against none: in one transaction that locks the keys' rows (always in the
   * same order, so concurrent attempts never deadlock) and decides each with decideAttempt; when any key refuses it,
   * no key counts it. Concurrent attempts, on any number of processes, are therefore counted one by one before any password is
   * checked.
   */
  async attempt(keys: KeyedRule[]): Promise<AttemptResult> {
    const ordered = [...keys].sort(byKindThenKey);
    const kinds = ordered.map((k) => k.kind);
    const names = ordered.map((k) => k.key);
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      await runner.query(
        `INSERT INTO login_throttle (kind, key, failures, window_started_at, lockouts, last_failure_at)
         SELECT kind, key, 0, now(), 0, now() FROM unnest($1::login_throttle_kind[], $2::text[]) AS k(kind, key) ORDER BY kind, key
         ON CONFLICT (kind, key) DO NOTHING`,
        [kinds, names],
      );
      const rows = (await runner.query(
        `SELECT kind, key, failures, window_started_at AS "windowStartedAt", locked_until AS "lockedUntil", lockouts, last_failure_at AS "lastFailureAt", now() AS now
           FROM login_throttle WHERE (kind, key) IN (SELECT * FROM unnest($1::login_throttle_kind[], $2::text[]))
          ORDER BY kind, key FOR UPDATE`,
        [kinds, names],
      )) as Array<ThrottleKey & ThrottleState & { now: Date }>;
      const decisions = ordered.map((k) => {
        const row = rows.find((r) => r.kind === k.kind && r.key === k.key)!;
        return { key: k, decision: decideAttempt(row, k.rule, row.now) };
      });
      // Refused: only the locks this attempt set are kept, no other key counts it. Admitted: every key counts it.
      const refused = decisions.some(({ decision }) => !decision.admitted);
      const writes = decisions.filter(({ decision }) => decision.next && decision.admitted !== refused);
      for (const { key, decision } of writes) {
        const next = decision.next!;
        await runner.query(
          `UPDATE login_throttle SET failures = $3, window_started_at = $4, locked_until = $5, lockouts = $6, last_failure_at = $7 WHERE kind = $1 AND key = $2`,
          [key.kind, key.key, next.failures, next.windowStartedAt, next.lockedUntil, next.lockouts, next.lastFailureAt],
        );
      }
      if (refused) {
        // Nothing to keep when every refusing key was locked already (rows inserted for this attempt go too).
        if (writes.length > 0) await runner.commitTransaction();
        else await runner.rollbackTransaction();
        const locks = decisions.flatMap(({ key, decision }) =>
          decision.admitted
            ? []
            : [{ ...key, lockedForSeconds: decision.lockedForSeconds, lockedNow: !!decision.next, lockouts: decision.next?.lockouts ?? 0 }],
        );
        return {
          admitted: false,
          lockedForSeconds: Math.max(...locks.map((l) => l.lockedForSeconds)),
          lockedNow: locks.filter((l) => l.lockedNow),
        };
      }
      await runner.commitTransaction();
      return { admitted: true };
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      throw error;
    } finally {
      await runner.release();
    }
  }

  /** Gives an attempt back to keys whose attempt proved right (their lock, if any, stays). */
  async refund(keys: ThrottleKey[]): Promise<void> {
    // One row per statement: an attempt never waits on a refund holding another key's row.
    for (const key of keys)
      await this.dataSource.query(`UPDATE login_throttle SET failures = GREATEST(failures - 1, 0) WHERE kind = $1 AND key = $2`, [
        key.kind,
        key.key,
      ]);
  }

  /** Forgets the attempts and the backoff of `key`. */
  async clear(key: ThrottleKey): Promise<void> {
    await this.dataSource.query(`DELETE FROM login_throttle WHERE kind = $1 AND key = $2`, [key.kind, key.key]);
  }

  /** Drops keys that failed last more than a day ago and are not locked: they would start over anyway. */
  async deleteQuiet(): Promise<void> {
    await this.dataSource.query(
      `DELETE FROM login_throttle WHERE last_failure_at <= now() - make_interval(secs => $1) AND (locked_until IS NULL OR locked_until <= now())`,
      [QUIET_RESET_SECONDS],
    );
  }
}
