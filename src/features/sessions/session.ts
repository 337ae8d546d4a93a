// A whole session as one file (and one IndexedDB record): network, hyperparameters and seed, weights and
// metric history. Decoding checks everything before anything is applied, so a bad file changes nothing.
import { isObj } from '../../model/guards';
import { msg, type Msg } from '../../model/msg';
import { varianceIndices, weightSizes } from '../../model/shapes';
import { type TrainConfig } from '../../model/training';
import { experimentProblem } from '../../model/trainFields';
import type { NetworkSpec } from '../../model/spec';
import type { BatchPoint } from '../../protocol/fromWorker';
import type { RestorePoint } from '../../protocol/toWorker';
import { decodeEpochResult, decodeMarker, decodePoint, isCount, MAX_COUNTER } from '../../store/curves';
import { decodeRuns, type RunRecord } from '../../store/runs';
import { MAX_SERIES, type ChartMarker, type EpochResult } from '../../store/store';
import { applyLink, decodeLink, defaultExperiment, encodeExperiment } from '../experiment';
import { decodeDigitsValue, digitsValue, type MyDigit } from '../../data/myDigits';

export const SESSION_FORMAT = 'mnist-playground-session';
export const SESSION_VERSION = 1;
export { MAX_COUNTER };

export type Session = {
  name: string;
  savedAt: string;
  network: NetworkSpec;
  train: TrainConfig;
  /** Weights and counters; null for an untrained session. */
  point: RestorePoint | null;
  history: { series: BatchPoint[]; epochs: EpochResult[]; markers: ChartMarker[] };
  /** The recorded runs (store/runs.ts) at the time of saving; files from before runs existed have none. */
  runs: RunRecord[];
  /** My digits at the time of saving (data/myDigits.ts); files from before them have none. */
  myDigits: MyDigit[];
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
    runs: s.runs,
    // The my-digits file's own object: one decoder for both.
    ...(s.myDigits.length ? { myDigits: digitsValue(s.myDigits) } : {}),
  });
}

export type DecodedSession = { ok: true; session: Session } | { ok: false; error: Msg };

/** Largest session file read (a 5 M-parameter network's weights are 27 MB as base64). */
export const MAX_SESSION_BYTES = 100 * 1024 * 1024;
const MAX_MARKERS = 2000;
const MAX_EPOCHS = 100_000;

type HistoryCheck =
  { ok: true; history: Session['history'] } | { ok: false; why: string; values?: Record<string, string | number> };

/** Checks the chart history item by item: counts, ranges, order, and marker labels all the way down. */
function checkHistory(h: Record<string, unknown>): HistoryCheck {
  const bad = (why: string, values?: Record<string, string | number>): HistoryCheck => ({ ok: false, why, values });
  const series = h.series ?? [],
    epochs = h.epochs ?? [],
    markers = h.markers ?? [];
  if (!Array.isArray(series) || !Array.isArray(epochs) || !Array.isArray(markers)) return bad('historyDamaged');
  if (series.length > MAX_SERIES) return bad('historyTooLong', { what: 'series', n: series.length, max: MAX_SERIES });
  if (epochs.length > MAX_EPOCHS) return bad('historyTooLong', { what: 'epochs', n: epochs.length, max: MAX_EPOCHS });
  if (markers.length > MAX_MARKERS)
    return bad('historyTooLong', { what: 'markers', n: markers.length, max: MAX_MARKERS });
  const points: BatchPoint[] = [];
  for (const [i, v] of series.entries()) {
    const p = decodePoint(v);
    if (!p || (i > 0 && p.batch <= points[i - 1].batch)) return bad('historyPoint', { n: i + 1 });
    points.push(p);
  }
  const results: EpochResult[] = [];
  for (const [i, v] of epochs.entries()) {
    const e = decodeEpochResult(v);
    if (!e) return bad('historyEpoch', { n: i + 1 });
    results.push(e);
  }
  const kept: ChartMarker[] = [];
  for (const [i, v] of markers.entries()) {
    const m = decodeMarker(v);
    if (!m) return bad('historyMarker', { n: i + 1 });
    kept.push(m);
  }
  return { ok: true, history: { series: points, epochs: results, markers: kept } };
}

