// Hand-in codes (issue #31): what a student hands in, as one line of text a teacher can paste, and its one total
// decoder. The payload is JSON inside the checksummed envelope (model/codeEnvelope.ts); networks and settings
// travel as the app's own link text (urlState.ts), so they pass the same decoders as any link, and each live
// change as the link keys it changed. Derived facts (parameters, the best accuracy within the limits, whether
// the goal was met) are never read from a code: the board computes them from what the code holds.
import { CODE_PREFIX, MAX_CODE, unwrapCode, wrapCode } from '../../model/codeEnvelope';
import {
  challengeProblem,
  cleanText,
  MAX_QUESTION,
  measureGoal,
  type Challenge,
  type GoalResult,
} from '../../model/challenge';
import { isObj } from '../../model/guards';
import { msg, type Msg } from '../../model/msg';
import { isTaint, MAX_RUN_CHANGES, type RunChange, type RunSetup, type Taint } from '../../model/runLog';
import { inferNetwork } from '../../model/shapes';
import { BACKENDS, type BackendName } from '../../protocol/toWorker';
import { downsampleSeries } from '../../store/runs';
import { applyLink, decodeLink, defaultExperiment, encodeExperiment } from '../experiment';

export const MAX_NAME = 40;
export const MAX_ANSWER = 200;
/** Epoch results and loss-curve points a code keeps. */
export const MAX_CODE_EPOCHS = 30;
export const CODE_CURVE_POINTS = 24;

export type EpochPoint = { epoch: number; testAccuracy: number; testLoss: number };

/** One hand-in, as the board keeps it: plain data. */
export type Submission = {
  challenge: Challenge;
  name: string;
  answer: string;
  /** The run's start and its live changes (after which batch, and the whole experiment from then on). */
  start: RunSetup;
  changes: RunChange[];
  backend: BackendName;
  /** The epochs that count, consecutive; their test accuracy (4 decimals) and loss (3). */
  epochs: EpochPoint[];
  /** The training loss, downsampled: the curve the board overlays. */
  curve: { batch: number; loss: number }[];
  /** Why a replay cannot repeat the run; empty when it can. */
  taints: Taint[];
  /** When it was handed in (ISO 8601), or ''. */
  at: string;
};

/** What the board derives from a submission. */
export function summarize(s: Submission): GoalResult & { params: number } {
  const params = inferNetwork(s.start.network).totalParams;
  return { ...measureGoal(s.challenge, s.epochs, params), params };
}

const round = (v: number, digits: number) => +v.toFixed(digits);
const hashOf = (e: RunSetup) => encodeExperiment({ network: e.network, train: e.config });

/** Marks a key the change dropped (URLSearchParams writes a literal '~' as %7E, so no value is '~'). */
const DROPPED = '~';

/** "batch:keys": the link keys that differ from `prev` to `next`, a dropped key given as DROPPED. */
function changeText(batch: number, prev: RunSetup, next: RunSetup): string {
  const a = new URLSearchParams(hashOf(prev)),
    b = new URLSearchParams(hashOf(next));
  const d = new URLSearchParams();
  for (const [k, v] of b) if (a.get(k) !== v) d.set(k, v);
  for (const k of a.keys()) if (!b.has(k)) d.set(k, DROPPED);
  return `${batch}:${d.toString().replace(/%2C/g, ',')}`;
}

type Payload = {
  ch: { t: number; p: number; e: number; q: string };
  nm: string;
  an: string;
  x: string;
  /** The live changes, each "batch:changed link keys". */
  k: string[];
  be: string;
  /** The first epoch's number, then each epoch's test accuracy and loss (epochs are consecutive). */
  e0: number;
  ep: [number, number][];
  cv: [number, number][];
  u: string[];
  at: string;
};

function payloadOf(s: Submission, curvePoints: number, answerMax: number, questionMax: number): Payload {
  let prev = s.start;
  const k = s.changes.map((c) => {
    const next = { network: c.network, config: c.config };
    const text = changeText(c.batch, prev, next);
    prev = next;
    return text;
  });
  const cv = curvePoints === 0 ? [] : downsampleSeries(s.curve, curvePoints);
  return {
    ch: {
      t: s.challenge.target,
      p: s.challenge.maxParams,
      e: s.challenge.maxEpochs,
      q: s.challenge.question.slice(0, questionMax),
    },
    nm: s.name,
    an: s.answer.slice(0, answerMax),
    x: hashOf(s.start),
    k,
    be: s.backend,
    e0: s.epochs.slice(-MAX_CODE_EPOCHS)[0]?.epoch ?? 1,
    ep: s.epochs.slice(-MAX_CODE_EPOCHS).map((e) => [round(e.testAccuracy, 4), round(e.testLoss, 3)]),
    cv: cv.map((p) => [p.batch, round(p.loss, 3)]),
    u: s.taints,
    at: s.at,
  };
}

/**
 * The code for a submission, at most MAX_CODE characters: when the whole does not fit, the loss curve thins out
 * first, then the answer and the question's copy are shortened (the teacher has the question), and last the live
 * changes go (the code is then marked unverifiable). Null only for a network too long to write in a code.
 */
export function encodeSubmission(s: Submission): string | null {
  for (const [curve, answer, question] of [
    [CODE_CURVE_POINTS, MAX_ANSWER, MAX_QUESTION],
    [12, MAX_ANSWER, MAX_QUESTION],
    [0, MAX_ANSWER, 80],
    [0, 80, 0],
    [0, 0, 0],
  ]) {
    const code = wrapCode(JSON.stringify(payloadOf(s, curve, answer, question)));
    if (code.length <= MAX_CODE) return code;
  }
  // Too many live changes to carry: handed in without them, marked as a run a replay cannot repeat.
  const bare = { ...s, changes: [], taints: [...new Set([...s.taints, 'tooManyChanges' as const])] };
  const code = wrapCode(JSON.stringify(payloadOf(bare, 0, 0, 0)));
  return code.length <= MAX_CODE ? code : null;
}

