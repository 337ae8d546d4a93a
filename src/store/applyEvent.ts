// What each worker event does to the store, as one pure function: (state, event) → one patch. The worker client keeps
// the side effects (requests, the watchdog, throttling); store/actions.ts commits each patch in a single write.
import { msg as note } from '../model/msg';
import type { EpochSummary, WorkerEvent } from '../protocol/fromWorker';
import { unreachable } from '../protocol/transfer';
import { applySweepProgress } from './sweepRuns';
import { appendSeries, appendSnaps, emptyInsight, emptyMetrics, type AppState, type EpochResult } from './store';

/** Partial updates of some slices; applied with a shallow merge per slice. */
export type StorePatch = { [K in keyof AppState]?: Partial<AppState[K]> };

/** Merges a patch into the state (what store/actions.ts's single store write does), for tests and for chaining. */
export function merge(state: AppState, p: StorePatch): AppState {
  const out = { ...state } as Record<keyof AppState, unknown>;
  for (const k of Object.keys(p) as (keyof AppState)[]) out[k] = { ...state[k], ...p[k] };
  return out as AppState;
}

/** Several 'progress' events as one: all their points, the latest counters (the worker client throttles to this). */
export function mergeProgress(
  events: Extract<WorkerEvent, { type: 'progress' }>[],
): Extract<WorkerEvent, { type: 'progress' }> | null {
  const last = events.at(-1);
  return last ? { ...last, points: events.flatMap((e) => e.points) } : null;
}

/** An epoch's summary as the store keeps it: the extra accuracies only when measured. */
export function epochResult(e: EpochSummary): EpochResult {
  const r: EpochResult = { epoch: e.epoch, batch: e.batch, testAccuracy: e.testAccuracy, testLoss: e.testLoss };
  if (e.mineAccuracy !== undefined) r.mineAccuracy = e.mineAccuracy;
  if (e.shiftedAccuracy !== undefined) r.shiftedAccuracy = e.shiftedAccuracy;
  return r;
}

/** The store change an event makes; {} for events the store does not hold (busy, snapshots). */
export function applyEvent(state: AppState, e: WorkerEvent): StorePatch {
  switch (e.type) {
    case 'state':
      return { status: { state: e.state, ...(e.state === 'training' ? { error: null } : {}) } };
    case 'dataProgress':
      return { status: { dataProgress: e.totalBytes ? Math.round((100 * e.loadedBytes) / e.totalBytes) : 0 } };
    case 'dataReady':
      return { status: { dataProgress: 100, canRetryData: false, error: null } };
    case 'backend':
      return { status: { backend: e.backend, availableBackends: e.available, backendNote: e.note } };
    case 'error':
      return { status: { error: e.message, canRetryData: e.retryData } };
    case 'progress':
      return {
        metrics: { series: appendSeries(state.metrics.series, e.points) },
        status: {
          epoch: e.epoch,
          batch: e.batch,
          batchInEpoch: e.batchInEpoch,
          batchesPerEpoch: e.batchesPerEpoch,
          examplesPerSecond: e.examplesPerSecond,
          learningRate: e.learningRate,
          insightShare: e.insightShare,
        },
      };
    case 'epochEnd':
      return {
        metrics: {
          epochs: [...state.metrics.epochs, epochResult(e)],
        },
        status: { epoch: e.epoch },
      };
    case 'configApplied': {
      const label = e.changes.reduce((a, b) => note('change.list', { first: a, rest: b }));
      return { metrics: { markers: [...state.metrics.markers, { batch: e.batch, label, kind: 'change' }] } };
    }
    case 'diverged': {
      const label =
        e.restoredBatch === null
          ? note('marker.diverged')
          : note('marker.divergedRestored', { batch: e.restoredBatch });
      return {
        metrics: { markers: [...state.metrics.markers, { batch: e.batch, label, kind: 'diverged' }] },
        status: { error: e.message, canRetryData: false },
      };
    }
    case 'backendLost':
      return { ui: { notice: e.message } };
    case 'resetDone':
      return {
        metrics: { ...emptyMetrics },
        insight: { ...emptyInsight },
        mine: { predicted: null, evalVersion: -1, evalEpoch: 0 },
        status: { epoch: 0, batch: 0, batchInEpoch: 0, examplesPerSecond: 0, error: null },
        ui: { savedBatch: 0 },
      };
    case 'histograms':
      return {
        metrics: { histograms: e.layers, histogramEpoch: e.epoch },
        insight: { snaps: appendSnaps(state.insight.snaps, e.batch, e.layers) },
      };
    case 'weightImages':
      return { insight: { weightPictures: e.layers.map((l) => ({ ...l, values: Array.from(l.values) })) } };
    case 'confusion':
      return { insight: { confusion: e.confusion, confusionEpoch: e.epoch } };
    case 'myDigitsEval':
      return { mine: { predicted: Array.from(e.predicted), evalVersion: e.version, evalEpoch: e.epoch } };
    case 'sweepProgress':
      return applySweepProgress(state, e) ?? {};
    case 'sweepState':
      return { sweep: { state: e.state, message: e.message } };
    case 'busy':
    case 'snapshot':
      return {};
    default:
      return unreachable(e);
  }
}
