// The explanation views' maths: saliency against finite differences (float64, model/forward64.ts) on a small
// network, integrated gradients' completeness on a linear model, and the targeted attack on a hand-built linear
// model: it stays within its bound, reaches the target when the bound allows, and reports what it used.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { logits64 } from '../../model/forward64';
import { mulberry32 } from '../../model/prng';
import type { NetworkSpec } from '../../model/spec';
import { readMnist } from '../../testing/mnistFiles';
import { buildModel } from '../training/buildModel';
import { attack, integratedGradients, saliency } from './explain';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const mnist = readMnist();
const testImage = (i: number) => Float32Array.from(mnist.testPixels.subarray(i * 784, (i + 1) * 784), (v) => v / 255);
const smooth: NetworkSpec = {
  layers: [
    { kind: 'flatten' },
    { kind: 'dense', units: 16, activation: 'tanh' },
    { kind: 'dense', units: 10, activation: 'softmax' },
  ],
};
const linear: NetworkSpec = { layers: [{ kind: 'flatten' }, { kind: 'dense', units: 10, activation: 'softmax' }] };

describe('saliency', () => {
  it('is the gradient of the logit margin: finite differences agree', () => {
    const { model } = buildModel(smooth, 3);
    const w = model.getWeights().map((t) => Float64Array.from(t.dataSync()));
    const x = testImage(0);
    const g = saliency(model, x, 7, 1);
    const score = (img: Float64Array) => {
      const z = logits64(smooth, w, img);
      return z[7] - z[1];
    };
    const h = 1e-5;
    for (const p of [0, 100, 300, 405, 630, 783]) {
      const up = Float64Array.from(x),
        down = Float64Array.from(x);
      up[p] += h;
      down[p] -= h;
      const fd = (score(up) - score(down)) / (2 * h);
      expect(Math.abs(g[p] - fd)).toBeLessThan(1e-4 + 1e-3 * Math.abs(fd));
    }
    expect(Math.min(...g)).toBeLessThan(0);
    expect(Math.max(...g)).toBeGreaterThan(0);
    model.dispose();
  });

  it('integrated gradients add up to the change of the score from a blank image', () => {
    const { model } = buildModel(linear, 5);
    const w = model.getWeights().map((t) => Float64Array.from(t.dataSync()));
    const x = testImage(1);
    const ig = integratedGradients(model, x, 3);
    const sum = ig.reduce((s, v) => s + v, 0);
    const change = logits64(linear, w, Float64Array.from(x))[3] - logits64(linear, w, new Float64Array(784))[3];
    expect(sum).toBeCloseTo(change, 3);
    model.dispose();
  });
});

describe('attack', () => {
  /** A linear model whose weights are set by hand: class c reads the mean ink of row band c, plus noise. */
  function handBuilt() {
    const { model } = buildModel(linear, 1);
    const rand = mulberry32(9);
    const kernel = new Float32Array(784 * 10);
    for (let p = 0; p < 784; p++)
      for (let c = 0; c < 10; c++) kernel[p * 10 + c] = (Math.floor(p / 78.4) === c ? 0.05 : 0) + 0.01 * (rand() - 0.5);
    model.setWeights([tf.tensor2d(kernel, [784, 10]), tf.zeros([10])]);
    return model;
  }

  it('reaches the target within the bound and reports the change it used', () => {
    const model = handBuilt();
    const x = new Float32Array(784);
    for (let p = 2 * 78; p < 3 * 78; p++) x[p] = 1; // ink in band 2: read as 2
    const r = attack(model, x, 6, 0.5);
    expect(r.found).toBe(true);
    expect(r.predicted).toBe(6);
    expect(r.change).toBeLessThanOrEqual(0.5 + 1e-6);
    expect(r.change).toBeGreaterThan(0);
    let most = 0;
    for (let i = 0; i < 784; i++) most = Math.max(most, Math.abs(r.pixels[i] - x[i]));
    expect(most).toBeCloseTo(r.change, 6);
    expect(r.pixels.every((v) => v >= 0 && v <= 1)).toBe(true);
    // The bisection found a smaller change than the bound.
    expect(r.change).toBeLessThan(0.5);
    model.dispose();
  });

  it('gives up, unchanged, when the bound is too small', () => {
    const model = handBuilt();
    const x = new Float32Array(784);
    for (let p = 2 * 78; p < 3 * 78; p++) x[p] = 1;
    const r = attack(model, x, 6, 0.001);
    expect(r.found).toBe(false);
    expect(r.change).toBe(0);
    expect(r.predicted).toBe(2);
    model.dispose();
  });
});

describe('memory', () => {
  it('frees every tensor it makes', () => {
    const { model } = buildModel(smooth, 3);
    const x = testImage(2);
    const before = tf.memory().numTensors;
    saliency(model, x, 4);
    integratedGradients(model, x, 4, 9, 8);
    attack(model, x, 0, 0.3);
    attack(model, x, 0, 0.0001);
    expect(tf.memory().numTensors).toBe(before);
    model.dispose();
  });
});
