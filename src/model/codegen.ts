// Runnable code for the current experiment: a Python Keras script and the equivalent TensorFlow.js program.
// Same layers (arguments included), optimizer, learning rate and schedule, batch size, loss and seed, and
// the same input normalisation (pixel / 255, shape 28×28×1).
// People run these files, and the experiment may come from someone else's session file, so nothing from the
// experiment is pasted in as it is: the network and config pass the decoders again, names (activations,
// paddings, optimizers, schedules, augmentation levels) come from the fixed tables below, numbers are formatted
// here, and the one free text, the title, is escaped with each language's string-literal rules.
import { jsDataLab, pyDataLab } from './codegenData';
import { jsString, numberLiteral, pyString } from './codegenText';
import { jsRate, pyRate } from './codegenSchedule';
import { decodeConfig, decodeNetwork } from './decode';

export { jsString, numberLiteral, pyString };
import {
  ACTIVATIONS,
  assertNever,
  LEAKY_RELU_SLOPE,
  PADDINGS,
  type Activation,
  type LayerSpec,
  type NetworkSpec,
  type Padding,
} from './spec';
import { AUGMENT_LEVELS, AUGMENTS, DEFAULT_CONFIG, type Augment, type TrainConfig } from './training';

/** Epochs the exported code trains for: the epoch limit, else a cosine's plan, else 5. */
export const exportEpochs = (c: TrainConfig) =>
  c.epochLimit > 0 ? c.epochLimit : c.schedule === 'cosine' && c.scheduleEpochs > 0 ? c.scheduleEpochs : 5;

/** `v` when it is one of `allowed`, else `fallback`: every name written into code goes through a table. */
const pick = <T extends string>(allowed: readonly T[], v: unknown, fallback: T): T =>
  (allowed as readonly unknown[]).includes(v) ? (v as T) : fallback;

const n = numberLiteral;

const PY_ACTIVATION: Record<Activation, string> = {
  relu: 'relu',
  leakyRelu: 'leaky_relu',
  elu: 'elu',
  sigmoid: 'sigmoid',
  tanh: 'tanh',
  softmax: 'softmax',
  linear: 'linear',
};
/** tfjs names; leakyRelu is 'linear' followed by a leakyReLU layer (tfjs has no activation of that name). */
const JS_ACTIVATION: Record<Activation, string> = { ...PY_ACTIVATION, leakyRelu: 'linear' };
const PADDING: Record<Padding, string> = { valid: 'valid', same: 'same' };
const act = (a: unknown) => pick(ACTIVATIONS, a, 'linear');
const pad = (p: unknown) => PADDING[pick(PADDINGS, p, 'valid')];
const pyAct = (a: unknown) => PY_ACTIVATION[act(a)];
const jsAct = (a: unknown) => JS_ACTIVATION[act(a)];

/** The experiment as the decoders give it back; an experiment they refuse exports the defaults' empty network. */
function checked(net: NetworkSpec, c: TrainConfig): { net: NetworkSpec; c: TrainConfig } {
  const dn = decodeNetwork(net);
  const dc = decodeConfig(c);
  return { net: dn.ok ? dn.value : { layers: [] }, c: dc.ok ? dc.value : DEFAULT_CONFIG };
}

function kerasLayer(l: LayerSpec, l2: number): string {
  const reg = l2 > 0 ? `, kernel_regularizer=tf.keras.regularizers.L2(${n(l2)})` : '';
  switch (l.kind) {
    case 'dense':
      return `tf.keras.layers.Dense(${n(l.units)}, activation="${pyAct(l.activation)}"${reg})`;
    case 'conv2d':
      return `tf.keras.layers.Conv2D(${n(l.filters)}, kernel_size=${n(l.kernelSize)}, strides=${n(l.stride)}, padding="${pad(l.padding)}", activation="${pyAct(l.activation)}"${reg})`;
    case 'maxPool2d':
      return `tf.keras.layers.MaxPooling2D(pool_size=${n(l.poolSize)}, strides=${n(l.stride)})`;
    case 'avgPool2d':
      return `tf.keras.layers.AveragePooling2D(pool_size=${n(l.poolSize)}, strides=${n(l.stride)})`;
    case 'flatten':
      return 'tf.keras.layers.Flatten()';
    case 'dropout':
      return `tf.keras.layers.Dropout(${n(l.rate)})`;
    case 'batchNorm':
      return 'tf.keras.layers.BatchNormalization()';
    case 'activation':
      return `tf.keras.layers.Activation("${pyAct(l.activation)}")`;
    default:
      return assertNever(l, 'layer kind');
  }
}

function kerasOptimizer(c: TrainConfig): string[] {
  const opt =
    c.optimizer === 'sgd'
      ? `tf.keras.optimizers.SGD(learning_rate=lr)`
      : c.optimizer === 'momentum'
        ? `tf.keras.optimizers.SGD(learning_rate=lr, momentum=0.9)`
        : c.optimizer === 'adam'
          ? `tf.keras.optimizers.Adam(learning_rate=lr)`
          : `tf.keras.optimizers.RMSprop(learning_rate=lr)`;
  return [`steps_per_epoch = len(x_train) // ${n(c.batchSize)}`, ...pyRate(c), `optimizer = ${opt}`];
}

