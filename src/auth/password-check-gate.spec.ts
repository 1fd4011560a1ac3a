import { GateFull, PasswordCheckGate } from './password-check-gate';

describe('PasswordCheckGate', () => {
  it('runs at most `slots` checks at once, queues `waiting` more in order, and refuses the rest without running them', async () => {
    const gate = new PasswordCheckGate(2, 3);
    const started: number[] = [];
    const release: Array<() => void> = [];
    let busiest = 0;
    const check = (i: number) => () =>
      new Promise<number>((resolve) => {
        started.push(i);
        busiest = Math.max(busiest, gate.inFlight);
        release.push(() => resolve(i));
      });
    const results = Array.from({ length: 8 }, (_, i) =>
      gate.run(check(i)).then(
        (value) => `done ${value}`,
        (error) => (error instanceof GateFull ? 'refused' : 'error'),
      ),
    );
    await new Promise((resolve) => setImmediate(resolve));
    expect(started).toEqual([0, 1]);
    while (release.length > 0 || started.length < 5) {
      release.shift()?.();
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(await Promise.all(results)).toEqual(['done 0', 'done 1', 'done 2', 'done 3', 'done 4', 'refused', 'refused', 'refused']);
    expect(started).toEqual([0, 1, 2, 3, 4]);
    expect(busiest).toBe(2);
    expect(gate.inFlight).toBe(0);
  });
});
