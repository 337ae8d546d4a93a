// One learning step on one image with every intermediate kept, for the learning-step view. The network is run
// op by op from its spec on a copy of the weights (not through the tfjs model), so that each layer's z and h
// exist as tensors. Their gradients come from tf.variableGrads — the machinery the trainer uses — by adding a
// zero "probe" variable to every z and h: ∂L/∂probe = ∂L/∂z (or ∂L/∂h) at zero.
// Inference semantics: dropout is off and BatchNorm uses its moving statistics (one image has no batch).
import * as tf from '@tensorflow/tfjs';
import { BN_EPSILON } from '../../model/forward64';
import { norm, weightLayout, type LearningStep, type StepLayer } from '../../model/learningStep';
import { inferNetwork, weightShapes } from '../../model/shapes';
import {
  assertNever,
  INPUT_SHAPE,
  LEAKY_RELU_SLOPE,
  NUM_CLASSES,
  type Activation,
  type NetworkSpec,
} from '../../model/spec';

function act(a: Activation, z: tf.Tensor): tf.Tensor {
  switch (a) {
    case 'relu':
      return tf.relu(z);
    case 'leakyRelu':
      return tf.leakyRelu(z, LEAKY_RELU_SLOPE);
    case 'elu':
      return tf.elu(z);
    case 'sigmoid':
      return tf.sigmoid(z);
    case 'tanh':
      return tf.tanh(z);
    case 'softmax':
      return tf.softmax(z);
    case 'linear':
      return z;
    default:
      return assertNever(a, 'activation');
  }
}

/** f′(z) elementwise; null for softmax, whose derivative is a matrix. */
function actDerivative(a: Activation, z: tf.Tensor): tf.Tensor | null {
  switch (a) {
    case 'relu':
      return tf.cast(tf.greater(z, 0), 'float32');
    case 'leakyRelu':
      return tf.where(tf.greater(z, 0), tf.onesLike(z), tf.fill(z.shape, LEAKY_RELU_SLOPE));
    case 'elu':
      return tf.where(tf.greater(z, 0), tf.onesLike(z), tf.exp(z));
    case 'sigmoid': {
      const s = tf.sigmoid(z);
      return tf.mul(s, tf.sub(1, s));
    }
    case 'tanh':
      return tf.sub(1, tf.square(tf.tanh(z)));
    case 'linear':
      return tf.onesLike(z);
    case 'softmax':
      return null;
    default:
      return assertNever(a, 'activation');
  }
}

type Probes = { z: (tf.Tensor | null)[]; h: (tf.Tensor | null)[] };
type Record = { z: (tf.Tensor | null)[]; h: tf.Tensor[]; mask: (tf.Tensor | null)[] };

/**
 * x [n, 28, 28, 1] → logits [n, 10] with `w` (getWeights order). `probes` are added to z and h (batch of 1);
 * `record` receives each layer's z, h and f′(z).
 */
export function forward(net: NetworkSpec, w: tf.Tensor[], x: tf.Tensor, probes?: Probes, record?: Record): tf.Tensor2D {
  const { own } = weightLayout(net);
  const last = net.layers.length - 1;
  let h = x;
  net.layers.forEach((spec, i) => {
    const p = own[i];
    let z: tf.Tensor | null = null;
    let activation: Activation | null = null;
    switch (spec.kind) {
      case 'dense':
        z = tf.add(tf.matMul(h as tf.Tensor2D, w[p[0]] as tf.Tensor2D), w[p[1]]);
        activation = i === last ? 'softmax' : spec.activation;
        break;
      case 'conv2d':
        z = tf.add(tf.conv2d(h as tf.Tensor4D, w[p[0]] as tf.Tensor4D, spec.stride, spec.padding), w[p[1]]);
        activation = spec.activation;
        break;
      case 'activation':
        z = h;
        activation = spec.activation;
        break;
      case 'maxPool2d':
        h = tf.maxPool(h as tf.Tensor4D, spec.poolSize, spec.stride, 'valid');
        break;
      case 'avgPool2d':
        h = tf.avgPool(h as tf.Tensor4D, spec.poolSize, spec.stride, 'valid');
        break;
      case 'flatten':
        h = tf.reshape(h, [h.shape[0], -1]);
        break;
      case 'dropout':
        break;
      case 'batchNorm':
        h = tf.batchNorm(h, w[p[2]], w[p[3]], w[p[1]], w[p[0]], BN_EPSILON);
        break;
      default:
        return assertNever(spec, 'layer kind');
    }
    if (z && activation) {
      if (probes?.z[i]) z = tf.add(z, probes.z[i]!);
      h = act(activation, z);
      if (record) record.mask[i] = i === last ? null : actDerivative(activation, z);
    }
    if (record) record.z[i] = z;
    if (record) record.h[i] = h;
    if (i === last)
      h = z!; // the loss is computed from the logits (log-softmax is stable; −log p_y is not)
    else if (probes?.h[i]) h = tf.add(h, probes.h[i]!);
  });
  return h as tf.Tensor2D;
}

