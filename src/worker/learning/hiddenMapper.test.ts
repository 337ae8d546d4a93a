// The hidden layer's map on the live weights: after a little training the band digits separate in the dense
// layer's map (the 5-NN measure near 1), the drawing's point lands where its own test image does, a wide
// convolution output is sketched to SKETCH_D values, the axes keep their orientation, and no tensor is left.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { SKETCH_D } from '../../model/hiddenMap';
import { presetById } from '../../model/presets';
import { DEFAULT_CONFIG } from '../../model/training';
import { bandDigits } from '../../testing/bandDigits';
import { Trainer } from '../training/trainer';
import { HiddenMapper } from './hiddenMapper';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const data = bandDigits(1600, 300);

function trained(preset: 'mlp-seed' | 'cnn-small', batches: number) {
  const t = new Trainer(data, presetById(preset).network, { ...DEFAULT_CONFIG, batchSize: 32, seed: 3 });
  for (let i = 0; i < batches; i++) {
    t.trainBatch();
    if (t.epochDone) t.nextEpoch();
  }
  return t;
}

describe('HiddenMapper', () => {
  it('separates the classes of a trained MLP and places the drawing on its own image', async () => {
    const t = trained('mlp-seed', 150);
    await t.drainPoints();
    const mapper = new HiddenMapper();
    const before = tf.memory().numTensors;
    const k = 17;
    const image = Float32Array.from(data.testPixels.subarray(k * 784, (k + 1) * 784), (v) => v / 255);
    const m = mapper.map(t, data, { layer: 1, self: image, points: true, pixels: true });
    expect(tf.memory().numTensors).toBe(before);
    expect(m.indices.length).toBe(300);
    expect([m.width, m.used]).toEqual([128, 128]);
    expect(m.knn).toBeGreaterThan(0.9);
    expect(new Set(m.labels).size).toBe(10);
    const at = m.indices.indexOf(k);
    expect(m.self![0]).toBeCloseTo(m.coords[at * 2], 3);
    expect(m.self![1]).toBeCloseTo(m.coords[at * 2 + 1], 3);
    expect(m.points!.length).toBe(300 * 128);
    expect(m.pixels!.subarray(at * 784, at * 784 + 784)).toEqual(data.testPixels.subarray(k * 784, k * 784 + 784));
    // Again, after more training: the axes agree with the last frame's.
    for (let i = 0; i < 5; i++) t.trainBatch();
    const next = mapper.map(t, data, { layer: 1, self: null, points: false, pixels: false });
    for (const axis of [0, 1]) {
      let agree = 0;
      for (let i = 0; i < 300; i++) agree += next.coords[i * 2 + axis] * m.coords[i * 2 + axis];
      expect(agree).toBeGreaterThan(0);
    }
    expect(next.points).toBeNull();
    expect(next.self).toBeNull();
    t.dispose();
  });

  it('sketches a wide convolution output to SKETCH_D values', async () => {
    const t = trained('cnn-small', 3);
    await t.drainPoints();
    const m = new HiddenMapper().map(t, data, { layer: 0, self: null, points: true, pixels: false });
    expect([m.width, m.used]).toEqual([14 * 14 * 8, SKETCH_D]);
    expect(m.points!.length).toBe(300 * SKETCH_D);
    expect(m.coords.every(Number.isFinite)).toBe(true);
    expect(m.variance[0]).toBeGreaterThan(0);
    t.dispose();
  }, 60_000);
});
