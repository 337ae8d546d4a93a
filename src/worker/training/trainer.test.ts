// Reproducibility on the cpu backend: same seed and config give the same starting weights and the same
// losses batch for batch; another seed gives other weights.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { presetById } from '../../model/presets';
import { DEFAULT_CONFIG, type TrainConfig } from '../../model/training';
import { bandDigits } from '../../testing/bandDigits';
import type { Mnist } from '../data/dataset';
import { Trainer } from './trainer';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const fakeData = (n: number): Mnist => bandDigits(n);

async function run(data: Mnist, config: TrainConfig, batches: number) {
  const t = new Trainer(data, presetById('mlp-seed').network, config);
  const start = await t.exportWeights();
  const losses: number[] = [];
  for (let i = 0; i < batches; i++) {
    t.trainBatch();
    if (t.epochDone) t.nextEpoch();
    losses.push(...(await t.drainPoints()).map((p) => p.loss));
  }
  const evalResult = await t.evaluate();
  t.dispose();
  return { start, losses, evalResult };
}

describe('Trainer', () => {
  const data = fakeData(1600);
  const config: TrainConfig = { ...DEFAULT_CONFIG, batchSize: 32, seed: 7 };

  it('repeats exactly: same seed, config and backend give the same weights and the same 100 losses', async () => {
    const a = await run(data, config, 100);
    const b = await run(data, config, 100);
    expect(a.start.map((w) => Array.from(w))).toEqual(b.start.map((w) => Array.from(w)));
    expect(a.losses).toHaveLength(100);
    expect(a.losses).toEqual(b.losses);
    expect(a.losses[99]).toBeLessThan(a.losses[0]); // it learns
    expect(a.evalResult.accuracy).toBeGreaterThan(0.8);
  }, 120_000);

  it('augments from the seed: a run with augmentation repeats exactly and differs from one without', async () => {
    const aug = { ...config, augment: 'elastic' as const };
    const a = await run(data, aug, 30);
    const b = await run(data, aug, 30);
    const off = await run(data, { ...config, augment: 'off' }, 30);
    expect(a.losses).toEqual(b.losses);
    expect(a.losses).not.toEqual(off.losses);
  }, 120_000);

  it('shows the next batch before and after augmentation, each image with its own label', async () => {
    const t = new Trainer(data, presetById('mlp-seed').network, { ...config, augment: 'affine' });
    t.trainBatch();
    const s = t.augmentedSamples(8);
    expect(s.labels).toHaveLength(8);
    for (let k = 0; k < 8; k++) {
      const original = s.original.subarray(k * 784, (k + 1) * 784);
      let found = -1;
      for (let i = 0; i < data.trainLabels.length && found < 0; i++)
        if (data.trainPixels.subarray(i * 784, (i + 1) * 784).every((v, p) => v === original[p])) found = i;
      expect(found).toBeGreaterThanOrEqual(0);
      expect(s.labels[k]).toBe(data.trainLabels[found]);
    }
    expect(s.augmented).not.toEqual(s.original);
    t.setConfig({ ...config, augment: 'off' });
    const plain = t.augmentedSamples(8);
    expect(plain.augmented).toEqual(plain.original);
    expect(plain.original).toEqual(s.original); // still the same next batch
    await t.drainPoints();
    t.dispose();
  });

  it('starts from other weights with another seed', async () => {
    const a = await run(data, config, 1);
    const c = await run(data, { ...config, seed: 8 }, 1);
    expect(Array.from(a.start[0].slice(0, 20))).not.toEqual(Array.from(c.start[0].slice(0, 20)));
  });

  it('trains on only the first trainSize images when asked, and switches back live', async () => {
    const t = new Trainer(data, presetById('mlp-seed').network, { ...config, trainSize: 320 });
    expect(t.batchesPerEpoch).toBe(10); // 320 / 32
    let batches = 0;
    while (!t.epochDone) {
      t.trainBatch();
      batches++;
    }
    expect(batches).toBe(10);
    t.setConfig({ ...config, trainSize: 0 });
    expect(t.batchesPerEpoch).toBe(50); // all 1600
    expect(t.batchInEpoch).toBe(0); // the epoch starts over on the new set
    await t.drainPoints();
    t.dispose();
  });

  it('trusts a weight copy only after a loss computed on it was seen', async () => {
    const t = new Trainer(data, presetById('mlp-seed').network, config);
    await t.saveSnapshot(true);
    const first = t.snapshot;
    t.trainBatch();
    await t.saveSnapshot(); // after batch 1: a candidate
    expect(t.snapshot).toBe(first);
    expect(t.confirmSnapshot(1)).toBeNull(); // batch 1's loss was computed before these weights existed
    t.trainBatch();
    const confirmed = t.confirmSnapshot(2); // batch 2's loss was computed on them
    expect(confirmed?.batch).toBe(1);
    expect(t.snapshot).toBe(confirmed);
    await t.saveSnapshot();
    t.restore(); // a divergence throws the candidate away and goes back to the trusted copy
    expect(t.candidate).toBeNull();
    expect(t.snapshot).toBe(confirmed);
    await t.drainPoints();
    t.dispose();
  });

  it('does not leak tensors across epochs', async () => {
    const t = new Trainer(fakeData(320), presetById('mlp-seed').network, { ...config, batchSize: 32 });
    const counts: number[] = [];
    for (let epoch = 0; epoch < 3; epoch++) {
      while (!t.epochDone) t.trainBatch();
      await t.drainPoints();
      t.nextEpoch();
      await t.evaluate();
      await t.histograms();
      await t.predict(new Float32Array(784));
      counts.push(tf.memory().numTensors);
    }
    t.dispose();
    expect(counts[1]).toBe(counts[0]);
    expect(counts[2]).toBe(counts[0]);
  }, 60_000);
});
