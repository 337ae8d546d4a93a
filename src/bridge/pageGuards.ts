// Leaving or replacing the page must not lose training: the browser asks before closing a tab whose training
// is not saved, and a new version of the app waits for the person's "reload" (bridge/offline.ts) instead of
// reloading under a run.
import { useStore } from '../store/store';

/** True when there are trained batches that were never saved, downloaded or opened from a file. */
export function hasUnsavedTraining(): boolean {
  const { status, ui } = useStore.getState();
  return status.batch > ui.savedBatch;
}

export function guardUnsavedTraining() {
  window.addEventListener('beforeunload', (e) => {
    if (!hasUnsavedTraining()) return;
    // Browsers show their own wording; both calls are needed for all of them to ask.
    e.preventDefault();
    e.returnValue = '';
  });
}
