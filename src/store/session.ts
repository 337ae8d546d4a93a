// A whole session as one file (and one IndexedDB record): network, hyperparameters and seed, weights and
// metric history. Decoding checks everything before anything is applied, so a bad file changes nothing.
import { isMsg, msg, type Msg } from '../model/msg';
import { weightSizes } from '../model/shapes';
import { configProblem, type TrainConfig } from '../model/training';
import type { NetworkSpec } from '../model/spec';
import type { BatchPoint } from '../protocol/fromWorker';
import type { RestorePoint } from '../protocol/toWorker';
import type { ChartMarker, EpochResult } from './store';
import { decodeExperiment, encodeExperiment } from './urlState';

export const SESSION_FORMAT = 'mnist-playground-session';
export const SESSION_VERSION = 1;
const MAX_BYTES = 100 * 1024 * 1024;

export type Session = {
  name: string;
  savedAt: string;
  network: NetworkSpec;
  train: TrainConfig;
  /** Weights and counters; null for an untrained session. */
  point: RestorePoint | null;
  history: { series: BatchPoint[]; epochs: EpochResult[]; markers: ChartMarker[] };
};

function toBase64(a: Float32Array): string {
  const bytes = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

function fromBase64(s: string): Float32Array | null {
  try {
    const bin = atob(s);
    if (bin.length % 4 !== 0) return null;
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    return new Float32Array(bytes.buffer);
  } catch {
    return null;
  }
}

export function encodeSession(s: Session): string {
  return JSON.stringify({
    format: SESSION_FORMAT,
    version: SESSION_VERSION,
    name: s.name,
    savedAt: s.savedAt,
    // The network and hyperparameters travel in the URL encoding: one validated codec for both.
    experiment: encodeExperiment({ network: s.network, train: s.train }),
    point: s.point && { batch: s.point.batch, epoch: s.point.epoch, weights: s.point.weights.map(toBase64) },
    history: s.history,
  });
}

export type DecodedSession = { ok: true; session: Session } | { ok: false; error: Msg };

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isInt = (x: unknown): x is number => Number.isInteger(x) && (x as number) >= 0;

/** Parses and checks a session file. Never throws; the error says what is wrong in plain words. */
export function decodeSession(text: string): DecodedSession {
  const bad = (why: string, values?: Record<string, string | number>): DecodedSession => ({ ok: false, error: msg('file.sessionUnreadable', { why: msg(`file.${why}`, values) }) });
  if (text.length > MAX_BYTES) return bad('tooLarge');
  let j: unknown;
  try {
    j = JSON.parse(text);
  } catch {
    return bad('notJson');
  }
  if (!isObj(j) || j.format !== SESSION_FORMAT) return bad('notSession');
  if (j.version !== SESSION_VERSION) return bad('version', { found: String(JSON.stringify(j.version)).slice(0, 12), wanted: SESSION_VERSION });
  if (typeof j.experiment !== 'string') return bad('noNetwork');
  const exp = decodeExperiment(j.experiment);
  if (exp.notice) return bad('networkDamaged');
  const sizes = weightSizes(exp.experiment.network);
  if (!sizes) return bad('networkUnbuildable');
  let point: RestorePoint | null = null;
  if (j.point !== null && j.point !== undefined) {
    const p = j.point;
    if (!isObj(p) || !isInt(p.batch) || !isInt(p.epoch) || !Array.isArray(p.weights)) return bad('weightsDamaged');
    if (p.weights.length !== sizes.length) return bad('weightCount', { found: p.weights.length, wanted: sizes.length });
    const weights: Float32Array[] = [];
    for (const [i, w] of p.weights.entries()) {
      const a = typeof w === 'string' ? fromBase64(w) : null;
      if (!a) return bad('weightUnreadable', { n: i + 1 });
      if (a.length !== sizes[i]) return bad('weightSize', { n: i + 1, found: a.length, wanted: sizes[i] });
      if (!a.every(Number.isFinite)) return bad('weightNaN', { n: i + 1 });
      weights.push(a);
    }
    point = { batch: p.batch, epoch: p.epoch, weights };
  }
  const h = isObj(j.history) ? j.history : {};
  const arr = <T>(x: unknown, ok: (v: Record<string, unknown>) => boolean) => (Array.isArray(x) && x.every((v) => isObj(v) && ok(v)) ? (x as T[]) : null);
  const series = arr<BatchPoint>(h.series ?? [], (v) => isInt(v.batch) && typeof v.loss === 'number' && typeof v.accuracy === 'number');
  const epochs = arr<EpochResult>(h.epochs ?? [], (v) => isInt(v.epoch) && isInt(v.batch) && typeof v.testAccuracy === 'number');
  const rawMarkers = arr<Record<string, unknown>>(h.markers ?? [], (v) => isInt(v.batch) && (typeof v.label === 'string' || isMsg(v.label)));
  if (!series || !epochs || !rawMarkers) return bad('historyDamaged');
  // Files from before translation carry marker labels as English text: kept as they are.
  const markers: ChartMarker[] = rawMarkers.map((m) => ({
    batch: m.batch as number,
    kind: m.kind === 'diverged' ? 'diverged' : 'change',
    label: typeof m.label === 'string' ? msg('text', { text: m.label }) : (m.label as Msg),
  }));
  const name = typeof j.name === 'string' && j.name.trim() ? j.name.slice(0, 100) : 'Untitled session';
  const train = exp.experiment.train;
  if (configProblem(train)) return bad('configRange');
  return {
    ok: true,
    session: { name, savedAt: typeof j.savedAt === 'string' ? j.savedAt : '', network: exp.experiment.network, train, point, history: { series, epochs, markers } },
  };
}
