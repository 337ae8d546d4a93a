// The trainer with the data lab: a digit left out never reaches a batch, noisy labels are what a batch learns,
// my digits fill one slot in eight when asked, and an epoch's evaluation reports my digits and the changed test
// images beside the test set.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { presetById } from '../../model/presets';
import { DEFAULT_CONFIG, type TrainConfig } from '../../model/training';
import { bandDigits } from '../../testing/bandDigits';
import { MineSet } from '../data/mineSet';
import { Trainer } from './trainer';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const data = bandDigits(1000);
const config: TrainConfig = { ...DEFAULT_CONFIG, batchSize: 50, augment: 'off' };
const net = presetById('mlp-seed').network;

/** The labels the next `batches` batches train on (read through the same gather as a training step). */
function batchLabels(t: Trainer, batches: number) {
  const seen: number[] = [];
  const x = new Float32Array(config.batchSize * 784),
    y = new Int32Array(config.batchSize);
  const order = t.sets.order(t.config.seed, 0, t.config.batchSize);
  for (let b = 0; b < batches; b++) {
    t.sets.gather(
      order,
      b * config.batchSize,
      config.batchSize,
      x,
      y,
      t.config.trainWithMine ? { seed: 1, batch: b } : null,
    );
    seen.push(...y);
  }
  return seen;
}

describe('Trainer with data experiments', () => {
  it('leaves a digit out of every batch of the epoch', () => {
    const t = new Trainer(data, net, { ...config, removeDigit: 3 });
    const threes = data.trainLabels.filter((l) => l === 3).length;
    expect(t.trainCount).toBe(1000 - threes);
    expect(batchLabels(t, Math.floor((1000 - threes) / 50))).not.toContain(3);
    t.dispose();
  });

  it('changes the view live: a new noise level starts the epoch over on the new labels', () => {
    const t = new Trainer(data, net, config);
    t.trainBatch();
    t.setConfig({ ...config, labelNoise: 0.5 });
    expect(t.batchInEpoch).toBe(0);
    expect(t.sets.view.changed).toBe(500);
    t.dispose();
  });

  it('mixes my digits into batches, one slot in eight', () => {
    const mine = new MineSet();
    mine.set(1, new Float32Array(2 * 784).fill(0.5), Uint8Array.from([7, 7]));
    const t = new Trainer(bandDigits(1000, 2), net, { ...config, trainWithMine: true, removeDigit: 7 }, mine);
    const labels = batchLabels(t, 4);
    // 50 per batch → the last round(50 / 8) = 6 are my digits (all labelled 7; MNIST's 7s are left out here).
    expect(labels.filter((l) => l === 7)).toHaveLength(4 * 6);
    t.dispose();
  });

  it("reports my digits' and the changed test set's accuracy with each epoch", async () => {
    const mine = new MineSet();
    mine.set(
      4,
      data.testPixels.slice(0, 5 * 784).map((v) => v / 255) as unknown as Float32Array,
      data.testLabels.slice(0, 5),
    );
    const t = new Trainer(data, net, { ...config, testShift: 'shift', testShiftAmount: 4 }, mine);
    for (let i = 0; i < 20; i++) t.trainBatch();
    const { summary, extras } = await t.evaluateEpoch();
    expect(summary.mineAccuracy).toBeGreaterThanOrEqual(0);
    expect(summary.shiftedAccuracy).toBeGreaterThanOrEqual(0);
    expect(extras.mine?.version).toBe(4);
    expect(extras.mine?.predicted).toHaveLength(5);
    const plain = new Trainer(data, net, config);
    expect((await plain.evaluateEpoch()).summary).not.toHaveProperty('mineAccuracy');
    t.dispose();
    plain.dispose();
  });

  it('refuses a damaged set from the page', () => {
    const mine = new MineSet();
    expect(mine.set(1, new Float32Array(784).fill(2), Uint8Array.from([1]))).toBe(false);
    expect(mine.set(1, new Float32Array(700), Uint8Array.from([1]))).toBe(false);
    expect(mine.count).toBe(0);
  });
});

describe('live changes that keep the data', () => {
  it("a new batch size keeps the epoch's place", () => {
    const t = new Trainer(data, net, config);
    t.trainBatch();
    t.trainBatch();
    t.setConfig({ ...config, batchSize: 25 });
    expect(t.batchInEpoch).toBe(4); // 100 images in: 4 batches of 25
    t.dispose();
  });
});
