// The baseline for `npm run bench`: the same network trained with plain `model.fit` at batch 64, as the
// tfjs examples do, on 10,000 training images, for a fixed time on the current backend, with stock tfjs kernels
// (the app's wasm and cpu matrix products and convolutions, and its software-GPU convolutions, are switched off
// while it runs; stock tfjs has no wasm filter gradient at all, so the app's one stays).
import * as tf from '@tensorflow/tfjs';
import type { NetworkSpec } from '../../model/spec';
import { buildModel } from '../training/buildModel';
import { setFastCpuConv } from '../kernels/cpu/fastCpuConv';
import { setFastCpuMatMul } from '../kernels/cpu/fastCpuMatMul';
import { setFastWasmMatMul } from '../kernels/wasm/fastWasmMatMul';
import { setFastWasmConvInput } from '../kernels/wasm/wasmConvGrad';
import { setWebglSoftware, setWebgpuSoftware } from '../kernels/softwareGpu';
import type { Mnist } from '../data/dataset';
import { PIXELS } from '../../model/spec';

export async function benchmarkFit(
  net: NetworkSpec,
  data: Mnist,
  seconds: number,
): Promise<{ examplesPerSecond: number; batches: number; seconds: number }> {
  const n = 10_000;
  const { model } = buildModel(net, 1);
  model.compile({
    optimizer: tf.train.adam(0.002),
    loss: (yTrue: tf.Tensor, yPred: tf.Tensor) => tf.losses.softmaxCrossEntropy(yTrue, yPred),
  });
  const xs = tf.tidy(() =>
    tf.tensor4d(
      Float32Array.from(data.trainPixels.subarray(0, n * PIXELS), (v) => v / 255),
      [n, 28, 28, 1],
    ),
  );
  const ys = tf.tidy(() => tf.oneHot(tf.tensor1d(Int32Array.from(data.trainLabels.subarray(0, n)), 'int32'), 10));
  let batches = 0;
  let t0 = 0;
  let elapsed = 0;
  const switches = [setFastWasmMatMul, setFastWasmConvInput, setFastCpuMatMul, setFastCpuConv, setWebglSoftware, setWebgpuSoftware];
  const wasOn = switches.map((s) => s.on);
  for (const s of switches) s(false);
  try {
    await model.fit(xs, ys, {
      batchSize: 64,
      epochs: 1000,
      shuffle: true,
      verbose: 0,
      callbacks: {
        onBatchEnd: async () => {
          // The first batch includes compilation and warm-up: time from its end.
          if (t0 === 0) t0 = performance.now();
          else batches++;
          elapsed = (performance.now() - t0) / 1000;
          if (elapsed >= seconds) model.stopTraining = true;
        },
      },
    });
  } finally {
    switches.forEach((s, i) => s(wasOn[i]));
    xs.dispose();
    ys.dispose();
    model.dispose();
  }
  return { examplesPerSecond: elapsed > 0 ? (batches * 64) / elapsed : 0, batches, seconds: elapsed };
}
