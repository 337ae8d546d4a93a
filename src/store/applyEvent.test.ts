// applyEvent: one sample of every worker event (the table below fails to compile if a kind is missing) and what
// the store looks like after it.
import { describe, expect, it } from 'vitest';
import { msg } from '../model/msg';
import type { WorkerEvent } from '../protocol/fromWorker';
import { emptyMetrics, MAX_SERIES, useStore, type AppState } from './store';
import { applyEvent, merge, mergeProgress } from './applyEvent';

const initial = (): AppState => useStore.getInitialState();
const progress = (
  batch: number,
  points = [{ batch, loss: 1 / batch, accuracy: 0.5 }],
): Extract<WorkerEvent, { type: 'progress' }> => ({
  type: 'progress',
  epoch: 0,
  batch,
  batchInEpoch: batch,
  batchesPerEpoch: 468,
  examplesPerSecond: 1000,
  learningRate: 0.003,
  insightShare: 0.01,
  points,
});
const point = { batch: 3, epoch: 0, weights: [new Float32Array(2)] };

/** One event of every kind, with what it must do to the store (or nothing). */
const samples: { [K in WorkerEvent['type']]: [Extract<WorkerEvent, { type: K }>, (s: AppState) => void] } = {
  state: [{ type: 'state', state: 'training' }, (s) => expect(s.status.state).toBe('training')],
  dataProgress: [
    { type: 'dataProgress', loadedBytes: 50, totalBytes: 200 },
    (s) => expect(s.status.dataProgress).toBe(25),
  ],
  dataReady: [
    { type: 'dataReady', trainCount: 60000, testCount: 10000 },
    (s) => expect(s.status.dataProgress).toBe(100),
  ],
  backend: [
    { type: 'backend', backend: 'wasm', available: ['wasm', 'cpu'], note: msg('x') },
    (s) => expect([s.status.backend, s.status.availableBackends]).toEqual(['wasm', ['wasm', 'cpu']]),
  ],
  error: [
    { type: 'error', message: msg('data.failed'), retryData: true },
    (s) => expect([s.status.error?.key, s.status.canRetryData]).toEqual(['data.failed', true]),
  ],
  progress: [progress(7), (s) => expect([s.status.batch, s.metrics.series.length]).toEqual([7, 1])],
  configApplied: [
    { type: 'configApplied', batch: 9, changes: [msg('a'), msg('b')] },
    (s) => expect(s.metrics.markers[0]).toMatchObject({ batch: 9, kind: 'change', label: { key: 'change.list' } }),
  ],
  diverged: [
    { type: 'diverged', batch: 12, restoredBatch: 10, testAccuracy: 0.9, message: msg('worker.diverged.restored') },
    (s) => expect([s.metrics.markers[0].kind, s.status.error?.key]).toEqual(['diverged', 'worker.diverged.restored']),
  ],
  epochEnd: [
    { type: 'epochEnd', epoch: 1, batch: 468, testAccuracy: 0.95, testLoss: 0.2, evalMs: 300, mineAccuracy: 0.7 },
    (s) =>
      expect([s.status.epoch, s.metrics.epochs[0].testAccuracy, s.metrics.epochs[0].mineAccuracy]).toEqual([
        1, 0.95, 0.7,
      ]),
  ],
  myDigitsEval: [
    { type: 'myDigitsEval', epoch: 2, version: 3, predicted: Uint8Array.from([1, 7]) },
    (s) => expect([s.mine.predicted, s.mine.evalVersion, s.mine.evalEpoch]).toEqual([[1, 7], 3, 2]),
  ],
  histograms: [
    {
      type: 'histograms',
      batch: 5,
      epoch: 0,
      layers: [
        {
          layer: 1,
          name: 'dense',
          min: -1,
          max: 1,
          counts: [1, 2],
          grads: null,
          updateRatio: null,
          deadFraction: null,
        },
      ],
    },
    (s) => expect([s.metrics.histograms.length, s.insight.snaps[1].length]).toEqual([1, 1]),
  ],
  sweepState: [
    { type: 'sweepState', state: 'cancelled', finished: 1, total: 3, message: msg('sweep.failed') },
    (s) => expect([s.sweep.state, s.sweep.message?.key]).toEqual(['cancelled', 'sweep.failed']),
  ],
  // A report for a run the page does not know (no sweep started here) changes nothing; sweepRuns.test.ts covers the
  // rest.
  sweepProgress: [
    {
      type: 'sweepProgress',
      index: 0,
      points: [{ batch: 1, loss: 2, accuracy: 0.1 }],
      epochs: [],
      batch: 1,
      epoch: 0,
      seconds: 0.1,
      examples: 128,
      examplesPerSecond: 1280,
      done: false,
      diverged: false,
    },
    (s) => expect([s.runs.list.length, s.sweep.progress]).toEqual([0, []]),
  ],
  resetDone: [
    { type: 'resetDone' },
    (s) => expect([s.metrics, s.status.batch, s.ui.savedBatch]).toEqual([emptyMetrics, 0, 0]),
  ],
  confusion: [
    { type: 'confusion', epoch: 1, confusion: new Array(100).fill(1) },
    (s) => expect(s.insight.confusionEpoch).toBe(1),
  ],
  weightImages: [
    {
      type: 'weightImages',
      batch: 1,
      layers: [{ layer: 1, name: 'dense', kind: 'dense', side: 28, count: 1, values: new Float32Array(784) }],
    },
    (s) => expect(Array.isArray(s.insight.weightPictures[0].values)).toBe(true),
  ],
  busy: [{ type: 'busy', batchMs: 0 }, () => {}],
  snapshot: [{ type: 'snapshot', point }, () => {}],
  backendLost: [
    { type: 'backendLost', from: 'webgl', to: 'wasm', restoredBatch: 3, message: msg('worker.backendLost') },
    (s) => expect(s.ui.notice?.key).toBe('worker.backendLost'),
  ],
};

describe('applyEvent', () => {
  for (const [type, [event, check]] of Object.entries(samples) as [string, [WorkerEvent, (s: AppState) => void]][]) {
    it(`applies ${type}`, () => {
      const before = initial();
      const p = applyEvent(before, event);
      check(merge(before, p));
      // Pure: the state it was given is untouched.
      expect(before).toEqual(initial());
    });
  }

  it('merges throttled progress events into one patch with every point and the latest counters', () => {
    const merged = mergeProgress([progress(1), progress(2), progress(3)])!;
    const s = merge(initial(), applyEvent(initial(), merged));
    expect(s.metrics.series.map((p) => p.batch)).toEqual([1, 2, 3]);
    expect(s.status.batch).toBe(3);
    expect(mergeProgress([])).toBeNull();
  });

  it('keeps the series bounded however long training runs', () => {
    let s = initial();
    for (let b = 1; b <= 3 * MAX_SERIES; b += 100)
      s = merge(
        s,
        applyEvent(
          s,
          progress(
            b + 99,
            Array.from({ length: 100 }, (_, i) => ({ batch: b + i, loss: 1, accuracy: 0.5 })),
          ),
        ),
      );
    expect(s.metrics.series.length).toBeLessThanOrEqual(MAX_SERIES);
    expect(s.metrics.series.at(-1)?.batch).toBe(3 * MAX_SERIES);
  });
});
