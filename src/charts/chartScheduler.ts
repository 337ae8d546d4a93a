// When live charts may redraw. One recharts update costs 50-90 ms of main-thread time on the project machine
// (4 series × 200 points; the cost hardly depends on the points), so live data is not drawn as it arrives:
// - each chart shows new data at most once per `minGapMs` (1 s);
// - at most one chart updates per tick (`tickMs`), so two charts never update in the same task;
// - charts off screen keep their pending data and update when they scroll back in;
// - nothing updates while a pointer is down on the drawing pad, so the ink never waits for a chart.
// A user's own change (an overlay ticked, the x axis switched) is urgent and applies at once.

export type Clock = { now: () => number; every: (ms: number, f: () => void) => () => void };

type Slot = { pending: (() => void) | null; visible: boolean; last: number };

export const realClock: Clock = {
  now: () => performance.now(),
  every: (ms, f) => {
    const id = setInterval(f, ms);
    return () => clearInterval(id);
  },
};

export class ChartScheduler {
  private readonly slots = new Map<number, Slot>();
  private nextId = 1;
  /** Round-robin position: the slot after the last one served goes first. */
  private cursor = 0;
  private paused = false;
  private stop: (() => void) | null = null;

  constructor(
    private readonly clock: Clock = realClock,
    readonly minGapMs = 1000,
    readonly tickMs = 250,
  ) {}

  /** A new chart; returns its id. The timer runs only while some chart is registered. */
  register(): number {
    const id = this.nextId++;
    this.slots.set(id, { pending: null, visible: true, last: -Infinity });
    this.stop ??= this.clock.every(this.tickMs, () => this.tick());
    return id;
  }

  unregister(id: number) {
    this.slots.delete(id);
    if (this.slots.size === 0 && this.stop) {
      this.stop();
      this.stop = null;
    }
  }

  /** Queues `apply` (it replaces what was queued: only the newest data matters). */
  request(id: number, apply: () => void) {
    const slot = this.slots.get(id);
    if (slot) slot.pending = apply;
  }

  /** Applies now, outside the schedule (a person's own action), and counts as the chart's update. */
  urgent(id: number, apply: () => void) {
    const slot = this.slots.get(id);
    if (slot) {
      slot.pending = null;
      slot.last = this.clock.now();
    }
    apply();
  }

  setVisible(id: number, visible: boolean) {
    const slot = this.slots.get(id);
    if (slot) slot.visible = visible;
  }

  /** While true (a pointer down on the drawing pad) no chart updates. */
  setPaused(paused: boolean) {
    this.paused = paused;
  }

  /** Serves at most one chart: the first, after the last one served, that is due, visible and has new data. */
  tick() {
    if (this.paused) return;
    const now = this.clock.now();
    const ids = [...this.slots.keys()].sort((a, b) => a - b);
    const start = ids.findIndex((id) => id > this.cursor);
    const order = start < 0 ? ids : [...ids.slice(start), ...ids.slice(0, start)];
    for (const id of order) {
      const slot = this.slots.get(id)!;
      if (!slot.pending || !slot.visible || now - slot.last < this.minGapMs) continue;
      const apply = slot.pending;
      slot.pending = null;
      slot.last = now;
      this.cursor = id;
      apply();
      return;
    }
  }
}

/** The page's one scheduler, shared by every live chart. */
export const chartScheduler = new ChartScheduler();
