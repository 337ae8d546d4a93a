import { describe, expect, it } from 'vitest';
import { presetById } from '../model/presets';
import { bestRun, expandSweep, summarySeries, type SweepAxis } from '../model/sweep';
import { DEFAULT_CONFIG } from '../model/training';
import { applySweepProgress, sweepEta, sweepRecords, sweepResults } from './sweepRuns';
import { idleSweep, useStore, type AppState } from './store';

const axes: SweepAxis[] = [{ param: 'learningRate', values: [0.001, 0.01, 0.1] }];
const network = presetById('mlp-seed').network;

function started(): AppState {
  const plan = expandSweep(network, { ...DEFAULT_CONFIG, batchSize: 128 }, axes); // 468 batches an epoch
  if (!('runs' in plan)) throw new Error('plan');
  const records = sweepRecords(axes, plan.runs, 'cpu', '2026-12-02T00:00:00Z', (i) => `s${i}`);
  const s = useStore.getInitialState();
  return {
    ...s,
    runs: { list: records, currentId: null, overlay: records.map((r) => r.id) },
    sweep: {
      ...idleSweep,
      state: 'running',
      axes,
      budget: { kind: 'epochs', value: 2 },
      runIds: records.map((r) => r.id),
      runValues: plan.runs.map((r) => r.values),
      progress: [0, 0, 0],
      done: [false, false, false],
      startedAt: 1000,
    },
  };
}

const report = (index: number, batch: number, epochs: { epoch: number; testAccuracy: number }[], done: boolean) => ({
  type: 'sweepProgress' as const,
  index,
  points: [{ batch, loss: 1, accuracy: 0.5 }],
  epochs: epochs.map((e) => ({ ...e, batch, testLoss: 0.3 })),
  batch,
  epoch: epochs.at(-1)?.epoch ?? 0,
  seconds: batch / 10,
  examples: batch * 128,
  examplesPerSecond: 1280,
  done,
  diverged: false,
});

describe('sweep runs in the store', () => {
  it('names each run from its value and extends the right record', () => {
    let s = started();
    expect(s.runs.list.map((r) => r.name)).toEqual(['sweep · lr 0.001', 'sweep · lr 0.01', 'sweep · lr 0.1']);
    s = { ...s, ...applySweepProgress(s, report(1, 468, [{ epoch: 1, testAccuracy: 0.96 }], false))! };
    const r1 = s.runs.list.find((r) => r.id === 's1')!;
    expect([r1.series.length, r1.epochs.length, r1.examples]).toEqual([1, 1, 468 * 128]);
    expect(s.sweep.progress).toEqual([0, 0.5, 0]);
    expect(s.sweep.current).toBe(1);
    expect(s.runs.list.find((r) => r.id === 's0')!.series).toEqual([]);
  });

  it('results, the best run and the summary chart follow the reports', () => {
    let s = started();
    s = { ...s, ...applySweepProgress(s, report(0, 936, [{ epoch: 2, testAccuracy: 0.95 }], true))! };
    s = { ...s, ...applySweepProgress(s, report(1, 936, [{ epoch: 2, testAccuracy: 0.975 }], true))! };
    const results = sweepResults(s.sweep, s.runs.list);
    expect(results.map((r) => r.finalAccuracy)).toEqual([0.95, 0.975, null]);
    expect(bestRun(results)).toBe(1);
    expect(summarySeries(axes, results)[0].points.map((p) => [p.x, p.y])).toEqual([
      [0.001, 0.95],
      [0.01, 0.975],
    ]);
    expect(s.sweep.done).toEqual([true, true, false]);
    // A run whose loss blew up is marked as diverged on its record and in the results.
    s = { ...s, ...applySweepProgress(s, { ...report(2, 5, [], true), diverged: true })! };
    expect(s.runs.list.find((r) => r.id === 's2')!.markers).toMatchObject([{ batch: 5, kind: 'diverged' }]);
    expect(sweepResults(s.sweep, s.runs.list)[2]).toMatchObject({ finalAccuracy: null, diverged: true });
  });

  it('estimates the time left from the share of budgets done', () => {
    const s = { ...started().sweep, progress: [1, 0.5, 0] };
    expect(sweepEta(s, 1000 + 30_000)).toBe(30); // half done in 30 s
    expect(sweepEta({ ...s, progress: [0, 0, 0] }, 5000)).toBeNull();
  });
});
