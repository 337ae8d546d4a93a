import type { AppState } from '../../store/store';

/** Trained batches that were never saved, downloaded or opened from a file: leaving now would lose them. */
export const selectUnsavedTraining = (s: AppState) => s.status.batch > s.ui.savedBatch;
