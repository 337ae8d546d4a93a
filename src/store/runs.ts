// Runs: every training run kept, from its first batch to the next Reset / new network / opened session, with
// its settings and what it reached, so runs can be overlaid and compared (RunsPanel) and exported for notebooks.
// Pure: the run recorder (features/runs/runRecorder.ts) derives each update from the store's metrics.
import { isObj } from '../model/guards';
import Papa from 'papaparse';
import { decodeConfig, decodeNetwork } from '../model/decode';
import type { NetworkSpec } from '../model/spec';
import { presetOf } from '../model/presets';
import { inferNetwork } from '../model/shapes';
import { DEFAULT_CONFIG, type TrainConfig } from '../model/training';
import { experimentProblem } from '../model/trainFields';
import type { BatchPoint } from '../protocol/fromWorker';
import { decodeEpochResult, decodeMarker, decodePoint } from './curves';
import type { ChartMarker, EpochResult } from './store';

/** Points kept per run's loss curve (downsampled): enough for a chart, small enough to keep dozens of runs. */
export const RUN_POINTS = 300;
/** Runs kept: the oldest are dropped beyond this. */
export const MAX_RUNS = 50;
export const TARGETS = [0.95, 0.975] as const;

export type TimePoint = { batch: number; seconds: number; examples: number };

/** What the charts' x axis counts: batches trained, examples seen, epochs, or training seconds. */
export type XAxis = 'batches' | 'examples' | 'epochs' | 'seconds';
export const X_AXES: readonly XAxis[] = ['batches', 'examples', 'epochs', 'seconds'];

/** Linear interpolation of `key` over the timeline at `batch` (from 0 at batch 0; beyond the last, extrapolated). */
function along(timeline: TimePoint[], key: 'seconds' | 'examples', batch: number): number {
  let prev: TimePoint = { batch: 0, seconds: 0, examples: 0 };
  for (const p of timeline) {
    if (p.batch >= batch)
      return p.batch === prev.batch
        ? p[key]
        : prev[key] + ((batch - prev.batch) * (p[key] - prev[key])) / (p.batch - prev.batch);
    prev = p;
  }
  return prev.batch > 0 ? (prev[key] * batch) / prev.batch : 0;
}

/** A run's batch number → its x on `axis`. Epochs count the run's training set (all 60,000 when trainSize is 0). */
export function axisMapper(run: Pick<RunRecord, 'timeline' | 'config'> | null, axis: XAxis): (batch: number) => number {
  switch (axis) {
    case 'batches':
      return (b) => b;
    case 'epochs': {
      const perEpoch = Math.max(1, Math.floor((run?.config.trainSize || 60000) / (run?.config.batchSize ?? 128)));
      return (b) => b / perEpoch;
    }
    case 'examples':
      return (b) =>
        run && run.timeline.length
          ? Math.round(along(run.timeline, 'examples', b))
          : b * (run?.config.batchSize ?? 128);
    case 'seconds':
      return (b) => (run ? +along(run.timeline, 'seconds', b).toFixed(2) : 0);
  }
}

/** When a run first reached a test accuracy: epoch, examples seen and training seconds at that epoch's end. */
export type Reached = { epoch: number; examples: number; seconds: number };

export type RunRecord = {
  id: string;
  name: string;
  /** The person renamed it: automatic names no longer replace it. */
  renamed: boolean;
  network: NetworkSpec;
  params: number;
  /** The settings it started with; live changes are in `markers`. */
  config: TrainConfig;
  backend: string | null;
  startedAt: string;
  /** Seconds spent training (paused time excluded) and examples seen. */
  seconds: number;
  examples: number;
  series: BatchPoint[];
  epochs: EpochResult[];
  markers: ChartMarker[];
  /** Training seconds and examples seen at batch numbers (one sample per store write, ≤ RUN_POINTS kept). */
  timeline: TimePoint[];
  /** Per target accuracy (TARGETS, as text keys '0.95', '0.975'), when it was first reached, or null. */
  reached: Record<string, Reached | null>;
};

/** A short name from what differs from the default recipe, e.g. "mlp-seed · adam lr 0.01 b128 · aug off". */
export function runName(network: NetworkSpec, c: TrainConfig): string {
  const parts = [
    presetOf(network) ?? `custom ${inferNetwork(network).totalParams.toLocaleString('en')} params`,
    `${c.optimizer} lr ${c.learningRate} b${c.batchSize}`,
  ];
  if (c.augment !== DEFAULT_CONFIG.augment) parts.push(`aug ${c.augment}`);
  if (c.trainSize > 0) parts.push(`n ${c.trainSize}`);
  if (c.l2 > 0) parts.push(`l2 ${c.l2}`);
  const plan = c.schedule === 'cosine' && c.scheduleEpochs > 0 ? ` ${c.scheduleEpochs} ep` : '';
  if (c.schedule !== DEFAULT_CONFIG.schedule || c.scheduleEpochs !== DEFAULT_CONFIG.scheduleEpochs)
    parts.push(`${c.schedule}${plan}`);
  if (c.warmup !== DEFAULT_CONFIG.warmup) parts.push(`warm-up ${c.warmup}`);
  if (c.seed !== DEFAULT_CONFIG.seed) parts.push(`seed ${c.seed}`);
  if (c.labelNoise > 0) parts.push(`noise ${c.labelNoise}`);
  if (c.plant !== 'none') parts.push(`plant ${c.plant}`);
  if (c.removeDigit >= 0) parts.push(c.digitKeep > 0 ? `${c.removeDigit}s ×${c.digitKeep}` : `no ${c.removeDigit}s`);
  if (c.trainWithMine) parts.push('+ my digits');
  return parts.join(' · ');
}

