// Our pure shape inference must agree exactly with what tfjs builds: shapes and parameter counts per layer.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { mulberry32 } from '../../model/prng';
import { PRESETS } from '../../model/presets';
import { randomNetwork } from '../../model/randomNetwork';
import { inferNetwork } from '../../model/shapes';
import type { NetworkSpec } from '../../model/spec';
import { buildModel, probabilities } from './buildModel';
import { testImages } from '../../testing/mnistFiles';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

function compare(net: NetworkSpec) {
  const info = inferNetwork(net);
  expect(info.problem).toBeNull();
  const { model, specIndex } = buildModel(net, 1);
  try {
    // The last tfjs layer built for each spec layer carries that spec layer's output shape.
    net.layers.forEach((_, i) => {
      const last = specIndex.lastIndexOf(i);
      const tfShape = (model.layers[last].outputShape as number[]).slice(1);
      expect(tfShape, `layer ${i} of ${JSON.stringify(net)}`).toEqual(info.layers[i].outputShape);
      const tfParams = model.layers
        .filter((_, k) => specIndex[k] === i)
        .flatMap((l) => l.trainableWeights)
        .reduce((s, w) => s + w.shape.reduce<number>((a, b) => a * (b ?? 1), 1), 0);
      expect(tfParams, `params of layer ${i}`).toBe(info.layers[i].params);
    });
    expect(model.countParams() - nonTrainable(model)).toBe(info.totalParams);
  } finally {
    model.dispose();
  }
}

const nonTrainable = (m: tf.LayersModel) =>
  m.nonTrainableWeights.reduce((s, w) => s + w.shape.reduce<number>((a, b) => a * (b ?? 1), 1), 0);

describe('shape inference agrees with tfjs', () => {
  for (const p of PRESETS) it(`preset ${p.id}`, () => compare(p.network));

  it('on 30 random valid networks', () => {
    const rand = mulberry32(2024);
    for (let i = 0; i < 30; i++) compare(randomNetwork(rand));
  });

  it("predicts what the founding MLP's formula gives, computed without tfjs, on real test images", () => {
    const { model } = buildModel(PRESETS[0].network, 3);
    // Shapes: [784,128] [128] [128,10] [10].
    const [w1, b1, w2, b2] = model.getWeights().map((w) => w.dataSync() as Float32Array);
    const n = 20;
    const x = testImages(n);
    const ours = tf.tidy(() => probabilities(model, tf.tensor4d(x, [n, 28, 28, 1])).arraySync() as number[][]);
    for (let r = 0; r < n; r++) {
      const h = Array.from({ length: 128 }, (_, j) => {
        let s = b1[j];
        for (let i = 0; i < 784; i++) s += x[r * 784 + i] * w1[i * 128 + j];
        return Math.max(0, s);
      });
      const logits = Array.from({ length: 10 }, (_, k) => h.reduce((s, v, j) => s + v * w2[j * 10 + k], b2[k]));
      const max = Math.max(...logits);
      const e = logits.map((l) => Math.exp(l - max));
      const z = e.reduce((a, b) => a + b, 0);
      e.forEach((v, k) => expect(Math.abs(ours[r][k] - v / z), `image ${r}, class ${k}`).toBeLessThan(1e-5));
    }
    model.dispose();
  });
});
