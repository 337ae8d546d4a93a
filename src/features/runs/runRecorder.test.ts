// The run recorder: a run starts with the first batch after the metrics were cleared, follows them, and ends at
// the next clear; training time counts only while training.
import { beforeEach, describe, expect, it } from 'vitest';
import { useStore } from '../../store/store';
import { patch } from '../../store/actions';
import { trackRuns } from './runRecorder';

let clock = 0;
beforeEach(() => {
  useStore.setState(useStore.getInitialState(), true);
  clock = 0;
});

const points = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => ({ batch: from + i, loss: 1, accuracy: 0.5 }));

describe('trackRuns', () => {
  it('records one run per stretch between clears, newest first, with its settings and training time', () => {
    const stop = trackRuns(() => clock);
    patch('status', { state: 'training' });
    patch('metrics', { series: points(1, 10) });
    clock = 4000;
    patch('metrics', { series: points(1, 20), epochs: [{ epoch: 1, batch: 20, testAccuracy: 0.96, testLoss: 0.1 }] });
    patch('status', { state: 'paused' });
    clock = 60_000; // paused time does not count
    let { list, currentId } = useStore.getState().runs;
    expect(list).toHaveLength(1);
    const batch = useStore.getState().config.train.batchSize;
    expect(list[0]).toMatchObject({ id: currentId, seconds: 4, examples: 20 * batch });
    expect(list[0].reached['0.95']?.epoch).toBe(1);

    // Reset: metrics cleared, the run is over; a new setting and new batches make a second run.
    patch('metrics', { series: [], epochs: [] });
    expect(useStore.getState().runs.currentId).toBeNull();
    patch('config', { train: { ...useStore.getState().config.train, learningRate: 0.01 } });
    patch('metrics', { series: points(1, 5) });
    ({ list, currentId } = useStore.getState().runs);
    expect(list).toHaveLength(2);
    expect(list[0].id).toBe(currentId);
    expect(list[0].name).toContain('lr 0.01');
    expect(list[1].series).toHaveLength(20);
    stop();
  });

  it('does not record anything before the first batch', () => {
    const stop = trackRuns(() => clock);
    patch('status', { state: 'ready' });
    patch('metrics', { markers: [] });
    expect(useStore.getState().runs.list).toHaveLength(0);
    stop();
  });
});