/** Every `step`-th point and the last, so a long curve keeps its shape in `max` points. */
export function downsampleSeries<P extends { batch: number }>(points: P[], max = RUN_POINTS): P[] {
  if (points.length <= max) return points;
  const step = Math.ceil(points.length / max);
  const out = points.filter((_, i) => i % step === 0);
  if (out.at(-1) !== points.at(-1)) out.push(points.at(-1)!);
  return out;
}

export function newRun(
  id: string,
  network: NetworkSpec,
  config: TrainConfig,
  backend: string | null,
  startedAt: string,
): RunRecord {
  return {
    id,
    name: runName(network, config),
    renamed: false,
    network,
    params: inferNetwork(network).totalParams,
    config,
    backend,
    startedAt,
    seconds: 0,
    examples: 0,
    series: [],
    epochs: [],
    markers: [],
    timeline: [],
    reached: Object.fromEntries(TARGETS.map((t) => [String(t), null])),
  };
}

/** The run brought up to date with the run's metrics so far and its training time and examples. */
export function updateRun(
  run: RunRecord,
  m: { series: BatchPoint[]; epochs: EpochResult[]; markers: ChartMarker[] },
  seconds: number,
  examples: number,
): RunRecord {
  const reached = { ...run.reached };
  for (const t of TARGETS) {
    const key = String(t);
    if (reached[key]) continue;
    const e = m.epochs.find((x) => x.testAccuracy >= t);
    // Examples and seconds at that epoch's end: the run's totals when the epoch is the latest, else prorated.
    if (e)
      reached[key] = {
        epoch: e.epoch,
        examples: Math.round((examples * e.batch) / Math.max(1, m.series.at(-1)?.batch ?? e.batch)),
        seconds: +((seconds * e.batch) / Math.max(1, m.series.at(-1)?.batch ?? e.batch)).toFixed(1),
      };
  }
  const batch = m.series.at(-1)?.batch ?? 0;
  const last = run.timeline.at(-1);
  const sample = { batch, seconds: +seconds.toFixed(2), examples };
  const timeline = last && last.batch >= batch ? run.timeline : thin([...run.timeline, sample]);
  return {
    ...run,
    series: downsampleSeries(m.series),
    epochs: m.epochs,
    markers: m.markers,
    seconds: +seconds.toFixed(1),
    examples,
    reached,
    timeline,
  };
}

/** Every other sample once the timeline outgrows RUN_POINTS (the last one always kept). */
const thin = (t: TimePoint[]): TimePoint[] =>
  t.length <= RUN_POINTS ? t : t.filter((_, i) => i % 2 === 1 || i === t.length - 1);

export const bestAccuracy = (r: RunRecord): number | null =>
  r.epochs.length ? Math.max(...r.epochs.map((e) => e.testAccuracy)) : null;
export const finalAccuracy = (r: RunRecord): number | null => r.epochs.at(-1)?.testAccuracy ?? null;
/** Accuracy on my digits / on the changed test images after the run's last epoch that measured it, or null. */
export const mineAccuracyOf = (r: RunRecord): number | null =>
  r.epochs.findLast((e) => e.mineAccuracy !== undefined)?.mineAccuracy ?? null;
export const shiftedAccuracyOf = (r: RunRecord): number | null =>
  r.epochs.findLast((e) => e.shiftedAccuracy !== undefined)?.shiftedAccuracy ?? null;

const CSV_COLUMNS = [
  'run_id',
  'name',
  'network',
  'params',
  'optimizer',
  'learning_rate',
  'schedule',
  'warmup',
  'schedule_epochs',
  'batch_size',
  'seed',
  'l2',
  'augment',
  'train_size',
  'label_noise',
  'plant',
  'remove_digit',
  'digit_keep',
  'test_shift',
  'test_shift_amount',
  'train_with_my_digits',
  'backend',
  'epoch',
  'batch',
  'test_accuracy',
  'test_loss',
  'my_digits_accuracy',
  'shifted_test_accuracy',
] as const;

/**
 * One row per run and epoch (a run without an epoch yet: one row with empty epoch columns), written by
 * papaparse: cells with quotes, commas, CR or LF are quoted, and text cells that a spreadsheet would run as a
 * formula (starting with =, +, -, @, tab or CR) get a leading ' (numbers stay numbers).
 */
