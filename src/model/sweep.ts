// Hyperparameter sweeps ("Compare…"): which values to try, the runs they make, the order runs take turns in,
// and what the results say. Pure: the worker trains the runs (worker/training/sweep.ts), the page shows them.
import { msg, type Msg } from './msg';
import { mulberry32 } from './prng';
import type { NetworkSpec } from './spec';
import { OPTIMIZERS, type OptimizerName, type TrainConfig } from './training';
import { experimentProblem, TRAIN_FIELDS } from './trainFields';

export type SweepParam =
  'learningRate' | 'batchSize' | 'optimizer' | 'units' | 'dropout' | 'l2' | 'trainSize' | 'labelNoise';
export const SWEEP_PARAMS: readonly SweepParam[] = [
  'learningRate',
  'batchSize',
  'optimizer',
  'units',
  'dropout',
  'l2',
  'trainSize',
  'labelNoise',
];
export type SweepValue = number | OptimizerName;

/** One varied hyperparameter. `layer`: the spec index of the Dense layer whose units (or the dropout after it) vary. */
export type SweepAxis = { param: SweepParam; values: SweepValue[]; layer?: number };
/** Each run trains this many epochs, or this many seconds of its own training time. */
export type SweepBudget = { kind: 'epochs' | 'seconds'; value: number };
/** Interleaved: runs take turns a slice of batches at a time, so all curves grow together; sequential: one by one. */
export type SweepOrder = 'interleaved' | 'sequential';
export type SweepRunSpec = { network: NetworkSpec; config: TrainConfig; values: SweepValue[] };

export const MIN_VALUES = 2;
export const MAX_VALUES = 8;
export const MAX_SWEEP_RUNS = 16;
export const MAX_BUDGET = { epochs: 50, seconds: 3600 } as const;

/** A sensible first list per hyperparameter (rates log-spaced). */
export const DEFAULT_VALUES: Record<SweepParam, SweepValue[]> = {
  learningRate: [0.0003, 0.001, 0.003, 0.01, 0.03],
  batchSize: [16, 64, 256, 1024],
  optimizer: ['sgd', 'momentum', 'adam', 'rmsprop'],
  units: [16, 64, 256],
  dropout: [0, 0.25, 0.5],
  l2: [0, 0.0001, 0.001, 0.01],
  trainSize: [1000, 5000, 20000, 60000],
  labelNoise: [0, 0.2, 0.4, 0.6],
};

/** Ranges for random search: log-uniform for rates and sizes, uniform for dropout. */
export const RANDOM_RANGES: Record<
  Exclude<SweepParam, 'optimizer'>,
  { lo: number; hi: number; log: boolean; integer: boolean }
> = {
  learningRate: { lo: 1e-4, hi: 0.1, log: true, integer: false },
  batchSize: { lo: 16, hi: 1024, log: true, integer: true },
  units: { lo: 8, hi: 512, log: true, integer: true },
  dropout: { lo: 0, hi: 0.7, log: false, integer: false },
  l2: { lo: 1e-5, hi: 0.01, log: true, integer: false },
  trainSize: { lo: 500, hi: 60000, log: true, integer: true },
  labelNoise: { lo: 0, hi: 0.8, log: false, integer: false },
};

/** Values that span decades read best on a log axis (every value positive, largest ≥ 10× smallest). */
export function isLogSpaced(values: SweepValue[]): boolean {
  const nums = values.filter((v): v is number => typeof v === 'number');
  return nums.length === values.length && nums.every((v) => v > 0) && Math.max(...nums) >= 10 * Math.min(...nums);
}

/** Is `v` a value this hyperparameter can take (ranges from the config table, units 1-4096, dropout [0, 0.95])? */
function validValue(param: SweepParam, v: SweepValue): boolean {
  switch (param) {
    case 'optimizer':
      return (OPTIMIZERS as readonly SweepValue[]).includes(v);
    case 'units':
      return typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 4096;
    case 'dropout':
      return typeof v === 'number' && v >= 0 && v <= 0.95;
    case 'trainSize':
      return typeof v === 'number' && TRAIN_FIELDS.trainSize.kind.valid(v) && v > 0;
    default:
      return typeof v === 'number' && TRAIN_FIELDS[param].kind.valid(v);
  }
}

