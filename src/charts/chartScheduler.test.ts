import { describe, expect, it } from 'vitest';
import { ChartScheduler, type Clock } from './chartScheduler';

/** A clock the test moves by hand; `every` ticks are driven by advance(). */
function fakeClock() {
  let t = 0;
  const timers: { ms: number; f: () => void; next: number }[] = [];
  const clock: Clock = {
    now: () => t,
    every: (ms, f) => {
      const timer = { ms, f, next: t + ms };
      timers.push(timer);
      return () => timers.splice(timers.indexOf(timer), 1);
    },
  };
  const advance = (ms: number) => {
    const end = t + ms;
    for (;;) {
      const due = timers.filter((x) => x.next <= end).sort((a, b) => a.next - b.next)[0];
      if (!due) break;
      t = due.next;
      due.next += due.ms;
      due.f();
    }
    t = end;
  };
  return { clock, advance, timers };
}

describe('ChartScheduler', () => {
  it('updates each chart at most once a second, one chart per tick, round-robin', () => {
    const { clock, advance } = fakeClock();
    const s = new ChartScheduler(clock, 1000, 250);
    const a = s.register(),
      b = s.register();
    const log: [string, number][] = [];
    // Both charts get new data every 100 ms for 5 s (a training run at full speed).
    for (let t = 0; t < 5000; t += 100) {
      s.request(a, () => log.push(['a', clock.now()]));
      s.request(b, () => log.push(['b', clock.now()]));
      advance(100);
    }
    for (const name of ['a', 'b']) {
      const times = log.filter(([n]) => n === name).map(([, t]) => t);
      expect(times.length).toBeGreaterThanOrEqual(4);
      for (let i = 1; i < times.length; i++) expect(times[i] - times[i - 1]).toBeGreaterThanOrEqual(1000);
    }
    // Never two charts in the same tick.
    const ticks = log.map(([, t]) => t);
    expect(new Set(ticks).size).toBe(ticks.length);
    expect(log[0][0]).not.toBe(log[1][0]);
  });

  it('only the newest data is drawn', () => {
    const { clock, advance } = fakeClock();
    const s = new ChartScheduler(clock);
    const id = s.register();
    const drawn: number[] = [];
    for (let v = 1; v <= 3; v++) s.request(id, () => drawn.push(v));
    advance(300);
    expect(drawn).toEqual([3]);
  });

  it('off-screen charts wait and update when they come back', () => {
    const { clock, advance } = fakeClock();
    const s = new ChartScheduler(clock);
    const id = s.register();
    let n = 0;
    s.setVisible(id, false);
    s.request(id, () => n++);
    advance(5000);
    expect(n).toBe(0);
    s.setVisible(id, true);
    advance(300);
    expect(n).toBe(1);
  });

  it('nothing updates while paused (pointer down on the pad)', () => {
    const { clock, advance } = fakeClock();
    const s = new ChartScheduler(clock);
    const id = s.register();
    let n = 0;
    s.setPaused(true);
    s.request(id, () => n++);
    advance(3000);
    expect(n).toBe(0);
    s.setPaused(false);
    advance(300);
    expect(n).toBe(1);
  });

  it('urgent updates apply at once and drop what was queued', () => {
    const { clock, advance } = fakeClock();
    const s = new ChartScheduler(clock);
    const id = s.register();
    const drawn: string[] = [];
    s.request(id, () => drawn.push('queued'));
    s.urgent(id, () => drawn.push('urgent'));
    advance(2000);
    expect(drawn).toEqual(['urgent']);
  });

  it('stops its timer when the last chart goes', () => {
    const { clock, timers } = fakeClock();
    const s = new ChartScheduler(clock);
    const a = s.register(),
      b = s.register();
    expect(timers).toHaveLength(1);
    s.unregister(a);
    s.unregister(b);
    expect(timers).toHaveLength(0);
  });
});
