// Last known-good weights, kept in the worker so a diverged run can be rolled back.
import * as tf from '@tensorflow/tfjs';

export type Snapshot = { batch: number; epoch: number; weights: Float32Array[] };

/**
 * Copies every weight (trainable or not, e.g. BatchNorm statistics) to plain arrays, as they are at the call:
 * the clones are taken synchronously, so training steps that run while the read-back is awaited (the loop
 * keeps going) cannot mix later weights into the copy.
 */
export async function takeSnapshot(model: tf.LayersModel, batch: number, epoch: number): Promise<Snapshot> {
  const copies = model.getWeights().map((w) => w.clone());
  try {
    const weights = await Promise.all(copies.map(async (w) => (await w.data()) as Float32Array));
    return { batch, epoch, weights: weights.map((w) => w.slice()) };
  } finally {
    tf.dispose(copies);
  }
}

export function restoreSnapshot(model: tf.LayersModel, s: Snapshot) {
  const shapes = model.getWeights().map((w) => w.shape);
  const tensors = s.weights.map((w, i) => tf.tensor(w, shapes[i]));
  model.setWeights(tensors);
  tensors.forEach((t) => t.dispose());
}
