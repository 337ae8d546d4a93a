// Commands from the page to the training worker: messages that expect no reply of their own (their effect comes
// back as events). Requests, which each get one reply, are in requests.ts. Bump PROTOCOL_VERSION on any change.
import type { NetworkSpec } from '../model/spec';
import type { SweepBudget, SweepOrder } from '../model/sweep';
import type { TrainConfig } from '../model/training';
import type { WorkerRequest } from './requests';
import { isObject, spec, type UnionOf } from './table';

export const PROTOCOL_VERSION = 12;

export type BackendName = 'webgpu' | 'webgl' | 'wasm' | 'cpu';
export const BACKENDS: readonly BackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'];
export type BackendChoice = 'auto' | BackendName;

/** Plain copies of every weight of the model (trainable or not), in model.getWeights() order. */
export type RestorePoint = { batch: number; epoch: number; weights: Float32Array[] };

/** A network whose layers at least form a list (the worker checks it in full before building). */
export const hasLayers = (n: unknown) => isObject(n) && Array.isArray(n.layers);

export const COMMANDS = {
  /** First message. `dataUrl` is the folder holding the *.idx.gz files and manifest.json. */
  init: spec<{
    version: number;
    dataUrl: string;
    network: NetworkSpec;
    config: TrainConfig;
    backend: BackendChoice;
    /** Weights (and counters) from a previous worker that died, to continue where it stopped. */
    restore: RestorePoint | null;
  }>((m) => typeof m.dataUrl === 'string' && hasLayers(m.network) && isObject(m.config)),
  /** Load the dataset again after a failure. */
  retryData: spec<object>(),
  start: spec<object>(),
  pause: spec<object>(),
  /** Train exactly one batch, then stay paused. */
  trainBatch: spec<object>(),
  /** New random weights (from the seed), history cleared, config kept. */
  reset: spec<object>(),
  setBackend: spec<{ backend: BackendChoice }>(),
  setConfig: spec<{ config: TrainConfig }>((m) => isObject(m.config)),
  /** A new (valid) network: backends are re-probed for it, weights start fresh from the seed. */
  setNetwork: spec<{ network: NetworkSpec }>((m) => hasLayers(m.network)),
  /**
   * My digits, whole, after every change (and after init): n × 784 floats in [0, 1], n labels; `version` names
   * the set in the results computed on it.
   */
  setMyDigits: spec<{ version: number; pixels: Float32Array; labels: Uint8Array }>(
    (m) => Number.isInteger(m.version) && m.pixels instanceof Float32Array && m.labels instanceof Uint8Array,
  ),
  /** Test hook: lose the WebGL context or destroy the WebGPU device, as a driver reset would. */
  debugLoseBackend: spec<object>(),
  /** Trains the runs of a sweep (model/sweep.ts) beside the current model, which is left as it is. */
  sweepStart: spec<{ runs: { network: NetworkSpec; config: TrainConfig }[]; budget: SweepBudget; order: SweepOrder }>(
    (m) => Array.isArray(m.runs),
  ),
  /**
   * Pause keeps every run's weights and optimizer state for sweepResume; cancel ends the sweep (finished runs stay).
   */
  sweepPause: spec<object>(),
  sweepResume: spec<object>(),
  sweepCancel: spec<object>(),
};

export type WorkerCommand = UnionOf<typeof COMMANDS>;

/** Everything the page posts: commands, and requests (requests.ts). */
export type ToWorker = WorkerCommand | WorkerRequest;
