// One optimisation step on one batch, as GPU work only (nothing is read back here).
//
// READ THE CODE — this is where the network learns. The rest of the app feeds this function batches, draws what
// it returns and keeps its results safe; the comments here go at tutorial depth (docs/ARCHITECTURE.md).
//
// One step, in words:
//   1. Forward pass: push B images through the network to get 10 scores ("logits") per image.
//   2. Loss: softmax turns the scores into probabilities; cross-entropy is −log(probability of the right digit),
//      averaged over the batch. Optional L2 adds l2 · Σ w² over the kernels, which pulls weights towards 0.
//   3. Backward pass (backpropagation): tfjs records every operation of steps 1-2 and walks them backwards,
//      applying the chain rule, to get ∂loss/∂w for every weight w: how the loss changes when w is nudged.
//   4. Update: the optimizer moves each weight a little against its gradient. Plain SGD: w ← w − rate · ∂loss/∂w;
//      Adam and RMSProp also keep running averages of past gradients to choose each weight's step size.
// src/worker/training/gradientCheck.test.ts checks steps 1-4 against a plain-JavaScript version of the same maths.
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
export function trainStep(
  model: tf.LayersModel,
  optimizer: tf.Optimizer,
  s: StepInput,
): { loss: tf.Scalar; acc: tf.Scalar; stats: StepStats | null } {
  let acc: tf.Scalar | null = null;
  let stats: StepStats | null = null;
  // The kernels (not the biases) that L2 decay shrinks. `read()` gives their current values as tensors.
  const kernels = s.l2 > 0 ? model.trainableWeights.filter((w) => w.name.includes('kernel')).map((w) => w.read()) : [];
  // tf.tidy frees every temporary tensor made inside it (GPU memory is not garbage-collected); tf.keep marks the
  // few we return.
  const loss = tf.tidy(() => {
    const xs = tf.tensor4d(s.x, [s.batchSize, 28, 28, 1]); // the batch: B images, 28 × 28 pixels, 1 channel
    const labels = tf.tensor1d(s.y, 'int32'); // the right digit for each image
    // The function whose gradient we want: weights → loss. tfjs records what it does so it can go backwards.
    const f = () => {
      // 1. Forward pass. `training: true` switches dropout on (and batch norm to batch statistics).
      const logits = model.apply(xs, { training: true }) as tf.Tensor2D; // [B, 10] scores, before softmax
      // How many of the batch the network already gets right: the highest score is its answer.
      acc = tf.keep(tf.mean(tf.cast(tf.equal(tf.argMax(logits, 1), labels), 'float32')) as tf.Scalar);
      // 2. Loss. softmaxCrossEntropy does softmax and −log in one numerically stable step, then averages over B.
      const ce = tf.losses.softmaxCrossEntropy(tf.oneHot(labels, 10), logits) as tf.Scalar;
      return (
        kernels.length ? tf.add(ce, tf.mul(s.l2, tf.addN(kernels.map((k) => tf.sum(tf.square(k)))))) : ce
      ) as tf.Scalar;
    };
    // 3 + 4. Backward pass and update in one call: minimize computes ∂loss/∂w for every trainable weight and lets
    // the optimizer apply its rule. `true` returns the loss (computed before the update).
    if (!s.withStats) return optimizer.minimize(f, true) as tf.Scalar;
    // The same step, split in two so the insights can see it: the gradients first (variableGrads), then the
    // update (applyGradients); the kernels' values are copied before the update to measure how far they moved.
    const vars = model.trainableWeights.map((w) => w.read() as tf.Variable);
    const { value, grads } = tf.variableGrads(f, vars);
    const named = model.trainableWeights.filter((w) => w.name.includes('kernel') || w.name.includes('gamma'));
    const before = named.map((w) => w.read().clone());
    optimizer.applyGradients(grads);
    stats = {
      grads: new Map(named.map((w) => [w.name, tf.keep(grads[(w.read() as tf.Variable).name].clone())])),
      // ‖Δw‖ / ‖w‖: how big this step was for the layer; around 1e-3 is healthy, far above means the rate is too high.
      ratios: new Map(
        named.map((w, i) => [
          w.name,
          tf.keep(tf.div(tf.norm(tf.sub(w.read(), before[i])), tf.norm(before[i])) as tf.Scalar),
        ]),
      ),
    };
    return value;
  });
  return { loss, acc: acc as unknown as tf.Scalar, stats };
}
