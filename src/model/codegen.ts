// Runnable code for the current experiment: a Python Keras script and the equivalent TensorFlow.js program.
// Same layers (arguments included), optimizer, learning rate and schedule, batch size, loss and seed, and
// the same input normalisation (pixel / 255, shape 28×28×1).
import { assertNever, LEAKY_RELU_SLOPE, type Activation, type LayerSpec, type NetworkSpec } from './spec';
import { AUGMENT_LEVELS, COSINE_EPOCHS, STEP_EPOCHS, type TrainConfig } from './training';

/** Epochs the exported code trains for: the epoch limit, or 5. */
export const exportEpochs = (c: TrainConfig) => (c.epochLimit > 0 ? c.epochLimit : 5);

const pyAct = (a: Activation) => (a === 'leakyRelu' ? 'leaky_relu' : a); // Keras 3: negative slope 0.2, as here

function kerasLayer(l: LayerSpec, l2: number): string {
  const reg = l2 > 0 ? `, kernel_regularizer=tf.keras.regularizers.L2(${l2})` : '';
  switch (l.kind) {
    case 'dense':
      return `tf.keras.layers.Dense(${l.units}, activation="${pyAct(l.activation)}"${reg})`;
    case 'conv2d':
      return `tf.keras.layers.Conv2D(${l.filters}, kernel_size=${l.kernelSize}, strides=${l.stride}, padding="${l.padding}", activation="${pyAct(l.activation)}"${reg})`;
    case 'maxPool2d':
      return `tf.keras.layers.MaxPooling2D(pool_size=${l.poolSize}, strides=${l.stride})`;
    case 'avgPool2d':
      return `tf.keras.layers.AveragePooling2D(pool_size=${l.poolSize}, strides=${l.stride})`;
    case 'flatten':
      return 'tf.keras.layers.Flatten()';
    case 'dropout':
      return `tf.keras.layers.Dropout(${l.rate})`;
    case 'batchNorm':
      return 'tf.keras.layers.BatchNormalization()';
    case 'activation':
      return `tf.keras.layers.Activation("${pyAct(l.activation)}")`;
    default:
      return assertNever(l, 'layer kind');
  }
}

function kerasOptimizer(c: TrainConfig): string[] {
  const lr =
    c.schedule === 'constant'
      ? String(c.learningRate)
      : c.schedule === 'step'
        ? `tf.keras.optimizers.schedules.ExponentialDecay(${String(c.learningRate)}, decay_steps=${STEP_EPOCHS} * steps_per_epoch, decay_rate=0.5, staircase=True)`
        : `tf.keras.optimizers.schedules.CosineDecay(${String(c.learningRate)}, decay_steps=${c.epochLimit > 0 ? c.epochLimit : COSINE_EPOCHS} * steps_per_epoch)`;
  const opt =
    c.optimizer === 'sgd'
      ? `tf.keras.optimizers.SGD(learning_rate=lr)`
      : c.optimizer === 'momentum'
        ? `tf.keras.optimizers.SGD(learning_rate=lr, momentum=0.9)`
        : c.optimizer === 'adam'
          ? `tf.keras.optimizers.Adam(learning_rate=lr)`
          : `tf.keras.optimizers.RMSprop(learning_rate=lr)`;
  return [`steps_per_epoch = len(x_train) // ${c.batchSize}`, `lr = ${lr}`, `optimizer = ${opt}`];
}

/** Keras preprocessing layers for the playground's augmentation (active only while training), one per line. */
function kerasAugment(c: TrainConfig): string[] {
  const L = AUGMENT_LEVELS[c.augment];
  const out: string[] = [];
  if (L.shift > 0) out.push(`tf.keras.layers.RandomTranslation(${L.shift} / 28, ${L.shift} / 28, fill_mode="constant")`);
  if (L.rotate > 0) out.push(`tf.keras.layers.RandomRotation(${L.rotate} / 360, fill_mode="constant")`);
  if (L.scale > 0) out.push(`tf.keras.layers.RandomZoom(${L.scale}, fill_mode="constant")`);
  return out;
}

