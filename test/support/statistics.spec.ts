import { percentile } from './statistics';

describe('percentile (nearest rank)', () => {
  it('reads the p-th percentile of unsorted values, and NaN of none', () => {
    const values = [9, 1, 5, 3, 7, 2, 8, 4, 6, 10];
    expect([percentile(values, 50), percentile(values, 95), percentile(values, 99), percentile(values, 0), percentile([], 50)]).toEqual([
      5,
      10,
      10,
      1,
      NaN,
    ]);
    expect(values[0]).toBe(9); // the input is left as it was
  });
});
