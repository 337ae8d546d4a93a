// Messages from the training worker to the page. One discriminated union; plain data and typed arrays only.
// Text for people travels as Msg (catalogue key + values): the page translates it.
import type { Msg } from '../model/msg';
import type { CheckRow, LearningStep } from '../model/learningStep';
import type { BackendName, RestorePoint } from './toWorker';

export type WorkerState = 'loading' | 'ready' | 'training' | 'paused' | 'error';

/** One smoothed training point: `batch` counts batches since the last Reset. */
export type BatchPoint = { batch: number; loss: number; accuracy: number };

/** Counts per equal-width bin between min and max. */
export type Bins = { min: number; max: number; counts: number[] };

export type LayerHistogram = {
  /** Index of the layer in the network spec. */
  layer: number;
  /** The layer's kind (LayerKind), for its label. */
  name: string;
  /** Lower edge of the first bin and upper edge of the last, in weight units. */
  min: number;
  max: number;
  /** Count of weights (kernel, not bias) per equal-width bin. */
  counts: number[];
  /** Gradient of the loss for the same weights, from one recent batch; null before any training. */
  grads: Bins | null;
  /** ‖Δw‖ / ‖w‖ of the last measured step (healthy training: roughly 1e-3). */
  updateRatio: number | null;
  /** Fraction of this layer's ReLU units that output 0 for every one of 256 test images; null if not ReLU. */
  deadFraction: number | null;
};

/** Layer outputs for the drawn digit: `values` row-major in `shape` (no batch dimension). */
export type LayerActivation = { layer: number; name: string; shape: number[]; values: Float32Array };

/** Weights drawn as pictures: dense units as 28×28 images, conv filters as k×k (averaged over input channels). */
export type WeightImages = { layer: number; name: string; kind: 'dense' | 'conv'; side: number; count: number; values: Float32Array };