/** Keras preprocessing layers for the playground's augmentation (active only while training), one per line. */
function kerasAugment(c: TrainConfig): string[] {
  const L = AUGMENT_LEVELS[pick(AUGMENTS, c.augment, 'off')];
  const out: string[] = [];
  if (L.shift > 0)
    out.push(`tf.keras.layers.RandomTranslation(${L.shift} / 28, ${L.shift} / 28, fill_mode="constant")`);
  if (L.rotate > 0) out.push(`tf.keras.layers.RandomRotation(${L.rotate} / 360, fill_mode="constant")`);
  if (L.scale > 0) out.push(`tf.keras.layers.RandomZoom(${L.scale}, fill_mode="constant")`);
  return out;
}

/** A Python script that trains the same network with tf.keras on MNIST loaded the Keras way. */
export function kerasScript(network: NetworkSpec, config: TrainConfig, title: string): string {
  const { net, c } = checked(network, config);
  const aug: Augment = pick(AUGMENTS, c.augment, 'off');
  return `"""Exported from MNIST Playground.

Run: pip install tensorflow && python mnist_playground.py
"""
import numpy as np
import tensorflow as tf

TITLE = ${pyString(title)}

(x_train, y_train), (x_test, y_test) = tf.keras.datasets.mnist.load_data()
# Same input as the playground: pixel / 255, shape (28, 28, 1), white ink on black.
x_train = (x_train / 255.0).astype("float32")[..., None]
x_test = (x_test / 255.0).astype("float32")[..., None]${c.trainSize > 0 ? `\n# The playground trained on the first ${n(c.trainSize)} training images only.\nx_train, y_train = x_train[:${n(c.trainSize)}], y_train[:${n(c.trainSize)}]` : ''}${pyDataLab(
    c,
  )
    .map((l) => `\n${l}`)
    .join('')}

tf.keras.utils.set_random_seed(${n(c.seed)})
model = tf.keras.Sequential([
    tf.keras.Input(shape=(28, 28, 1)),${
      aug === 'off'
        ? ''
        : `\n    # Data augmentation "${aug}" (training only)${aug === 'elastic' ? '; the playground also bends images elastically, which Keras has no standard layer for' : ''}.\n${kerasAugment(
            c,
          )
            .map((l) => `    ${l},`)
            .join('\n')}`
    }
${net.layers.map((l) => `    ${kerasLayer(l, c.l2)},`).join('\n')}
])

${kerasOptimizer(c).join('\n')}
model.compile(optimizer=optimizer, loss="sparse_categorical_crossentropy", metrics=["accuracy"])
model.summary()
model.fit(x_train, y_train, batch_size=${n(c.batchSize)}, epochs=${n(exportEpochs(c))}, shuffle=True, validation_data=(x_test, y_test))
loss, accuracy = model.evaluate(x_test, y_test, verbose=0)
print(TITLE, "test accuracy:", round(accuracy, 4))
`;
}

/** The package the generated TensorFlow.js program imports (this module only writes text, it imports nothing). */
const TFJS_PACKAGE = '@tensorflow/tfjs';

function tfjsLayer(l: LayerSpec, first: boolean, l2: number): string[] {
  const input = first ? 'inputShape: [28, 28, 1], ' : '';
  const reg = l2 > 0 ? `, kernelRegularizer: tf.regularizers.l2({ l2: ${n(l2)} })` : '';
  const leaky = (a: unknown) =>
    act(a) === 'leakyRelu' ? [`tf.layers.leakyReLU({ alpha: ${n(LEAKY_RELU_SLOPE)} })`] : [];
  switch (l.kind) {
    case 'dense':
      return [
        `tf.layers.dense({ ${input}units: ${n(l.units)}, activation: '${jsAct(l.activation)}'${reg} })`,
        ...leaky(l.activation),
      ];
    case 'conv2d':
      return [
        `tf.layers.conv2d({ ${input}filters: ${n(l.filters)}, kernelSize: ${n(l.kernelSize)}, strides: ${n(l.stride)}, padding: '${pad(l.padding)}', activation: '${jsAct(l.activation)}'${reg} })`,
        ...leaky(l.activation),
      ];
    case 'maxPool2d':
      return [`tf.layers.maxPooling2d({ ${input}poolSize: ${n(l.poolSize)}, strides: ${n(l.stride)} })`];
    case 'avgPool2d':
      return [`tf.layers.averagePooling2d({ ${input}poolSize: ${n(l.poolSize)}, strides: ${n(l.stride)} })`];
    case 'flatten':
      return [first ? 'tf.layers.flatten({ inputShape: [28, 28, 1] })' : 'tf.layers.flatten()'];
    case 'dropout':
      return [`tf.layers.dropout({ ${input}rate: ${n(l.rate)} })`];
    case 'batchNorm':
      return [first ? `tf.layers.batchNormalization({ inputShape: [28, 28, 1] })` : 'tf.layers.batchNormalization()'];
    case 'activation':
      return act(l.activation) === 'leakyRelu'
        ? [`tf.layers.leakyReLU({ ${input}alpha: ${n(LEAKY_RELU_SLOPE)} })`]
        : [`tf.layers.activation({ ${input}activation: '${jsAct(l.activation)}' })`];
    default:
      return assertNever(l, 'layer kind');
  }
}

/** A generated `augment(images)` for the TF.js program: random affine maps through tf.image.transform. */
function tfjsAugment(aug: Augment): string {
  const L = AUGMENT_LEVELS[aug];
  return `