/** Mean cross-entropy of logits [n, 10] against labels. */
export const lossOf = (logits: tf.Tensor2D, labels: tf.Tensor1D) =>
  tf.neg(tf.mean(tf.sum(tf.mul(tf.logSoftmax(logits), tf.oneHot(labels, NUM_CLASSES)), 1))) as tf.Scalar;

/**
 * The same loss for one image, written so that autodiff gives p − onehot(y) without cancellation: the usual form
 * yields p_y − 1 at the true class, which in float32 keeps only a digit or two when the network is sure
 * (p_y = 0.99998), too few for the finite-difference check. Here L = log Σ_k exp(d_k) with d_k = z_k − z_y for
 * k ≠ y and d_y = 0 held constant, so ∂L/∂z_y arrives as −Σ_{k≠y} p_k, a sum of small terms.
 */
function lossOfOne(logits: tf.Tensor2D, labels: tf.Tensor1D): tf.Scalar {
  const onehot = tf.oneHot(labels, NUM_CLASSES);
  const zy = tf.sum(tf.mul(logits, onehot), 1, true);
  return tf.sum(tf.logSumExp(tf.mul(tf.sub(logits, zy), tf.sub(1, onehot)), 1)) as tf.Scalar;
}

const plain = (a: Float32Array | null) => (a ? Array.from(a) : null);
const read = async (t: tf.Tensor | null | undefined) => (t ? ((await t.data()) as Float32Array).slice() : null);

export type StepResult = { step: LearningStep; grads: (Float32Array | null)[]; deltas: (Float32Array | null)[] };

/**
 * The step: forward with every z and h, the loss, every gradient, the plain SGD update with rate `lr`, and the
 * forward pass again after it. `weights` are the copy (getWeights order); they are not changed.
 */
