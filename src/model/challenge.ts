// A class challenge: a goal (test accuracy at least `target`) under limits (parameters, epochs), and an optional
// question each student answers before training ("predict first"). It travels in the link next to the
// experiment (`goal=0.97&maxp=120000&maxe=2&q=…`); decoding never throws. The goal's measure is here too, so the
// student's page, the hand-in code and the class board judge a run the same way.
import { msg, type Msg } from './msg';

export type Challenge = {
  /** Test accuracy to reach, a fraction in (0, 1]. */
  target: number;
  /** Most trainable parameters the network may have; 0: no limit. */
  maxParams: number;
  /** Epochs that count (training pauses there); 0: no limit. */
  maxEpochs: number;
  /** The predict-first question, free text; '' for none. */
  question: string;
};

export const MAX_QUESTION = 200;
export const MAX_EPOCH_LIMIT = 100;
export const MAX_PARAM_LIMIT = 100_000_000;

export const DEFAULT_CHALLENGE: Challenge = { target: 0.97, maxParams: 0, maxEpochs: 2, question: '' };

/** The link's keys for a challenge (urlState.ts leaves them to this module). */
export const CHALLENGE_KEYS = ['goal', 'maxp', 'maxe', 'q'] as const;

const isCount = (v: unknown, max: number) => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= max;

/** Why `c` is not a challenge the page can set, or null. */
export function challengeProblem(c: Challenge): Msg | null {
  if (!(typeof c.target === 'number' && c.target > 0 && c.target <= 1)) return msg('challenge.badTarget');
  if (!isCount(c.maxParams, MAX_PARAM_LIMIT)) return msg('challenge.badMaxParams', { max: MAX_PARAM_LIMIT });
  if (!isCount(c.maxEpochs, MAX_EPOCH_LIMIT)) return msg('challenge.badMaxEpochs', { max: MAX_EPOCH_LIMIT });
  if (typeof c.question !== 'string' || c.question.length > MAX_QUESTION)
    return msg('challenge.badQuestion', { max: MAX_QUESTION });
  return null;
}

/** Control characters and surrounding space out of a free-text field, cut to `max` characters. */
// eslint-disable-next-line no-control-regex -- removing control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
export const cleanText = (s: string, max: number): string => s.replace(CONTROL, ' ').trim().slice(0, max);

/** The challenge's part of a link, or '' for none. */
export function encodeChallenge(c: Challenge | null): string {
  if (!c) return '';
  const p = new URLSearchParams();
  p.set('goal', String(c.target));
  if (c.maxParams > 0) p.set('maxp', String(c.maxParams));
  if (c.maxEpochs > 0) p.set('maxe', String(c.maxEpochs));
  if (c.question) p.set('q', c.question);
  return p.toString();
}

export type DecodedChallenge = { ok: true; challenge: Challenge | null } | { ok: false; problem: Msg };

const DECIMAL = /^\d{1,9}(\.\d{1,6})?$/;

/** A link's hash → its challenge (null when it has none), or why it cannot be one. Never throws. */
export function decodeChallenge(hash: string): DecodedChallenge {
  try {
    const p = new URLSearchParams(hash.replace(/^#/, ''));
    const goal = p.get('goal');
    if (goal === null) {
      const stray = CHALLENGE_KEYS.find((k) => p.has(k));
      return stray ? { ok: false, problem: msg('challenge.noGoal') } : { ok: true, challenge: null };
    }
    const number = (key: string, fallback: number) => {
      const v = p.get(key);
      return v === null ? fallback : DECIMAL.test(v) ? Number(v) : NaN;
    };
    const c: Challenge = {
      target: number('goal', NaN),
      maxParams: number('maxp', 0),
      maxEpochs: number('maxe', 0),
      question: (p.get('q') ?? '').slice(0, MAX_QUESTION + 1),
    };
    const problem = challengeProblem(c);
    return problem
      ? { ok: false, problem }
      : { ok: true, challenge: { ...c, question: cleanText(c.question, MAX_QUESTION) } };
  } catch {
    return { ok: false, problem: msg('challenge.unreadable') };
  }
}

/** One ended epoch as the goal sees it. */
export type EpochAccuracy = { epoch: number; testAccuracy: number };

export type GoalResult = {
  /** Best test accuracy over the epochs that count, and the epoch it was reached at; null before any. */
  best: number | null;
  bestEpoch: number;
  /** Epochs that count: all that ended, up to the limit. */
  epochs: number;
  withinParams: boolean;
  /** The target reached within both limits. */
  met: boolean;
};

/**
 * How a run stands against the challenge: epochs beyond `maxEpochs` do not count (their accuracy is not the
 * best "within the limits"), and a network over `maxParams` meets nothing whatever it reaches.
 */
export function measureGoal(c: Challenge, epochs: readonly EpochAccuracy[], params: number): GoalResult {
  const counted = epochs.filter(
    (e) => Number.isFinite(e.testAccuracy) && (c.maxEpochs === 0 || e.epoch <= c.maxEpochs),
  );
  let best: number | null = null,
    bestEpoch = 0;
  for (const e of counted)
    if (best === null || e.testAccuracy > best) {
      best = e.testAccuracy;
      bestEpoch = e.epoch;
    }
  const withinParams = c.maxParams === 0 || params <= c.maxParams;
  return {
    best,
    bestEpoch,
    epochs: counted.length,
    withinParams,
    met: withinParams && best !== null && best >= c.target,
  };
}
