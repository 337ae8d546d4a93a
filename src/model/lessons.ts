// Ready experiments that each teach one thing, with the paragraph a teacher can read out.
import { presetById } from './presets';
import type { NetworkSpec } from './spec';
import type { SweepAxis, SweepBudget, SweepOrder } from './sweep';
import type { Challenge } from './challenge';
import { DEFAULT_CONFIG, type TrainConfig } from './training';

export type LessonId =
  | 'lr-too-high'
  | 'lr-too-low'
  | 'no-hidden-layer'
  | 'dead-relu'
  | 'overfit-500'
  | 'cnn-vs-mlp'
  | 'misread'
  | 'lr-sweep'
  | 'batch-sweep'
  | 'one-step'
  | 'test-not-world'
  | 'garbage-in'
  | 'missing-digit'
  | 'which-pixels'
  | 'fooling'
  | 'hidden-map';

/**
 * A lesson's example for "Why did it say that?": test image `testIndex` put on the pad, the class explained against
 * `versus`, the attack's target and bound.
 */
export type WhyExample = { testIndex: number; versus?: number; target?: number; epsilon?: number };

/**
 * Title and paragraph are in the i18n catalogues under lesson.<id>.title / .text. A lesson with a sweep offers to run
 * it.
 */
export type Lesson = {
  id: LessonId;
  network: NetworkSpec;
  train: TrainConfig;
  sweep?: { axes: SweepAxis[]; budget: SweepBudget; order: SweepOrder };
  why?: WhyExample;
  /** Ends with a class challenge (features/classmode); its question is lesson.<id>.question in the catalogues. */
  challenge?: Omit<Challenge, 'question'>;
};

const deep: NetworkSpec = {
  layers: [
    { kind: 'flatten' },
    { kind: 'dense', units: 64, activation: 'relu' },
    { kind: 'dense', units: 64, activation: 'relu' },
    { kind: 'dense', units: 64, activation: 'relu' },
    { kind: 'dense', units: 10, activation: 'softmax' },
  ],
};

/**
 * The default recipe without augmentation, at the rate the lessons were measured with: augmentation is not what
 * they teach (and it would hide overfitting and the misread digits those lessons show).
 */
// The lessons' own recipe (constant rate, no warm-up, no augmentation): what each shows was measured with it.
const PLAIN: TrainConfig = {
  ...DEFAULT_CONFIG,
  batchSize: 128,
  learningRate: 0.002,
  schedule: 'constant',
  warmup: 0,
  scheduleEpochs: 0,
  augment: 'off',
};

export const LESSONS: readonly Lesson[] = [
  {
    id: 'lr-too-high',
    network: presetById('mlp-seed').network,
    train: { ...PLAIN, optimizer: 'sgd', learningRate: 5 },
  },
  {
    id: 'lr-too-low',
    network: presetById('mlp-seed').network,
    train: { ...PLAIN, optimizer: 'sgd', learningRate: 0.00001 },
  },
  {
    id: 'no-hidden-layer',
    network: presetById('logistic').network,
    train: { ...PLAIN },
  },
  {
    id: 'dead-relu',
    network: deep,
    train: { ...PLAIN, optimizer: 'sgd', learningRate: 0.8 },
  },
  {
    // 500 images, 15 batches of 32 per epoch: train accuracy reaches 100% within ~30 epochs, test stays ~85%.
    id: 'overfit-500',
    network: presetById('mlp-seed').network,
    train: { ...PLAIN, batchSize: 32, trainSize: 500, epochLimit: 60 },
  },
  {
    // Trained first without augmentation, so drawn digits are misread often enough to look at why.
    id: 'misread',
    network: presetById('mlp-seed').network,
    train: { ...PLAIN },
  },
  {
    id: 'cnn-vs-mlp',
    network: presetById('lenet5').network,
    // The recipe this lesson was written with (the default before the warm-up and cosine): Adam 0.003, constant.
    train: { ...PLAIN, learningRate: 0.003, augment: DEFAULT_CONFIG.augment },
    challenge: { target: 0.98, maxParams: 65000, maxEpochs: 3 },
  },
  {
    // Plain SGD, the rule the learning-step view shows; the lesson opens the view on a misread test digit.
    id: 'one-step',
    network: presetById('mlp-seed').network,
    train: { ...PLAIN, optimizer: 'sgd', learningRate: 0.1 },
  },
  {
    // Plain SGD so the rate alone sets the step: 0.001 crawls, 0.1 learns, 10 blows up (the run stops as diverged).
    id: 'lr-sweep',
    network: presetById('mlp-seed').network,
    train: { ...PLAIN, optimizer: 'sgd' },
    sweep: {
      axes: [{ param: 'learningRate', values: [0.001, 0.01, 0.1, 1, 10] }],
      budget: { kind: 'epochs', value: 1 },
      order: 'interleaved',
    },
    challenge: { target: 0.97, maxParams: 0, maxEpochs: 2 },
  },
  {
    // The same 10 s of training each: small batches make many noisy steps, large ones few smooth steps.
    id: 'batch-sweep',
    network: presetById('mlp-seed').network,
    train: { ...PLAIN },
    sweep: {
      axes: [{ param: 'batchSize', values: [8, 32, 128, 512, 2048] }],
      budget: { kind: 'seconds', value: 10 },
      order: 'interleaved',
    },
  },
  {
    // The default recipe for two epochs: MNIST's test accuracy is high; the class's own digits say how high it
    // really is. The paragraph asks for the digits first, then for training with them.
    id: 'test-not-world',
    network: presetById('mlp-seed').network,
    train: { ...DEFAULT_CONFIG, epochLimit: 2 },
  },
  {
    // The same network at four levels of label noise, one epoch each (the lesson's recipe, constant rate).
    id: 'garbage-in',
    network: presetById('mlp-seed').network,
    train: { ...PLAIN },
    sweep: {
      axes: [{ param: 'labelNoise', values: [0, 0.2, 0.4, 0.6] }],
      budget: { kind: 'epochs', value: 1 },
      order: 'interleaved',
    },
  },
  {
    // No 7 in training: a drawn 7 is read as something else, often with confidence.
    id: 'missing-digit',
    network: presetById('mlp-seed').network,
    train: { ...PLAIN, removeDigit: 7, digitKeep: 0, epochLimit: 2 },
  },
  {
    // Test image 4 is a 4 with an open top: "why 4 and not 9" shows the gap that decides it.
    id: 'which-pixels',
    network: presetById('mlp-seed').network,
    train: { ...PLAIN, epochLimit: 2 },
    why: { testIndex: 4, versus: 9 },
  },
  {
    // Test image 0 is a clear 7; a change of at most 0.3 per pixel makes the trained MLP read it as a 3.
    id: 'fooling',
    network: presetById('mlp-seed').network,
    train: { ...PLAIN, epochLimit: 2 },
    why: { testIndex: 0, target: 3, epsilon: 0.3 },
  },
  {
    // The founding MLP's 128 hidden units mapped epoch by epoch: the classes pull apart as it learns.
    id: 'hidden-map',
    network: presetById('mlp-seed').network,
    train: { ...PLAIN, epochLimit: 5 },
    why: { testIndex: 0 },
  },
];
