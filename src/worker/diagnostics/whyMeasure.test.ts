// "Why did it say that?" measured, in Node on wasm with the app's Trainer (`npm run why`; skipped in `npm test`,
// it only reports): after epochs 1, 2 and 5 of the founding MLP and the small CNN, each without and with
// augmentation (all else equal): the adversarial rate (share of 100 test images the network reads right whose
// reading a change of at most ε per pixel flips, ε = 0.01 and 0.02, by 20 signed-gradient steps against the
// digit read), the hidden map's 5-NN measure on its default layer, and what a map and a saliency cost.
import * as tf from '@tensorflow/tfjs';
import { it } from 'vitest';
import { defaultMapLayer } from '../../model/hiddenMap';
import { presetById, type PresetId } from '../../model/presets';
import { DEFAULT_CONFIG, type TrainConfig } from '../../model/training';
import { readMnist } from '../../testing/mnistFiles';
import { HiddenMapper } from '../learning/hiddenMapper';
import { saliency } from '../learning/explain';
import { Trainer } from '../training/trainer';
import { trainEpochs, useNodeWasm } from './nodeWasm';

const EPSILONS = [0.01, 0.02];
const IMAGES = 100;
const STEPS = 20;

/** Of the first IMAGES test images read right, the share whose reading flips within `epsilon` (untargeted). */
function adversarialRate(model: tf.LayersModel, pixels: Float32Array, labels: Uint8Array, epsilon: number) {
  return tf.tidy(() => {
    const x0 = tf.tensor4d(pixels, [IMAGES, 28, 28, 1]);
    const y = tf.oneHot(tf.tensor1d(Array.from(labels), 'int32'), 10);
    const read = (x: tf.Tensor) => (model.apply(x, { training: false }) as tf.Tensor2D).argMax(1);
    const right = read(x0).equal(tf.tensor1d(Array.from(labels), 'int32'));
    const lo = x0.sub(epsilon).clipByValue(0, 1);
    const hi = x0.add(epsilon).clipByValue(0, 1);
    const loss = (x: tf.Tensor) =>
      tf.losses.softmaxCrossEntropy(y, model.apply(x, { training: false }) as tf.Tensor2D) as tf.Scalar;
    let x: tf.Tensor = x0;
    for (let k = 0; k < STEPS; k++) {
      const g = tf.grad(loss)(x);
      x = tf.minimum(hi, tf.maximum(lo, x.add(g.sign().mul(epsilon / 4))));
    }
    const flipped = read(x)
      .notEqual(tf.tensor1d(Array.from(labels), 'int32'))
      .logicalAnd(right);
    return flipped.sum().dataSync()[0] / right.sum().dataSync()[0];
  });
}

it.skipIf(!process.env.WHY)(
  'measures the adversarial rate and the hidden map after epochs 1, 2 and 5',
  async () => {
    await useNodeWasm();
    const data = readMnist();
    const pixels = Float32Array.from(data.testPixels.subarray(0, IMAGES * 784), (v) => v / 255);
    const labels = data.testLabels.subarray(0, IMAGES);
    const presets: PresetId[] = (process.env.PRESETS ?? 'mlp-seed,cnn-small').split(',') as PresetId[];
    const rows: string[] = [];
    for (const preset of presets)
      for (const augment of ['off', 'affine'] as const) {
        const network = presetById(preset).network;
        const config: TrainConfig = { ...DEFAULT_CONFIG, augment };
        const t = new Trainer(data, network, config);
        const mapper = new HiddenMapper();
        const layer = defaultMapLayer(network);
        await trainEpochs(t, 5, async () => {
          if (![1, 2, 5].includes(t.epoch)) return;
          const test = (await t.evaluate()).accuracy;
          const rates = EPSILONS.map((e) => adversarialRate(t.model, pixels, labels, e));
          const m = mapper.map(t, data, { layer, self: pixels.slice(0, 784), points: false, pixels: false });
          const s0 = performance.now();
          for (let k = 0; k < 10; k++) saliency(t.model, pixels.subarray(k * 784, (k + 1) * 784), labels[k]);
          const saliencyMs = (performance.now() - s0) / 10;
          const row =
            `| ${preset} | ${augment} | ${t.epoch} | ${test.toFixed(4)} | ${rates.map((r) => r.toFixed(2)).join(' | ')} | ` +
            `${m.knn.toFixed(4)} | ${layer} (${m.width}→${m.used}) | ${m.ms.toFixed(0)} | ${saliencyMs.toFixed(1)} |`;
          rows.push(row);
          console.log(row);
        });
        t.dispose();
      }
    console.log(
      [
        `| network | augment | epoch | test acc | adv. rate ε=0.01 | ε=0.02 | map 5-NN | layer (values→used) | map ms | saliency ms |`,
        '|---|---|---|---|---|---|---|---|---|---|',
        ...rows,
      ].join('\n'),
    );
  },
  3_600_000,
);
