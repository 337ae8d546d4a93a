import { describe, expect, it } from 'vitest';
import { logTicks, nearestPoint, scale, xExtent, xTicks, yExtent } from './layout';

describe('chart layout', () => {
  it('shows an empty series on a unit range with no nearest point', () => {
    expect(xExtent([])).toEqual([0, 1]);
    expect(yExtent([], 'zero-up')[0]).toBe(0);
    expect(yExtent([], 'zero-up')[1]).toBeGreaterThan(0);
    expect(nearestPoint([], 3)).toBeNull();
  });

  it('gives a single point a range of width 1', () => {
    expect(xExtent([{ x: 5, y: 1 }])).toEqual([5, 6]);
    expect(nearestPoint([{ x: 5, y: 1 }], 100)).toEqual({ x: 5, y: 1 });
  });

  it('keeps degenerate domains usable: flat data, an inverted or empty fixed range', () => {
    expect(
      yExtent(
        [
          { x: 1, y: 0 },
          { x: 2, y: 0 },
        ],
        'zero-up',
      ),
    ).toEqual([0, 0.001]);
    expect(yExtent([], [0.5, 0.5])).toEqual([0.5, 1.5]);
    expect(
      xExtent(
        [
          { x: 1, y: 1 },
          { x: 9, y: 1 },
        ],
        [4, 4],
      ),
    ).toEqual([1, 9]);
    const s = scale([3, 3 + 1], [0, 100]);
    expect(s(3.5)).toBe(50);
  });

  it('ignores NaN and infinite values in ranges and read-outs, and never places them off the plot', () => {
    const pts = [
      { x: 1, y: 2 },
      { x: NaN, y: 1 },
      { x: 3, y: Infinity },
      { x: 4, y: 0.5 },
    ];
    expect(xExtent(pts)).toEqual([1, 4]);
    expect(yExtent(pts, 'zero-up')).toEqual([0, 2]);
    expect(nearestPoint(pts, 3.2)).toEqual({ x: 4, y: 0.5 });
    const s = scale([0, 10], [100, 0]);
    expect([s(NaN), s(-5), s(15), s(Infinity)]).toEqual([100, 100, 0, 0]);
  });

  it('puts whole-number ticks inside the range for batch counts', () => {
    const t = xTicks([0, 7], 400, true);
    expect(t.every((v) => Number.isInteger(v) && v >= 0 && v <= 7)).toBe(true);
    expect(t.length).toBeGreaterThan(2);
    expect(xTicks([0, 0.5], 400, true)).toEqual([0]);
  });
});

describe('logTicks', () => {
  it('gives powers of ten over many decades and 1-2-5 over few', () => {
    expect(logTicks(1e-4, 1)).toEqual([1e-4, 1e-3, 1e-2, 1e-1, 1]);
    expect(logTicks(0.001, 0.1)).toEqual([0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1]);
  });
  it('is empty for ranges a log axis cannot show', () => {
    expect(logTicks(0, 1)).toEqual([]);
    expect(logTicks(-1, 1)).toEqual([]);
    expect(logTicks(NaN, 1)).toEqual([]);
    expect(logTicks(1, Infinity)).toEqual([]);
  });
});
