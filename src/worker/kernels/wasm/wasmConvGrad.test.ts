// With the added filter gradient, convolutional networks train on wasm and match the cpu backend.
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { presetById } from '../../../model/presets';
import { buildModel } from '../../training/buildModel';
import { registerWasmConvGrad } from './wasmConvGrad';

beforeAll(async () => {
  setWasmPaths(new URL('../../../../node_modules/@tensorflow/tfjs-backend-wasm/dist/', import.meta.url).pathname);
  registerWasmConvGrad();
});

/** Gradients of every weight for one fixed batch, as plain arrays, on the given backend. */
async function grads(backend: string, preset: 'lenet5' | 'cnn-small') {
  await tf.setBackend(backend);
  const { model } = buildModel(presetById(preset).network, 3);
  const x = tf.randomUniform([16, 28, 28, 1], 0, 1, 'float32', 7);
  const y = tf.oneHot(
    tf.tensor1d(
      Array.from({ length: 16 }, (_, i) => i % 10),
      'int32',
    ),
    10,
  );
  const vars = model.trainableWeights.map((w) => w.read() as tf.Variable);
  const { grads: g } = tf.variableGrads(
    () => tf.losses.softmaxCrossEntropy(y, model.apply(x) as tf.Tensor) as tf.Scalar,
    vars,
  );
  const out = vars.map((v) => Array.from(g[v.name].dataSync()));
  tf.dispose([x, y, ...Object.values(g)]);
  model.dispose();
  return out;
}

describe('convolution filter gradient on wasm', () => {
  it.each(['lenet5', 'cnn-small'] as const)(
    'gives %s (valid / same padding, stride 1 / 2) the same gradients as the cpu backend',
    async (preset) => {
      const onCpu = await grads('cpu', preset);
      const onWasm = await grads('wasm', preset);
      expect(onWasm.length).toBe(onCpu.length);
      onCpu.forEach((c, i) => {
        const w = onWasm[i];
        const scale = Math.max(1e-6, ...c.map(Math.abs));
        expect(Math.max(...c.map((v, j) => Math.abs(v - w[j]))) / scale, `weight ${i}`).toBeLessThan(1e-3);
      });
    },
    60_000,
  );
});
