// Events from the training worker to the page: what happened, unasked (replies to requests are in requests.ts).
// Plain data and typed arrays only; text for people travels as Msg (catalogue key + values): the page translates it.
import { isMsg, type Msg } from '../model/msg';
import type { WorkerReply } from './requests';
import { isObject, spec, type UnionOf } from './table';
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
export type WeightImages = {
  layer: number;
  name: string;
  kind: 'dense' | 'conv';
  side: number;
  count: number;
  values: Float32Array;
};

export type EpochSummary = {
  epoch: number;
  batch: number;
  testAccuracy: number;
  testLoss: number;
  /** Accuracy on my digits (absent without any) and on the changed test images (absent when none is chosen). */
  mineAccuracy?: number;
  shiftedAccuracy?: number;
};

export const EVENTS = {
  state: spec<{ state: WorkerState }>(),
  dataProgress: spec<{ loadedBytes: number; totalBytes: number }>(),
  dataReady: spec<{ trainCount: number; testCount: number }>(),
  /** Which backend trains now, which ones were confirmed by a real training step, and why this one. */
  backend: spec<{ backend: BackendName; available: BackendName[]; note: Msg }>((m) => isMsg(m.note)),
  error: spec<{ message: Msg; retryData: boolean }>((m) => isMsg(m.message)),
  /** Sent at most every ~100 ms while training; `points` holds the batches since the previous one. */
  progress: spec<{
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
  }>((m) => Array.isArray(m.points)),
  /** A hyperparameter change took effect before batch `batch + 1`; `changes` are readable, for chart markers. */
  configApplied: spec<{ batch: number; changes: Msg[] }>((m) => Array.isArray(m.changes) && m.changes.every(isMsg)),
  /** Loss or weights became NaN/∞: training paused and, when possible, the last good weights came back. */
  diverged: spec<{ batch: number; restoredBatch: number | null; testAccuracy: number | null; message: Msg }>((m) =>
    isMsg(m.message),
  ),
  /** After each completed epoch: accuracy and mean loss on all 10,000 test images. */
  epochEnd: spec<EpochSummary & { evalMs: number }>(),
  /** After each epoch with my digits: the digit each of them (set `version`, in order) was read as. */
  myDigitsEval: spec<{ epoch: number; version: number; predicted: Uint8Array }>(
    (m) => m.predicted instanceof Uint8Array,
  ),
  histograms: spec<{ batch: number; epoch: number; layers: LayerHistogram[] }>((m) => Array.isArray(m.layers)),
  /** Reset happened: all history is gone. */
  resetDone: spec<object>(),
  /**
   * A sweep run's new batches (smoothed points) and epochs since its last event, with its totals: batches,
   * epochs, training seconds and examples (its own turns only) and examples/s over its turns.
   */
  sweepProgress: spec<{
    index: number;
    points: BatchPoint[];
    epochs: EpochSummary[];
    batch: number;
    epoch: number;
    seconds: number;
    examples: number;
    examplesPerSecond: number;
    done: boolean;
    /** The run stopped because its loss blew up (NaN or far above chance). */
    diverged: boolean;
  }>((m) => Array.isArray(m.points) && Array.isArray(m.epochs)),
  /** The sweep as a whole; `message` says why it stopped early (a run diverged or failed to build). */
  sweepState: spec<{
    state: 'running' | 'paused' | 'done' | 'cancelled';
    finished: number;
    total: number;
    message: Msg | null;
  }>((m) => m.message === null || isMsg(m.message)),
  /** After each epoch: confusion[actual * 10 + predicted] over the 10,000 test images. */
  confusion: spec<{ epoch: number; confusion: number[] }>((m) => Array.isArray(m.confusion)),
  weightImages: spec<{ batch: number; layers: WeightImages[] }>((m) => Array.isArray(m.layers)),
  /**
   * About to block for a while (a first step, an evaluation, a backend probe) without answering pings; a step
   * recently took `batchMs` (0 when unknown). The page's watchdog counts the worker alive through it.
   */
  busy: spec<{ batchMs: number }>(),
  /** A copy of the last known-good weights, kept by the page to restart a worker that dies. */
  snapshot: spec<{ point: RestorePoint }>((m) => isObject(m.point) && Array.isArray(m.point.weights)),
  /** The GPU backend stopped working; training moved to `to` with the weights saved at `restoredBatch`. */
  backendLost: spec<{ from: BackendName; to: BackendName; restoredBatch: number | null; message: Msg }>((m) =>
    isMsg(m.message),
  ),
};

export type WorkerEvent = UnionOf<typeof EVENTS>;
export type WorkerEventType = WorkerEvent['type'];

/** Everything the worker posts: events, and replies to requests. */
export type FromWorker = WorkerEvent | WorkerReply;