/** A Python script that trains the same network with tf.keras on MNIST loaded the Keras way. */
export function kerasScript(net: NetworkSpec, c: TrainConfig, title: string): string {
  return `"""${title}: exported from MNIST Playground.

Run: pip install tensorflow && python mnist_playground.py
"""
import tensorflow as tf

(x_train, y_train), (x_test, y_test) = tf.keras.datasets.mnist.load_data()
# Same input as the playground: pixel / 255, shape (28, 28, 1), white ink on black.
x_train = (x_train / 255.0).astype("float32")[..., None]
x_test = (x_test / 255.0).astype("float32")[..., None]${c.trainSize > 0 ? `\n# The playground trained on the first ${c.trainSize} training images only.\nx_train, y_train = x_train[:${c.trainSize}], y_train[:${c.trainSize}]` : ''}

tf.keras.utils.set_random_seed(${c.seed})
model = tf.keras.Sequential([
    tf.keras.Input(shape=(28, 28, 1)),${
      c.augment === 'off'
        ? ''
        : `\n    # Data augmentation "${c.augment}" (training only)${c.augment === 'elastic' ? '; the playground also bends images elastically, which Keras has no standard layer for' : ''}.\n${kerasAugment(
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
model.fit(x_train, y_train, batch_size=${c.batchSize}, epochs=${exportEpochs(c)}, shuffle=True, validation_data=(x_test, y_test))
loss, accuracy = model.evaluate(x_test, y_test, verbose=0)
print(f"test accuracy: {accuracy:.4f}")
`;
}

/** The package the generated TensorFlow.js program imports (this module only writes text, it imports nothing). */
const TFJS_PACKAGE = '@tensorflow/tfjs';

const jsAct = (a: Activation) => (a === 'leakyRelu' ? 'linear' : a);

function tfjsLayer(l: LayerSpec, first: boolean, l2: number): string[] {
  const input = first ? 'inputShape: [28, 28, 1], ' : '';
  const reg = l2 > 0 ? `, kernelRegularizer: tf.regularizers.l2({ l2: ${l2} })` : '';
  const leaky = (a: Activation) => (a === 'leakyRelu' ? [`tf.layers.leakyReLU({ alpha: ${LEAKY_RELU_SLOPE} })`] : []);
  switch (l.kind) {
    case 'dense':
      return [`tf.layers.dense({ ${input}units: ${l.units}, activation: '${jsAct(l.activation)}'${reg} })`, ...leaky(l.activation)];
    case 'conv2d':
      return [
        `tf.layers.conv2d({ ${input}filters: ${l.filters}, kernelSize: ${l.kernelSize}, strides: ${l.stride}, padding: '${l.padding}', activation: '${jsAct(l.activation)}'${reg} })`,
        ...leaky(l.activation),
      ];
    case 'maxPool2d':
      return [`tf.layers.maxPooling2d({ ${input}poolSize: ${l.poolSize}, strides: ${l.stride} })`];
    case 'avgPool2d':
      return [`tf.layers.averagePooling2d({ ${input}poolSize: ${l.poolSize}, strides: ${l.stride} })`];
    case 'flatten':
      return [first ? 'tf.layers.flatten({ inputShape: [28, 28, 1] })' : 'tf.layers.flatten()'];
    case 'dropout':
      return [`tf.layers.dropout({ ${input}rate: ${l.rate} })`];
    case 'batchNorm':
      return [first ? `tf.layers.batchNormalization({ inputShape: [28, 28, 1] })` : 'tf.layers.batchNormalization()'];
    case 'activation':
      return l.activation === 'leakyRelu'
        ? [`tf.layers.leakyReLU({ ${input}alpha: ${LEAKY_RELU_SLOPE} })`]
        : [`tf.layers.activation({ ${input}activation: '${l.activation}' })`];
    default:
      return assertNever(l, 'layer kind');
  }
}

/** A generated `augment(images)` for the TF.js program: random affine maps through tf.image.transform. */
function tfjsAugment(c: TrainConfig): string {
  const L = AUGMENT_LEVELS[c.augment];
  return `
// Data augmentation "${c.augment}": each image shifted by up to ${L.shift} px${L.rotate ? `, turned by up to ${L.rotate}°, scaled by up to ${100 * L.scale}%` : ''} about its centre${c.augment === 'elastic' ? ' (the playground also bends images elastically; not reproduced here)' : ''}.
export function augment(images) {
  const n = images.shape[0];
  const u = () => 2 * Math.random() - 1;
  const maps = [];
  for (let i = 0; i < n; i++) {
    const a = (u() * ${L.rotate} * Math.PI) / 180, s = 1 + u() * ${L.scale}, tx = u() * ${L.shift}, ty = u() * ${L.shift};
    const cos = Math.cos(a) / s, sin = Math.sin(a) / s;
    // Output pixel (x, y) reads input (14 + cos·(x-14-tx) + sin·(y-14-ty), 14 - sin·(x-14-tx) + cos·(y-14-ty)).
    maps.push([cos, sin, 14 - cos * (14 + tx) - sin * (14 + ty), -sin, cos, 14 + sin * (14 + tx) - cos * (14 + ty), 0, 0]);
  }
  return tf.tidy(() => tf.image.transform(images, tf.tensor2d(maps), 'bilinear', 'constant', 0));
}
`;
}

/** The equivalent TensorFlow.js program (ES module); `xTrain` is [n, 28, 28, 1] in [0,1], `yTrain` one-hot [n, 10]. */
export function tfjsProgram(net: NetworkSpec, c: TrainConfig, title: string): string {
  const opt =
    c.optimizer === 'sgd'
      ? `tf.train.sgd(${c.learningRate})`
      : c.optimizer === 'momentum'
        ? `tf.train.momentum(${c.learningRate}, 0.9)`
        : c.optimizer === 'adam'
          ? `tf.train.adam(${c.learningRate})`
          : `tf.train.rmsprop(${c.learningRate})`;
  const layers = net.layers.flatMap((l, i) => tfjsLayer(l, i === 0, c.l2));
  return `// ${title}: exported from MNIST Playground.
// xTrain: float32 [n, 28, 28, 1] with pixel / 255 (white ink on black); yTrain: one-hot [n, 10].
import * as tf from '${TFJS_PACKAGE}';

export function buildModel() {
  const model = tf.sequential({
    layers: [
${layers.map((l) => `      ${l},`).join('\n')}
    ],
  });
  model.compile({ optimizer: ${opt}, loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
  return model;
}

${c.augment === 'off' ? '' : tfjsAugment(c)}
export async function train(xTrain, yTrain, xTest, yTest) {
  const model = buildModel();${c.trainSize > 0 ? `\n  // The playground trained on the first ${c.trainSize} training images only.\n  [xTrain, yTrain] = [xTrain.slice(0, ${c.trainSize}), yTrain.slice(0, ${c.trainSize})];` : ''}
  ${
    c.augment === 'off'
      ? `await model.fit(xTrain, yTrain, { batchSize: ${c.batchSize}, epochs: ${exportEpochs(c)}, shuffle: true, validationData: [xTest, yTest] });`
      : `for (let epoch = 0; epoch < ${exportEpochs(c)}; epoch++) {
    // New random shifts/turns every epoch (the playground draws new ones at every step).
    const xAug = augment(xTrain);
    await model.fit(xAug, yTrain, { batchSize: ${c.batchSize}, epochs: 1, shuffle: true, validationData: [xTest, yTest] });
    xAug.dispose();
  }`
  }${
    c.schedule !== 'constant'
      ? `\n  // The playground used a ${c.schedule} learning-rate schedule; tf.js fit() keeps the rate constant.`
      : ''
  }
  return model;
}
`;
}
