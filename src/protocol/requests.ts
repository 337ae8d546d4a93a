// The protocol's one table of requests: each names its question and the answer its reply carries. From it come
// the request and reply unions, the worker's dispatch (a handler per entry, workerSession.ts) and the page's
// routing (every reply is `{ type: 'reply', rid }` or `{ type: 'failed', rid }`, matched by rid alone).
// Adding a request: an entry here, its handler in the worker, its caller on the page.
import type { CheckRow, LearningStep, StepSource, WeightRef } from '../model/learningStep';
import type { NetworkSpec } from '../model/spec';
import type { TrainConfig } from '../model/training';
import type { Msg } from '../model/msg';
import type { RunLogData } from '../model/runLog';
import { PIXELS } from '../model/spec';
import type { LayerActivation } from './fromWorker';
import { ask, isObject } from './table';
import { hasLayers, type BackendName, type RestorePoint } from './toWorker';

const isDigit = (v: unknown) => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 9;
const isPixels = (p: unknown) => p instanceof Float32Array && p.length === PIXELS;

function isStepSource(x: unknown): boolean {
  if (!isObject(x)) return false;
  if (x.kind === 'drawing') return isPixels(x.pixels) && Number.isInteger(x.label);
  return x.kind === 'test' && (x.index === 'random' || x.index === 'misread' || Number.isInteger(x.index));
}

/** The training loop's parts, timed by worker/training/loopProfile.ts. */
export type LoopPart =
  | 'batch' // gathering the batch's pixels and labels
  | 'augment'
  | 'step' // queuing the step (on wasm/cpu: computing it)
  | 'readback' // reading losses back and posting progress
  | 'evaluate' // the 10,000 test images at each epoch's end
  | 'snapshot' // copying and checking the weights
  | 'insights' // histograms and weight pictures
  | 'yield'; // other tasks between batches (predictions, messages)
export type LoopProfileReport = { wallMs: number; examples: number; parts: Partial<Record<LoopPart, number>> };

/** n test images, most confident first: n × 784 bytes (0-255) and n × 10 probabilities. */
export type CellImages = { total: number; indices: number[]; pixels: Uint8Array; probs: Float32Array };

/** The hidden layer's map (worker/learning/hiddenMapper.ts): n test images and the drawing in 2D. */
export type HiddenMap = {
  /** The spec layer mapped, the values it outputs per image, and how many of them the map used (sketched above). */
  layer: number;
  width: number;
  used: number;
  /** The training position of the weights mapped. */
  epoch: number;
  batch: number;
  /** Per point: its test image's index and label, and its place (n × 2, row-major). */
  indices: Int32Array;
  labels: Uint8Array;
  coords: Float32Array;
  /** The drawing's place on the same axes (2 values), when one was sent. */
  self: Float32Array | null;
  /** The variance along each axis. */
  variance: [number, number];
  /** The 5-nearest-neighbour leave-one-out accuracy among the 2D points (model/knnAccuracy.ts). */
  knn: number;
  /** Worker time the map took (ms): the page spaces its requests by it, so the map costs training little. */
  ms: number;
  /** When asked: the values mapped (n × used) and the drawing's (used), for UMAP. */
  points: Float32Array | null;
  selfPoint: Float32Array | null;
  /** When asked: the images, n × 784 bytes, for hovering. */
  pixels: Uint8Array | null;
};

/** What the saliency picture explains: the gradient, or integrated gradients from a blank image. */
export type SaliencyMethod = 'gradient' | 'integrated';
export const SALIENCY_METHODS: readonly SaliencyMethod[] = ['gradient', 'integrated'];

