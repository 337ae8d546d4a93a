// Our pure shape inference must agree exactly with what tfjs builds: shapes and parameter counts per layer.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { mulberry32 } from '../../data/prng';
import { PRESETS } from '../../model/presets';
import { randomNetwork } from '../../model/randomNetwork';
import { inferNetwork } from '../../model/shapes';
import type { NetworkSpec } from '../../model/spec';
import { buildModel } from './buildModel';

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

const nonTrainable = (m: tf.LayersModel) => m.nonTrainableWeights.reduce((s, w) => s + w.shape.reduce<number>((a, b) => a * (b ?? 1), 1), 0);

describe('shape inference agrees with tfjs', () => {
  for (const p of PRESETS) it(`preset ${p.id}`, () => compare(p.network));

  it('on 30 random valid networks', () => {
    const rand = mulberry32(2024);
    for (let i = 0; i < 30; i++) compare(randomNetwork(rand));
  });

  it('predicts probabilities that sum to 1 for the founding MLP', () => {
    const { model } = buildModel(PRESETS[0].network, 3);
    const p = tf.tidy(() => tf.softmax(model.predict(tf.zeros([2, 28, 28, 1])) as tf.Tensor).sum(1).arraySync() as number[]);
    expect(p[0]).toBeCloseTo(1, 5);
    model.dispose();
  });
});
