// Examples per second over a sliding window of the last few seconds of training time.
export class Throughput {
  private samples: { t: number; examples: number }[] = [];
  private examples = 0;
  /** The last measured rate, shown until a restarted window has two samples (no drop to 0 at each epoch). */
  private last = 0;
  constructor(private readonly windowMs = 3000) {}

  add(examples: number, now = performance.now()) {
    this.examples += examples;
    this.samples.push({ t: now, examples: this.examples });
    while (this.samples.length > 2 && now - this.samples[0].t > this.windowMs) this.samples.shift();
  }

  /** Restart the window (after a pause or an evaluation, so time spent not training is not counted). */
  restart() {
    this.samples = [];
  }

  rate(): number {
    if (this.samples.length < 2) return this.last;
    const a = this.samples[0],
      b = this.samples[this.samples.length - 1];
    if (b.t > a.t) this.last = ((b.examples - a.examples) * 1000) / (b.t - a.t);
    return this.last;
  }
}
