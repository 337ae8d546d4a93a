import { describe, expect, it } from 'vitest';
import { kerasScript, tfjsProgram } from './codegen';
import { presetById, PRESETS, type PresetId } from './presets';
import { execFileSync } from 'node:child_process';
import { DEFAULT_CONFIG, scheduledRate, type TrainConfig } from './training';

/** The lines between the opening and closing of a layer list, without indentation and trailing commas. */
function linesBetween(code: string, open: string, close: string): string[] {
  const body = code.split(open)[1].split(close)[0];
  return body.split('\n').map((l) => l.trim().replace(/,$/, ''));
}
const kerasLayers = (code: string) => linesBetween(code, 'model = tf.keras.Sequential([\n', '\n])');
const tfjsLayers = (code: string) => linesBetween(code, 'layers: [\n', '\n    ],');

/** The default without its schedule: the rate is one number. */
const CONSTANT: TrainConfig = { ...DEFAULT_CONFIG, schedule: 'constant', warmup: 0 };

const EXPECTED_KERAS: Record<PresetId, string[]> = {
  'mlp-seed': [
    'tf.keras.layers.Flatten()',
    'tf.keras.layers.Dense(128, activation="relu")',
    'tf.keras.layers.Dense(10, activation="softmax")',
  ],
  logistic: ['tf.keras.layers.Flatten()', 'tf.keras.layers.Dense(10, activation="softmax")'],
  'mlp-deep-dropout': [
    'tf.keras.layers.Flatten()',
    'tf.keras.layers.Dense(256, activation="relu")',
    'tf.keras.layers.Dropout(0.2)',
    'tf.keras.layers.Dense(128, activation="relu")',
    'tf.keras.layers.Dropout(0.2)',
    'tf.keras.layers.Dense(10, activation="softmax")',
  ],
  lenet5: [
    'tf.keras.layers.Conv2D(6, kernel_size=5, strides=1, padding="same", activation="relu")',
    'tf.keras.layers.AveragePooling2D(pool_size=2, strides=2)',
    'tf.keras.layers.Conv2D(16, kernel_size=5, strides=1, padding="valid", activation="relu")',
    'tf.keras.layers.AveragePooling2D(pool_size=2, strides=2)',
    'tf.keras.layers.Flatten()',
    'tf.keras.layers.Dense(120, activation="relu")',
    'tf.keras.layers.Dense(84, activation="relu")',
    'tf.keras.layers.Dense(10, activation="softmax")',
  ],
  'cnn-small': [
    'tf.keras.layers.Conv2D(8, kernel_size=3, strides=2, padding="same", activation="relu")',
    'tf.keras.layers.Conv2D(16, kernel_size=3, strides=2, padding="same", activation="relu")',
    'tf.keras.layers.Flatten()',
    'tf.keras.layers.Dense(10, activation="softmax")',
  ],
};

const EXPECTED_TFJS: Record<PresetId, string[]> = {
  'mlp-seed': [
    'tf.layers.flatten({ inputShape: [28, 28, 1] })',
    "tf.layers.dense({ units: 128, activation: 'relu' })",
    "tf.layers.dense({ units: 10, activation: 'softmax' })",
  ],
  logistic: ['tf.layers.flatten({ inputShape: [28, 28, 1] })', "tf.layers.dense({ units: 10, activation: 'softmax' })"],
  'mlp-deep-dropout': [
    'tf.layers.flatten({ inputShape: [28, 28, 1] })',
    "tf.layers.dense({ units: 256, activation: 'relu' })",
    'tf.layers.dropout({ rate: 0.2 })',
    "tf.layers.dense({ units: 128, activation: 'relu' })",
    'tf.layers.dropout({ rate: 0.2 })',
    "tf.layers.dense({ units: 10, activation: 'softmax' })",
  ],
  lenet5: [
    "tf.layers.conv2d({ inputShape: [28, 28, 1], filters: 6, kernelSize: 5, strides: 1, padding: 'same', activation: 'relu' })",
    'tf.layers.averagePooling2d({ poolSize: 2, strides: 2 })',
    "tf.layers.conv2d({ filters: 16, kernelSize: 5, strides: 1, padding: 'valid', activation: 'relu' })",
    'tf.layers.averagePooling2d({ poolSize: 2, strides: 2 })',
    'tf.layers.flatten()',
    "tf.layers.dense({ units: 120, activation: 'relu' })",
    "tf.layers.dense({ units: 84, activation: 'relu' })",
    "tf.layers.dense({ units: 10, activation: 'softmax' })",
  ],
  'cnn-small': [
    "tf.layers.conv2d({ inputShape: [28, 28, 1], filters: 8, kernelSize: 3, strides: 2, padding: 'same', activation: 'relu' })",
    "tf.layers.conv2d({ filters: 16, kernelSize: 3, strides: 2, padding: 'same', activation: 'relu' })",
    'tf.layers.flatten()',
    "tf.layers.dense({ units: 10, activation: 'softmax' })",
  ],
};

