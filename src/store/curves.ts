// Decoders for the pieces of a training history that sessions and runs both carry: loss-curve points, epoch
// results and chart markers. One definition of each, so a session's history and a run's curves agree on what
// a valid point is. Pure; each returns a fresh value or null and never throws.
import { isObj } from '../model/guards';
import { decodeMsg, msg } from '../model/msg';
import type { BatchPoint } from '../protocol/fromWorker';
import type { ChartMarker, EpochResult } from './store';

/** Counters beyond this are not from a real run (a million batches a day for three years) and near float limits. */
export const MAX_COUNTER = 1e9;

/** A counter: a whole number from 0 to MAX_COUNTER (so `batch++` always changes it). */
export const isCount = (x: unknown): x is number =>
  Number.isInteger(x) && (x as number) >= 0 && (x as number) <= MAX_COUNTER;
export const isFiniteIn = (x: unknown, lo: number, hi: number): x is number =>
  typeof x === 'number' && Number.isFinite(x) && x >= lo && x <= hi;

/**
 * A loss-curve point: smoothed cross-entropy finite and not absurd (the loop stops far below 1e6), accuracy a
 * fraction.
 */
export function decodePoint(x: unknown): BatchPoint | null {
  if (!isObj(x) || !isCount(x.batch) || !isFiniteIn(x.loss, 0, 1e6) || !isFiniteIn(x.accuracy, 0, 1)) return null;
  return { batch: x.batch, loss: x.loss, accuracy: x.accuracy };
}

/** One epoch's result on the test set. */
export function decodeEpochResult(x: unknown): EpochResult | null {
  if (
    !isObj(x) ||
    !isCount(x.epoch) ||
    !isCount(x.batch) ||
    !isFiniteIn(x.testAccuracy, 0, 1) ||
    !isFiniteIn(x.testLoss, 0, 1e6)
  )
    return null;
  const r: EpochResult = { epoch: x.epoch, batch: x.batch, testAccuracy: x.testAccuracy, testLoss: x.testLoss };
  // Files from before my digits and the changed test set have neither; a damaged one drops the epoch.
  for (const k of ['mineAccuracy', 'shiftedAccuracy'] as const) {
    if (x[k] === undefined) continue;
    if (!isFiniteIn(x[k], 0, 1)) return null;
    r[k] = x[k];
  }
  return r;
}

/** A chart marker; files from before translation carry labels as English text (≤ 1,000 characters). */
export function decodeMarker(x: unknown): ChartMarker | null {
  if (!isObj(x) || !isCount(x.batch)) return null;
  const label =
    typeof x.label === 'string' && x.label.length <= 1000 ? msg('text', { text: x.label }) : decodeMsg(x.label);
  return label && { batch: x.batch, label, kind: x.kind === 'diverged' ? 'diverged' : 'change' };
}
