import * as tf from '@tensorflow/tfjs';
import { it } from 'vitest';
import { presetById } from './model/presets';
import { DEFAULT_CONFIG } from './model/training';
import { readMnist } from './testing/mnistFiles';
import { Trainer } from './worker/training/trainer';
import { useNodeWasm } from './worker/diagnostics/nodeWasm';
import { mapSample } from './model/hiddenMap';
import { pcaMap } from './model/pca';
import { knnAccuracy } from './model/knnAccuracy';
it('prof', async () => {
  await useNodeWasm();
  const data = readMnist();
  const t = new Trainer(data, presetById('mlp-seed').network, DEFAULT_CONFIG);
  for (let i = 0; i < 20; i++) t.trainBatch();
  await t.drainPoints();
  const sample = mapSample(10000);
  for (let rep = 0; rep < 3; rep++) {
    let t0 = performance.now();
    const images = new Float32Array(2000 * 784);
    sample.forEach((k, i) => {
      for (let p = 0; p < 784; p++) images[i * 784 + p] = data.testPixels[k * 784 + p] / 255;
    });
    const a = performance.now();
    const out = tf.tidy(() => t.layerOutputs(tf.tensor4d(images, [2000, 28, 28, 1]), 1));
    const v = out.dataSync();
    out.dispose();
    const b = performance.now();
    const m = pcaMap(v, 2000, 128);
    const c = performance.now();
    const labels = Uint8Array.from(sample, (k) => data.testLabels[k]);
    knnAccuracy(m.coords, labels);
    const d = performance.now();
    console.log(
      `images ${(a - t0).toFixed(0)} forward ${(b - a).toFixed(0)} pca ${(c - b).toFixed(0)} knn ${(d - c).toFixed(0)}`,
    );
  }
}, 120000);
