// The data lab's measurements, in Node on wasm with the app's Trainer (`npm run datalab`; skipped in `npm test`,
// it only reports): (1) the pen digits of bench/ as "my digits": half of the writers trained with, the other
// half only tested, after 2 epochs without and with training on them, beside MNIST's test accuracy; (2) test
// accuracy against label noise; (3) what each transform costs in training examples/s.
import * as tf from '@tensorflow/tfjs';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { expect, it } from 'vitest';
import { trainingView } from '../../data/dataLab';
import { makeDigit, digitsTensorData } from '../../data/myDigits';
import { shiftImages } from '../../data/testShift';
import type { Stroke } from '../../data/strokes';
import { presetById } from '../../model/presets';
import { DEFAULT_CONFIG, type TrainConfig } from '../../model/training';
import { readMnist } from '../../testing/mnistFiles';
import { MineSet } from '../data/mineSet';
import { trainEpochs, useNodeWasm } from './nodeWasm';
import { Trainer } from '../training/trainer';

type Pen = { label: number; writer: string; strokes: Stroke[] };

/** The pen digits split by writer (alternate writers, in order of first appearance): trained-with and held-out. */
function penHalves(): [MineSet, MineSet] {
  const all = JSON.parse(
    gunzipSync(readFileSync(new URL('../../../bench/pen-digits-dev.json.gz', import.meta.url))).toString(),
  ) as Pen[];
  const writers = [...new Set(all.map((d) => d.writer))];
  const half = (k: number) => {
    const digits = all
      .filter((d) => writers.indexOf(d.writer) % 2 === k)
      .map((d) => makeDigit(d.label, [], d.strokes))
      .filter((d) => d !== null);
    const t = digitsTensorData(digits);
    const set = new MineSet();
    set.set(k + 1, t.pixels, t.labels);
    return set;
  };
  return [half(0), half(1)];
}

/** Accuracy of the trainer's model on a set of my digits. */
function accuracyOn(t: Trainer, set: MineSet): number {
  const read = tf.tidy(() =>
    (t.model.apply(tf.tensor4d(set.pixels, [set.count, 28, 28, 1]), { training: false }) as tf.Tensor2D)
      .argMax(1)
      .dataSync(),
  );
  return set.labels.filter((l, i) => read[i] === l).length / set.count;
}

async function train(config: TrainConfig, epochs: number, mine = new MineSet()) {
  const t = new Trainer(readMnist(), presetById('mlp-seed').network, config, mine);
  const seconds = await trainEpochs(t, epochs);
  const test = (await t.evaluate()).accuracy;
  return { t, test, seconds };
}

/** Training examples per second over `batches` batches after a warm-up (losses read back as the loop does). */
async function examplesPerSecond(config: TrainConfig, mine: MineSet, batches = 400): Promise<number> {
  const t = new Trainer(readMnist(), presetById('mlp-seed').network, config, mine);
  for (let i = 0; i < 50; i++) t.trainBatch();
  await t.drainPoints();
  const t0 = performance.now();
  for (let i = 0; i < batches; i++) {
    t.trainBatch();
    if (t.pendingCount >= 64) await t.drainPoints();
    if (t.epochDone) t.nextEpoch();
  }
  await t.drainPoints();
  const eps = (batches * config.batchSize * 1000) / (performance.now() - t0);
  t.dispose();
  return eps;
}

it.skipIf(!process.env.DATALAB)(
  'measures my digits, label noise and the cost of each transform',
  async () => {
    await useNodeWasm();
    const [trainHalf, heldOut] = penHalves();
    const seeds = (process.env.SEEDS ?? '42,7,1234').split(',').map(Number);
    const parts = (process.env.PARTS ?? 'mine,noise,cost').split(',');
    console.log(`pen digits: ${trainHalf.count} trained with (half of the writers), ${heldOut.count} held out`);
    if (parts.includes('mine'))
      for (const seed of seeds) {
        for (const withMine of [false, true]) {
          const c = { ...DEFAULT_CONFIG, seed, trainWithMine: withMine };
          const { t, test, seconds } = await train(c, 2, trainHalf);
          console.log(
            `seed ${seed}, ${withMine ? 'with' : 'without'} my digits, 2 epochs: MNIST test ${test.toFixed(4)}, ` +
              `held-out pen ${accuracyOn(t, heldOut).toFixed(4)}, trained-with pen ${accuracyOn(t, trainHalf).toFixed(4)} (${seconds.toFixed(1)} s)`,
          );
          t.dispose();
        }
      }
    if (parts.includes('noise'))
      for (const noise of [0, 0.2, 0.4, 0.6, 0.8]) {
        const { t, test } = await train({ ...DEFAULT_CONFIG, labelNoise: noise }, 1);
        console.log(`label noise ${noise}, 1 epoch: MNIST test ${test.toFixed(4)}`);
        t.dispose();
      }
    if (parts.includes('cost')) {
      const base = { ...DEFAULT_CONFIG };
      const settings: [string, TrainConfig][] = [
        ['plain (default recipe)', base],
        ['label noise 0.4', { ...base, labelNoise: 0.4 }],
        ['planted 7>1:0.3', { ...base, plant: '7>1:0.3' }],
        ['digit 3 removed', { ...base, removeDigit: 3 }],
        ['training with my digits', { ...base, trainWithMine: true }],
      ];
      // Rounds, each setting once per round after a warm-up, so a slow spell of the machine hits all alike.
      await examplesPerSecond(base, trainHalf, 600);
      const rates: number[][] = settings.map(() => []);
      for (let r = 0; r < 3; r++)
        for (const [k, [, c]] of settings.entries()) rates[k].push(await examplesPerSecond(c, trainHalf));
      for (const [k, [name]] of settings.entries()) {
        const sorted = [...rates[k]].sort((a, b) => a - b);
        console.log(
          `${name}: ${Math.round(sorted[1])} examples/s (median of 3 rounds; ${rates[k].map(Math.round).join(', ')})`,
        );
      }
      // One-time costs when a setting changes: the training view (labels and indices) and the changed test images.
      const data = readMnist();
      for (const [name, c] of settings.slice(1, 4)) {
        const t0 = performance.now();
        trainingView(data.trainLabels, c);
        console.log(`${name}: the training view is built in ${(performance.now() - t0).toFixed(1)} ms`);
      }
      for (const shift of ['thick', 'thin', 'rotate', 'shift'] as const) {
        const t0 = performance.now();
        shiftImages(data.testPixels, data.testLabels.length, shift, shift === 'rotate' ? 30 : 1);
        console.log(`test change "${shift}": 10,000 images changed in ${(performance.now() - t0).toFixed(0)} ms`);
      }
      // The changed test set costs evaluation time at each epoch's end, not training time.
      for (const shift of ['none', 'thick', 'rotate'] as const) {
        const t = new Trainer(
          readMnist(),
          presetById('mlp-seed').network,
          {
            ...base,
            testShift: shift,
            testShiftAmount: shift === 'rotate' ? 30 : shift === 'thick' ? 1 : 0,
          },
          trainHalf,
        );
        await t.evaluateEpoch(); // builds the shifted set and compiles
        const t0 = performance.now();
        await t.evaluateEpoch();
        console.log(
          `epoch-end evaluation with test change "${shift}" and ${trainHalf.count} my digits: ${(performance.now() - t0).toFixed(0)} ms`,
        );
        t.dispose();
      }
    }
    expect(trainHalf.count + heldOut.count).toBeGreaterThan(4000);
  },
  3_600_000,
);
