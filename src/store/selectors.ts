// Derived values that several features read, written once: whether a model is there to ask, and the digit the
// pad's drawing is read as, with how sure the network is.
import { argMax } from '../model/argMax';
import type { AppState } from './store';

/** The digit the network reads in the drawing, or -1 with nothing drawn or no answer yet. */
export const selectPredictedDigit = (s: AppState) => (s.draw.input && s.draw.probs ? argMax(s.draw.probs) : -1);

/** The probability of the predicted digit (0-1), or 0 with no prediction. */
export const selectConfidence = (s: AppState) => {
  const d = selectPredictedDigit(s);
  return d < 0 ? 0 : s.draw.probs![d];
};

/** A model exists to ask (predict, sample, save, the learning step): not while loading or after a failure. */
export const selectModelReady = (s: AppState) => s.status.state !== 'loading' && s.status.state !== 'error';