export function runsToCsv(runs: RunRecord[]): string {
  const rows: (string | number | null)[][] = [];
  for (const r of runs) {
    const c = r.config;
    const head = [
      r.id,
      r.name,
      presetOf(r.network) ?? 'custom',
      r.params,
      c.optimizer,
      c.learningRate,
      c.schedule,
      c.warmup,
      c.scheduleEpochs,
      c.batchSize,
      c.seed,
      c.l2,
      c.augment,
      c.trainSize,
      c.labelNoise,
      c.plant,
      c.removeDigit < 0 ? 'none' : c.removeDigit,
      c.digitKeep,
      c.testShift,
      c.testShift === 'none' ? null : c.testShiftAmount,
      c.trainWithMine ? 1 : 0,
      r.backend,
    ];
    if (r.epochs.length === 0) rows.push([...head, null, null, null, null, null, null]);
    for (const e of r.epochs)
      rows.push([
        ...head,
        e.epoch,
        e.batch,
        e.testAccuracy,
        e.testLoss,
        e.mineAccuracy ?? null,
        e.shiftedAccuracy ?? null,
      ]);
  }
  return Papa.unparse({ fields: [...CSV_COLUMNS], data: rows }, { escapeFormulae: true, newline: '\n' }) + '\n';
}

/** The runs as JSON: settings, what they reached, and one entry per epoch (curves downsampled). */
export const runsToJson = (runs: RunRecord[]): string =>
  JSON.stringify({ format: 'mnist-playground-runs', version: 1, runs }, null, 1);

const reachedOf = (x: unknown): Reached | null =>
  isObj(x) &&
  [x.epoch, x.examples, x.seconds].every((v) => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 1e15)
    ? { epoch: x.epoch as number, examples: x.examples as number, seconds: x.seconds as number }
    : null;

const finite = (v: unknown, lo: number, hi: number): v is number =>
  typeof v === 'number' && Number.isFinite(v) && v >= lo && v <= hi;
const ID = /^[\w.-]{1,64}$/;
const noneMissing = <T>(xs: (T | null)[]): xs is T[] => !xs.includes(null);

/**
 * One run from a session file or storage: a fresh record built from checked fields only. Its network and
 * settings pass the same decoders as a link's (model/decode.ts); its markers the Msg decoder. Null when damaged.
 */
export function decodeRun(r: unknown): RunRecord | null {
  if (!isObj(r) || typeof r.id !== 'string' || !ID.test(r.id) || typeof r.name !== 'string' || r.name.length > 200)
    return null;
  if (typeof r.startedAt !== 'string' || r.startedAt.length > 40) return null;
  const network = decodeNetwork(r.network);
  const config = decodeConfig(r.config);
  if (!network.ok || !config.ok || experimentProblem(network.value, config.value)) return null;
  if (!finite(r.seconds, 0, 1e9) || !finite(r.examples, 0, 1e15) || !isObj(r.reached)) return null;
  const { series, epochs, markers, timeline } = r;
  if (!Array.isArray(series) || !Array.isArray(epochs) || !Array.isArray(markers) || !Array.isArray(timeline))
    return null;
  if (
    series.length > RUN_POINTS + 1 ||
    epochs.length > 100_000 ||
    timeline.length > RUN_POINTS + 1 ||
    markers.length > 2000
  )
    return null;
  // A damaged point or epoch drops the run; a damaged marker only itself.
  const points = series.map(decodePoint);
  const results = epochs.map(decodeEpochResult);
  if (!noneMissing(points) || !noneMissing(results)) return null;
  const times: TimePoint[] = [];
  for (const p of timeline) {
    if (!isObj(p) || !finite(p.batch, 0, 1e9) || !finite(p.seconds, 0, 1e9) || !finite(p.examples, 0, 1e15))
      return null;
    times.push({ batch: p.batch, seconds: p.seconds, examples: p.examples });
  }
  const kept = markers.map(decodeMarker).filter((m): m is ChartMarker => m !== null);
  const reached = r.reached;
  return {
    id: r.id,
    name: r.name,
    renamed: r.renamed === true,
    network: network.value,
    params: inferNetwork(network.value).totalParams,
    config: config.value,
    backend: typeof r.backend === 'string' ? r.backend.slice(0, 12) : null,
    startedAt: r.startedAt,
    seconds: r.seconds,
    examples: r.examples,
    series: points,
    epochs: results,
    markers: kept,
    timeline: times,
    reached: Object.fromEntries(TARGETS.map((t) => [String(t), reachedOf(reached[String(t)])])),
  };
}

/** Runs from a session file or storage, keeping only well-formed ones (a damaged run is dropped, not fatal). */
export function decodeRuns(x: unknown): RunRecord[] {
  if (!Array.isArray(x)) return [];
  return x
    .slice(0, MAX_RUNS)
    .map(decodeRun)
    .filter((r): r is RunRecord => r !== null);
}