// Data augmentation "${aug}": each image shifted by up to ${n(L.shift)} px${L.rotate ? `, turned by up to ${n(L.rotate)}°, scaled by up to ${n(100 * L.scale)}%` : ''} about its centre${aug === 'elastic' ? ' (the playground also bends images elastically; not reproduced here)' : ''}.
export function augment(images) {
  const n = images.shape[0];
  const u = () => 2 * Math.random() - 1;
  const maps = [];
  for (let i = 0; i < n; i++) {
    const a = (u() * ${n(L.rotate)} * Math.PI) / 180, s = 1 + u() * ${n(L.scale)}, tx = u() * ${n(L.shift)}, ty = u() * ${n(L.shift)};
    const cos = Math.cos(a) / s, sin = Math.sin(a) / s;
    // Output pixel (x, y) reads input (14 + cos·(x-14-tx) + sin·(y-14-ty), 14 - sin·(x-14-tx) + cos·(y-14-ty)).
    maps.push([cos, sin, 14 - cos * (14 + tx) - sin * (14 + ty), -sin, cos, 14 + sin * (14 + tx) - cos * (14 + ty), 0, 0]);
  }
  return tf.tidy(() => tf.image.transform(images, tf.tensor2d(maps), 'bilinear', 'constant', 0));
}
`;
}

/** The equivalent TensorFlow.js program (ES module); `xTrain` is [n, 28, 28, 1] in [0,1], `yTrain` one-hot [n, 10]. */
export function tfjsProgram(network: NetworkSpec, config: TrainConfig, title: string): string {
  const { net, c } = checked(network, config);
  const aug: Augment = pick(AUGMENTS, c.augment, 'off');
  const lr = n(c.learningRate);
  const opt =
    c.optimizer === 'sgd'
      ? `tf.train.sgd(${lr})`
      : c.optimizer === 'momentum'
        ? `tf.train.momentum(${lr}, 0.9)`
        : c.optimizer === 'adam'
          ? `tf.train.adam(${lr})`
          : `tf.train.rmsprop(${lr})`;
  const layers = net.layers.flatMap((l, i) => tfjsLayer(l, i === 0, c.l2));
  const rate = jsRate(c);
  const cb = rate?.callbacks ?? '';
  const lab = jsDataLab(c);
  // fit() counts steps per call; the schedule needs them counted across the whole training.
  const counter = rate
    ? `\n  const stepsPerEpoch = Math.floor(xTrain.shape[0] / ${n(c.batchSize)});\n  let step = 0;`
    : '';
  return `// Exported from MNIST Playground.
// xTrain: float32 [n, 28, 28, 1] with pixel / 255 (white ink on black); yTrain: one-hot [n, 10].
import * as tf from '${TFJS_PACKAGE}';

export const TITLE = ${jsString(title)};

export function buildModel() {
  const model = tf.sequential({
    layers: [
${layers.map((l) => `      ${l},`).join('\n')}
    ],
  });
  model.compile({ optimizer: ${opt}, loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
  return model;
}

${rate ? rate.helper : ''}${aug === 'off' ? '' : tfjsAugment(aug)}${lab.helper}
export async function train(xTrain, yTrain, xTest, yTest) {
  const model = buildModel();${c.trainSize > 0 ? `\n  // The playground trained on the first ${n(c.trainSize)} training images only.\n  [xTrain, yTrain] = [xTrain.slice(0, ${n(c.trainSize)}), yTrain.slice(0, ${n(c.trainSize)})];` : ''}${lab.call}${counter}
  ${
    aug === 'off'
      ? `await model.fit(xTrain, yTrain, { batchSize: ${n(c.batchSize)}, epochs: ${n(exportEpochs(c))}, shuffle: true, validationData: [xTest, yTest]${cb} });`
      : `for (let epoch = 0; epoch < ${n(exportEpochs(c))}; epoch++) {
    // New random shifts/turns every epoch (the playground draws new ones at every step).
    const xAug = augment(xTrain);
    await model.fit(xAug, yTrain, { batchSize: ${n(c.batchSize)}, epochs: 1, shuffle: true, validationData: [xTest, yTest]${cb} });
    xAug.dispose();
  }`
  }
  return model;
}
`;
}
