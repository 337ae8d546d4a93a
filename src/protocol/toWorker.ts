// Messages from the page to the training worker. One discriminated union; bump PROTOCOL_VERSION on change.
// Requests carry `rid`: the worker answers each with the reply named in its comment, or with 'failed' and the
// same rid, on every path; the page rejects a request on timeout or when the worker is replaced.
import type { StepSource, WeightRef } from '../model/learningStep';
import type { NetworkSpec } from '../model/spec';
import type { SweepBudget, SweepOrder } from '../model/sweep';
import type { TrainConfig } from '../model/training';

export const PROTOCOL_VERSION = 10;

export type BackendName = 'webgpu' | 'webgl' | 'wasm' | 'cpu';
export const BACKENDS: readonly BackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'];
export type BackendChoice = 'auto' | BackendName;

/** Plain copies of every weight of the model (trainable or not), in model.getWeights() order. */
export type RestorePoint = { batch: number; epoch: number; weights: Float32Array[] };

export type ToWorker =
  /** First message. `dataUrl` is the folder holding the *.idx.gz files and manifest.json. */
  | {
      type: 'init';
      version: number;
      dataUrl: string;
      network: NetworkSpec;
      config: TrainConfig;
      backend: BackendChoice;
      /** Weights (and counters) from a previous worker that died, to continue where it stopped. */
      restore: RestorePoint | null;
    }
  /** Load the dataset again after a failure. */
  | { type: 'retryData' }
  | { type: 'start' }
  | { type: 'pause' }
  /** Train exactly one batch, then stay paused. */
  | { type: 'step' }
  /** New random weights (from the seed), history cleared, config kept. */
  | { type: 'reset' }
  | { type: 'setBackend'; backend: BackendChoice }
  | { type: 'setConfig'; config: TrainConfig }
  /** A new (valid) network: backends are re-probed for it, weights start fresh from the seed. */
  | { type: 'setNetwork'; network: NetworkSpec }
  /** Classify one image: `pixels` is 784 floats in [0,1], row-major 28×28, white ink on black. */
  | { type: 'predict'; id: number; pixels: Float32Array }
  /** Ask for the test images of one confusion-matrix cell (actual class, predicted class). */
  | { type: 'getCell'; actual: number; predicted: number }
  /** A random test image, for people who cannot draw (keyboard, screen reader) and for demonstrations. */
  | { type: 'getSample'; rid: number }
  /** Up to `count` images of the next training batch before and after augmentation (the augmentation strip). */
  | { type: 'getAugmented'; rid: number; count: number }
  /** Liveness check; answered with 'pong' even while a long message is being handled. */
  | { type: 'ping'; id: number }
  /** Benchmark: a plain tfjs `model.fit` (batch 64) of the current network on the current backend. */
  | { type: 'benchmarkFit'; rid: number; seconds: number; batchSize: number; learningRate: number }
  /** Benchmark: the tfjs-examples way to a target test accuracy: model.fit on all 60,000 images, validation each epoch. */
  | { type: 'fitToTarget'; rid: number; batchSize: number; learningRate: number; target: number; maxEpochs: number }
  /** Ask for the current weights (answered by 'weights'), to save the session. */
  | { type: 'getWeights'; rid: number }
  /** Replace the whole session: network, hyperparameters and (when given) trained weights and counters. */
  | { type: 'loadSession'; rid: number; network: NetworkSpec; config: TrainConfig; point: RestorePoint | null }
  /** Export the trained model in the TensorFlow.js Layers format (answered by 'modelExport'). */
  | { type: 'exportModel'; rid: number }
  /** Test hook: lose the WebGL context or destroy the WebGPU device, as a driver reset would. */
  | { type: 'debugLoseBackend' }
  /** Test hook: compare the software-GPU kernels with tfjs's own (answered by 'gpuKernelCheck'). */
  | { type: 'debugCheckGpuKernels'; rid: number }
  /** Trains the runs of a sweep (model/sweep.ts) beside the current model, which is left as it is. */
  | { type: 'sweepStart'; runs: { network: NetworkSpec; config: TrainConfig }[]; budget: SweepBudget; order: SweepOrder }
  /** Pause keeps every run's weights and optimizer state for sweepResume; cancel ends the sweep (finished runs stay). */
  | { type: 'sweepPause' }
  | { type: 'sweepResume' }
  | { type: 'sweepCancel' }
  /**
   * The learning-step view: copy the live weights (when `fresh`, or the network changed) and compute one step of
   * plain gradient descent on one image with rate `learningRate`; answered by 'learningStep'.
   */
  | { type: 'stepOpen'; rid: number; source: StepSource; learningRate: number; fresh: boolean }
  /** Finite differences for `weights` of the last step (none: the worker picks); answered by 'stepChecked'. */
  | { type: 'stepCheck'; rid: number; weights: WeightRef[] }
  /** Adds the last step's ΔW to the live model; answered by 'stepApplied'. */
  | { type: 'stepApply'; rid: number };

export type ToWorkerType = ToWorker['type'];
/** The messages that expect one answer. */
export type WorkerRequest = Extract<ToWorker, { rid: number }>;
