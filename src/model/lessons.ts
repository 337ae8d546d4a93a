// Ready experiments that each teach one thing, with the paragraph a teacher can read out.
import { presetById } from './presets';
import type { NetworkSpec } from './spec';
import { DEFAULT_CONFIG, type TrainConfig } from './training';

export type LessonId = 'lr-too-high' | 'lr-too-low' | 'no-hidden-layer' | 'dead-relu' | 'cnn-vs-mlp';

export type Lesson = { id: LessonId; title: string; text: string; network: NetworkSpec; train: TrainConfig };

const deep: NetworkSpec = {
  layers: [
    { kind: 'flatten' },
    { kind: 'dense', units: 64, activation: 'relu' },
    { kind: 'dense', units: 64, activation: 'relu' },
    { kind: 'dense', units: 64, activation: 'relu' },
    { kind: 'dense', units: 10, activation: 'softmax' },
  ],
};

export const LESSONS: readonly Lesson[] = [
  {
    id: 'lr-too-high',
    title: 'A learning rate that is too high',
    text: 'Gradient descent takes steps downhill on the loss. With plain SGD and a learning rate of 5, every step jumps far past the valley floor: the loss climbs instead of falling until the weights blow up. Press Train, watch the loss, then try 0.1.',
    network: presetById('mlp-seed').network,
    train: { ...DEFAULT_CONFIG, optimizer: 'sgd', learningRate: 5 },
  },
  {
    id: 'lr-too-low',
    title: 'A learning rate that is too low',
    text: 'The same network with a learning rate of 0.00001 barely moves: each step is correct but tiny, so after an epoch the accuracy is still poor. Learning rate is a trade-off between speed and stability; raise it while training and see the curve bend.',
    network: presetById('mlp-seed').network,
    train: { ...DEFAULT_CONFIG, optimizer: 'sgd', learningRate: 0.00001 },
  },
  {
    id: 'no-hidden-layer',
    title: 'A network with no hidden layer',
    text: 'Without a hidden layer each digit score is just a weighted sum of pixels: the weights of each output look like a blurry template of its digit (see "What the weights look like"). It reaches about 92%; add a hidden layer of 128 ReLU units and compare.',
    network: presetById('logistic').network,
    train: { ...DEFAULT_CONFIG },
  },
  {
    id: 'dead-relu',
    title: 'Dead ReLUs',
    text: 'A ReLU unit outputs zero for negative inputs, and then its gradient is zero too. A big SGD step can push a unit so far that it never fires again: it is "dead". Train this deep network with learning rate 0.8 and watch the dead-ReLU share of each layer under "Inside the network".',
    network: deep,
    train: { ...DEFAULT_CONFIG, optimizer: 'sgd', learningRate: 0.8 },
  },
  {
    id: 'cnn-vs-mlp',
    title: 'Convolutions against a plain MLP',
    text: 'A convolution slides small filters over the image, so a stroke is recognised wherever it is. This LeNet-5 style network has fewer parameters than the founding MLP yet reaches higher accuracy. Compare its filters and feature maps with the MLP’s 28×28 weight pictures.',
    network: presetById('lenet5').network,
    train: { ...DEFAULT_CONFIG },
  },
];
