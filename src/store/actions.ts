// The store writes that follow the training worker: each event's patch (applyEvent.ts) in one write, a worker that
// was replaced or given up on, and the pad's paced predictions. The worker client (src/client) calls these; it
// writes nothing itself. Feature actions (src/features/*/actions.ts) are the only other writers.
import { msg as note, type Msg } from '../model/msg';
import type { WorkerEvent } from '../protocol/fromWorker';
import type { Answer } from '../protocol/requests';
import type { RestorePoint } from '../protocol/toWorker';
import { applyEvent, merge } from './applyEvent';
import { useStore, type AppState } from './store';

/** Shallow-merges `values` into one slice: the only generic writer, private to action modules. */
export function patch<K extends keyof AppState>(slice: K, values: Partial<AppState[K]>) {
  useStore.setState((s) => ({ [slice]: { ...s[slice], ...values } }) as Pick<AppState, K>);
}

/** An event's store change, in one write (none for events the store does not hold). */
export function commitEvent(e: WorkerEvent) {
  const p = applyEvent(useStore.getState(), e);
  if (Object.keys(p).length) useStore.setState((s) => merge(s, p));
}

/** A dead worker is being replaced and will continue from `point` (or from scratch). */
export function workerReplaced(point: RestorePoint | null) {
  const { sweep, metrics } = useStore.getState();
  // A sweep lived in the dead worker: its finished runs are kept, the rest stop where they were.
  if (sweep.state === 'running' || sweep.state === 'paused')
    patch('sweep', { state: 'cancelled', message: note('sweep.workerLost') });
  patch('ui', { notice: point ? note('worker.restartedFrom', { batch: point.batch }) : note('worker.restarted') });
  // The new worker continues from the point's counters: show those, not the dead worker's.
  patch('status', {
    state: 'loading',
    dataProgress: 0,
    batch: point?.batch ?? 0,
    epoch: point?.epoch ?? 0,
    batchInEpoch: 0,
  });
  // History after the restore point is about to be trained again: drop it so the charts stay monotonic.
  const upTo = point?.batch ?? 0;
  patch('metrics', {
    series: metrics.series.filter((p) => p.batch <= upTo),
    epochs: metrics.epochs.filter((e) => e.batch <= upTo),
    markers: metrics.markers.filter((k) => k.batch <= upTo),
  });
}

/** Workers kept dying: the page stops replacing them and says so. */
export function workerGaveUp(deaths: number) {
  patch('status', { state: 'error', error: note('worker.gaveUp', { count: deaths }), canRetryData: false });
}

/** The data is being loaded again after a failure. */
export function dataRetrying() {
  patch('status', { error: null, canRetryData: false, dataProgress: 0, state: 'loading' });
}

/** The pad's input that is being classified now (784 values in [0, 1]); null clears the pad and its prediction. */
export function predictionAsked(pixels: Float32Array | null) {
  if (!pixels) return patch('draw', { input: null, probs: null, activations: [] });
  // The same input asked again (the prediction is refreshed twice a second while training) keeps its array, so
  // what follows the drawing (the preview, "Why did it say that?") does not start over for nothing.
  const input = useStore.getState().draw.input;
  if (input && input.length === pixels.length && input.every((v, i) => v === pixels[i])) return;
  patch('draw', { input: Array.from(pixels) });
}

/** The pad's prediction arrived; a pad cleared meanwhile stays empty. */
export function predictionAnswered(a: Answer<'predict'>) {
  if (useStore.getState().draw.input === null) return;
  patch('draw', {
    probs: Array.from(a.probs),
    activations: a.activations.map((l) => ({ ...l, values: Array.from(l.values) })),
  });
}

/** A one-off message at the top of the page (dismissed by the person). */
export function notify(notice: Msg) {
  patch('ui', { notice });
}
