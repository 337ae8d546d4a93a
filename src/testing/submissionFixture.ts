// A hand-in as the class board would read it: the founding MLP, two live changes, two epochs (codec and board tests).
import { presetById } from '../model/presets';
import { DEFAULT_CONFIG } from '../model/training';
import type { Submission } from '../features/classmode';

const mlp = presetById('mlp-seed').network;

export const sample = (over: Partial<Submission> = {}): Submission => ({
  challenge: { target: 0.95, maxParams: 200_000, maxEpochs: 2, question: 'Which learning rate reaches 97% first?' },
  name: 'Ada',
  answer: '0.01, because 0.001 is too slow',
  start: { network: mlp, config: { ...DEFAULT_CONFIG, epochLimit: 2 } },
  changes: [
    { batch: 120, network: mlp, config: { ...DEFAULT_CONFIG, epochLimit: 2, learningRate: 0.01 } },
    { batch: 300, network: mlp, config: { ...DEFAULT_CONFIG, epochLimit: 2, learningRate: 0.01, optimizer: 'sgd' } },
  ],
  backend: 'wasm',
  epochs: [
    { epoch: 1, testAccuracy: 0.9612, testLoss: 0.13 },
    { epoch: 2, testAccuracy: 0.9733, testLoss: 0.092 },
  ],
  curve: Array.from({ length: 24 }, (_, i) => ({ batch: (i + 1) * 39, loss: +(2 / (i + 1)).toFixed(3) })),
  taints: [],
  at: '2026-12-07T16:00:00.000Z',
  ...over,
});
