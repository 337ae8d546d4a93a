// Gathering a batch from byte images into float inputs, with the one normalisation used everywhere
// (training, evaluation, the drawing pad): pixel / 255, so 0 = background and 1 = ink.

export { PIXELS } from '../model/spec';
import { PIXELS } from '../model/spec';

/**
 * Copies the examples order[start..start+size) into `x` (size×784 floats in [0,1]) and `y` (size labels).
 * `x` and `y` are reused between batches to avoid garbage.
 */
export function gatherBatch(
  pixels: Uint8Array,
  labels: Uint8Array,
  order: Int32Array,
  start: number,
  size: number,
  x: Float32Array,
  y: Int32Array,
): void {
  for (let k = 0; k < size; k++) {
    const s = order[start + k];
    y[k] = labels[s];
    const src = s * PIXELS;
    const dst = k * PIXELS;
    for (let p = 0; p < PIXELS; p++) x[dst + p] = pixels[src + p] * (1 / 255);
  }
}
