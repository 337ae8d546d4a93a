// Trains recipes on real MNIST in Node on wasm with the app's Trainer and reports, per epoch, test accuracy and the
// share of real pen digits of other writers (bench/, through the pad's preprocessing) read right, for
// choosing the default recipe (`RECIPES='[{...partial TrainConfig, "epochs": 2}]' npm run recipes`; skipped in
// `npm test`, it only reports). Node's wasm runs the same kernels as the page's, without the page around them.
import * as tf from '@tensorflow/tfjs';
import { expect, it } from 'vitest';
import { presetById } from '../../model/presets';
import type { NetworkSpec } from '../../model/spec';
import { DEFAULT_CONFIG, type TrainConfig } from '../../model/training';
import { readMnist } from '../../testing/mnistFiles';
import { drawingToInput, type Stroke } from '../../data/strokes';
import { PIXELS } from '../../model/spec';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { trainEpochs, useNodeWasm } from './nodeWasm';
import { Trainer } from '../training/trainer';

type Recipe = Partial<TrainConfig> & { epochs?: number; network?: NetworkSpec };

/** The pen digits of other writers (bench/pen-digits-dev.json.gz) as the pad's preprocessing makes them. */
function penDigits(): { x: tf.Tensor4D; labels: number[] } {
  const all = JSON.parse(
    gunzipSync(readFileSync(new URL('../../../bench/pen-digits-dev.json.gz', import.meta.url))).toString(),
  ) as { label: number; strokes: Stroke[] }[];
  const inputs = all.map((d) => drawingToInput(d.strokes));
  const kept = all.filter((_, i) => inputs[i] !== null);
  const x = new Float32Array(kept.length * PIXELS);
  inputs.filter((v) => v !== null).forEach((v, i) => x.set(v!, i * PIXELS));
  return { x: tf.tensor4d(x, [kept.length, 28, 28, 1]), labels: kept.map((d) => d.label) };
}

/** Share of the pen digits the model reads right. */
function penAccuracy(t: Trainer, pen: { x: tf.Tensor4D; labels: number[] }): number {
  const read = tf.tidy(() => (t.model.apply(pen.x, { training: false }) as tf.Tensor2D).argMax(1).dataSync());
  return pen.labels.filter((l, i) => read[i] === l).length / pen.labels.length;
}

async function run(r: Recipe, pen: { x: tf.Tensor4D; labels: number[] }) {
  const { epochs = 2, network = presetById('mlp-seed').network, ...config } = r;
  const t = new Trainer(readMnist(), network, { ...DEFAULT_CONFIG, ...config });
  const acc: number[] = [];
  const drawn: number[] = [];
  const s = await trainEpochs(t, epochs, async () => {
    acc.push((await t.evaluate()).accuracy);
    drawn.push(penAccuracy(t, pen));
  });
  t.dispose();
  return { acc, drawn, s };
}

it.skipIf(!process.env.RECIPES)(
  'train recipes on wasm and report test accuracy per epoch',
  async () => {
    await useNodeWasm();
    const recipes = JSON.parse(process.env.RECIPES!) as Recipe[];
    const pen = penDigits();
    for (const r of recipes) {
      const { acc, drawn, s } = await run(r, pen);
      expect(acc.length).toBeGreaterThan(0);
      console.log(
        `${JSON.stringify({ ...r, network: r.network ? 'custom' : undefined })} → test ${acc.map((a) => a.toFixed(4)).join(' ')}, pen ${drawn.map((a) => a.toFixed(3)).join(' ')} (${s.toFixed(1)} s)`,
      );
    }
  },
  3_600_000,
);
