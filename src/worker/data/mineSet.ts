// "My digits" as the worker holds them: the page sends the whole set whenever it changes (at most 5,000 × 784
// floats, 15 MB) and the trainers, the person's and a sweep's, read this one copy.
import { PIXELS } from '../../model/spec';

export class MineSet {
  /** Bumped by the page on every change; results name the version they were computed on. */
  version = 0;
  /** n × 784 floats in [0, 1]. */
  pixels: Float32Array = new Float32Array(0);
  labels: Uint8Array = new Uint8Array(0);

  get count() {
    return this.labels.length;
  }

  /** A new set from the page; false (nothing changed) when the sizes do not agree or a value is out of range. */
  set(version: number, pixels: Float32Array, labels: Uint8Array): boolean {
    if (pixels.length !== labels.length * PIXELS || labels.length > 5000) return false;
    if (labels.some((l) => l > 9) || pixels.some((v) => !(v >= 0 && v <= 1))) return false;
    this.version = version;
    this.pixels = pixels;
    this.labels = labels;
    return true;
  }
}
