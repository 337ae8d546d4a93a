// The exported model, loaded back with tf.loadLayersModel as any tfjs user would, predicts what the app predicts
// on real test digits.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { testImages } from '../../testing/mnistFiles';
import { PRESETS } from '../../model/presets';
import { buildModel, probabilities } from '../training/buildModel';
import { exportLayersModel, WEIGHTS_FILE } from './exportModel';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('TensorFlow.js Layers export', () => {
  for (const preset of PRESETS) {
    it(`${preset.id}: tf.loadLayersModel predicts the app's probabilities (1e-5)`, async () => {
      const { model } = buildModel(preset.network, 11);
      // Move the weights away from their initial values so a wrong mapping would show.
      const opt = tf.train.adam(0.01);
      const x = tf.tensor4d(testImages(8), [8, 28, 28, 1]); // real test digits
      const y = tf.oneHot(tf.tensor1d([0, 1, 2, 3, 4, 5, 6, 7], 'int32'), 10);
      for (let i = 0; i < 3; i++)
        opt.minimize(
          () => tf.losses.softmaxCrossEntropy(y, model.apply(x, { training: true }) as tf.Tensor) as tf.Scalar,
        );

      const { modelJson, weights } = await exportLayersModel(model);
      const json = JSON.parse(modelJson);
      expect(json.format).toBe('layers-model');
      expect(json.weightsManifest[0].paths).toEqual([WEIGHTS_FILE]);
      const loaded = await tf.loadLayersModel(
        tf.io.fromMemory({
          modelTopology: json.modelTopology,
          weightSpecs: json.weightsManifest[0].weights,
          weightData: weights,
        }),
      );
      const ours = (await probabilities(model, x).array()) as number[][];
      const theirs = (await (loaded.predict(x) as tf.Tensor).array()) as number[][];
      for (let r = 0; r < 8; r++)
        for (let c = 0; c < 10; c++) expect(Math.abs(ours[r][c] - theirs[r][c])).toBeLessThan(1e-5);
      loaded.dispose();
      model.dispose();
      opt.dispose();
    });
  }
});
