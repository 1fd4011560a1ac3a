/** What one throttle key allows (docs/SECURITY.md, "Sign-in throttling"). */
export interface ThrottleRule {
  /** Attempts within the window that lock the key. */
  maxFailures: number;
  windowSeconds: number;
  /** The first lock; each further one lasts twice as long … */
  lockoutBaseSeconds: number;
  /** … up to this. */
  lockoutMaxSeconds: number;
}

/** The counters of one key, as stored in `login_throttle`. */
export interface ThrottleState {
  failures: number;
  windowStartedAt: Date;
  lockedUntil: Date | null;
  lockouts: number;
  lastFailureAt: Date;
}

/** A key quiet for this long starts over: its backoff (the count of earlier locks) is forgotten. */
export const QUIET_RESET_SECONDS = 24 * 3600;
/** 2^20 × the base is far beyond any cap; bounding the exponent keeps the arithmetic finite. */
const MAX_EXPONENT = 20;

export type AttemptDecision =
  /** Refused; `next` is set when this attempt locked the key (and must be saved), absent when it was locked already. */
  | { admitted: false; lockedForSeconds: number; next?: ThrottleState }
  /** Counted (as a failure until it proves right: the caller refunds a right password). */
  | { admitted: true; next: ThrottleState };

const secondsUntil = (until: Date, now: Date) => Math.max(0, Math.ceil((until.getTime() - now.getTime()) / 1000));

/**
 * One sign-in attempt against one key, decided before the password is checked. The attempt counts at once, so
 * parallel attempts cannot all slip past the check (the caller holds the row lock). Up to `maxFailures` attempts count
 * within the window; the next one locks the key for the base time × 2^(earlier locks), capped, and is refused. A lock
 * leaves the key one attempt short of its limit: once it ends, one more attempt is admitted, and the one after it
 * locks the key again for twice as long (growing delays), until the window passes.
 */
export function decideAttempt(state: ThrottleState, rule: ThrottleRule, now: Date): AttemptDecision {
  if (state.lockedUntil && state.lockedUntil > now) return { admitted: false, lockedForSeconds: secondsUntil(state.lockedUntil, now) };
  const quiet = state.lastFailureAt.getTime() <= now.getTime() - QUIET_RESET_SECONDS * 1000;
  const earlierLocks = quiet ? 0 : state.lockouts;
  const newWindow = state.windowStartedAt.getTime() <= now.getTime() - rule.windowSeconds * 1000;
  const counted = newWindow ? 0 : state.failures;
  const windowStartedAt = newWindow ? now : state.windowStartedAt;
  if (counted < rule.maxFailures) {
    return {
      admitted: true,
      next: { failures: counted + 1, windowStartedAt, lockedUntil: null, lockouts: earlierLocks, lastFailureAt: now },
    };
  }
  const seconds = Math.min(rule.lockoutMaxSeconds, rule.lockoutBaseSeconds * 2 ** Math.min(earlierLocks, MAX_EXPONENT));
  const lockedUntil = new Date(now.getTime() + seconds * 1000);
  return {
    admitted: false,
    lockedForSeconds: seconds,
    next: { failures: rule.maxFailures - 1, windowStartedAt, lockedUntil, lockouts: earlierLocks + 1, lastFailureAt: now },
  };
}
