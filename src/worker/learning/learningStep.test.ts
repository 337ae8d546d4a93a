// The learning-step view's numbers checked against an independent computation: the founding MLP's forward pass,
// backpropagation and update written out as plain TypeScript matrix code; and finite differences (float64,
// model/forward64.ts) against backprop for the founding MLP, the CNN presets and a network with BatchNorm.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { crossEntropy, logits64 } from '../../model/forward64';
import { weightLayout, type WeightRef } from '../../model/learningStep';
import { presetById } from '../../model/presets';
import type { NetworkSpec } from '../../model/spec';
import { mulberry32 } from '../../model/prng';
import { readMnist, testImages } from '../../testing/mnistFiles';
import { buildModel } from '../training/buildModel';
import { learningStep } from './learningStep';
import { StepLab } from './stepLab';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const mnist = readMnist();
const image = (i: number) => testImages(i + 1).slice(i * 784, (i + 1) * 784);

function weightsOf(net: NetworkSpec, seed: number): Float32Array[] {
  const { model } = buildModel(net, seed);
  const w = model.getWeights().map((t) => (t.dataSync() as Float32Array).slice());
  model.dispose();
  return w;
}

/** Max |a − b| over two arrays of the same length. */
function maxDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}

describe('the founding MLP, step by step, against plain matrix code', () => {
  const net = presetById('mlp-seed').network; // 784 → 128 ReLU → 10 softmax
  const H = 128;
  const x = image(3);
  const y = mnist.testLabels[3];
  const lr = 0.1;

  it('activations, ∂L/∂W of both layers and the loss after the update agree within 1e-5', async () => {
    // Weights that are not fresh: a little random noise so biases are not all zero.
    const w = weightsOf(net, 11).map((a, k) => a.map((v, j) => v + 0.05 * Math.sin(7 * j + k)));
    const [W1, b1, W2, b2] = w; // [784,128] [128] [128,10] [10]
    const z1 = Array.from({ length: H }, (_, j) => x.reduce((s, xi, i) => s + xi * W1[i * H + j], b1[j]));
    const h1 = z1.map((v) => Math.max(0, v));
    const z2 = Array.from({ length: 10 }, (_, k) => h1.reduce((s, hj, j) => s + hj * W2[j * 10 + k], b2[k]));
    const m = Math.max(...z2);
    const e = z2.map((v) => Math.exp(v - m));
    const p = e.map((v) => v / e.reduce((a, b) => a + b, 0));
    const loss = -Math.log(p[y]);
    const dz2 = p.map((v, k) => v - (k === y ? 1 : 0));
    const dW2 = Array.from({ length: H * 10 }, (_, q) => h1[Math.floor(q / 10)] * dz2[q % 10]);
    const dh1 = Array.from({ length: H }, (_, j) => dz2.reduce((s, d, k) => s + W2[j * 10 + k] * d, 0));
    const dz1 = dh1.map((d, j) => (z1[j] > 0 ? d : 0));
    const dW1 = Array.from({ length: 784 * H }, (_, q) => x[Math.floor(q / H)] * dz1[q % H]);
    const after = [
      W1.map((v, q) => v - lr * dW1[q]),
      b1.map((v, j) => v - lr * dz1[j]),
      W2.map((v, q) => v - lr * dW2[q]),
      b2.map((v, k) => v - lr * dz2[k]),
    ];
    const lossAfter = crossEntropy(logits64(net, after, x), y); // forward64 is itself checked below against the loops

    const { step } = await learningStep(net, w, x, y, lr, { testIndex: 3, copiedAtBatch: 0 });
    const [, dense1, dense2] = step.layers;
    expect(maxDiff(dense1.z!, z1)).toBeLessThan(1e-5);
    expect(maxDiff(dense1.h, h1)).toBeLessThan(1e-5);
    expect(
      maxDiff(
        dense1.mask!,
        z1.map((v) => (v > 0 ? 1 : 0)),
      ),
    ).toBe(0);
    expect(maxDiff(dense1.dh, dh1)).toBeLessThan(1e-5);
    expect(maxDiff(dense1.dz!, dz1)).toBeLessThan(1e-5);
    expect(maxDiff(dense1.gradW!, dW1)).toBeLessThan(1e-5);
    expect(maxDiff(dense1.gradB!, dz1)).toBeLessThan(1e-5);
    expect(maxDiff(dense2.z!, z2)).toBeLessThan(1e-5);
    expect(maxDiff(step.probs, p)).toBeLessThan(1e-5);
    expect(maxDiff(dense2.dz!, dz2)).toBeLessThan(1e-5);
    expect(maxDiff(dense2.gradW!, dW2)).toBeLessThan(1e-5);
    expect(maxDiff(dense2.gradB!, dz2)).toBeLessThan(1e-5);
    expect(dense2.dh[y]).toBeCloseTo(-1 / p[y], 3);
    expect(Math.abs(step.loss - loss)).toBeLessThan(1e-5);
    expect(Math.abs(step.lossAfter - lossAfter)).toBeLessThan(1e-5);
    expect(Math.abs(crossEntropy(logits64(net, w, x), y) - loss)).toBeLessThan(1e-9);
    expect(dense1.deltaNorm).toBeCloseTo(lr * dense1.gradNorm, 5);
    // The step is a descent step for this small rate, and the copy it was computed on is untouched.
    expect(step.lossAfter).toBeLessThan(step.loss);
    expect(w[0][0]).toBe(W1[0]);
  });

  it('finite differences agree with backprop within 1e-3 relative error on 20 random weights', async () => {
    const lab = new StepLab();
    const w = weightsOf(net, 4);
    const live = { network: net, batch: 0, exportWeights: async () => w };
    const step = await lab.open(live, mnist, { kind: 'test', index: 7 }, 0.01, true);
    const rand = mulberry32(99);
    const refs: WeightRef[] = [];
    const { own } = weightLayout(net);
    while (refs.length < 20) {
      const layer = rand() < 0.5 ? 1 : 2;
      const array = rand() < 0.85 ? 0 : 1;
      const g = step.layers[layer][array === 0 ? 'gradW' : 'gradB']!;
      const index = Math.floor(rand() * g.length);
      if (g[index] !== 0) refs.push({ layer, array, index }); // a zero pixel's weights have slope 0 both ways
      expect(own[layer]).toHaveLength(2);
    }
    const rows = lab.check(refs);
    expect(rows).toHaveLength(20);
    for (const r of rows) expect(r.relError, JSON.stringify(r)).toBeLessThan(1e-3);
    expect(rows.some((r) => r.kink)).toBe(false);
  });
});