describe('Keras and TensorFlow.js code export', () => {
  for (const p of PRESETS) {
    it(`writes every layer of ${p.id} with its arguments`, () => {
      const plain = { ...DEFAULT_CONFIG, augment: 'off' as const };
      const [input, ...layers] = kerasLayers(kerasScript(p.network, plain, p.id));
      expect(input).toBe('tf.keras.Input(shape=(28, 28, 1))');
      expect(layers).toEqual(EXPECTED_KERAS[p.id]);
      expect(tfjsLayers(tfjsProgram(p.network, plain, p.id))).toEqual(EXPECTED_TFJS[p.id]);
    });
  }

  it('carries optimizer, learning rate, batch size, loss, seed and epochs', () => {
    const py = kerasScript(
      presetById('mlp-seed').network,
      { ...CONSTANT, optimizer: 'momentum', learningRate: 0.05, batchSize: 32, seed: 7, epochLimit: 3 },
      'x',
    );
    expect(py).toContain('lr = 0.05');
    expect(py).toContain('optimizer = tf.keras.optimizers.SGD(learning_rate=lr, momentum=0.9)');
    expect(py).toContain('loss="sparse_categorical_crossentropy"');
    expect(py).toContain('tf.keras.utils.set_random_seed(7)');
    expect(py).toContain('model.fit(x_train, y_train, batch_size=32, epochs=3');
    expect(py).toContain('tf.keras.datasets.mnist.load_data()');
    expect(py).toContain('x_train = (x_train / 255.0).astype("float32")[..., None]');
    const js = tfjsProgram(
      presetById('mlp-seed').network,
      { ...DEFAULT_CONFIG, optimizer: 'rmsprop', learningRate: 0.001, batchSize: 256 },
      'x',
    );
    expect(js).toContain('optimizer: tf.train.rmsprop(0.001)');
    expect(js).toContain("loss: 'categoricalCrossentropy'");
    expect(js).toContain('batchSize: 256');
    expect(js).toContain("import * as tf from '@tensorflow/tfjs';");
  });

  it('exports schedules, L2 and leaky ReLU the way each library spells them', () => {
    const net = {
      layers: [
        { kind: 'flatten' as const },
        { kind: 'dense' as const, units: 32, activation: 'leakyRelu' as const },
        { kind: 'dense' as const, units: 10, activation: 'softmax' as const },
      ],
    };
    const cfg = { ...DEFAULT_CONFIG, schedule: 'cosine' as const, scheduleEpochs: 0, epochLimit: 4, l2: 0.001 };
    const py = kerasScript(net, cfg, 'x');
    expect(py).toContain('class PlaygroundRate(tf.keras.optimizers.schedules.LearningRateSchedule):');
    expect(py).toContain('epochs / 4)');
    expect(py).toContain(
      'tf.keras.layers.Dense(32, activation="leaky_relu", kernel_regularizer=tf.keras.regularizers.L2(0.001))',
    );
    expect(tfjsLayers(tfjsProgram(net, cfg, 'x'))).toEqual([
      'tf.layers.flatten({ inputShape: [28, 28, 1] })',
      "tf.layers.dense({ units: 32, activation: 'linear', kernelRegularizer: tf.regularizers.l2({ l2: 0.001 }) })",
      'tf.layers.leakyReLU({ alpha: 0.2 })',
      "tf.layers.dense({ units: 10, activation: 'softmax', kernelRegularizer: tf.regularizers.l2({ l2: 0.001 }) })",
    ]);
  });

  it('exports data augmentation as Keras preprocessing layers and a tf.image.transform step in TF.js', () => {
    const net = presetById('mlp-seed').network;
    const [, ...layers] = kerasLayers(kerasScript(net, { ...DEFAULT_CONFIG, augment: 'affine' }, 'x')).filter(
      (l) => !l.startsWith('#'),
    );
    expect(layers).toEqual([
      'tf.keras.layers.RandomTranslation(2 / 28, 2 / 28, fill_mode="constant")',
      'tf.keras.layers.RandomRotation(12 / 360, fill_mode="constant")',
      'tf.keras.layers.RandomZoom(0.12, fill_mode="constant")',
      ...EXPECTED_KERAS['mlp-seed'],
    ]);
    const shift = kerasLayers(kerasScript(net, { ...DEFAULT_CONFIG, augment: 'shift' }, 'x')).filter((l) =>
      l.startsWith('tf.keras.layers.Random'),
    );
    expect(shift).toEqual(['tf.keras.layers.RandomTranslation(2 / 28, 2 / 28, fill_mode="constant")']);
    expect(kerasScript(net, { ...DEFAULT_CONFIG, augment: 'elastic' }, 'x')).toContain('elastic');
    const js = tfjsProgram(net, { ...DEFAULT_CONFIG, augment: 'affine', epochLimit: 2 }, 'x');
    expect(js).toContain('export function augment(images)');
    expect(js).toContain("tf.image.transform(images, tf.tensor2d(maps), 'bilinear', 'constant', 0)");
    expect(js).toContain('for (let epoch = 0; epoch < 2; epoch++)');
    const off = tfjsProgram(net, { ...DEFAULT_CONFIG, augment: 'off' }, 'x');
    expect(off).not.toContain('augment(');
    expect(kerasScript(net, { ...DEFAULT_CONFIG, augment: 'off' }, 'x')).not.toContain('Random');
  });
});

