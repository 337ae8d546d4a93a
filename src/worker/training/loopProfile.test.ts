import { describe, expect, it } from 'vitest';
import { LoopProfile } from './loopProfile';

const busy = (ms: number) => {
  const t0 = performance.now();
  while (performance.now() - t0 < ms);
};

describe('LoopProfile', () => {
  it('adds each part up, counts examples and restarts empty', async () => {
    const p = new LoopProfile();
    p.time('step', () => busy(5));
    p.time('step', () => busy(5));
    await p.timeAsync('evaluate', async () => busy(3));
    const t0 = performance.now();
    busy(2);
    p.add('augment', t0);
    p.countExamples(256);
    const r = p.report();
    expect(r.parts.step).toBeGreaterThanOrEqual(10);
    expect(r.parts.evaluate).toBeGreaterThanOrEqual(3);
    expect(r.parts.augment).toBeGreaterThanOrEqual(2);
    expect(r.parts.yield).toBeUndefined();
    expect(r.examples).toBe(256);
    expect(r.wallMs).toBeGreaterThanOrEqual(r.parts.step! + r.parts.evaluate! + r.parts.augment!);
    p.restart();
    expect(p.report()).toMatchObject({ examples: 0, parts: {} });
  });

  it('counts a part that throws', () => {
    const p = new LoopProfile();
    expect(() =>
      p.time('snapshot', () => {
        busy(1);
        throw new Error('no');
      }),
    ).toThrow('no');
    expect(p.report().parts.snapshot).toBeGreaterThanOrEqual(1);
  });
});
