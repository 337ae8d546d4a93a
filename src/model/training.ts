// Training hyperparameters: plain data shared by the store, the URL and the worker.
import { msg, type Msg } from './msg';

export type OptimizerName = 'sgd' | 'momentum' | 'adam' | 'rmsprop';
export const OPTIMIZERS: readonly OptimizerName[] = ['sgd', 'momentum', 'adam', 'rmsprop'];

export type TrainConfig = {
  optimizer: OptimizerName;
  learningRate: number;
  /** Examples per gradient step. */
  batchSize: number;
  /** Seeds weight initialisation, dropout and the per-epoch shuffles. */
  seed: number;
  /** L2 weight decay: adds l2 · Σ kernel² to the loss. 0 turns it off. */
  l2: number;
  schedule: Schedule;
  /** Training pauses by itself after this many epochs; 0 means no limit. */
  epochLimit: number;
  /** Train on only the first this-many training images (to show overfitting); 0 means all 60,000. */
  trainSize: number;
  /** Training images are shifted / turned / bent a little at every step (data/augment.ts). */
  augment: Augment;
};

/** Data augmentation levels, each including the ones before: small shifts; + rotation and scale; + elastic bends. */
export type Augment = 'off' | 'shift' | 'affine' | 'elastic';
export const AUGMENTS: readonly Augment[] = ['off', 'shift', 'affine', 'elastic'];
/**
 * Strength of each level: largest shift in pixels, rotation in degrees, scale range, elastic displacement in pixels.
 */
export const AUGMENT_LEVELS: Record<Augment, { shift: number; rotate: number; scale: number; elastic: number }> = {
  off: { shift: 0, rotate: 0, scale: 0, elastic: 0 },
  shift: { shift: 2, rotate: 0, scale: 0, elastic: 0 },
  affine: { shift: 2, rotate: 12, scale: 0.12, elastic: 0 },
  elastic: { shift: 2, rotate: 12, scale: 0.12, elastic: 1.5 },
};

/** How the learning rate changes over training: constant, halved every 2 epochs, or a cosine decay. */
export type Schedule = 'constant' | 'step' | 'cosine';
export const SCHEDULES: readonly Schedule[] = ['constant', 'step', 'cosine'];
/** Step schedule: the rate halves every STEP_EPOCHS epochs. */
export const STEP_EPOCHS = 2;
/** Cosine schedule: decays to ~0 over the epoch limit, or over this many epochs when there is none. */
export const COSINE_EPOCHS = 10;

/** The learning rate after `epochs` epochs of training (fractional: batches count as parts of an epoch). */
export function scheduledRate(
  c: Pick<TrainConfig, 'learningRate' | 'schedule' | 'epochLimit'>,
  epochs: number,
): number {
  switch (c.schedule) {
    case 'constant':
      return c.learningRate;
    case 'step':
      return c.learningRate * Math.pow(0.5, Math.floor(epochs / STEP_EPOCHS));
    case 'cosine': {
      const horizon = c.epochLimit > 0 ? c.epochLimit : COSINE_EPOCHS;
      return c.learningRate * 0.5 * (1 + Math.cos(Math.PI * Math.min(1, epochs / horizon)));
    }
  }
}

/**
 * Default recipe for `mlp-seed`: Adam, learning rate 0.003, batch 128, augmentation "affine". Measured in headless
 * Chromium on wasm, 2 cores (node scripts/timeTo975.mjs: wall time from Train to 97.5% test accuracy; and
 * npm run bench:draw: real pen digits drawn on the pad after epoch 1), one run each:
 *   Adam 0.002, no augmentation:   20.1 s (epoch 5), test 0.9540 after epoch 1
 *   Adam 0.002, shifts:            27.0 s (epoch 5), 0.9573
 *   Adam 0.002, affine:            22.1 s (epoch 4), 0.9563
 *   Adam 0.003, affine:            18.9 s (epoch 4), 0.9613   <- default
 * Augmentation costs ~15% of examples/s but regularises: the same epochs reach higher test accuracy, and drawn
 * digits are read as well or better (the README has the bench:draw numbers). Earlier, without augmentation:
 * Adam 0.002 / 128 17.3 s, / 64 24.3 s, Adam 0.001 / 32 40.6 s (all epoch 5); SGD 0.1 / 64 needs ~9 epochs.
 */
export const DEFAULT_CONFIG: TrainConfig = {
  optimizer: 'adam',
  learningRate: 0.003,
  batchSize: 128,
  seed: 42,
  l2: 0,
  schedule: 'constant',
  epochLimit: 0,
  trainSize: 0,
  augment: 'affine',
};

export const BATCH_SIZES: readonly number[] = [16, 32, 64, 128, 256, 512];

/** The differences between two configs, one Msg each, e.g. "learning rate 0.002 → 0.01". */
export function describeChanges(a: TrainConfig, b: TrainConfig): Msg[] {
  const keys: (keyof TrainConfig)[] = [
    'optimizer',
    'learningRate',
    'batchSize',
    'seed',
    'l2',
    'schedule',
    'epochLimit',
    'trainSize',
    'augment',
  ];
  return keys.filter((k) => a[k] !== b[k]).map((k) => msg(`change.${k}`, { from: a[k], to: b[k] }));
}
