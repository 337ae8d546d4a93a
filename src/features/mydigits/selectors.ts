// Derived views of my digits for the panel: the last epoch's accuracy, per-digit accuracy and the misread ones.
import type { AppState } from '../../store/store';

/** Accuracy on my digits after the last completed epoch, or null (no epoch yet, or no digits then). */
export const selectMineAccuracy = (s: AppState): number | null => s.metrics.epochs.at(-1)?.mineAccuracy ?? null;

/** The readings belong to the set as it is now (not one changed since the last epoch). */
export const selectReadingsCurrent = (s: AppState): boolean =>
  s.mine.predicted !== null && s.mine.evalVersion === s.mine.version && s.mine.predicted.length === s.mine.items.length;

/** Per label: [right, total] over my digits, from the last epoch's readings. */
export function perLabel(labels: number[], predicted: number[]): [number, number][] {
  const out: [number, number][] = Array.from({ length: 10 }, () => [0, 0]);
  labels.forEach((l, i) => {
    out[l][1]++;
    if (predicted[i] === l) out[l][0]++;
  });
  return out;
}
