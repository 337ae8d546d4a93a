// The pad's predictions, paced. While a digit is drawn the pad offers a new input every frame; each answer
// re-renders the bars, the model input and the per-layer pictures, and on a 2-core machine (one core training)
// answering every frame made strokes stutter. So: one prediction in flight, the newest input waits for it, and
// sends are at least `gapMs` apart (10 a second: the bars still follow the pen). Nothing is dropped but stale
// inputs: the last one offered is always classified.

export class PredictPacer {
  private inFlight = false;
  private queued: Float32Array | null = null;
  private lastSent = -Infinity;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    /** Sends one input to be classified; `answered()` or `failed()` must follow. */
    private readonly send: (pixels: Float32Array) => void,
    readonly gapMs = 100,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** True when the latest input has been classified (nothing in flight or waiting). */
  get idle(): boolean {
    return !this.inFlight && !this.queued;
  }

  /** A new input (replaces any waiting one); null clears the pad: nothing more is sent. */
  offer(pixels: Float32Array | null) {
    this.queued = pixels;
    this.pump();
  }

  /** The answer to the prediction in flight arrived. */
  answered() {
    this.inFlight = false;
    this.pump();
  }

  /** The prediction failed (no model yet) or the worker was replaced: the pad asks again with its next input. */
  failed() {
    this.inFlight = false;
    this.queued = null;
  }

  /** Drops what waits and its timer (the client is going away). */
  dispose() {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.queued = null;
  }

  private pump() {
    if (this.inFlight || this.timer !== null || !this.queued) return;
    const wait = this.lastSent + this.gapMs - this.now();
    if (wait > 0) {
      this.timer = setTimeout(() => {
        this.timer = null;
        this.pump();
      }, wait);
      return;
    }
    const pixels = this.queued;
    this.queued = null;
    this.inFlight = true;
    this.lastSent = this.now();
    this.send(pixels);
  }
}
