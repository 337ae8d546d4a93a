// While a pointer is down on the drawing pad, events that only change what the page shows wait: each store write
// re-renders the status, the runs, the insights or a chart, and on a 2-core machine (one core training) such a
// render next to the pad's own work made strokes stutter. They are kept in arrival order and replayed when the
// stroke ends (progress then merges as usual), or as soon as an event that cannot wait arrives, so the order of
// what the store sees never changes. A pen held down longer than `maxMs` lets the page catch up anyway.
import type { WorkerEvent } from '../protocol/fromWorker';

/** Events that only update charts, counters and insights. */
const CAN_WAIT: ReadonlySet<WorkerEvent['type']> = new Set<WorkerEvent['type']>([
  'progress',
  'epochEnd',
  'histograms',
  'weightImages',
  'confusion',
  'sweepProgress',
]);

/** Events that neither change nor depend on what is held: they pass without releasing it. Replies never enter. */
const BESIDE: ReadonlySet<WorkerEvent['type']> = new Set<WorkerEvent['type']>(['busy']);

export class InkHold {
  private since: number | null = null;
  private held: WorkerEvent[] = [];

  constructor(
    readonly maxMs = 2000,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** The pad's pointer went down (true) or up (false). */
  set(down: boolean) {
    this.since = down ? this.now() : null;
  }

  /** True while events that can wait should wait. */
  get holding(): boolean {
    return this.since !== null && this.now() - this.since < this.maxMs;
  }

  /** Keeps `e` for later (true) while holding, if it can wait; otherwise the caller routes it, after `release()`. */
  keep(e: WorkerEvent): boolean {
    if (!this.holding || !CAN_WAIT.has(e.type)) return false;
    this.held.push(e);
    return true;
  }

  /** Whether the held events must be shown before `e` (everything but liveness messages and predictions). */
  mustReleaseBefore(e: WorkerEvent): boolean {
    return this.held.length > 0 && !BESIDE.has(e.type);
  }

  /** The kept events in arrival order; forgets them. */
  release(): WorkerEvent[] {
    const h = this.held;
    this.held = [];
    return h;
  }
}
