// The runs table's named actions, and the recorder's two writes (runRecorder.ts).
import { patch } from '../../store/actions';
import type { RunRecord } from '../../store/runs';
import { useStore } from '../../store/store';

/** Shows or hides run `id` on the charts. */
export function toggleOverlay(id: string) {
  const { overlay } = useStore.getState().runs;
  patch('runs', { overlay: overlay.includes(id) ? overlay.filter((x) => x !== id) : [...overlay, id] });
}

/** Renames run `id` (trimmed, at most 100 characters); an empty name changes nothing. */
export function renameRun(id: string, name: string) {
  const clean = name.trim().slice(0, 100);
  if (!clean) return;
  patch('runs', {
    list: useStore.getState().runs.list.map((x) => (x.id === id ? { ...x, name: clean, renamed: true } : x)),
  });
}

export function deleteRun(id: string) {
  const { list, overlay } = useStore.getState().runs;
  patch('runs', { list: list.filter((x) => x.id !== id), overlay: overlay.filter((x) => x !== id) });
}

/** The run being trained ended (the metrics were cleared); the next batch starts another. */
export const runEnded = () => patch('runs', { currentId: null });

/** The current run's latest record, first in the list; `rest` are the others, oldest beyond the limit dropped. */
export const runRecorded = (run: RunRecord, rest: RunRecord[]) =>
  patch('runs', { list: [run, ...rest], currentId: run.id });
