// While a pointer is down on the drawing pad, training progress is not written to the store: each write
// re-renders the status, the runs and the insights, and on a 2-core machine such a render next to the pad's own
// work made strokes stutter. Progress merges while it waits (mergeProgress), so nothing is lost; a pen held down
// longer than `maxMs` lets the page catch up anyway.

export class InkHold {
  private since: number | null = null;

  constructor(
    readonly maxMs = 2000,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** The pad's pointer went down (true) or up (false). */
  set(down: boolean) {
    this.since = down ? this.now() : null;
  }

  /** True while progress should wait. */
  get holding(): boolean {
    return this.since !== null && this.now() - this.since < this.maxMs;
  }
}
