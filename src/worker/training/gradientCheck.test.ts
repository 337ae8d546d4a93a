// The training step's gradients checked without tfjs: the loss (mean softmax cross-entropy plus L2 on the
// kernels) is written out in plain float64 JavaScript, differentiated by central differences, and compared with
// the update one plain-SGD step (rate 1) makes, on both step paths (with and without the insights' statistics).
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { NetworkSpec } from '../../model/spec';
import { testImages, readMnist } from '../../testing/mnistFiles';
import { buildModel } from './buildModel';
import { disposeStep } from './insights';
import { makeOptimizer } from './optimizers';
import { trainStep } from './trainStep';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const H = 6; // hidden units: tanh, smooth everywhere, so central differences are accurate
const net: NetworkSpec = {
  layers: [
    { kind: 'flatten' },
    { kind: 'dense', units: H, activation: 'tanh' },
    { kind: 'dense', units: 10, activation: 'softmax' },
  ],
};
const B = 4;

/** The loss in float64: weights [k1 784×H, b1 H, k2 H×10, b2 10]. */
function loss(w: Float64Array[], x: Float32Array, y: number[], l2: number): number {
  const [k1, b1, k2, b2] = w;
  let total = 0;
  for (let r = 0; r < B; r++) {
    const h = Array.from({ length: H }, (_, j) => {
      let s = b1[j];
      for (let i = 0; i < 784; i++) s += x[r * 784 + i] * k1[i * H + j];
      return Math.tanh(s);
    });
    const z = Array.from({ length: 10 }, (_, k) => h.reduce((s, v, j) => s + v * k2[j * 10 + k], b2[k]));
    const m = Math.max(...z);
    total += Math.log(z.reduce((s, v) => s + Math.exp(v - m), 0)) + m - z[y[r]];
  }
  const sq = (a: Float64Array) => a.reduce((s, v) => s + v * v, 0);
  return total / B + l2 * (sq(k1) + sq(k2));
}

function numericGradient(
  w: Float64Array[],
  x: Float32Array,
  y: number[],
  l2: number,
  array: number,
  index: number,
): number {
  const eps = 1e-4;
  const at = (d: number) => {
    const copy = w.map((a) => a.slice());
    copy[array][index] += d;
    return loss(copy, x, y, l2);
  };
  return (at(eps) - at(-eps)) / (2 * eps);
}

describe('gradient check of the training step (independent of tfjs)', () => {
  const x = testImages(B);
  const y = Array.from(readMnist().testLabels.subarray(0, B));
  for (const withStats of [false, true])
    for (const l2 of [0, 0.01]) {
      it(`${withStats ? 'with' : 'without'} statistics, L2 ${l2}: the step's gradient equals the numerical one`, async () => {
        const { model } = buildModel(net, 21);
        const before = model.getWeights().map((t) => Float64Array.from(t.dataSync()));
        const opt = makeOptimizer({ optimizer: 'sgd', learningRate: 1 });
        const step = trainStep(model, opt, { x, y: Int32Array.from(y), batchSize: B, l2, withStats });
        // The loss it reports is the loss before the update.
        expect((await step.loss.data())[0]).toBeCloseTo(loss(before, x, y, l2), 4);
        const after = model.getWeights().map((t) => Float64Array.from(t.dataSync()));
        const picks: [number, number][] = [];
        for (let i = 0; i < 60; i++) picks.push([0, (i * 7919) % (784 * H)]); // kernel 1: a spread of entries with ink
        for (let j = 0; j < H; j++) picks.push([1, j]);
        for (let i = 0; i < H * 10; i++) picks.push([2, i]);
        for (let k = 0; k < 10; k++) picks.push([3, k]);
        for (const [a, i] of picks) {
          const fromStep = before[a][i] - after[a][i]; // rate 1: the update is the gradient
          const numeric = numericGradient(before, x, y, l2, a, i);
          expect(Math.abs(fromStep - numeric), `array ${a} index ${i}: ${fromStep} vs ${numeric}`).toBeLessThan(
            2e-4 + 2e-3 * Math.abs(numeric),
          );
        }
        step.loss.dispose();
        step.acc.dispose();
        disposeStep(step.stats);
        opt.dispose();
        model.dispose();
      });
    }
});
