// Examples/s over the window, and no drop to 0 when the window restarts (each epoch's evaluation).
import { describe, expect, it } from 'vitest';
import { Throughput } from './throughput';

describe('Throughput', () => {
  it('measures examples per second between the first and last sample of the window', () => {
    const t = new Throughput(3000);
    expect(t.rate()).toBe(0);
    t.add(128, 0);
    t.add(128, 500);
    t.add(128, 1000);
    expect(t.rate()).toBe(256); // 256 examples in 1 s after the first sample
  });

  it('keeps the last rate across a restart until the new window can measure', () => {
    const t = new Throughput(3000);
    t.add(100, 0);
    t.add(100, 1000);
    expect(t.rate()).toBe(100);
    t.restart();
    t.add(100, 9000);
    expect(t.rate()).toBe(100);
    t.add(400, 10_000);
    expect(t.rate()).toBe(400);
  });
});
