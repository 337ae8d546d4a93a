// The watchdog replaces only workers that really stopped: not one in a tab whose timers Chrome throttles to once a
// minute, not one busy with a long step it announced, and only after a ping it was sent went unanswered.
import { describe, expect, it } from 'vitest';
import { nextRestartDelay, RESTART_WINDOW_MS, Watchdog } from './watchdog';

const DEAD = 15_000;

describe('Watchdog', () => {
  it('judges a dead worker by the ping it did not answer', () => {
    const w = new Watchdog(DEAD, 120_000);
    const a = w.tick(0);
    expect(a.action).toBe('ping');
    expect(w.tick(2000).action).toBe('wait');
    expect(w.tick(DEAD + 1).action).toBe('dead');
  });

  it('keeps a healthy worker in a hidden tab whose timers run once a minute', () => {
    const w = new Watchdog(DEAD, 120_000);
    for (let minute = 0; minute < 30; minute++) {
      const a = w.tick(minute * 60_000);
      expect(a.action).toBe('ping'); // the previous ping was answered within the minute
      if (a.action === 'ping') w.pong(a.id);
    }
  });

  it('keeps a worker through an announced step of known length, and gives up when it overruns', () => {
    const w = new Watchdog(DEAD, 120_000);
    w.tick(0);
    w.busy(20_000, 0); // a 20 s step on cpu: allowed 4 × 20 s
    expect(w.tick(60_000).action).toBe('wait');
    expect(w.tick(80_001).action).toBe('dead');
  });

  it('allows work of unknown length its own allowance, and ends it with the next answer', () => {
    const w = new Watchdog(DEAD, 120_000);
    const a = w.tick(0);
    w.busy(0, 0);
    expect(w.tick(100_000).action).toBe('wait');
    if (a.action === 'ping') w.pong(a.id); // responsive again: the allowance is over
    w.busy(0, 100_000);
    w.heard(); // any later message also ends it
    w.tick(100_001);
    expect(w.tick(100_001 + DEAD + 1).action).toBe('dead');
  });

  it('measures afresh after the page was frozen', () => {
    const w = new Watchdog(DEAD, 120_000);
    w.tick(0);
    w.resume(); // unfrozen 10 minutes later: the old ping could not have been answered
    expect(w.tick(600_000).action).toBe('ping');
  });

  it('ignores answers to older pings', () => {
    const w = new Watchdog(DEAD, 120_000);
    w.tick(0);
    w.pong(999);
    expect(w.tick(DEAD + 1).action).toBe('dead');
  });
});

describe('restart backoff', () => {
  it('restarts at once, then after 2 s and 8 s, then gives up within the window', () => {
    expect(nextRestartDelay([], 0)).toBe(0);
    expect(nextRestartDelay([0], 1000)).toBe(2000);
    expect(nextRestartDelay([0, 1000], 5000)).toBe(8000);
    expect(nextRestartDelay([0, 1000, 5000], 20_000)).toBeNull();
  });
  it('forgets restarts older than the window', () => {
    expect(nextRestartDelay([0, 1000, 5000], RESTART_WINDOW_MS + 5001)).toBe(0);
  });
});