/** Weights as after some training: biases no longer exactly 0 (a zero bias over a blank patch is a ReLU kink). */
const trainedLike = (w: Float32Array[]) => w.map((a, k) => a.map((v, j) => v + 0.02 * Math.sin(3 * j + k + 1)));

describe('finite differences agree with backprop on other networks', () => {
  const withBatchNorm: NetworkSpec = {
    layers: [
      { kind: 'conv2d', filters: 3, kernelSize: 3, stride: 2, padding: 'same', activation: 'elu' },
      { kind: 'batchNorm' },
      { kind: 'maxPool2d', poolSize: 2, stride: 2 },
      { kind: 'flatten' },
      { kind: 'dense', units: 12, activation: 'sigmoid' },
      { kind: 'dropout', rate: 0.3 },
      { kind: 'activation', activation: 'tanh' },
      { kind: 'dense', units: 10, activation: 'softmax' },
    ],
  };
  const cases: [string, NetworkSpec][] = [
    ['lenet5', presetById('lenet5').network],
    ['cnn-small', presetById('cnn-small').network],
    ['conv + BatchNorm + pooling + sigmoid', withBatchNorm],
  ];
  for (const [name, net] of cases)
    it(`${name}: the weights the check picks by itself`, async () => {
      const lab = new StepLab();
      const w = trainedLike(weightsOf(net, 2));
      const step = await lab.open(
        { network: net, batch: 0, exportWeights: async () => w },
        mnist,
        { kind: 'test', index: 12 },
        0.05,
        false,
      );
      expect(Math.abs(crossEntropy(logits64(net, w, step.image), step.label) - step.loss)).toBeLessThan(1e-4);
      const rows = lab.check([]);
      expect(rows.length).toBeGreaterThanOrEqual(Math.min(10, rows.length));
      for (const r of rows) expect(r.relError, JSON.stringify(r)).toBeLessThan(1e-3);
      expect(rows.some((r) => r.kink)).toBe(false);
      // Every layer with weights reports its gradient; layers without say so with nulls.
      for (const l of step.layers)
        expect(l.gradW === null).toBe(!['dense', 'conv2d', 'batchNorm'].includes(l.spec.kind));
    });
});

