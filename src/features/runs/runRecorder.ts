// Records training runs from the store: a run begins with the first batch after the metrics were cleared (Reset,
// a new network, preset or lesson) or replaced (an opened session), and is kept up to date at the worker client's
// store-write rate (≤ 2.5/s) — never per batch. Training time excludes pauses.
import { useStore, type AppState } from '../../store/store';
import { MAX_RUNS, newRun, updateRun } from '../../store/runs';
import { runEnded, runRecorded } from './actions';

export function trackRuns(now: () => number = () => performance.now()): () => void {
  let trainingSince: number | null = null;
  let trainedMs = 0;
  let examples = 0;
  let lastBatch = 0;

  const onChange = (s: AppState, prev: AppState) => {
    // Training time: only while the state is 'training'.
    if (s.status.state === 'training' && trainingSince === null) trainingSince = now();
    if (s.status.state !== 'training' && trainingSince !== null) {
      trainedMs += now() - trainingSince;
      trainingSince = null;
    }
    const m = s.metrics;
    if (m.series === prev.metrics.series && m.epochs === prev.metrics.epochs && m.markers === prev.metrics.markers)
      return;
    const { list, currentId } = s.runs;
    if (m.series.length === 0) {
      // Cleared: the run (if any) is over; the next batch starts another.
      if (currentId !== null) runEnded();
      trainedMs = 0;
      examples = 0;
      lastBatch = 0;
      return;
    }
    const seconds = (trainedMs + (trainingSince === null ? 0 : now() - trainingSince)) / 1000;
    const batch = m.series.at(-1)!.batch;
    examples += Math.max(0, batch - lastBatch) * s.config.train.batchSize;
    lastBatch = batch;
    let current = list.find((r) => r.id === currentId);
    let rest = list.filter((r) => r.id !== currentId);
    if (!current) {
      const id = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
      current = newRun(id, s.config.network, s.config.train, s.status.backend, new Date().toISOString());
      rest = list.slice(0, MAX_RUNS - 1);
    }
    const run = updateRun(current, m, seconds, examples);
    runRecorded(run, rest);
  };
  return useStore.subscribe(onChange);
}
