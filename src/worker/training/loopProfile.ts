// Where the training loop's wall time goes, by part, since Train was pressed: the bench prints it (npm run bench)
// so a change to the loop is judged by the part it moves. performance.now() around each part costs ~1 µs a batch.
import type { LoopPart, LoopProfileReport } from '../../protocol/requests';

export class LoopProfile {
  private start = performance.now();
  private parts = new Map<LoopPart, number>();
  private examples = 0;

  restart() {
    this.start = performance.now();
    this.parts.clear();
    this.examples = 0;
  }

  /** Adds the time since `t0` (a performance.now() reading) to `part`; returns now. */
  add(part: LoopPart, t0: number): number {
    const now = performance.now();
    this.parts.set(part, (this.parts.get(part) ?? 0) + now - t0);
    return now;
  }

  /** Times a synchronous call. */
  time<T>(part: LoopPart, f: () => T): T {
    const t0 = performance.now();
    try {
      return f();
    } finally {
      this.add(part, t0);
    }
  }

  /** Times an asynchronous call (its awaited time, which includes other tasks the worker ran meanwhile). */
  async timeAsync<T>(part: LoopPart, f: () => Promise<T>): Promise<T> {
    const t0 = performance.now();
    try {
      return await f();
    } finally {
      this.add(part, t0);
    }
  }

  countExamples(n: number) {
    this.examples += n;
  }

  report(): LoopProfileReport {
    const wallMs = performance.now() - this.start;
    return { wallMs, examples: this.examples, parts: Object.fromEntries(this.parts) };
  }
}
