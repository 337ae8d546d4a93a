// A sweep's runs in the store: the records it starts with, how each worker report updates them, and the
// results view's numbers. Pure (the worker client sends and commits; applyEvent calls these).
import { msg } from '../model/msg';
import { budgetDone, type SweepAxis, type SweepResult, type SweepRunSpec, type SweepValue } from '../model/sweep';
import type { FromWorker } from '../protocol/fromWorker';
import { finalAccuracy, newRun, updateRun, type RunRecord } from './runs';
import type { AppState, SweepSlice } from './store';

const SHORT: Record<SweepAxis['param'], string> = {
  learningRate: 'lr',
  batchSize: 'batch',
  optimizer: 'opt',
  units: 'units',
  dropout: 'dropout',
  l2: 'l2',
  trainSize: 'n',
  labelNoise: 'noise',
};

/** "sweep · lr 0.01" or, for a grid, "sweep · lr 0.01 · batch 64". */
export const sweepRunName = (axes: SweepAxis[], values: SweepValue[]) =>
  ['sweep', ...axes.map((a, i) => `${SHORT[a.param]} ${values[i]}`)].join(' · ');

/** One fresh record per run, with ids made by `id(i)`. */
export function sweepRecords(
  axes: SweepAxis[],
  runs: SweepRunSpec[],
  backend: string | null,
  now: string,
  id: (i: number) => string,
): RunRecord[] {
  return runs.map((r, i) => ({
    ...newRun(id(i), r.network, r.config, backend, now),
    name: sweepRunName(axes, r.values),
  }));
}

type Progress = Extract<FromWorker, { type: 'sweepProgress' }>;

/** The store after run `e.index` reported: its record extended, the sweep's progress moved on. */
export function applySweepProgress(state: AppState, e: Progress): Pick<AppState, 'runs' | 'sweep'> | null {
  const sweep = state.sweep;
  const id = sweep.runIds[e.index];
  const run = state.runs.list.find((r) => r.id === id);
  if (!run) return null;
  const markers = e.diverged
    ? [...run.markers, { batch: e.batch, label: msg('marker.diverged'), kind: 'diverged' as const }]
    : run.markers;
  const updated = updateRun(
    run,
    { series: [...run.series, ...e.points], epochs: [...run.epochs, ...e.epochs], markers },
    e.seconds,
    e.examples,
  );
  const progress = [...sweep.progress];
  // Epochs as a fraction (batches over batches per epoch), so progress moves within an epoch too.
  const perEpoch = Math.max(1, Math.floor((run.config.trainSize || 60000) / run.config.batchSize));
  progress[e.index] = e.done ? 1 : budgetDone(sweep.budget, { epoch: e.batch / perEpoch, seconds: e.seconds });
  const done = [...sweep.done];
  done[e.index] = e.done;
  return {
    runs: { ...state.runs, list: state.runs.list.map((r) => (r.id === id ? updated : r)) },
    sweep: { ...sweep, progress, done, current: e.index },
  };
}

/** Each run's values and results, in sweep order (null accuracy before its first evaluation). */
export function sweepResults(sweep: SweepSlice, runs: RunRecord[]): SweepResult[] {
  return sweep.runIds.map((id, i) => {
    const r = runs.find((x) => x.id === id);
    return {
      values: sweep.runValues[i],
      finalAccuracy: r ? finalAccuracy(r) : null,
      secondsTo975: r?.reached['0.975']?.seconds ?? null,
      diverged: r ? r.markers.some((m) => m.kind === 'diverged') : false,
    };
  });
}

/** Seconds left, from the sweep's wall time so far and the share of all budgets done; null until there is a rate. */
export function sweepEta(sweep: SweepSlice, nowMs: number): number | null {
  const total = sweep.progress.length;
  if (!total) return null;
  const doneShare = sweep.progress.reduce((a, b) => a + b, 0) / total;
  const elapsed = (nowMs - sweep.startedAt) / 1000;
  if (doneShare <= 0.01 || elapsed <= 0) return null;
  return Math.max(0, Math.round((elapsed * (1 - doneShare)) / doneShare));
}
