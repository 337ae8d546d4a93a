// Is the training worker alive? Judged only from pings it was sent and did not answer, never from time since the
// last answer: Chrome runs timers in a tab hidden for 5 minutes once a minute, so "no pong for 15 s" would kill a
// healthy worker that was simply never asked. A worker that announced a long blocking piece of work ('busy')
// cannot answer until it ends and counts as alive through it. Pure (time is passed in) so it is unit-tested.

export type WatchdogAction = { action: 'ping'; id: number } | { action: 'wait' } | { action: 'dead' };

export class Watchdog {
  private outstanding: { id: number; sentAt: number } | null = null;
  private busyUntil = 0;
  private nextId = 0;

  constructor(
    /** An unanswered ping older than this (ms) means the worker is dead or hung. */
    private readonly deadMs: number,
    /** Allowance for announced work whose length is unknown (a first step, a probe), ms. */
    private readonly busyUnknownMs: number,
  ) {}

  /** Called every tick: send a ping, wait for the one in flight, or replace the worker. */
  tick(now: number): WatchdogAction {
    if (this.outstanding) {
      const late = now - this.outstanding.sentAt > this.deadMs;
      return late && now > this.busyUntil ? { action: 'dead' } : { action: 'wait' };
    }
    this.outstanding = { id: ++this.nextId, sentAt: now };
    return { action: 'ping', id: this.nextId };
  }

  pong(id: number) {
    if (this.outstanding?.id === id) this.outstanding = null;
    this.heard();
  }

  /** Any message posted after a 'busy' one: the announced blocking work is over (messages arrive in order). */
  heard() {
    this.busyUntil = 0;
  }

  /** The worker is about to block; a recent step took `batchMs` (0: unknown). */
  busy(batchMs: number, now: number) {
    const allowance = batchMs > 0 ? Math.max(this.deadMs, 4 * batchMs) : this.busyUnknownMs;
    this.busyUntil = Math.max(this.busyUntil, now + allowance);
  }

  /** The page itself was frozen or hidden: its pings could not be answered; start measuring again. */
  resume() {
    this.outstanding = null;
  }

  /** A new worker: nothing is in flight. */
  reset() {
    this.outstanding = null;
    this.busyUntil = 0;
  }
}

/**
 * Restarts of a worker that keeps dying: the first at once, then after 2 s and 8 s; a fourth death within
 * RESTART_WINDOW_MS gives up (the page then says so) instead of looping.
 */
export const RESTART_DELAYS_MS = [0, 2000, 8000] as const;
export const RESTART_WINDOW_MS = 5 * 60_000;

/** The delay before the next restart given earlier restart times, or null to give up. */
export function nextRestartDelay(earlier: readonly number[], now: number): number | null {
  const recent = earlier.filter((t) => now - t < RESTART_WINDOW_MS).length;
  return recent < RESTART_DELAYS_MS.length ? RESTART_DELAYS_MS[recent] : null;
}
