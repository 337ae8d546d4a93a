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
import { scheduledRate, type TrainConfig } from '../../model/training';
import { epochOrder } from '../../model/prng';
import { gatherBatch } from '../../data/batch';
import { AUGMENT_SCRATCH, augmentBatch, augmentStream } from '../../data/augment';
import { setRate } from '../training/optimizers';

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

/**
 * The tfjs-examples way to `target` test accuracy with the page's whole recipe: model.fitDataset over batches in
 * the trainer's seeded order, augmented as the trainer augments them, the scheduled rate set before each step,
 * validation on the 10,000 test images after each epoch; tfjs's stock kernels.
 */
export async function fitToTarget(
  net: NetworkSpec,
  data: Mnist,
  r: { config: TrainConfig; target: number; maxEpochs: number },
): Promise<{
  epochs: { epoch: number; accuracy: number; seconds: number }[];
  reached: { epoch: number; seconds: number } | null;
}> {
  const c = r.config;
  const B = c.batchSize;
  const model = compiled(net, c);
  const n = c.trainSize > 0 ? Math.min(c.trainSize, data.trainLabels.length) : data.trainLabels.length;
  const perEpoch = Math.floor(n / B);
  let epochsStarted = 0,
    step = 0;
  const batches = tf.data.generator(function* () {
    const epoch = epochsStarted++;
    const order = epochOrder(n, c.seed, epoch);
    const x = new Float32Array(B * PIXELS),
      y = new Int32Array(B),
      scratch = new Float32Array(AUGMENT_SCRATCH);
    for (let b = 0; b < perEpoch; b++) {
      gatherBatch(data.trainPixels, data.trainLabels, order, b * B, B, x, y);
      if (c.augment !== 'off')
        augmentBatch(x, B, c.augment, augmentStream(c.seed, epoch * perEpoch + b + 1), 1, scratch);
      yield { xs: tf.tensor4d(x, [B, 28, 28, 1]), ys: tf.oneHot(tf.tensor1d(y, 'int32'), 10) };
    }
  });
  const vx = images(data.testPixels, data.testLabels.length),
    vy = oneHot(data.testLabels, data.testLabels.length);
  const epochs: { epoch: number; accuracy: number; seconds: number }[] = [];
  const t0 = performance.now();
  try {
    await withStockKernels(() =>
      model.fitDataset(batches, {
        epochs: r.maxEpochs,
        verbose: 0,
        validationData: [vx, vy],
        callbacks: {
          onBatchBegin: async () => {
            step++;
            setRate(model.optimizer, scheduledRate(c, (step - 1) / perEpoch, step));
          },
          onEpochEnd: async (epoch, logs) => {
            const accuracy = Number(logs?.val_acc ?? logs?.val_accuracy ?? 0);
            epochs.push({ epoch: epoch + 1, accuracy, seconds: (performance.now() - t0) / 1000 });
            if (accuracy >= r.target) model.stopTraining = true;
          },
        },
      }),
    );
  } finally {
    tf.dispose([vx, vy]);
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
