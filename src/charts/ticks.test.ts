import { describe, expect, it } from 'vitest';
import { fittedTicks, labelsFit, niceTicks, shortLabel } from './ticks';

describe('niceTicks', () => {
  it('covers the range with round steps', () => {
    expect(niceTicks(0, 100, 5)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(niceTicks(0, 2.31, 5)).toEqual([0, 0.5, 1, 1.5, 2, 2.5]);
    expect(niceTicks(1, 468, 5)).toEqual([0, 100, 200, 300, 400, 500]);
    expect(niceTicks(0, 0.3, 3)).toEqual([0, 0.1, 0.2, 0.3]);
  });
  it('survives an empty range', () => {
    expect(niceTicks(3, 3, 5)).toEqual([3]);
  });
});

describe('fittedTicks', () => {
  const ranges: [number, number][] = [
    [-0.097, 0.102],
    [-0.31, 0.29],
    [0, 1],
    [-2.5e-4, 3.1e-4],
    [-1200, 4500],
    [0.0001, 0.0002],
    [-1, -0.5],
    [-0.05, 0.05],
    [3, 3],
  ];
  const widths = [20, 40, 80, 120, 160, 220, 300, 420, 640, 900, 1400, 2000];

  it('never puts two labels closer than their widths plus the gap, nor outside the axis', () => {
    for (const [min, max] of ranges)
      for (const width of widths) {
        const ticks = fittedTicks(min, max, width);
        expect(labelsFit(ticks, min, max, width, 7, 8), `${min}..${max} at ${width}px`).toBe(true);
        for (let i = 1; i < ticks.length; i++) expect(ticks[i].value).toBeGreaterThan(ticks[i - 1].value);
        for (const t of ticks) {
          expect(t.value).toBeGreaterThanOrEqual(min - 1e-12);
          expect(t.value).toBeLessThanOrEqual(max + 1e-12);
        }
      }
  });

  it('labels a histogram axis the way the bug report saw it: a few short labels, not -0.097-0.057-0.023', () => {
    const ticks = fittedTicks(-0.097, 0.102, 230);
    expect(ticks.length).toBeGreaterThanOrEqual(2);
    expect(ticks.length).toBeLessThanOrEqual(5);
    for (const t of ticks) expect(t.label.length).toBeLessThanOrEqual(5);
    expect(ticks.map((t) => t.label)).toContain('0');
  });

  it('uses the room it has: more ticks on a wider axis, none when nothing fits', () => {
    expect(fittedTicks(0, 1, 900).length).toBeGreaterThan(fittedTicks(0, 1, 160).length);
    expect(fittedTicks(1000, 4500, 20)).toEqual([]); // 4-digit labels are 28 px wide
  });

  it('formats short, without negative zero', () => {
    expect(shortLabel(-0.0000001, 0.05)).toBe('0');
    expect(shortLabel(0.05, 0.05)).toBe('0.05');
    expect(shortLabel(1500, 500)).toBe('1500');
  });
});
