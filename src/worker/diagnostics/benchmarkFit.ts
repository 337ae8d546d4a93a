// The baselines for `npm run bench`: the same network trained with plain `model.fit`, as the tfjs examples do, at
// the same batch size and Adam rate as the app's loop, with stock tfjs kernels
// (the app's wasm and cpu matrix products and convolutions, and its software-GPU convolutions, are switched off
// while it runs; stock tfjs has no wasm filter gradient at all, so the app's one stays). benchmarkFit: examples/s
// on 10,000 images for a fixed time. fitToTarget: wall time to a test accuracy on all 60,000 images, validating
// on the 10,000 test images after each epoch (tfjs-examples' mnist does the same with validationData).
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

type Recipe = { batchSize: number; learningRate: number };

const images = (pixels: Uint8Array, n: number) =>
  tf.tidy(() =>
    tf.tensor4d(
      Float32Array.from(pixels.subarray(0, n * PIXELS), (v) => v / 255),
      [n, 28, 28, 1],
    ),
  );
const oneHot = (labels: Uint8Array, n: number) =>
  tf.tidy(() => tf.oneHot(tf.tensor1d(Int32Array.from(labels.subarray(0, n)), 'int32'), 10));

/** Runs `f` with tfjs's stock kernels (the app's replacements switched off), as a tfjs user would have them. */
async function withStockKernels<T>(f: () => Promise<T>): Promise<T> {
  const switches = [
    setFastWasmMatMul,
    setFastWasmConvInput,
    setFastCpuMatMul,
    setFastCpuConv,
    setWebglSoftware,
    setWebgpuSoftware,
  ];
  const wasOn = switches.map((s) => s.on);
  for (const s of switches) s(false);
  try {
    return await f();
  } finally {
    switches.forEach((s, i) => s(wasOn[i]));
  }
}

function compiled(net: NetworkSpec, r: Recipe) {
  const { model } = buildModel(net, 1);
  model.compile({
    optimizer: tf.train.adam(r.learningRate),
    loss: (yTrue: tf.Tensor, yPred: tf.Tensor) => tf.losses.softmaxCrossEntropy(yTrue, yPred),
    metrics: ['accuracy'], // on logits: the largest logit is the largest probability
  });
  return model;
}

export async function fitToTarget(
  net: NetworkSpec,
  data: Mnist,
  r: Recipe & { target: number; maxEpochs: number },
): Promise<{
  epochs: { epoch: number; accuracy: number; seconds: number }[];
  reached: { epoch: number; seconds: number } | null;
}> {
  const model = compiled(net, r);
  const xs = images(data.trainPixels, data.trainLabels.length),
    ys = oneHot(data.trainLabels, data.trainLabels.length);
  const vx = images(data.testPixels, data.testLabels.length),
    vy = oneHot(data.testLabels, data.testLabels.length);
  const epochs: { epoch: number; accuracy: number; seconds: number }[] = [];
  const t0 = performance.now();
  try {
    await withStockKernels(() =>
      model.fit(xs, ys, {
        batchSize: r.batchSize,
        epochs: r.maxEpochs,
        shuffle: true,
        verbose: 0,
        validationData: [vx, vy],
        callbacks: {
          onEpochEnd: async (epoch, logs) => {
            const accuracy = Number(logs?.val_acc ?? logs?.val_accuracy ?? 0);
            epochs.push({ epoch: epoch + 1, accuracy, seconds: (performance.now() - t0) / 1000 });
            if (accuracy >= r.target) model.stopTraining = true;
          },
        },
      }),
    );
  } finally {
    tf.dispose([xs, ys, vx, vy]);
    model.dispose();
  }
  const hit = epochs.find((e) => e.accuracy >= r.target);
  return { epochs, reached: hit ? { epoch: hit.epoch, seconds: hit.seconds } : null };
}

export async function benchmarkFit(
  net: NetworkSpec,
  data: Mnist,
  seconds: number,
  r: Recipe,
): Promise<{ examplesPerSecond: number; batches: number; seconds: number }> {
  const n = 10_000;
  const model = compiled(net, r);
  const xs = images(data.trainPixels, n),
    ys = oneHot(data.trainLabels, n);
  let batches = 0;
  let t0 = 0;
  let elapsed = 0;
  try {
    await withStockKernels(() =>
      model.fit(xs, ys, {
        batchSize: r.batchSize,
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
      }),
    );
  } finally {
    xs.dispose();
    ys.dispose();
    model.dispose();
  }
  return { examplesPerSecond: elapsed > 0 ? (batches * r.batchSize) / elapsed : 0, batches, seconds: elapsed };
}