export type FromWorker =
  | { type: 'state'; state: WorkerState }
  | { type: 'dataProgress'; loadedBytes: number; totalBytes: number }
  | { type: 'dataReady'; trainCount: number; testCount: number }
  /** Which backend trains now, which ones were confirmed by a real training step, and why this one. */
  | { type: 'backend'; backend: BackendName; available: BackendName[]; note: Msg }
  | { type: 'error'; message: Msg; retryData: boolean }
  /** Sent at most every ~100 ms while training; `points` holds the batches since the previous one. */
  | {
      type: 'progress';
      epoch: number;
      batch: number;
      batchInEpoch: number;
      batchesPerEpoch: number;
      examplesPerSecond: number;
      /** The learning rate in use now, after the schedule. */
      learningRate: number;
      /** Share of training time spent on histograms and pictures since Train was pressed (0-1). */
      insightShare: number;
      points: BatchPoint[];
    }
  /** A hyperparameter change took effect before batch `batch + 1`; `changes` are readable, for chart markers. */
  | { type: 'configApplied'; batch: number; changes: Msg[] }
  /** Loss or weights became NaN/∞: training paused and, when possible, the last good weights came back. */
  | { type: 'diverged'; batch: number; restoredBatch: number | null; testAccuracy: number | null; message: Msg }
  /** After each completed epoch: accuracy and mean loss on all 10,000 test images. */
  | { type: 'epochEnd'; epoch: number; batch: number; testAccuracy: number; testLoss: number; evalMs: number }
  | { type: 'histograms'; batch: number; epoch: number; layers: LayerHistogram[] }
  /** Reset happened: all history is gone. */
  | { type: 'resetDone' }
  /** `probs` holds 10 class probabilities that sum to 1; `activations` every layer's output for that input. */
  | { type: 'prediction'; id: number; probs: Float32Array; activations: LayerActivation[] }
  /** Prediction `id` cannot be made (no model yet, e.g. the data failed to load). */
  | { type: 'predictionFailed'; id: number; message: Msg }
  /**
   * A sweep run's new batches (smoothed points) and epochs since its last event, with its totals: batches,
   * epochs, training seconds and examples (its own turns only) and examples/s over its turns.
   */
  | {
      type: 'sweepProgress';
      index: number;
      points: BatchPoint[];
      epochs: { epoch: number; batch: number; testAccuracy: number; testLoss: number }[];
      batch: number;
      epoch: number;
      seconds: number;
      examples: number;
      examplesPerSecond: number;
      done: boolean;
      /** The run stopped because its loss blew up (NaN or far above chance). */
      diverged: boolean;
    }
  /** The sweep as a whole; `message` says why it stopped early (a run diverged or failed to build). */
  | { type: 'sweepState'; state: 'running' | 'paused' | 'done' | 'cancelled'; finished: number; total: number; message: Msg | null }
  /** After each epoch: confusion[actual * 10 + predicted] over the 10,000 test images. */
  | { type: 'confusion'; epoch: number; confusion: number[] }
  /** The test images in one confusion cell, most confident first: n × 784 bytes and n × 10 probabilities. */
  | { type: 'cellImages'; actual: number; predicted: number; total: number; indices: number[]; pixels: Uint8Array; probs: Float32Array }
  | { type: 'weightImages'; batch: number; layers: WeightImages[] }
  /** Test image `index` (784 bytes, 0-255) and its label; index -1 and no pixels while the data is not loaded. */
  | { type: 'sample'; rid: number; index: number; label: number; pixels: Uint8Array }
  /** n images as the training step sees them, n × 784 bytes (0-255) each, before and after augmentation. */
  | { type: 'augmented'; rid: number; labels: number[]; original: Uint8Array; augmented: Uint8Array }
  | { type: 'pong'; id: number }
  /** Request `rid` cannot be answered (no model yet, or it failed): the page rejects it with `message`. */
  | { type: 'failed'; rid: number; message: Msg }
  /**
   * About to block for a while (a first step, an evaluation, a backend probe) without answering pings; a step
   * recently took `stepMs` (0 when unknown). The page's watchdog counts the worker alive through it.
   */
  | { type: 'busy'; stepMs: number }
  /** A copy of the last known-good weights, kept by the page to restart a worker that dies. */
  | { type: 'snapshot'; point: RestorePoint }
  /** The GPU backend stopped working; training moved to `to` with the weights saved at `restoredBatch`. */
  | { type: 'backendLost'; from: BackendName; to: BackendName; restoredBatch: number | null; message: Msg }
  | { type: 'weights'; rid: number; point: RestorePoint }
  /** A loaded session is in place (after 'resetDone'): counters as saved. */
  | { type: 'sessionLoaded'; rid: number; batch: number; epoch: number }
  /** model.json text and the bytes of the weights file it names. */
  | { type: 'modelExport'; rid: number; modelJson: string; weightsFile: string; weights: Uint8Array }
  /** Per epoch of the model.fit run: test accuracy and wall seconds since fit started; `reached` the first at target. */
  | {
      type: 'fitResult';
      rid: number;
      backend: BackendName;
      epochs: { epoch: number; accuracy: number; seconds: number }[];
      reached: { epoch: number; seconds: number } | null;
    }
  | { type: 'benchmarkResult'; rid: number; backend: BackendName; examplesPerSecond: number; batches: number; seconds: number }
  /** Largest difference per backend, check and output between the app's software-GPU kernels and tfjs's. */
  | {
      type: 'gpuKernelCheck';
      rid: number;
      rows: { backend: BackendName; shape: string; output: string; maxDiff: number; maxAbs: number }[];
      leftovers: { backend: BackendName; dataIds: number }[];
    }
  | { type: 'learningStep'; rid: number; step: LearningStep }
  | { type: 'stepChecked'; rid: number; rows: CheckRow[] }
  /** The step's ΔW was added to the live model at training batch `batch`. */
  | { type: 'stepApplied'; rid: number; batch: number };

export type FromWorkerType = FromWorker['type'];

/** Replies to requests: each carries the rid of the request it answers. */
export type WorkerReply = Extract<FromWorker, { rid: number }>;
