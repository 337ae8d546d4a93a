// Helpers shared by both sides of the worker boundary.
import type { StepSource } from '../model/learningStep';
import { isMsg } from '../model/msg';
import type { FromWorker, WorkerReply } from './fromWorker';
import type { ToWorker, WorkerRequest } from './toWorker';
import { PIXELS } from '../model/spec';

/** Buffers to transfer (not copy) with a message: every typed array's buffer, each once, also inside arrays. */
export function transferablesOf(msg: ToWorker | FromWorker): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>();
  const visit = (v: unknown, depth: number) => {
    if (ArrayBuffer.isView(v)) {
      if (v.buffer instanceof ArrayBuffer) out.add(v.buffer);
    } else if (depth < 5 && Array.isArray(v)) v.forEach((x) => visit(x, depth + 1));
    else if (depth < 5 && typeof v === 'object' && v !== null) Object.values(v).forEach((x) => visit(x, depth + 1));
  };
  visit(msg, 0);
  return [...out];
}

/** Compile-time exhaustiveness check for switches over message unions. */
export function unreachable(x: never): never {
  throw new Error(`Unhandled message: ${JSON.stringify(x)}`);
}

// Written as records over the unions' type fields, so adding a message type without listing it here (or
// listing one that does not exist) fails to compile.
const TO_WORKER_TYPES = new Set(
  Object.keys({
    init: true,
    retryData: true,
    start: true,
    pause: true,
    step: true,
    reset: true,
    setBackend: true,
    setConfig: true,
    setNetwork: true,
    predict: true,
    getCell: true,
    getSample: true,
    getAugmented: true,
    ping: true,
    benchmarkFit: true,
    fitToTarget: true,
    debugLoseBackend: true,
    debugCheckGpuKernels: true,
    exportModel: true,
    getWeights: true,
    loadSession: true,
    sweepStart: true,
    sweepPause: true,
    sweepResume: true,
    sweepCancel: true,
    stepOpen: true,
    stepCheck: true,
    stepApply: true,
  } satisfies Record<ToWorker['type'], true>),
);
const FROM_WORKER_TYPES = new Set(
  Object.keys({
    state: true,
    dataProgress: true,
    dataReady: true,
    backend: true,
    error: true,
    progress: true,
    epochEnd: true,
    histograms: true,
    resetDone: true,
    prediction: true,
    configApplied: true,
    diverged: true,
    confusion: true,
    cellImages: true,
    weightImages: true,
    pong: true,
    snapshot: true,
    backendLost: true,
    benchmarkResult: true,
    fitResult: true,
    gpuKernelCheck: true,
    modelExport: true,
    weights: true,
    sessionLoaded: true,
    sample: true,
    augmented: true,
    failed: true,
    busy: true,
    predictionFailed: true,
    sweepProgress: true,
    sweepState: true,
    learningStep: true,
    stepChecked: true,
    stepApplied: true,
  } satisfies Record<FromWorker['type'], true>),
);
const REQUEST_TYPES = new Set(
  Object.keys({
    getSample: true,
    getAugmented: true,
    benchmarkFit: true,
    fitToTarget: true,
    getWeights: true,
    loadSession: true,
    exportModel: true,
    debugCheckGpuKernels: true,
    stepOpen: true,
    stepCheck: true,
    stepApply: true,
  } satisfies Record<WorkerRequest['type'], true>),
);
const REPLY_TYPES = new Set(
  Object.keys({
    sample: true,
    augmented: true,
    benchmarkResult: true,
    fitResult: true,
    gpuKernelCheck: true,
    modelExport: true,
    weights: true,
    sessionLoaded: true,
    failed: true,
    learningStep: true,
    stepChecked: true,
    stepApplied: true,
  } satisfies Record<WorkerReply['type'], true>),
);
const hasRid = (m: object) => Number.isSafeInteger((m as { rid?: unknown }).rid);

function hasType(x: unknown, types: Set<string>): boolean {
  return (
    typeof x === 'object' && x !== null && typeof (x as { type?: unknown }).type === 'string' && types.has((x as { type: string }).type)
  );
}

/** Structural guard for what arrives at the worker; anything else is ignored with a warning. */
export function isToWorker(x: unknown): x is ToWorker {
  if (!hasType(x, TO_WORKER_TYPES)) return false;
  const m = x as ToWorker;
  if (REQUEST_TYPES.has(m.type) && !hasRid(m)) return false;
  if (m.type === 'predict') return m.pixels instanceof Float32Array && m.pixels.length === PIXELS && Number.isFinite(m.id);
  if (m.type === 'getAugmented') return Number.isInteger(m.count) && m.count >= 1 && m.count <= 64;
  if (m.type === 'getCell') return [m.actual, m.predicted].every((v) => Number.isInteger(v) && v >= 0 && v <= 9);
  if (m.type === 'loadSession') return Array.isArray(m.network?.layers) && typeof m.config === 'object';
  if (m.type === 'setNetwork') return Array.isArray(m.network?.layers);
  if (m.type === 'stepOpen') return isStepSource(m.source) && typeof m.learningRate === 'number' && typeof m.fresh === 'boolean';
  if (m.type === 'stepCheck')
    return (
      Array.isArray(m.weights) && m.weights.length <= 40 && m.weights.every((w) => [w?.layer, w?.array, w?.index].every(Number.isInteger))
    );
  if (m.type === 'init') return typeof m.dataUrl === 'string' && Array.isArray(m.network?.layers) && typeof m.config === 'object';
  return true;
}

function isStepSource(s: unknown): boolean {
  const x = s as StepSource | null;
  if (typeof x !== 'object' || x === null) return false;
  if (x.kind === 'drawing') return x.pixels instanceof Float32Array && x.pixels.length === PIXELS && Number.isInteger(x.label);
  return x.kind === 'test' && (x.index === 'random' || x.index === 'misread' || Number.isInteger(x.index));
}

export function isFromWorker(x: unknown): x is FromWorker {
  if (!hasType(x, FROM_WORKER_TYPES)) return false;
  const m = x as FromWorker;
  if (REPLY_TYPES.has(m.type) && !hasRid(m)) return false;
  if (m.type === 'failed' || m.type === 'predictionFailed') return isMsg(m.message);
  if (m.type === 'prediction') return m.probs instanceof Float32Array && m.probs.length === 10;
  if (m.type === 'progress') return Array.isArray(m.points);
  if (m.type === 'error' || m.type === 'diverged' || m.type === 'backendLost') return isMsg(m.message);
  if (m.type === 'backend') return isMsg(m.note);
  if (m.type === 'configApplied') return Array.isArray(m.changes) && m.changes.every(isMsg);
  return true;
}
