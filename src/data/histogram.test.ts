import { describe, expect, it } from 'vitest';
import { histogram } from './histogram';

describe('histogram', () => {
  it('counts every finite value once across equal bins', () => {
    const h = histogram([0, 0.1, 0.5, 0.9, 1, NaN, Infinity], 2);
    expect(h).toEqual({ min: 0, max: 1, counts: [2, 3] });
  });
  it('uses a fixed range when given, clamping values outside it into the end bins', () => {
    expect(histogram([-5, -0.5, 0.1, 0.6, 9], 4, { min: -1, max: 1 })).toEqual({
      min: -1,
      max: 1,
      counts: [1, 1, 1, 2],
    });
  });
  it('handles constant and empty input', () => {
    expect(histogram([3, 3, 3], 4).counts.reduce((a, b) => a + b)).toBe(3);
    expect(histogram([], 4)).toEqual({ min: 0, max: 0, counts: [0, 0, 0, 0] });
  });
});
