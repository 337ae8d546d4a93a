// Ready experiments that each teach one thing, with the paragraph a teacher can read out.
import { presetById } from './presets';
import type { NetworkSpec } from './spec';
import { DEFAULT_CONFIG, type TrainConfig } from './training';

export type LessonId = 'lr-too-high' | 'lr-too-low' | 'no-hidden-layer' | 'dead-relu' | 'overfit-500' | 'cnn-vs-mlp' | 'misread';

/** Title and paragraph are in the i18n catalogues under lesson.<id>.title / .text. */
export type Lesson = { id: LessonId; network: NetworkSpec; train: TrainConfig };

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
const PLAIN: TrainConfig = { ...DEFAULT_CONFIG, learningRate: 0.002, augment: 'off' };

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
    train: { ...DEFAULT_CONFIG },
  },
];
