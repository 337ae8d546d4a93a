// One optimisation step on one batch, as GPU work only (nothing is read back here).
import * as tf from '@tensorflow/tfjs';
import type { StepStats } from './insights';

export type StepInput = {
  /** B × 784 pixels in [0, 1] and B labels. */
  x: Float32Array;
  y: Int32Array;
  batchSize: number;
  /** L2 weight decay on the kernels; 0 for none. */
  l2: number;
  /** Also keep this step's kernel gradients and update/weight ratios (for the insights, ~once a second). */
  withStats: boolean;
};

/**
 * Runs the step and returns the loss (on the weights before the update) and the batch accuracy as kept
 * scalars, plus the stats when asked for. Caller owns and disposes all returned tensors.
 */
export function trainStep(model: tf.LayersModel, optimizer: tf.Optimizer, s: StepInput): { loss: tf.Scalar; acc: tf.Scalar; stats: StepStats | null } {
  let acc: tf.Scalar | null = null;
  let stats: StepStats | null = null;
  const kernels = s.l2 > 0 ? model.trainableWeights.filter((w) => w.name.includes('kernel')).map((w) => w.read()) : [];
  const loss = tf.tidy(() => {
    const xs = tf.tensor4d(s.x, [s.batchSize, 28, 28, 1]);
    const labels = tf.tensor1d(s.y, 'int32');
    const f = () => {
      const logits = model.apply(xs, { training: true }) as tf.Tensor2D;
      acc = tf.keep(tf.mean(tf.cast(tf.equal(tf.argMax(logits, 1), labels), 'float32')) as tf.Scalar);
      const ce = tf.losses.softmaxCrossEntropy(tf.oneHot(labels, 10), logits) as tf.Scalar;
      return (kernels.length ? tf.add(ce, tf.mul(s.l2, tf.addN(kernels.map((k) => tf.sum(tf.square(k)))))) : ce) as tf.Scalar;
    };
    if (!s.withStats) return optimizer.minimize(f, true) as tf.Scalar;
    // Same step as minimize, but keeping the kernels' gradients and their values before the update.
    const vars = model.trainableWeights.map((w) => w.read() as tf.Variable);
    const { value, grads } = tf.variableGrads(f, vars);
    const named = model.trainableWeights.filter((w) => w.name.includes('kernel') || w.name.includes('gamma'));
    const before = named.map((w) => w.read().clone());
    optimizer.applyGradients(grads);
    stats = {
      grads: new Map(named.map((w) => [w.name, tf.keep(grads[(w.read() as tf.Variable).name].clone())])),
      ratios: new Map(named.map((w, i) => [w.name, tf.keep(tf.div(tf.norm(tf.sub(w.read(), before[i])), tf.norm(before[i])) as tf.Scalar)])),
    };
    return value;
  });
  return { loss, acc: acc as unknown as tf.Scalar, stats };
}