describe('the learning-rate schedule in exported code', () => {
  const STEPS_PER_EPOCH = 468; // 60,000 images, batch 128
  const steps = [1, 100, 200, 201, 468, 700, 936, 1500];
  const configs: TrainConfig[] = [
    DEFAULT_CONFIG,
    { ...DEFAULT_CONFIG, schedule: 'step', warmup: 0, learningRate: 0.1 },
    { ...DEFAULT_CONFIG, schedule: 'cosine', warmup: 50, scheduleEpochs: 0, epochLimit: 3 },
    { ...DEFAULT_CONFIG, schedule: 'constant', warmup: 300 },
  ];
  const expected = (c: TrainConfig) => steps.map((k) => scheduledRate(c, (k - 1) / STEPS_PER_EPOCH, k));

  it.each(configs)('TF.js rateAt gives the playground rate at every step (%o)', (c) => {
    const code = tfjsProgram(presetById('mlp-seed').network, c, 'x');
    const fn = code.split('export function rateAt')[1].split('\n}\n')[0];
    const rateAt = new Function(`return function rateAt${fn}\n}`)() as (step: number, spe: number) => number;
    steps.forEach((k, i) => expect(rateAt(k, STEPS_PER_EPOCH)).toBeCloseTo(expected(c)[i], 12));
  });

  it.each(configs)('Keras PlaygroundRate gives the playground rate at every step (%o)', (c) => {
    const code = kerasScript(presetById('mlp-seed').network, c, 'x');
    const cls = code.slice(code.indexOf('class PlaygroundRate'), code.indexOf('lr = PlaygroundRate()'));
    // A stand-in for the few tf functions the schedule calls, on plain floats (the 0-based step Keras passes).
    const shim = [
      'import math, json',
      'class _S: LearningRateSchedule = object',
      'class _O: schedules = _S',
      'class _K: optimizers = _O',
      'class tf:',
      '    keras = _K; float32 = None',
      '    cast = staticmethod(lambda x, d: float(x)); minimum = staticmethod(min)',
      '    floor = staticmethod(math.floor); cos = staticmethod(math.cos)',
      `steps_per_epoch = ${STEPS_PER_EPOCH}`,
      cls,
      `print(json.dumps([PlaygroundRate()(k - 1) for k in ${JSON.stringify(steps)}]))`,
    ].join('\n');
    const got = JSON.parse(execFileSync('python3', ['-c', shim], { encoding: 'utf8' })) as number[];
    got.forEach((v, i) => expect(v).toBeCloseTo(expected(c)[i], 12));
  });
});

