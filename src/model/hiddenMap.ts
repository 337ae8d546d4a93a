// What the hidden layer's map shows and how wide outputs are brought down to size, without tensors: which layers can
// be mapped, the fixed sample of test images, and the count sketch that caps a wide layer's outputs (a
// convolution's can be 25,088 values per image) at SKETCH_D values before PCA. A count sketch adds each value, with
// a random sign, into one of SKETCH_D buckets: inner products (and so distances and the covariance's structure)
// are kept in expectation at O(d) per image, where a dense random projection would cost O(d · SKETCH_D).
import { mulberry32, shuffleInPlace } from './prng';
import { inferNetwork } from './shapes';
import type { NetworkSpec } from './spec';
import { COVARIANCE_MAX_D } from './pca';

/** Test images on the map: 200 of each digit on average (a seeded sample of the 10,000). */
export const MAP_POINTS = 2000;
/**
 * Values per image kept for PCA and UMAP: wider layers are sketched down to this many. 256, not 512: the
 * covariance and its power iterations cost d², and at 512 the small CNN's map took ~400 ms of worker time
 * (measured with `npm run why`); the sketched map still follows the exact one (hiddenMap.test.ts).
 */
export const SKETCH_D = COVARIANCE_MAX_D / 2;

/** One mappable layer: its index in the spec and how many values it outputs per image. */
export type MapLayer = { index: number; width: number };

/**
 * The layers whose outputs can be mapped: every layer before the output layer, except dropout (at inference its
 * output is its input). Empty when the network cannot be built.
 */
export function mapLayers(network: NetworkSpec): MapLayer[] {
  const info = inferNetwork(network);
  if (info.problem) return [];
  const out: MapLayer[] = [];
  network.layers.forEach((l, i) => {
    const shape = info.layers[i].outputShape;
    if (i < network.layers.length - 1 && l.kind !== 'dropout' && shape)
      out.push({ index: i, width: shape.reduce((a, b) => a * b, 1) });
  });
  return out;
}

/** Floats of layer outputs one forward pass of the map may hold (all layers' outputs; 32 MB). */
const CHUNK_FLOATS = 8_000_000;

/** Images per forward pass for a network whose layers output `perImage` floats in all: as many as fit. */
export const mapChunk = (perImage: number, n = MAP_POINTS) =>
  Math.max(50, Math.min(n, Math.floor(CHUNK_FLOATS / Math.max(1, perImage))));

/** The layer shown unless another is picked: the last hidden one (or -1 when there is none, e.g. logistic). */
export function defaultMapLayer(network: NetworkSpec): number {
  const layers = mapLayers(network);
  return layers.length ? layers[layers.length - 1].index : -1;
}

/** The `n` test images on the map: the same ones every time (seed 30), in a random order. */
export function mapSample(total: number, n = MAP_POINTS): Int32Array {
  const all = new Int32Array(total);
  for (let i = 0; i < total; i++) all[i] = i;
  shuffleInPlace(all, mulberry32(30));
  return all.slice(0, Math.min(n, total));
}

/** Where each of `d` inputs goes in the sketch and with which sign; fixed per width, so frames stay comparable. */
export type Sketch = { bucket: Int32Array; sign: Float32Array };

export function makeSketch(d: number, size = SKETCH_D): Sketch {
  const rand = mulberry32((d * 2654435761) >>> 0);
  const bucket = new Int32Array(d);
  const sign = new Float32Array(d);
  for (let j = 0; j < d; j++) {
    bucket[j] = Math.floor(rand() * size);
    sign[j] = rand() < 0.5 ? -1 : 1;
  }
  return { bucket, sign };
}

/** Adds `rows` rows of `values` (rows × d) into `out` (rows × size) at row offset `at`. */
export function sketchRows(
  values: ArrayLike<number>,
  rows: number,
  s: Sketch,
  out: Float32Array,
  at: number,
  size = SKETCH_D,
) {
  const d = s.bucket.length;
  for (let r = 0; r < rows; r++) {
    const src = r * d;
    const dst = (at + r) * size;
    for (let j = 0; j < d; j++) out[dst + s.bucket[j]] += s.sign[j] * values[src + j];
  }
}
