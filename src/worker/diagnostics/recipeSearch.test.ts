// Trains recipes on real MNIST in Node on wasm with the app's Trainer and reports test accuracy per epoch, for
// choosing the default recipe (`RECIPES='[{...partial TrainConfig, "epochs": 2}]' npm run recipes`; skipped in
// `npm test`, it only reports). Node's wasm runs the same kernels as the page's, without the page around them.
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { expect, it } from 'vitest';
import { presetById } from '../../model/presets';
import type { NetworkSpec } from '../../model/spec';
import { DEFAULT_CONFIG, type TrainConfig } from '../../model/training';
import { readMnist } from '../../testing/mnistFiles';
import { setFastWasmMatMul } from '../kernels/wasm/fastWasmMatMul';
import { Trainer } from '../training/trainer';

type Recipe = Partial<TrainConfig> & { epochs?: number; network?: NetworkSpec };

async function run(r: Recipe) {
  const { epochs = 2, network = presetById('mlp-seed').network, ...config } = r;
  const t = new Trainer(readMnist(), network, { ...DEFAULT_CONFIG, ...config });
  const acc: number[] = [];
  const t0 = performance.now();
  while (t.epoch < epochs) {
    t.trainBatch();
    if (t.pendingCount >= 64) await t.drainPoints();
    if (t.epochDone) {
      await t.drainPoints();
      t.nextEpoch();
      acc.push((await t.evaluate()).accuracy);
    }
  }
  const s = (performance.now() - t0) / 1000;
  t.dispose();
  return { acc, s };
}

it.skipIf(!process.env.RECIPES)(
  'train recipes on wasm and report test accuracy per epoch',
  async () => {
    setWasmPaths(new URL('../../../node_modules/@tensorflow/tfjs-backend-wasm/dist/', import.meta.url).pathname);
    await tf.setBackend('wasm');
    setFastWasmMatMul(true);
    const recipes = JSON.parse(process.env.RECIPES!) as Recipe[];
    for (const r of recipes) {
      const { acc, s } = await run(r);
      expect(acc.length).toBeGreaterThan(0);
      console.log(
        `${JSON.stringify({ ...r, network: r.network ? 'custom' : undefined })} → ${acc.map((a) => a.toFixed(4)).join(' ')} (${s.toFixed(1)} s)`,
      );
    }
  },
  3_600_000,
);