export type DecodedSubmission = { ok: true; value: Submission } | { ok: false; problem: Msg };

const bad = (key: string, values?: Record<string, string | number>): DecodedSubmission => ({
  ok: false,
  problem: msg(`code.${key}`, values),
});
const isInt = (v: unknown, min: number, max: number): v is number =>
  Number.isInteger(v) && (v as number) >= min && (v as number) <= max;
const isNum = (v: unknown, min: number, max: number): v is number =>
  typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max;
const text = (v: unknown, max: number): string | null =>
  typeof v === 'string' && v.length <= max * 2 ? cleanText(v, max) : null;

/** A whole experiment from link text, or null when it does not decode or cannot train. */
function experimentOf(hash: string): RunSetup | null {
  const d = decodeLink(hash);
  if (!d.ok || d.change.network === null) return null;
  const { experiment, problem } = applyLink(defaultExperiment(), d.change);
  return problem ? null : { network: experiment.network, config: experiment.train };
}

function decodePayload(p: unknown): DecodedSubmission {
  if (!isObj(p)) return bad('notAnObject');
  const ch = p.ch;
  if (!isObj(ch)) return bad('noChallenge');
  const question = text(ch.q, MAX_QUESTION);
  const challenge: Challenge = {
    target: ch.t as number,
    maxParams: ch.p as number,
    maxEpochs: ch.e as number,
    question: question ?? '',
  };
  if (question === null || challengeProblem(challenge)) return bad('badChallenge');
  const name = text(p.nm, MAX_NAME),
    answer = text(p.an, MAX_ANSWER);
  if (name === null || answer === null) return bad('badText');
  if (typeof p.x !== 'string' || p.x.length > MAX_CODE) return bad('badExperiment');
  const start = experimentOf(p.x);
  if (!start) return bad('badExperiment');
  if (!Array.isArray(p.k) || p.k.length > MAX_RUN_CHANGES) return bad('badChanges');
  const changes: RunChange[] = [];
  let hash = new URLSearchParams(p.x),
    lastBatch = 0;
  for (const c of p.k as unknown[]) {
    const m = typeof c === 'string' && c.length <= MAX_CODE ? /^(\d{1,10}):(.*)$/.exec(c) : null;
    if (!m || !isInt(Number(m[1]), lastBatch + 1, 1e9)) return bad('badChanges');
    hash = new URLSearchParams(hash);
    const keys = new URLSearchParams(m[2]);
    if ([...keys.keys()].length > 64) return bad('badChanges');
    for (const [k, v] of keys) {
      if (v === DROPPED) hash.delete(k);
      else hash.set(k, v);
    }
    const e = experimentOf(hash.toString());
    if (!e) return bad('badChanges');
    lastBatch = Number(m[1]);
    changes.push({ batch: lastBatch, network: e.network, config: e.config });
  }
  if (!(BACKENDS as readonly unknown[]).includes(p.be)) return bad('badBackend');
  if (!Array.isArray(p.ep) || p.ep.length > MAX_CODE_EPOCHS || !isInt(p.e0, 1, 1000 - p.ep.length + 1))
    return bad('badEpochs');
  const first = p.e0;
  const pair = (e: unknown) => Array.isArray(e) && e.length === 2 && isNum(e[0], 0, 1) && isNum(e[1], 0, 1e6);
  if (!p.ep.every(pair)) return bad('badEpochs');
  const epochs: EpochPoint[] = (p.ep as [number, number][]).map(([a, l], i) => ({
    epoch: first + i,
    testAccuracy: a,
    testLoss: l,
  }));
  if (!Array.isArray(p.cv) || p.cv.length > CODE_CURVE_POINTS + 1) return bad('badCurve');
  const curve: Submission['curve'] = [];
  for (const c of p.cv as unknown[]) {
    const prev = curve.at(-1)?.batch ?? 0;
    if (!Array.isArray(c) || c.length !== 2 || !isInt(c[0], prev + 1, 1e9) || !isNum(c[1], 0, 1e6))
      return bad('badCurve');
    curve.push({ batch: c[0], loss: c[1] });
  }
  if (!Array.isArray(p.u) || p.u.length > 16 || !p.u.every(isTaint)) return bad('badTaints');
  const taints = [...new Set(p.u as Taint[])];
  const at = typeof p.at === 'string' && p.at.length <= 40 && !Number.isNaN(Date.parse(p.at)) ? p.at : '';
  return {
    ok: true,
    value: { challenge, name, answer, start, changes, backend: p.be as BackendName, epochs, curve, taints, at },
  };
}

/** A pasted line → a submission, or why it is refused. Never throws. */
export function decodeSubmission(code: string): DecodedSubmission {
  try {
    const u = unwrapCode(code);
    if (!u.ok) {
      if (u.why === 'tooLong') return bad('tooLong', { max: MAX_CODE });
      if (u.why === 'checksum') return bad('checksum');
      return bad(code.trim().startsWith(`${CODE_PREFIX}.`) ? 'damaged' : 'notACode');
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(u.json);
    } catch {
      return bad('damaged');
    }
    return decodePayload(parsed);
  } catch {
    return bad('damaged');
  }
}