export async function learningStep(
  net: NetworkSpec,
  weights: Float32Array[],
  image: Float32Array,
  label: number,
  lr: number,
  meta: { testIndex: number | null; copiedAtBatch: number },
): Promise<StepResult> {
  const info = inferNetwork(net);
  if (info.problem) throw new Error('invalid network');
  const shapes = info.layers.map((l) => [...l.outputShape!]);
  const inShapes = [[...INPUT_SHAPE], ...shapes.slice(0, -1)];
  const { trainable, own } = weightLayout(net);
  const sizes = weightShapes(net)!;
  const held: tf.Tensor[] = [];
  const keep = <T extends tf.Tensor>(t: T) => (held.push(t), t);
  try {
    // tf.variable keeps its initial tensor alive beside it: made inside tidy, that tensor is freed at once.
    const variable = (make: () => tf.Tensor) => keep(tf.tidy(() => tf.variable(make())));
    const w = weights.map((a, k) =>
      trainable[k] ? variable(() => tf.tensor(a, sizes[k])) : keep(tf.tensor(a, sizes[k])),
    );
    const x = keep(tf.tensor4d(image, [1, 28, 28, 1]));
    const y = keep(tf.tensor1d([label], 'int32'));
    const last = net.layers.length - 1;
    const hasZ = (i: number) => ['dense', 'conv2d', 'activation'].includes(net.layers[i].kind);
    const probes: Probes = {
      z: shapes.map((s, i) => (hasZ(i) ? variable(() => tf.zeros([1, ...s])) : null)),
      h: shapes.map((s, i) => (i === last ? null : variable(() => tf.zeros([1, ...s])))),
    };
    const rec: Record = { z: [], h: [], mask: [] };
    tf.tidy(() => {
      forward(net, w, x, undefined, rec);
      [...rec.z, ...rec.h, ...rec.mask].forEach((t) => t && keep(tf.keep(t)));
    });
    const vars = [...w.filter((_, k) => trainable[k]), ...probes.z, ...probes.h].filter(
      (v): v is tf.Variable => v !== null,
    );
    const { value, grads } = tf.variableGrads(() => lossOfOne(forward(net, w, x, probes), y), vars);
    held.push(value, ...Object.values(grads));
    const g = (v: tf.Tensor | null) => (v ? grads[(v as tf.Variable).name] : null);

    const gradArrays = await Promise.all(w.map((v, k) => (trainable[k] ? read(g(v)) : null)));
    const deltas = gradArrays.map((a) => (a ? a.map((v) => -lr * v) : null));
    const after = weights.map((a, k) => (deltas[k] ? a.map((v, j) => v + deltas[k]![j]) : a));
    const afterLogits = keep(
      tf.tidy(() =>
        forward(
          net,
          after.map((a, k) => tf.tensor(a, sizes[k])),
          x,
        ),
      ),
    );
    const probs = Array.from((await read(rec.h[last]))!);
    const probsAfter = Array.from((await read(keep(tf.softmax(afterLogits))))!);
    const loss = (await value.data())[0];
    const lossAfter = (await keep(tf.tidy(() => lossOf(afterLogits, y))).data())[0];

    const layers: StepLayer[] = [];
    for (let i = 0; i <= last; i++) {
      const [k, b] = own[i];
      const mine = own[i].slice(0, 2);
      const dh = i === last ? probs.map((v, k) => (k === label ? -1 / v : 0)) : plain(await read(g(probes.h[i])))!;
      layers.push({
        index: i,
        spec: net.layers[i],
        inShape: inShapes[i],
        outShape: shapes[i],
        z: plain(await read(rec.z[i])),
        h: plain(await read(rec.h[i]))!,
        dh,
        mask: plain(await read(rec.mask[i])),
        dz: plain(await read(g(probes.z[i]))),
        gradW: mine.length ? plain(gradArrays[k]) : null,
        gradB: mine.length ? plain(gradArrays[b]) : null,
        kernelShape: mine.length ? sizes[k] : null,
        gradNorm: norm(...mine.map((j) => gradArrays[j])),
        weightNorm: norm(...mine.map((j) => weights[j])),
        deltaNorm: norm(...mine.map((j) => deltas[j])),
      });
    }
    const step: LearningStep = {
      image: Array.from(image),
      label,
      learningRate: lr,
      layers,
      probs,
      loss,
      probsAfter,
      lossAfter,
      ...meta,
    };
    return { step, grads: gradArrays, deltas };
  } finally {
    tf.dispose(held);
  }
}

/**
 * Test images (uint8 pixels, 784 per image) scanned from `start` (wrapping) in chunks for the first one the
 * weights classify wrongly; null when all are right.
 */
export async function findMisread(
  net: NetworkSpec,
  weights: Float32Array[],
  pixels: Uint8Array,
  labels: Uint8Array,
  start: number,
): Promise<number | null> {
  const sizes = weightShapes(net)!;
  const w = weights.map((a, k) => tf.tensor(a, sizes[k]));
  const n = labels.length;
  const CHUNK = 500;
  try {
    for (let done = 0; done < n; done += CHUNK) {
      const from = (start + done) % n;
      const m = Math.min(CHUNK, n - from);
      const pred = tf.tidy(() => {
        const x = tf.div(
          tf.tensor4d(Float32Array.from(pixels.subarray(from * 784, (from + m) * 784)), [m, 28, 28, 1]),
          255,
        );
        return tf.argMax(forward(net, w, x), 1);
      });
      const p = await pred.data();
      pred.dispose();
      for (let k = 0; k < m; k++) if (p[k] !== labels[from + k]) return from + k;
    }
    return null;
  } finally {
    tf.dispose(w);
  }
}