describe('kinks', () => {
  it('fresh CNN weights: a zero bias over blank patches sits on ReLU kinks, and the check says so', async () => {
    const net = presetById('cnn-small').network;
    const lab = new StepLab();
    const w = weightsOf(net, 2); // biases start at exactly 0
    await lab.open(
      { network: net, batch: 0, exportWeights: async () => w },
      mnist,
      { kind: 'test', index: 12 },
      0.05,
      true,
    );
    const biases = Array.from({ length: 8 }, (_, index) => ({ layer: 0, array: 1, index }));
    const rows = lab.check(biases);
    expect(rows.some((r) => r.kink)).toBe(true);
    for (const r of rows) if (!r.kink) expect(r.relError, JSON.stringify(r)).toBeLessThan(1e-3);
  });
});

describe('the test image the lesson opens on', () => {
  it("'misread' picks a test image the copied weights classify wrongly", async () => {
    const lab = new StepLab();
    const net = presetById('logistic').network;
    const w = weightsOf(net, 8);
    const step = await lab.open(
      { network: net, batch: 0, exportWeights: async () => w },
      mnist,
      { kind: 'test', index: 'misread' },
      0.1,
      true,
    );
    expect(step.testIndex).not.toBeNull();
    const best = step.probs.indexOf(Math.max(...step.probs));
    expect(best).not.toBe(step.label);
    expect(Array.from(step.image)).toEqual(
      Array.from(
        Float32Array.from(
          mnist.testPixels.subarray(step.testIndex! * 784, (step.testIndex! + 1) * 784),
          (v) => v / 255,
        ),
      ),
    );
  });

  it('leaves no tensors behind (steps, misread search, checks)', async () => {
    const lab = new StepLab();
    const net = presetById('lenet5').network;
    const w = weightsOf(net, 3);
    const live = { network: net, batch: 0, exportWeights: async () => w };
    await lab.open(live, mnist, { kind: 'test', index: 1 }, 0.1, true); // kernels and constants tfjs keeps for good
    const before = tf.memory().numTensors;
    await lab.open(live, mnist, { kind: 'test', index: 'misread' }, 0.1, true);
    await lab.open(live, mnist, { kind: 'drawing', pixels: image(2), label: 4 }, 50, false);
    lab.check([]);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('refuses a learning rate that is not a positive number', async () => {
    const lab = new StepLab();
    const net = presetById('logistic').network;
    const live = { network: net, batch: 0, exportWeights: async () => weightsOf(net, 1) };
    await expect(lab.open(live, mnist, { kind: 'test', index: 0 }, -1, true)).rejects.toThrow('step.badRate');
    await expect(lab.open(live, mnist, { kind: 'test', index: 0 }, NaN, true)).rejects.toThrow('step.badRate');
    expect(() => lab.check([])).toThrow('step.notOpen');
  });
});
