// Derived class-mode state: the challenge link the form builds, and whether training waits for an answer.
import { encodeChallenge } from '../../model/challenge';
import type { AppState } from '../../store/store';
import { encodeExperiment, encodeView } from '../experiment';

/**
 * The challenge link, absolute: this page's network and settings (the epoch limit at most the challenge's, so
 * training pauses there), the parts the teacher hid or locked, and the challenge. A string: selecting it
 * re-renders only when it changes.
 */
export function selectChallengeLink(s: AppState): string {
  const c = s.challenge.draft;
  const limit = s.config.train.epochLimit;
  const epochLimit = c.maxEpochs > 0 && (limit === 0 || limit > c.maxEpochs) ? c.maxEpochs : limit;
  const experiment = encodeExperiment({ network: s.config.network, train: { ...s.config.train, epochLimit } });
  const view = encodeView({ language: null, hidden: s.ui.hidden, locked: s.ui.locked });
  const base = `${window.location.origin}${window.location.pathname}`;
  return `${base}#${experiment}${view ? `&${view}` : ''}&${encodeChallenge(c)}`;
}

/** A challenge question waits for the student's prediction: Train, Step, Space and S do nothing until then. */
export const selectAwaitingAnswer = (s: AppState) =>
  s.challenge.active !== null && s.challenge.active.question !== '' && s.challenge.answer.trim() === '';

/** The prediction is fixed: training has started with it written. */
export const selectAnswerLocked = (s: AppState) => s.status.batch > 0 && s.challenge.answer.trim() !== '';
