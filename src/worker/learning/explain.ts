// "Why did it say that?" on the live weights (issue #30): which pixels pushed a class's score (saliency), a
// smoother attribution (integrated gradients), and the smallest change that makes the network read another digit
// (a targeted attack). Inputs are 784 floats in 0-1 ink units; scores are the model's logits (it outputs logits:
// training/buildModel.ts). Every tensor made here is freed here.
import * as tf from '@tensorflow/tfjs';

const image = (pixels: ArrayLike<number>) => tf.tensor4d(Float32Array.from(pixels), [1, 28, 28, 1]);

/** The score `cls` minus the score `versus` (when given) for a [1, 28, 28, 1] input: a scalar. */
function margin(model: tf.LayersModel, x: tf.Tensor, cls: number, versus: number | null): tf.Scalar {
  // slice, not gather: gather's gradient needs UnsortedSegmentSum, which the wasm backend lacks.
  const logits = model.apply(x, { training: false }) as tf.Tensor2D;
  const score = logits.slice([0, cls], [1, 1]);
  return (versus === null ? score : score.sub(logits.slice([0, versus], [1, 1]))).sum() as tf.Scalar;
}

/**
 * ∂(logit_cls − logit_versus)/∂pixel for the 784 pixels: red where more ink raises the class's score, blue where
 * it lowers it. `versus` null explains the score alone.
 */
export function saliency(
  model: tf.LayersModel,
  pixels: ArrayLike<number>,
  cls: number,
  versus: number | null = null,
): Float32Array {
  return tf.tidy(() => {
    const g = tf.grad((x: tf.Tensor) => margin(model, x, cls, versus))(image(pixels));
    return g.dataSync() as Float32Array;
  });
}

/**
 * Integrated gradients from a blank image (Sundararajan et al. 2017): the pixel's ink times the mean gradient
 * along the straight path from blank to the drawing, `steps` points (midpoint rule). Its values add up to the
 * score's change from the blank image (completeness), which the raw gradient's do not.
 */
export function integratedGradients(
  model: tf.LayersModel,
  pixels: ArrayLike<number>,
  cls: number,
  versus: number | null = null,
  steps = 32,
): Float32Array {
  return tf.tidy(() => {
    const x = image(pixels);
    const alphas = tf.tensor4d(
      Float32Array.from({ length: steps }, (_, k) => (k + 0.5) / steps),
      [steps, 1, 1, 1],
    );
    const path = alphas.mul(x);
    const total = tf.grad((xs: tf.Tensor) => {
      const logits = model.apply(xs, { training: false }) as tf.Tensor2D;
      const score = logits.slice([0, cls], [-1, 1]);
      return (versus === null ? score : score.sub(logits.slice([0, versus], [-1, 1]))).sum() as tf.Scalar;
    })(path);
    return total
      .mean(0)
      .mul(x.squeeze([0]))
      .dataSync() as Float32Array;
  });
}

export type Attack = {
  /** The network reads the changed input as the target. */
  found: boolean;
  /** The changed input (784 floats in [0, 1]); the original when nothing was found. */
  pixels: Float32Array;
  /** The largest change of any pixel, in 0-1 ink units (≤ the bound asked for). */
  change: number;
  /** The digit the changed input is read as. */
  predicted: number;
  probs: Float32Array;
};

/** Signed-gradient steps per search, and halvings of the bound once the target is reached. */
const STEPS = 40;
const BISECTIONS = 8;

/** Probabilities for one input. */
const probabilities = (model: tf.LayersModel, x: tf.Tensor4D) =>
  tf.tidy(() => tf.softmax(model.apply(x, { training: false }) as tf.Tensor2D).dataSync() as Float32Array);

/**
 * Targeted signed-gradient steps within the L∞ bound `epsilon` (projected gradient descent on the target's
 * cross-entropy, pixels kept in [0, 1]); null when the network does not read the target within STEPS steps.
 */
function searchWithin(model: tf.LayersModel, original: tf.Tensor4D, target: number, epsilon: number) {
  const step = Math.max(epsilon / 8, 1e-4);
  const lo = tf.tidy(() => original.sub(epsilon).clipByValue(0, 1));
  const hi = tf.tidy(() => original.add(epsilon).clipByValue(0, 1));
  const loss = (x: tf.Tensor) =>
    tf.losses.softmaxCrossEntropy(
      tf.oneHot(tf.tensor1d([target], 'int32'), 10),
      model.apply(x, { training: false }) as tf.Tensor2D,
    ) as tf.Scalar;
  let x = original.clone();
  let found: tf.Tensor4D | null = null;
  for (let k = 0; k < STEPS && !found; k++) {
    const next = tf.tidy(() => {
      const g = tf.grad(loss)(x);
      return tf.minimum(hi, tf.maximum(lo, x.sub(g.sign().mul(step)))) as tf.Tensor4D;
    });
    x.dispose();
    x = next;
    const read = tf.tidy(() => (model.apply(x, { training: false }) as tf.Tensor2D).argMax(1).dataSync()[0]);
    if (read === target) found = x;
  }
  lo.dispose();
  hi.dispose();
  if (!found) x.dispose();
  return found;
}

/**
 * The smallest change (L∞, up to `epsilon`) found that makes the network read `target`: a search at the bound,
 * then a bisection on the bound down to the smallest that still works. The change reported is the largest pixel
 * change of the input returned, never more than `epsilon`.
 */
export function attack(model: tf.LayersModel, pixels: ArrayLike<number>, target: number, epsilon: number): Attack {
  const original = image(pixels);
  const before = Float32Array.from(pixels);
  let best = searchWithin(model, original, target, epsilon);
  if (best) {
    let [low, high] = [0, epsilon];
    for (let k = 0; k < BISECTIONS; k++) {
      const mid = (low + high) / 2;
      const tried = searchWithin(model, original, target, mid);
      if (tried) {
        best.dispose();
        best = tried;
        high = mid;
      } else low = mid;
    }
  }
  const out = best ? (best.dataSync() as Float32Array).slice() : before;
  const probs = best ? probabilities(model, best) : probabilities(model, original);
  let change = 0;
  for (let i = 0; i < out.length; i++) change = Math.max(change, Math.abs(out[i] - before[i]));
  let predicted = 0;
  for (let c = 1; c < 10; c++) if (probs[c] > probs[predicted]) predicted = c;
  best?.dispose();
  original.dispose();
  return { found: best !== null, pixels: out, change, predicted, probs };
}
