// Evaluation on the test set: accuracy, mean loss, the confusion matrix, and every image's probabilities
// (kept in the worker for the mistakes gallery). One read-back for the whole set.
import * as tf from '@tensorflow/tfjs';
import { evalChunkSize, inferNetwork } from '../../model/shapes';
import type { NetworkSpec } from '../../model/spec';
import { PIXELS } from '../../model/spec';

export type EvalResult = {
  accuracy: number;
  /** Mean cross-entropy (nats). */
  loss: number;
  ms: number;
  /** 100 counts, row-major: confusion[actual * 10 + predicted]. */
  confusion: number[];
  /** Predicted class per test image. */
  predicted: Uint8Array;
  /** Probabilities, n × 10 row-major. */
  probs: Float32Array;
};

/** The test images as tensors of `size` images each ([size, 28, 28, 1] in [0, 1]), made once and kept. */
export type TestChunks = { size: number; parts: tf.Tensor4D[] };

/**
 * Splits the test images (n × 784 bytes) into chunks on the JS side. Slicing one big tensor instead costs ~95 ms
 * per 1,000 images on wasm (its Slice kernel, measured in Node): ~1 s of every epoch's evaluation.
 */
export function makeTestChunks(pixels: Uint8Array, n: number, size: number): TestChunks {
  const parts: tf.Tensor4D[] = [];
  for (let s = 0; s < n; s += size) {
    const m = Math.min(size, n - s);
    const x = new Float32Array(m * PIXELS);
    const src = pixels.subarray(s * PIXELS, (s + m) * PIXELS);
    for (let i = 0; i < x.length; i++) x[i] = src[i] * (1 / 255);
    parts.push(tf.tensor4d(x, [m, 28, 28, 1]));
  }
  return { size, parts };
}

/** The chunk size the memory model allows for this network (a wide convolution's patches pass the cap at 1,000). */
export const chunkSizeFor = (network: NetworkSpec) => evalChunkSize(inferNetwork(network));

/** The model (built from its network) outputs logits [n, 10] for the chunks' images, in order. */
export async function evaluateModel(
  model: tf.LayersModel,
  chunks: TestChunks,
  labels: Uint8Array,
): Promise<EvalResult> {
  const t0 = performance.now();
  const n = labels.length;
  const all = tf.tidy(() =>
    tf.concat(chunks.parts.map((x) => tf.softmax(model.apply(x, { training: false }) as tf.Tensor2D))),
  );
  const probs = (await all.data()) as Float32Array;
  all.dispose();
  const predicted = new Uint8Array(n);
  const confusion = new Array<number>(100).fill(0);
  let correct = 0,
    lossSum = 0;
  for (let i = 0; i < n; i++) {
    let best = 0;
    for (let c = 1; c < 10; c++) if (probs[i * 10 + c] > probs[i * 10 + best]) best = c;
    predicted[i] = best;
    const y = labels[i];
    confusion[y * 10 + best]++;
    if (best === y) correct++;
    lossSum -= Math.log(Math.max(probs[i * 10 + y], 1e-7));
  }
  return { accuracy: correct / n, loss: lossSum / n, ms: performance.now() - t0, confusion, predicted, probs };
}

/** Indices of test images with actual class a predicted as p, most confident first, at most `limit`. */
function cellMembers(
  r: EvalResult,
  labels: Uint8Array,
  a: number,
  p: number,
  limit: number,
): { total: number; indices: number[] } {
  const idx: number[] = [];
  for (let i = 0; i < labels.length; i++) if (labels[i] === a && r.predicted[i] === p) idx.push(i);
  idx.sort((x, y) => r.probs[y * 10 + p] - r.probs[x * 10 + p]);
  return { total: idx.length, indices: idx.slice(0, limit) };
}

/** The test images of one confusion cell: their pixels (n × 784 bytes) and probabilities (n × 10). */
export function cellImages(r: EvalResult, pixels: Uint8Array, labels: Uint8Array, a: number, p: number, limit = 48) {
  const { total, indices } = cellMembers(r, labels, a, p, limit);
  const images = new Uint8Array(indices.length * PIXELS);
  const probs = new Float32Array(indices.length * 10);
  indices.forEach((t, k) => {
    images.set(pixels.subarray(t * PIXELS, (t + 1) * PIXELS), k * PIXELS);
    probs.set(r.probs.subarray(t * 10, t * 10 + 10), k * 10);
  });
  return { total, indices, pixels: images, probs };
}
