// Examples per second over a sliding window of the last few seconds of training time.
export class Throughput {
  private samples: { t: number; examples: number }[] = [];
  private examples = 0;
  constructor(private readonly windowMs = 3000) {}

  add(examples: number, now = performance.now()) {
    this.examples += examples;
    this.samples.push({ t: now, examples: this.examples });
    while (this.samples.length > 2 && now - this.samples[0].t > this.windowMs) this.samples.shift();
  }

  /** Restart the window (after a pause, so idle time is not counted). */
  restart() {
    this.samples = [];
  }

  rate(): number {
    if (this.samples.length < 2) return 0;
    const a = this.samples[0], b = this.samples[this.samples.length - 1];
    return b.t > a.t ? ((b.examples - a.examples) * 1000) / (b.t - a.t) : 0;
  }
}