/** "0.001, 0.01, 0.1" → values, or why not (2-8 distinct valid values). */
export function parseValues(param: SweepParam, text: string): { values: SweepValue[] } | { problem: Msg } {
  const parts = text
    .split(/[,;\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  const values: SweepValue[] = [];
  for (const p of parts) {
    const v: SweepValue = param === 'optimizer' ? (p.toLowerCase() as OptimizerName) : Number(p);
    if (!validValue(param, v)) return { problem: msg('sweep.badValue', { value: p.slice(0, 16) }) };
    if (!values.includes(v)) values.push(v);
  }
  if (values.length < MIN_VALUES || values.length > MAX_VALUES)
    return { problem: msg('sweep.valueCount', { min: MIN_VALUES, max: MAX_VALUES }) };
  return { values };
}

/** Spec indices of the hidden Dense layers (not the output), whose units a sweep can vary. */
export const hiddenDense = (n: NetworkSpec): number[] => {
  const dense = n.layers.flatMap((l, i) => (l.kind === 'dense' ? [i] : []));
  return dense.slice(0, -1);
};

/** The network and config with one hyperparameter set to `v`. */
export function applyValue(
  network: NetworkSpec,
  config: TrainConfig,
  axis: SweepAxis,
  v: SweepValue,
): { network: NetworkSpec; config: TrainConfig } {
  switch (axis.param) {
    case 'learningRate':
    case 'batchSize':
    case 'l2':
    case 'trainSize':
    case 'labelNoise':
      return { network, config: { ...config, [axis.param]: v as number } };
    case 'optimizer':
      return { network, config: { ...config, optimizer: v as OptimizerName } };
    case 'units': {
      const at = axis.layer ?? hiddenDense(network)[0];
      return {
        network: {
          layers: network.layers.map((l, i) => (i === at && l.kind === 'dense' ? { ...l, units: v as number } : l)),
        },
        config,
      };
    }
    case 'dropout': {
      // The first Dropout layer's rate; a network without one gets one after the chosen (or first) hidden Dense layer.
      const existing = network.layers.findIndex((l) => l.kind === 'dropout');
      if (existing >= 0)
        return {
          network: {
            layers: network.layers.map((l, i) => (i === existing ? { kind: 'dropout', rate: v as number } : l)),
          },
          config,
        };
      const after = axis.layer ?? hiddenDense(network)[0] ?? network.layers.length - 2;
      const layers = [...network.layers];
      layers.splice(after + 1, 0, { kind: 'dropout', rate: v as number });
      return { network: { layers }, config };
    }
  }
}

/**
 * Every run of the sweep: one per value, or one per pair of values for two axes (a grid). Each run trains
 * without an epoch limit of its own (the budget stops it). A problem when the grid is too large or a run could
 * not train (e.g. a batch larger than a training-set size in the same grid).
 */
export function expandSweep(
  network: NetworkSpec,
  config: TrainConfig,
  axes: SweepAxis[],
): { runs: SweepRunSpec[] } | { problem: Msg } {
  if (axes.length < 1 || axes.length > 2) return { problem: msg('sweep.axes') };
  if (axes.length === 2 && axes[0].param === axes[1].param) return { problem: msg('sweep.sameParam') };
  const count = axes.reduce((n, a) => n * a.values.length, 1);
  if (count > MAX_SWEEP_RUNS) return { problem: msg('sweep.tooMany', { count, max: MAX_SWEEP_RUNS }) };
  const combos: SweepValue[][] =
    axes.length === 1
      ? axes[0].values.map((v) => [v])
      : axes[0].values.flatMap((a) => axes[1].values.map((b) => [a, b]));
  const runs: SweepRunSpec[] = [];
  for (const values of combos) {
    let run = { network, config: { ...config, epochLimit: 0 } };
    values.forEach((v, i) => (run = applyValue(run.network, run.config, axes[i], v)));
    const problem = experimentProblem(run.network, run.config);
    if (problem) return { problem: msg('sweep.runProblem', { values: values.join(' / '), problem }) };
    runs.push({ ...run, values });
  }
  return { runs };
}

/** `n` values drawn from the hyperparameter's range (log-uniform where it spans decades), seeded, sorted. */
export function randomValues(param: Exclude<SweepParam, 'optimizer'>, n: number, seed: number): number[] {
  const r = RANDOM_RANGES[param];
  const rand = mulberry32(seed >>> 0);
  const out = new Set<number>();
  for (let tries = 0; out.size < n && tries < n * 20; tries++) {
    const u = rand();
    const raw = r.log ? Math.exp(Math.log(r.lo) + u * (Math.log(r.hi) - Math.log(r.lo))) : r.lo + u * (r.hi - r.lo);
    out.add(r.integer ? Math.round(raw) : +raw.toPrecision(2));
  }
  return [...out].sort((a, b) => a - b);
}

/**
 * Whose turn it is: interleaved runs go round-robin after `last`; sequential runs go in order. Null when all are
 * done.
 */
export function nextRun(done: boolean[], last: number, order: SweepOrder): number | null {
  const n = done.length;
  if (order === 'sequential') {
    const i = done.indexOf(false);
    return i < 0 ? null : i;
  }
  for (let k = 1; k <= n; k++) {
    const i = (((last + k) % n) + n) % n;
    if (!done[i]) return i;
  }
  return null;
}

/** How far run is through its budget, 0-1. */
export const budgetDone = (b: SweepBudget, r: { epoch: number; seconds: number }): number =>
  Math.min(1, b.kind === 'epochs' ? r.epoch / b.value : r.seconds / b.value);

export type SweepResult = {
  values: SweepValue[];
  finalAccuracy: number | null;
  secondsTo975: number | null;
  diverged?: boolean;
};

/**
 * The best run: highest final test accuracy, ties to the faster one to 97.5%. Null when no run has finished an epoch.
 */
export function bestRun(results: SweepResult[]): number | null {
  let best: number | null = null;
  results.forEach((r, i) => {
    if (r.finalAccuracy === null) return;
    const b = best === null ? null : results[best];
    if (
      !b ||
      r.finalAccuracy > b.finalAccuracy! ||
      (r.finalAccuracy === b.finalAccuracy! && (r.secondsTo975 ?? Infinity) < (b.secondsTo975 ?? Infinity))
    )
      best = i;
  });
  return best;
}

/**
 * The summary chart's points: x = the first axis's value (its index for optimizer names), one series per second-axis
 * value.
 */
export function summarySeries(
  axes: SweepAxis[],
  results: SweepResult[],
): { name: string; points: { x: number; y: number; label: string }[] }[] {
  const xOf = (v: SweepValue) => (typeof v === 'number' ? v : axes[0].values.indexOf(v));
  const groups = axes.length === 2 ? axes[1].values : [null];
  return groups.map((g) => ({
    name: g === null ? '' : String(g),
    points: results
      .filter((r) => r.finalAccuracy !== null && (g === null || r.values[1] === g))
      .map((r) => ({ x: xOf(r.values[0]), y: r.finalAccuracy!, label: String(r.values[0]) }))
      .sort((a, b) => a.x - b.x),
  }));
}
