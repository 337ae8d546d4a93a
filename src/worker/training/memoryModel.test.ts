// The memory model matches the kernels: the per-batch estimate counts the patch matrices that the app's own
// convolution kernels build (im2col), so a network that passes the cap trains a step on wasm without running
// out of memory, and one whose patches would not fit is refused with a message that names the layer.
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { english } from '../../i18n/english';
import { evalChunkSize, inferNetwork, LIMITS, trainingBytes } from '../../model/shapes';
import type { NetworkSpec } from '../../model/spec';
import { DEFAULT_CONFIG } from '../../model/training';
import { experimentProblem } from '../../model/trainFields';
import { bandDigits } from '../../testing/bandDigits';
import { registerWasmConvGrad } from '../kernels/wasm/wasmConvGrad';
import { Trainer } from './trainer';

beforeAll(async () => {
  setWasmPaths(new URL('../../../node_modules/@tensorflow/tfjs-backend-wasm/dist/', import.meta.url).pathname);
  registerWasmConvGrad();
  await tf.setBackend('wasm');
});

/** A 1×1 convolution with `f1` filters, then a 24×24 same-padded one: tiny in weights, huge in patches. */
const wide = (f1: number): NetworkSpec => ({
  layers: [
    { kind: 'conv2d', filters: f1, kernelSize: 1, stride: 1, padding: 'same', activation: 'relu' },
    { kind: 'conv2d', filters: 8, kernelSize: 24, stride: 1, padding: 'same', activation: 'relu' },
    { kind: 'flatten' },
    { kind: 'dense', units: 10, activation: 'softmax' },
  ],
});
const config = { ...DEFAULT_CONFIG, batchSize: 128, augment: 'off' as const };

describe('memory model', () => {
  it('counts the patch matrix: 784 positions × 24·24·8 window values per image for the second convolution', () => {
    const info = inferNetwork(wide(8));
    expect(info.maxPatch).toEqual({ floats: 784 * 24 * 24 * 8, layer: 1 });
    // Two patch-sized matrices at batch 128: 128 · 2 · 3,612,672 floats · 4 bytes ≈ 3.7 GB, over the 1 GiB cap.
    expect(trainingBytes(info, 128)).toBeGreaterThan(3.5e9);
  });

  it('refuses the 1×1 then 24×24 network at batch 128 with 8 channels between, naming the layer', () => {
    const problem = experimentProblem(wide(8), config);
    expect(problem).not.toBeNull();
    expect(english(problem!)).toMatch(
      /Layer 2 \(a convolution\) needs \d+ MB for its patch matrices at a batch of 128/,
    );
  });

  it('trains one step on wasm when the same shape passes the cap (1 channel between)', async () => {
    const net = wide(1);
    expect(experimentProblem(net, config)).toBeNull();
    const t = new Trainer(bandDigits(256), net, config);
    try {
      t.trainBatch();
      const points = await t.drainPoints();
      expect(points).toHaveLength(1);
      expect(Number.isFinite(points[0].loss)).toBe(true);
    } finally {
      t.dispose();
    }
  }, 120_000);

  it('sizes evaluation chunks so that a forward pass stays under the cap', () => {
    for (const f1 of [1, 4, 8, 16]) {
      const info = inferNetwork(wide(f1));
      const chunk = evalChunkSize(info);
      expect(chunk).toBeGreaterThanOrEqual(1);
      expect(chunk * (784 + info.totalActivations + info.maxPatch!.floats) * 4).toBeLessThanOrEqual(
        LIMITS.trainingBytesPerBatch,
      );
    }
    expect(
      evalChunkSize(
        inferNetwork({ layers: [{ kind: 'flatten' }, { kind: 'dense', units: 10, activation: 'softmax' }] }),
      ),
    ).toBe(1000);
  });
});