/** A session's name as saved and as read back: trimmed, at most 100 characters, never empty. */
export const sessionName = (x: unknown): string =>
  typeof x === 'string' && x.trim() ? x.trim().slice(0, 100).trim() : 'Untitled session';

/** Parses and checks a session file. Never throws; the error says what is wrong in plain words. */
export function decodeSession(text: string): DecodedSession {
  const bad = (why: string, values?: Record<string, string | number>): DecodedSession => ({
    ok: false,
    error: msg('file.sessionUnreadable', { why: msg(`file.${why}`, values) }),
  });
  if (typeof text !== 'string') return bad('notJson');
  if (text.length > MAX_SESSION_BYTES) return bad('tooLarge');
  let j: unknown;
  try {
    j = JSON.parse(text);
  } catch {
    return bad('notJson');
  }
  if (!isObj(j) || j.format !== SESSION_FORMAT) return bad('notSession');
  if (j.version !== SESSION_VERSION)
    return bad('version', { found: String(JSON.stringify(j.version)).slice(0, 12), wanted: SESSION_VERSION });
  if (typeof j.experiment !== 'string') return bad('noNetwork');
  // The experiment is a whole link (with its network), read by the link decoder: one codec for both.
  const link = decodeLink(j.experiment);
  if (!link.ok) {
    const why = link.notice.values?.why ?? link.notice.values?.problem;
    return why && typeof why === 'object'
      ? { ok: false, error: msg('file.sessionNetwork', { problem: why }) }
      : bad('networkDamaged');
  }
  if (!link.change.network) return bad('noNetwork');
  const exp = applyLink(defaultExperiment(), link.change);
  if (exp.problem)
    return { ok: false, error: msg('file.sessionNetwork', { problem: exp.problem.values?.problem ?? exp.problem }) };
  const { network, train } = exp.experiment;
  const problem = experimentProblem(network, train);
  if (problem) return { ok: false, error: msg('file.sessionNetwork', { problem }) };
  const sizes = weightSizes(network)!;
  const variances = varianceIndices(network);
  let point: RestorePoint | null = null;
  if (j.point !== null && j.point !== undefined) {
    const p = j.point;
    if (!isObj(p) || !isCount(p.batch) || !isCount(p.epoch) || !Array.isArray(p.weights)) return bad('weightsDamaged');
    if (p.epoch > p.batch) return bad('weightsDamaged');
    if (p.weights.length !== sizes.length) return bad('weightCount', { found: p.weights.length, wanted: sizes.length });
    const weights: Float32Array[] = [];
    for (const [i, w] of p.weights.entries()) {
      // Length is checked on the text first: base64 of n floats is 4·ceil(4n/3) characters.
      if (typeof w !== 'string' || w.length !== 4 * Math.ceil((sizes[i] * 4) / 3))
        return bad('weightSize', {
          n: i + 1,
          found: typeof w === 'string' ? Math.floor((w.length * 3) / 16) : 0,
          wanted: sizes[i],
        });
      const a = fromBase64(w);
      if (!a) return bad('weightUnreadable', { n: i + 1 });
      if (a.length !== sizes[i]) return bad('weightSize', { n: i + 1, found: a.length, wanted: sizes[i] });
      if (!a.every(Number.isFinite)) return bad('weightNaN', { n: i + 1 });
      if (variances.has(i) && a.some((v) => v < 0)) return bad('weightBadVariance', { n: i + 1 });
      weights.push(a);
    }
    point = { batch: p.batch, epoch: p.epoch, weights };
  }
  const h = checkHistory(isObj(j.history) ? j.history : {});
  if (!h.ok) return bad(h.why, h.values);
  let myDigits: MyDigit[] = [];
  if (j.myDigits !== undefined) {
    const d = decodeDigitsValue(j.myDigits);
    if (!d.ok) return { ok: false, error: msg('file.sessionUnreadable', { why: d.error }) };
    myDigits = d.digits;
  }
  const name = sessionName(j.name);
  const savedAt = typeof j.savedAt === 'string' && !Number.isNaN(Date.parse(j.savedAt)) ? j.savedAt.slice(0, 40) : '';
  return {
    ok: true,
    session: { name, savedAt, network, train, point, history: h.history, runs: decodeRuns(j.runs), myDigits },
  };
}
