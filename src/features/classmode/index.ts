// Class mode: challenge links with a predict-first question, hand-in codes, and the class board that verifies
// them by replaying (issue #31). No server: everything travels in links, codes and files.
import { lazy } from 'react';

export { default as ChallengeForm } from './ChallengeForm';
export { default as ChallengeBanner } from './ChallengeBanner';
export { default as BoardButton } from './BoardButton';
export const ClassBoard = lazy(() => import('./ClassBoard'));
export { setActiveChallenge, startLessonChallenge } from './actions';
export { selectAwaitingAnswer } from './selectors';
export type { Submission } from './resultCode';