export const REQUESTS = {
  /** Classify one image: `pixels` is 784 floats in [0,1], row-major 28×28, white ink on black. */
  predict: ask<{ pixels: Float32Array }, { probs: Float32Array; activations: LayerActivation[] }>((m) =>
    isPixels(m.pixels),
  ),
  /** The test images in one confusion-matrix cell (actual class, predicted class); null before the first epoch. */
  getCell: ask<{ actual: number; predicted: number }, CellImages | null>(
    (m) => isDigit(m.actual) && isDigit(m.predicted),
  ),
  /**
   * Test image `index` (784 bytes) and its label, or a random one when no index is given (for people who cannot
   * draw); index -1 before the data.
   */
  getSample: ask<{ index?: number }, { index: number; label: number; pixels: Uint8Array }>(
    (m) => m.index === undefined || (Number.isInteger(m.index) && m.index >= 0 && m.index < 10_000),
  ),
  /** Up to `count` images of the next training batch, n × 784 bytes each, before and after augmentation. */
  getAugmented: ask<{ count: number }, { labels: number[]; original: Uint8Array; augmented: Uint8Array }>(
    (m) => Number.isInteger(m.count) && m.count >= 1 && m.count <= 64,
  ),
  /** Liveness: answered at once, even while a long message is being handled (the watchdog's question). */
  ping: ask<object, null>(),
  /** Benchmark: a plain tfjs `model.fit` (batch 64) of the current network on the current backend. */
  benchmarkFit: ask<
    { seconds: number; batchSize: number; learningRate: number },
    { backend: BackendName; examplesPerSecond: number; batches: number; seconds: number }
  >(),
  /**
   * Benchmark: the tfjs-examples way to a target test accuracy with the page's recipe: model.fitDataset on the
   * training images, validation each epoch.
   */
  fitToTarget: ask<
    { config: TrainConfig; target: number; maxEpochs: number },
    {
      backend: BackendName;
      /** Per epoch: test accuracy and wall seconds since fit started; `reached` the first at target. */
      epochs: { epoch: number; accuracy: number; seconds: number }[];
      reached: { epoch: number; seconds: number } | null;
    }
  >(),
  /** Bench: where the loop's time went since Train was last pressed (ms per part). */
  loopProfile: ask<object, LoopProfileReport>(),
  /** The current weights, to save the session. */
  getWeights: ask<object, RestorePoint>(),
  /** Replace the whole session: network, hyperparameters and (when given) trained weights; answers the counters. */
  loadSession: ask<
    { network: NetworkSpec; config: TrainConfig; point: RestorePoint | null },
    { batch: number; epoch: number }
  >((m) => hasLayers(m.network) && isObject(m.config)),
  /** The trained model in the TensorFlow.js Layers format: model.json text and its weights file's bytes. */
  exportModel: ask<object, { modelJson: string; weightsFile: string; weights: Uint8Array }>(),
  /** Test hook: the software-GPU kernels against tfjs's own, largest difference per backend, check and output. */
  debugCheckGpuKernels: ask<
    object,
    {
      rows: { backend: BackendName; shape: string; output: string; maxDiff: number; maxAbs: number }[];
      leftovers: { backend: BackendName; dataIds: number }[];
    }
  >(),
  /**
   * The learning-step view: copy the live weights (when `fresh`, or the network changed) and compute one step of
   * plain gradient descent on one image with rate `learningRate`.
   */
  learningStepOpen: ask<{ source: StepSource; learningRate: number; fresh: boolean }, LearningStep>(
    (m) => isStepSource(m.source) && typeof m.learningRate === 'number' && typeof m.fresh === 'boolean',
  ),
  /** Finite differences for `weights` of the last learning step (none: the worker picks). */
  learningStepCheck: ask<{ weights: WeightRef[] }, CheckRow[]>(
    (m) =>
      Array.isArray(m.weights) &&
      m.weights.length <= 40 &&
      m.weights.every((w) => isObject(w) && [w.layer, w.array, w.index].every(Number.isInteger)),
  ),
  /** Adds the last learning step's ΔW to the live model; answers the training batch it was added at. */
  learningStepApply: ask<object, { batch: number }>(),
  /** What shaped the current run (model/runLog.ts), for a hand-in code; `backend` trains it now. */
  runLog: ask<object, RunLogData & { backend: BackendName; batch: number; epoch: number }>(),
  /**
   * Saliency of `pixels` on the live weights: per pixel, ∂(logit_cls − logit_versus)/∂pixel (versus null: the
   * logit alone), or integrated gradients; with the image's probabilities.
   */
  explain: ask<
    { pixels: Float32Array; cls: number; versus: number | null; method: SaliencyMethod },
    { values: Float32Array; probs: Float32Array }
  >(
    (m) =>
      isPixels(m.pixels) &&
      isDigit(m.cls) &&
      (m.versus === null || isDigit(m.versus)) &&
      SALIENCY_METHODS.includes(m.method),
  ),
  /**
   * The smallest change of `pixels` (L∞ ≤ epsilon, 0-1 ink units) found that makes the network read `target`;
   * `before` are the probabilities of the unchanged input.
   */
  attack: ask<
    { pixels: Float32Array; target: number; epsilon: number },
    {
      found: boolean;
      pixels: Float32Array;
      change: number;
      predicted: number;
      probs: Float32Array;
      before: Float32Array;
    }
  >(
    (m) => isPixels(m.pixels) && isDigit(m.target) && typeof m.epsilon === 'number' && m.epsilon >= 0 && m.epsilon <= 1,
  ),
  /** The map of spec layer `layer` (model/hiddenMap.ts mapLayers), with the drawing `self` placed on it. */
  hiddenMap: ask<{ layer: number; self: Float32Array | null; points: boolean; pixels: boolean }, HiddenMap>(
    (m) =>
      Number.isInteger(m.layer) &&
      (m.self === null || isPixels(m.self)) &&
      typeof m.points === 'boolean' &&
      typeof m.pixels === 'boolean',
  ),
};

type Table = typeof REQUESTS;
export type RequestType = keyof Table & string;
export type Ask<K extends RequestType> = Table[K] extends { ask?: infer A } ? Exclude<A, undefined> : never;
export type Answer<K extends RequestType> = Table[K] extends { answer?: infer R } ? Exclude<R, undefined> : never;

/** A request as sent: its type, the rid its reply will carry, and its question. */
export type WorkerRequest = { [K in RequestType]: { type: K; rid: number } & Ask<K> }[RequestType];
export type RequestOf<K extends RequestType> = Extract<WorkerRequest, { type: K }>;

/** The reply to request `rid`: its answer, or why there is none. */
export type WorkerReply =
  | { [K in RequestType]: { type: 'reply'; rid: number; request: K; answer: Answer<K> } }[RequestType]
  | { type: 'failed'; rid: number; message: Msg };

/** The worker's side of the table: one handler per request (a missing one fails to compile). */
export type RequestHandlers = { [K in RequestType]: (m: RequestOf<K>) => Promise<Answer<K>> | Answer<K> };
