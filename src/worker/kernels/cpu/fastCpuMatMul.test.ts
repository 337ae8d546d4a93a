// The cpu backend's faster products equal tfjs's own for every transpose combination, batched and fused.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { setFastCpuMatMul } from './fastCpuMatMul';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const worst = (a: tf.Tensor, b: tf.Tensor) => {
  expect(a.shape).toEqual(b.shape);
  const x = a.dataSync(),
    y = b.dataSync();
  let w = 0;
  for (let i = 0; i < x.length; i++) w = Math.max(w, Math.abs(x[i] - y[i]) / (1 + Math.abs(y[i])));
  return w;
};

describe('cpu matrix products', () => {
  it('equal the stock kernels: 2-D with every transpose, batched with broadcasting, fused with bias', () => {
    const a = tf.randomNormal([37, 53], 0, 1, 'float32', 1),
      b = tf.randomNormal([53, 29], 0, 1, 'float32', 2);
    const aT = a.transpose(),
      bT = b.transpose();
    const a3 = tf.randomNormal([3, 6, 5], 0, 1, 'float32', 3),
      b3 = tf.randomNormal([1, 5, 7], 0, 1, 'float32', 4);
    const bias = tf.randomNormal([29], 0, 1, 'float32', 5);
    const run = () => [
      tf.matMul(a, b),
      tf.matMul(aT, b, true, false),
      tf.matMul(a, bT, false, true),
      tf.matMul(aT, bT, true, true),
      tf.matMul(a3, b3),
      tf.fused.matMul({ a, b, bias }),
      tf.fused.matMul({ a, b, bias, activation: 'relu' }),
    ];
    setFastCpuMatMul(false);
    const stock = run();
    setFastCpuMatMul(true);
    const fast = run();
    stock.forEach((s, i) => expect(worst(fast[i], s), `case ${i}`).toBeLessThan(1e-5));
    tf.dispose([a, b, aT, bT, a3, b3, bias, ...stock, ...fast]);
  });
});
