import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PredictPacer } from './predictPacer';

const px = (v: number) => new Float32Array(784).fill(v);

describe('PredictPacer', () => {
  let t = 0;
  let sent: number[] = [];
  let pacer: PredictPacer;
  beforeEach(() => {
    vi.useFakeTimers();
    t = 0;
    sent = [];
    pacer = new PredictPacer(
      (p) => sent.push(p[0]),
      100,
      () => t,
    );
  });
  afterEach(() => vi.useRealTimers());
  const advance = async (ms: number) => {
    t += ms;
    await vi.advanceTimersByTimeAsync(ms);
  };

  it('sends the first input at once and keeps only the newest while one is in flight', async () => {
    pacer.offer(px(1));
    expect(sent).toEqual([1]);
    for (let v = 2; v <= 6; v++) pacer.offer(px(v)); // a frame each while the answer is on its way
    expect(sent).toEqual([1]);
    expect(pacer.idle).toBe(false);
    await advance(150);
    pacer.answered();
    expect(sent).toEqual([1, 6]);
    pacer.answered();
    expect(pacer.idle).toBe(true);
  });

  it('sends at most one input per gap, and the last one offered always goes', async () => {
    pacer.offer(px(1));
    await advance(10);
    pacer.answered(); // a fast answer: the next input waits for the gap
    pacer.offer(px(2));
    pacer.offer(px(3));
    expect(sent).toEqual([1]);
    await advance(89);
    expect(sent).toEqual([1]);
    await advance(1);
    expect(sent).toEqual([1, 3]);
  });

  it('a cleared pad sends nothing more; a failure forgets the waiting input', async () => {
    pacer.offer(px(1));
    pacer.offer(px(2));
    pacer.offer(null);
    await advance(200);
    pacer.answered();
    expect(sent).toEqual([1]);
    expect(pacer.idle).toBe(true);
    pacer.offer(px(4));
    await advance(200);
    pacer.offer(px(5));
    pacer.failed();
    expect(pacer.idle).toBe(true);
    pacer.offer(px(6));
    expect(sent).toEqual([1, 4, 6]);
  });
});
