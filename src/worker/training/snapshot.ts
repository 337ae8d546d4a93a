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

/** An optimizer's state as arrays: [iterations, ...moments] for Adam, [iterations, ...accumulators] for the others. */
export type OptimizerState = { name: string; shape: number[]; dtype: tf.DataType; data: tf.TypedArray }[];

export async function readOptimizer(o: tf.Optimizer): Promise<OptimizerState> {
  const named = await o.getWeights();
  const state = await Promise.all(
    named.map(async (w) => ({
      name: w.name,
      shape: w.tensor.shape,
      dtype: w.tensor.dtype,
      data: await w.tensor.data(),
    })),
  );
  for (const w of named) if (!(w.tensor instanceof tf.Variable)) w.tensor.dispose(); // iterations: a new scalar
  return state;
}

export async function writeOptimizer(o: tf.Optimizer, state: OptimizerState) {
  if (!state.length) return;
  const tensors = state.map((s) => ({ name: s.name, tensor: tf.tensor(s.data, s.shape, s.dtype) }));
  await o.setWeights(tensors); // makes its own variables from these
  tf.dispose(tensors.map((t) => t.tensor));
}

/** Adds `deltas` (getWeights() order; null leaves an array as it is) to the model's weights: the learning step's ΔW. */
export function addToWeights(model: tf.LayersModel, deltas: (Float32Array | null)[]): void {
  tf.tidy(() =>
    model.weights.forEach((v, k) => {
      const d = deltas[k];
      if (d && d.length === tf.util.sizeFromShape(v.shape as number[]))
        v.write(tf.add(v.read(), tf.tensor(d, v.shape as number[])));
    }),
  );
}
