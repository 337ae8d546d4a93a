// Helpers shared by both sides of the worker boundary.
import { isMsg } from '../model/msg';
import type { FromWorker } from './fromWorker';
import type { ToWorker } from './toWorker';

/** Buffers to transfer (not copy) with a message: every typed array's buffer, each once, also inside arrays. */
export function transferablesOf(msg: ToWorker | FromWorker): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>();
  const visit = (v: unknown, depth: number) => {
    if (ArrayBuffer.isView(v)) {
      if (v.buffer instanceof ArrayBuffer) out.add(v.buffer);
    } else if (depth < 3 && Array.isArray(v)) v.forEach((x) => visit(x, depth + 1));
    else if (depth < 3 && typeof v === 'object' && v !== null) Object.values(v).forEach((x) => visit(x, depth + 1));
  };
  visit(msg, 0);
  return [...out];
}

/** Compile-time exhaustiveness check for switches over message unions. */
export function unreachable(x: never): never {
  throw new Error(`Unhandled message: ${JSON.stringify(x)}`);
}

const TO_WORKER_TYPES = new Set(['init', 'retryData', 'start', 'pause', 'step', 'reset', 'setBackend', 'setConfig', 'setNetwork', 'predict', 'getCell', 'getSample', 'getAugmented', 'ping', 'benchmarkFit', 'debugLoseBackend', 'debugCheckGpuKernels', 'exportModel', 'getWeights', 'loadSession']);
const FROM_WORKER_TYPES = new Set(['state', 'dataProgress', 'dataReady', 'backend', 'error', 'progress', 'epochEnd', 'histograms', 'resetDone', 'prediction', 'configApplied', 'diverged', 'confusion', 'cellImages', 'weightImages', 'pong', 'snapshot', 'backendLost', 'benchmarkResult', 'gpuKernelCheck', 'modelExport', 'weights', 'sessionLoaded', 'sample', 'augmented']);

function hasType(x: unknown, types: Set<string>): boolean {
  return typeof x === 'object' && x !== null && typeof (x as { type?: unknown }).type === 'string' && types.has((x as { type: string }).type);
}

/** Structural guard for what arrives at the worker; anything else is ignored with a warning. */
export function isToWorker(x: unknown): x is ToWorker {
  if (!hasType(x, TO_WORKER_TYPES)) return false;
  const m = x as ToWorker;
  if (m.type === 'predict') return m.pixels instanceof Float32Array && m.pixels.length === 784 && Number.isFinite(m.id);
  if (m.type === 'getAugmented') return Number.isInteger(m.count) && m.count >= 1 && m.count <= 64;
  if (m.type === 'getCell') return [m.actual, m.predicted].every((v) => Number.isInteger(v) && v >= 0 && v <= 9);
  if (m.type === 'loadSession') return Array.isArray(m.network?.layers) && typeof m.config === 'object';
  if (m.type === 'setNetwork') return Array.isArray(m.network?.layers);
  if (m.type === 'init') return typeof m.dataUrl === 'string' && Array.isArray(m.network?.layers) && typeof m.config === 'object';
  return true;
}

export function isFromWorker(x: unknown): x is FromWorker {
  if (!hasType(x, FROM_WORKER_TYPES)) return false;
  const m = x as FromWorker;
  if (m.type === 'prediction') return m.probs instanceof Float32Array && m.probs.length === 10;
  if (m.type === 'progress') return Array.isArray(m.points);
  if (m.type === 'error' || m.type === 'diverged' || m.type === 'backendLost') return isMsg(m.message);
  if (m.type === 'backend') return isMsg(m.note);
  if (m.type === 'configApplied') return Array.isArray(m.changes) && m.changes.every(isMsg);
  return true;
}
