// Smoothing for the loss and accuracy curves.

/** Debiased exponential moving average (as TensorBoard smooths curves). */
export class Ema {
  private v = 0;
  private n = 0;
  constructor(private readonly alpha: number) {}
  push(x: number): number {
    this.n++;
    this.v = this.alpha * this.v + (1 - this.alpha) * x;
    return this.v / (1 - Math.pow(this.alpha, this.n));
  }
  reset() {
    this.v = 0;
    this.n = 0;
  }
}
