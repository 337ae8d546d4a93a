// One-pass Adam on cpu gives tfjs's Adam weights, step for step, and keeps its state in the same place.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { FusedAdam } from './fusedAdam';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

function train(opt: tf.Optimizer, steps: number) {
  const w = tf.variable(tf.randomNormal([20, 5], 0, 0.3, 'float32', 1), true, 'w');
  const b = tf.variable(tf.zeros([5]), true, 'b');
  const x = tf.randomNormal([16, 20], 0, 1, 'float32', 2);
  const y = tf.oneHot(
    tf.tensor1d(
      Array.from({ length: 16 }, (_, i) => i % 5),
      'int32',
    ),
    5,
  );
  for (let i = 0; i < steps; i++)
    tf.tidy(() => {
      opt.minimize(() => tf.losses.softmaxCrossEntropy(y, tf.add(tf.matMul(x, w), b)) as tf.Scalar);
    });
  const out = [Array.from(w.dataSync()), Array.from(b.dataSync())];
  tf.dispose([w, b, x, y]);
  opt.dispose();
  return out;
}

describe('FusedAdam', () => {
  it('matches tfjs Adam over 20 steps', () => {
    const t0 = tf.memory().numTensors;
    const stock = train(tf.train.adam(0.01), 20);
    const t1 = tf.memory().numTensors;
    const fused = train(new FusedAdam(0.01, 0.9, 0.999, 1e-7), 20);
    // tfjs's Adam leaves a few tensors behind after dispose(); the fused one leaves no more.
    expect(tf.memory().numTensors - t1).toBe(t1 - t0);
    stock.forEach((s, k) => s.forEach((v, j) => expect(fused[k][j]).toBeCloseTo(v, 5)));
  });
});
