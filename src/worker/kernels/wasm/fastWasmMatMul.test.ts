// The explicit-transpose products on wasm give the same numbers as tfjs's own kernels, forwards and in a
// training step, and leave no tensors behind.
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { setFastWasmMatMul } from './fastWasmMatMul';

beforeAll(async () => {
  setWasmPaths(new URL('../../../../node_modules/@tensorflow/tfjs-backend-wasm/dist/', import.meta.url).pathname);
  await tf.setBackend('wasm');
});

const close = (a: tf.Tensor, b: tf.Tensor) => {
  const x = a.dataSync(),
    y = b.dataSync();
  expect(x.length).toBe(y.length);
  let worst = 0;
  for (let i = 0; i < x.length; i++) worst = Math.max(worst, Math.abs(x[i] - y[i]) / (1 + Math.abs(y[i])));
  return worst;
};

describe('wasm matrix products with explicit transposes', () => {
  it('equal the stock kernels for every transpose combination, and fix the fused one', () => {
    const a = tf.randomNormal([37, 53], 0, 1, 'float32', 1);
    const b = tf.randomNormal([53, 29], 0, 1, 'float32', 2);
    const aT = a.transpose(),
      bT = b.transpose();
    const bias = tf.randomNormal([29], 0, 1, 'float32', 3);
    const run = () => [
      tf.matMul(a, b),
      tf.matMul(aT, b, true, false),
      tf.matMul(a, bT, false, true),
      tf.matMul(aT, bT, true, true),
      tf.fused.matMul({ a: aT, b: bT, transposeA: true, transposeB: true, bias, activation: 'relu' }),
    ];
    setFastWasmMatMul(false);
    const stock = run();
    setFastWasmMatMul(true);
    const before = tf.memory().numTensors;
    const fast = run();
    expect(tf.memory().numTensors - before).toBe(fast.length); // only the results: the transposes are freed
    for (let i = 0; i < 4; i++) expect(close(fast[i], stock[i]), `case ${i}`).toBeLessThan(1e-5);
    // The fused product is checked against its definition (tfjs 4.22's own transposed fallback adds the bias once
    // per 48-wide block of the shared dimension, so it cannot be the reference here: the dimension is 53).
    const reference = tf.relu(tf.add(tf.matMul(a, b), bias));
    expect(close(fast[4], reference)).toBeLessThan(1e-5);
    tf.dispose([a, b, aT, bT, bias, reference, ...stock, ...fast]);
  });

  it('give the same gradients in a Dense training step', () => {
    const x = tf.randomUniform([64, 784], 0, 1, 'float32', 4);
    const w = tf.variable(tf.randomNormal([784, 128], 0, 0.05, 'float32', 5));
    const v = tf.variable(tf.randomNormal([128, 10], 0, 0.05, 'float32', 6));
    const y = tf.oneHot(
      tf.tensor1d(
        Array.from({ length: 64 }, (_, i) => i % 10),
        'int32',
      ),
      10,
    );
    const loss = () => tf.losses.softmaxCrossEntropy(y, tf.matMul(tf.relu(tf.matMul(x, w)), v)) as tf.Scalar;
    const grads = () => tf.variableGrads(loss, [w, v]).grads;
    setFastWasmMatMul(false);
    const stock = grads();
    setFastWasmMatMul(true);
    const fast = grads();
    for (const k of Object.keys(stock)) expect(close(fast[k], stock[k]), k).toBeLessThan(1e-5);
    tf.dispose([x, w, v, y, ...Object.values(stock), ...Object.values(fast)]);
  });
});
