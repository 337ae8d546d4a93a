// Network spec → tfjs model. The last Dense+softmax is built with a linear activation so training can use
// the numerically stable softmax cross-entropy on logits; `probabilities` applies the softmax for predictions.
import * as tf from '@tensorflow/tfjs';
import {
  assertNever,
  INPUT_SHAPE,
  LEAKY_RELU_SLOPE,
  type Activation,
  type LayerSpec,
  type NetworkSpec,
} from '../../model/spec';
import { inferNetwork } from '../../model/shapes';
import { mulberry32 } from '../../model/prng';

type TfActivation = 'relu' | 'elu' | 'sigmoid' | 'tanh' | 'softmax' | 'linear';

export type BuiltModel = {
  model: tf.Sequential;
  /** Index in the spec of each tfjs layer (leakyRelu adds a layer, so they can differ). */
  specIndex: number[];
};

/** tfjs has no 'leakyRelu' activation string: such layers are built linear and followed by a LeakyReLU layer. */
const tfAct = (a: Activation): TfActivation => (a === 'leakyRelu' ? 'linear' : a);

function layersFor(spec: LayerSpec, i: number, seed: number, isLast: boolean, first: boolean): tf.layers.Layer[] {
  const input = first ? { inputShape: [...INPUT_SHAPE] } : {};
  const init = () => tf.initializers.glorotUniform({ seed: (seed + 7919 * (i + 1)) >>> 0 });
  const withAct = (layer: tf.layers.Layer, a: Activation): tf.layers.Layer[] =>
    a === 'leakyRelu' ? [layer, tf.layers.leakyReLU({ alpha: LEAKY_RELU_SLOPE })] : [layer];
  switch (spec.kind) {
    case 'dense': {
      const activation = isLast && spec.activation === 'softmax' ? 'linear' : tfAct(spec.activation);
      return withAct(
        tf.layers.dense({ ...input, units: spec.units, activation, kernelInitializer: init(), name: `dense_${i}` }),
        spec.activation,
      );
    }
    case 'conv2d':
      return withAct(
        tf.layers.conv2d({
          ...input,
          filters: spec.filters,
          kernelSize: spec.kernelSize,
          strides: spec.stride,
          padding: spec.padding,
          activation: tfAct(spec.activation),
          kernelInitializer: init(),
          name: `conv2d_${i}`,
        }),
        spec.activation,
      );
    case 'maxPool2d':
      return [
        tf.layers.maxPooling2d({ ...input, poolSize: spec.poolSize, strides: spec.stride, name: `maxpool_${i}` }),
      ];
    case 'avgPool2d':
      return [
        tf.layers.averagePooling2d({ ...input, poolSize: spec.poolSize, strides: spec.stride, name: `avgpool_${i}` }),
      ];
    case 'flatten':
      return [tf.layers.flatten({ ...input, name: `flatten_${i}` })];
    case 'dropout':
      return [tf.layers.dropout({ ...input, rate: spec.rate, seed: (seed + i) >>> 0, name: `dropout_${i}` })];
    case 'batchNorm':
      return [tf.layers.batchNormalization({ ...input, name: `batchnorm_${i}` })];
    case 'activation':
      return spec.activation === 'leakyRelu'
        ? [tf.layers.leakyReLU({ ...input, alpha: LEAKY_RELU_SLOPE, name: `leaky_${i}` })]
        : [tf.layers.activation({ ...input, activation: spec.activation, name: `activation_${i}` })];
    default:
      return assertNever(spec, 'layer kind');
  }
}

/**
 * A new dropout seed per layer and step, from the run's seed. tfjs's seeded Dropout builds a fresh generator
 * from `seed` on every call, so a fixed seed would drop the same units at every step (one frozen sub-network);
 * Dropout reads `this.seed` at call time, so setting it before each step gives new masks that still repeat
 * exactly for the same run seed and step. `step` is the 1-based batch number.
 */
export function reseedDropout(model: tf.LayersModel, runSeed: number, step: number): void {
  model.layers.forEach((layer, k) => {
    if (layer.getClassName() !== 'Dropout') return;
    const s = mulberry32((runSeed ^ Math.imul(step, 0x9e3779b1) ^ Math.imul(k + 1, 0x85ebca6b)) >>> 0)();
    (layer as unknown as { seed: number }).seed = Math.floor(s * 4294967296);
  });
}

/** Builds the model and checks its shapes and parameter count against our own inference. */
export function buildModel(net: NetworkSpec, seed: number): BuiltModel {
  const info = inferNetwork(net);
  if (info.problem) throw new Error(`invalid network (${info.problem.key})`);
  const model = tf.sequential();
  const specIndex: number[] = [];
  net.layers.forEach((spec, i) => {
    for (const layer of layersFor(spec, i, seed, i === net.layers.length - 1, i === 0)) {
      model.add(layer);
      specIndex.push(i);
    }
  });
  const tfParams = model.trainableWeights.reduce((s, w) => s + w.shape.reduce<number>((a, b) => a * (b ?? 1), 1), 0);
  if (tfParams !== info.totalParams) {
    model.dispose();
    throw new Error(
      `Internal check failed: tfjs built ${tfParams} parameters, shape inference says ${info.totalParams}.`,
    );
  }
  return { model, specIndex };
}

/** images [n, 28, 28, 1] in [0,1] → probabilities [n, 10]. Call inside tf.tidy. */
export function probabilities(model: tf.Sequential, images: tf.Tensor4D): tf.Tensor2D {
  return tf.softmax(model.apply(images, { training: false }) as tf.Tensor2D);
}