describe('the data lab in the exports', () => {
  const lab: TrainConfig = { ...DEFAULT_CONFIG, removeDigit: 3, digitKeep: 0.1, plant: '7>1:0.5', labelNoise: 0.2 };
  /** 1,000 labels, 100 of each digit. */
  const labels = Array.from({ length: 1000 }, (_, i) => i % 10);

  it('TF.js dataLab keeps the share of the digit, plants the confusion and replaces the noisy share', () => {
    const code = tfjsProgram(presetById('mlp-seed').network, lab, 'x');
    expect(code).toContain('[xTrain, yTrain] = dataLab(xTrain, yTrain);');
    const body = code.slice(code.indexOf('function shuffled'), code.indexOf('export async function train'));
    // A stand-in for the tf calls dataLab makes, on plain arrays: one-hot rows in, kept rows and labels out.
    const tf = {
      tidy: <T>(f: () => T) => f(),
      tensor1d: (a: number[]) => a,
      gather: (x: number[], idx: number[]) => idx.map((i) => x[i]),
      oneHot: (a: number[]) => ({ toFloat: () => a }),
    };
    const yTrain = { argMax: () => ({ dataSync: () => labels }) };
    const dataLab = new Function('tf', `${body.replace('export function', 'function')}\nreturn dataLab;`)(tf) as (
      x: number[],
      y: unknown,
    ) => [number[], number[]];
    const [kept, y] = dataLab(labels, yTrain);
    expect(kept.filter((l) => l === 3)).toHaveLength(10);
    expect(kept).toHaveLength(910);
    const wrong = y.filter((l, i) => l !== kept[i]).length;
    // 50 sevens relabelled 1, then 20% of all kept labels changed (some of them sevens already changed).
    expect(wrong).toBeGreaterThanOrEqual(182);
    expect(wrong).toBeLessThanOrEqual(50 + 182);
  });

  it('the Keras script does the same with numpy and says what it cannot carry', () => {
    const code = kerasScript(
      presetById('mlp-seed').network,
      { ...lab, trainWithMine: true, testShift: 'rotate', testShiftAmount: 30 },
      'x',
    );
    expect(code).toContain('rng = np.random.default_rng(42)');
    expect(code).toContain('keep[d[rng.permutation(len(d))[round(0.1 * len(d)):]]] = False');
    expect(code).toContain('y_train[d[rng.permutation(len(d))[: round(0.5 * len(d))]]] = 1');
    expect(code).toContain("# The playground also mixed the class's own digits into training");
    expect(code).toContain('# The playground also tested on the test images changed ("rotate" by 30)');
    const plain = kerasScript(presetById('mlp-seed').network, DEFAULT_CONFIG, 'x');
    expect(plain).not.toContain('rng');
  });
});
