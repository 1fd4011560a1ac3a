import { decideAttempt, ThrottleRule, ThrottleState } from './login-throttle-rule';

const rule: ThrottleRule = { maxFailures: 3, windowSeconds: 900, lockoutBaseSeconds: 60, lockoutMaxSeconds: 3600 };
const t0 = new Date('2026-12-06T10:00:00Z');
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);
const fresh: ThrottleState = { failures: 0, windowStartedAt: t0, lockedUntil: null, lockouts: 0, lastFailureAt: t0 };

/** Applies attempts at the given times; returns what each was told. */
function run(times: number[], start = fresh) {
  let state = start;
  return times.map((s) => {
    const decision = decideAttempt(state, rule, at(s));
    if (decision.next) state = decision.next;
    return decision.admitted ? 'admitted' : decision.next ? `locks ${decision.lockedForSeconds}` : `refused ${decision.lockedForSeconds}`;
  });
}

describe('decideAttempt', () => {
  it('admits the attempts up to the limit; the next locks the key and is refused with the wait, as are those after it', () => {
    expect(run([1, 2, 3, 4, 5])).toEqual(['admitted', 'admitted', 'admitted', 'locks 60', 'refused 59']);
  });

  it('grows the delay: after a lock ends, one more attempt is admitted, and the next locks for twice as long', () => {
    expect(run([1, 2, 3, 4, 64, 65, 66, 185, 186])).toEqual([
      'admitted',
      'admitted',
      'admitted',
      'locks 60',
      'admitted',
      'locks 120',
      'refused 119',
      'admitted',
      'locks 240',
    ]);
  });

  it('starts a new count when the window has passed, keeping the backoff for a day', () => {
    const afterOneLock: ThrottleState = { failures: 2, windowStartedAt: t0, lockedUntil: at(60), lockouts: 1, lastFailureAt: at(0) };
    expect(run([1000, 1001, 1002, 1003], afterOneLock)).toEqual(['admitted', 'admitted', 'admitted', 'locks 120']);
    expect(run([90_000, 90_001, 90_002, 90_003], afterOneLock)).toEqual(['admitted', 'admitted', 'admitted', 'locks 60']);
  });

  it('caps a lock at an hour', () => {
    const often: ThrottleState = { failures: 3, windowStartedAt: t0, lockedUntil: null, lockouts: 30, lastFailureAt: t0 };
    expect(run([1], often)).toEqual(['locks 3600']);
  });
});
