// The im2col convolutions on the cpu backend give tfjs's own outputs and gradients.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { presetById } from '../../../model/presets';
import { buildModel } from '../../training/buildModel';
import { setFastCpuConv } from './fastCpuConv';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** Logits and every weight's gradient for one fixed batch, as plain arrays. */
function run(preset: 'lenet5' | 'cnn-small') {
  const { model } = buildModel(presetById(preset).network, 3);
  const x = tf.randomUniform([8, 28, 28, 1], 0, 1, 'float32', 7);
  const y = tf.oneHot(
    tf.tensor1d(
      Array.from({ length: 8 }, (_, i) => i % 10),
      'int32',
    ),
    10,
  );
  const logits = tf.tidy(() => Array.from((model.apply(x) as tf.Tensor).dataSync()));
  const vars = model.trainableWeights.map((w) => w.read() as tf.Variable);
  const { grads } = tf.variableGrads(
    () => tf.losses.softmaxCrossEntropy(y, model.apply(x) as tf.Tensor) as tf.Scalar,
    vars,
  );
  const g = vars.map((v) => Array.from(grads[v.name].dataSync()));
  tf.dispose([x, y, ...Object.values(grads)]);
  model.dispose();
  return [logits, ...g];
}

describe('cpu convolutions through im2col', () => {
  it.each(['lenet5', 'cnn-small'] as const)('match tfjs for %s: outputs and gradients', (preset) => {
    setFastCpuConv(false);
    const stock = run(preset);
    setFastCpuConv(true);
    const fast = run(preset);
    stock.forEach((s, i) => {
      const scale = Math.max(1e-6, ...s.map(Math.abs));
      expect(Math.max(...s.map((v, j) => Math.abs(v - fast[i][j]))) / scale, `array ${i}`).toBeLessThan(1e-4);
    });
  });
});
