// Class mode's two slices (features/classmode): the student's challenge and hand-in, the teacher's class board.
import { DEFAULT_CHALLENGE, type Challenge } from '../model/challenge';
import type { Msg } from '../model/msg';
import type { Taint } from '../model/runLog';
import type { Submission } from '../features/classmode';

/** Class mode, the student's side (features/classmode): the challenge of this page, the answer, the hand-in. */
export type ChallengeSlice = {
  /** The challenge this page was opened with (or a lesson set); null for none. */
  active: Challenge | null;
  /** The teacher's challenge form in the exercise-link menu, kept while the menu is closed. */
  formOpen: boolean;
  draft: Challenge;
  /** The student's prediction; while the question has none, Train and Step stay disabled. */
  answer: string;
  name: string;
  handing: boolean;
  /** The last hand-in: its code and what it says; or why it could not be made. */
  handIn: { code: string; best: number | null; met: boolean; epochs: number; taints: Taint[] } | null;
  handInError: Msg | null;
};

export const emptyChallenge: ChallengeSlice = {
  active: null,
  formOpen: false,
  draft: DEFAULT_CHALLENGE,
  answer: '',
  name: '',
  handing: false,
  handIn: null,
  handInError: null,
};

/** Verify's verdict: not checked, replaying, within the tolerance, not, or a run a replay cannot repeat. */
export type VerifyState = '' | 'running' | 'yes' | 'no' | 'unverifiable';

export type BoardEntry = {
  code: string;
  submission: Submission;
  verify: VerifyState;
  /** The replay: its accuracy per epoch, backend and seconds; share done while running. */
  replay: { accuracies: number[]; backend: string; seconds: number } | null;
  progress: number;
  /** Why a replay could not run, or what it found. */
  note: Msg | null;
};

/** Class mode, the teacher's side: the class board. */
export type BoardSlice = {
  open: boolean;
  entries: BoardEntry[];
  /** Why pasted lines were refused at the last add; null when none were. */
  error: Msg | null;
  /** Codes shown on the runs charts (their run ids). */
  shown: string[];
};

export const emptyBoard: BoardSlice = { open: false, entries: [], error: null, shown: [] };
