// Every training hyperparameter in one table, as TensorFlow Playground's state.ts does: its URL key, its type
// and range, its default and the message when it is out of range. The table drives validation (configProblem),
// the URL hash (urlState.ts) and so the session file, which stores its experiment as a hash.
import { msg, type Msg } from './msg';
import { batchProblem, inferNetwork } from './shapes';
import type { NetworkSpec } from './spec';
import { AUGMENTS, OPTIMIZERS, parsePlant, SCHEDULES, SHIFT_AMOUNTS, TEST_SHIFTS, type TrainConfig } from './training';

type Kind<V> = {
  /** The value as written in a link. */
  format: (v: V) => string;
  /** The link's text → a value, or undefined when it cannot be one (range is checked by `valid`). */
  parse: (s: string) => V | undefined;
  valid: (v: V) => boolean;
};

/** One of a fixed list of names. */
export const oneOf = <T extends string>(values: readonly T[]): Kind<T> => ({
  format: (v) => v,
  parse: (s) => ((values as readonly string[]).includes(s) ? (s as T) : undefined),
  valid: (v) => (values as readonly string[]).includes(v),
});

const NUMBER = /^\d+(\.\d+)?(e-?\d+)?$/i;

/** A finite number in [min, max] (or (min, max] when `minExclusive`); integers only when `integer`. */
export const num = (
  min: number,
  max: number,
  opts: { integer?: boolean; minExclusive?: boolean; also?: (v: number) => boolean } = {},
): Kind<number> => ({
  format: (v) => String(v),
  parse: (s) => (NUMBER.test(s) ? Number(s) : undefined),
  valid: (v) =>
    typeof v === 'number' &&
    Number.isFinite(v) &&
    (!opts.integer || Number.isInteger(v)) &&
    (opts.minExclusive ? v > min : v >= min) &&
    v <= max &&
    (opts.also ? opts.also(v) : true),
});

/** A digit 0-9, or -1 for none (written "none"). */
const digitOrNone: Kind<number> = {
  format: (v) => (v < 0 ? 'none' : String(v)),
  parse: (s) => (s === 'none' ? -1 : /^[0-9]$/.test(s) ? Number(s) : undefined),
  valid: (v) => Number.isInteger(v) && v >= -1 && v <= 9,
};

const onOff: Kind<boolean> = {
  format: (v) => (v ? '1' : '0'),
  parse: (s) => (s === '1' ? true : s === '0' ? false : undefined),
  valid: (v) => v === true || v === false,
};

/** 'none' or a planted confusion "7>1:0.3" (model/training.ts parsePlant). */
const plantKind: Kind<string> = {
  format: (v) => v,
  parse: (s) => (s === 'none' || parsePlant(s) ? s : undefined),
  valid: (v) => typeof v === 'string' && (v === 'none' || parsePlant(v) !== null),
};

export type Field<K extends keyof TrainConfig> = {
  /** Key in the URL hash. */
  url: string;
  kind: Kind<TrainConfig[K]>;
  /** Why a value is refused (the offending value is passed as `name`). */
  problem: string;
  /** Written to links even when it equals the default (the founding fields, so old links stay readable). */
  always?: true;
  /** What a link without this key means, when not the default (links from before the field existed). */
  absent?: TrainConfig[K];
};

export type FieldTable = { [K in keyof TrainConfig]: Field<K> };

/** In the order links write them. */
export const TRAIN_FIELDS: FieldTable = {
  optimizer: { url: 'opt', kind: oneOf(OPTIMIZERS), problem: 'config.unknownOptimizer', always: true },
  // At least 1e-6: below it a step changes nothing visible, and under ~1e-45 the float32 rate is 0 (trains nothing).
  learningRate: { url: 'lr', kind: num(1e-6, 1000), problem: 'config.learningRate', always: true },
  batchSize: { url: 'bs', kind: num(1, 4096, { integer: true }), problem: 'config.batchSize', always: true },
  seed: { url: 'seed', kind: num(0, 0xffffffff, { integer: true }), problem: 'config.seed', always: true },
  l2: { url: 'l2', kind: num(0, 1), problem: 'config.l2' },
  // Absent means constant: links from before the cosine default keep their meaning.
  schedule: { url: 'sched', kind: oneOf(SCHEDULES), problem: 'config.unknownSchedule', absent: 'constant' },
  // Absent means none and the old horizon: links made before the warm-up and the plan keep their meaning.
  warmup: { url: 'wu', kind: num(0, 100000, { integer: true }), problem: 'config.warmup', absent: 0 },
  scheduleEpochs: { url: 'se', kind: num(0, 1000, { integer: true }), problem: 'config.scheduleEpochs', absent: 0 },
  epochLimit: { url: 'ep', kind: num(0, 1000, { integer: true }), problem: 'config.epochLimit' },
  // 0 means all 60,000; fewer than 10 images make no lesson.
  trainSize: {
    url: 'n',
    kind: num(0, 60000, { integer: true, also: (v) => v === 0 || v >= 10 }),
    problem: 'config.trainSize',
  },
  // Absent means off: links made before augmentation existed keep their meaning.
  augment: { url: 'aug', kind: oneOf(AUGMENTS), problem: 'config.unknownAugment', absent: 'off' },
  // The data experiments: absent means none, so every link and session from before them means what it meant.
  labelNoise: { url: 'noise', kind: num(0, 0.8), problem: 'config.labelNoise' },
  plant: { url: 'plant', kind: plantKind, problem: 'config.plant' },
  removeDigit: { url: 'rm', kind: digitOrNone, problem: 'config.removeDigit' },
  digitKeep: { url: 'keep', kind: num(0, 1, { also: (v) => v < 1 }), problem: 'config.digitKeep' },
  testShift: { url: 'ts', kind: oneOf(TEST_SHIFTS), problem: 'config.testShift' },
  testShiftAmount: { url: 'tsa', kind: num(0, 90, { integer: true }), problem: 'config.testShiftAmount' },
  trainWithMine: { url: 'mine', kind: onOff, problem: 'config.trainWithMine' },
};

export const FIELD_NAMES: readonly (keyof TrainConfig)[] = Object.keys(TRAIN_FIELDS) as (keyof TrainConfig)[];

/** Why `v` cannot be the field `name` (its row's range and message), or null. */
export function fieldProblem(name: keyof TrainConfig, v: unknown): Msg | null {
  const f = TRAIN_FIELDS[name] as Field<typeof name>;
  if ((f.kind.valid as (x: unknown) => boolean)(v)) return null;
  return msg(f.problem, { name: typeof v === 'string' || typeof v === 'number' ? String(v).slice(0, 12) : typeof v });
}

/** A readable problem with the config (the first field out of range, then the fields together), or null. */
export function configProblem(c: Readonly<Record<keyof TrainConfig, unknown>>): Msg | null {
  for (const name of FIELD_NAMES) {
    const problem = fieldProblem(name, c[name]);
    if (problem) return problem;
  }
  // An epoch needs one full batch: fewer images than the batch would read past the end of the set.
  const { trainSize, batchSize } = c as Pick<TrainConfig, 'trainSize' | 'batchSize'>; // both checked above
  if (trainSize > 0 && batchSize > trainSize)
    return msg('config.batchOverTrainSize', { batch: batchSize, n: trainSize });
  // A shift's amount is in its own unit and range (pixels or degrees); 'none' ignores it.
  const { testShift, testShiftAmount } = c as Pick<TrainConfig, 'testShift' | 'testShiftAmount'>;
  if (testShift !== 'none') {
    const r = SHIFT_AMOUNTS[testShift];
    if (testShiftAmount < r.min || testShiftAmount > r.max)
      return msg('config.testShiftRange', { shift: testShift, min: r.min, max: r.max, value: testShiftAmount });
  }
  return null;
}

/** A config whose every field is in its row's range, and whose fields fit together. */
export const isTrainConfig = (c: Readonly<Record<keyof TrainConfig, unknown>>): c is TrainConfig =>
  configProblem(c) === null;

/** URL parameters for a config: the founding fields always, the others when they differ from `defaults`. */
export function writeFields(c: TrainConfig, defaults: TrainConfig, p: URLSearchParams) {
  for (const name of FIELD_NAMES) {
    const f = TRAIN_FIELDS[name] as Field<typeof name>;
    const baseline = f.absent !== undefined ? f.absent : defaults[name];
    if (f.always || c[name] !== baseline) p.set(f.url, (f.kind.format as (x: unknown) => string)(c[name]));
  }
}

/**
 * The hyperparameters a link names. With `whole` (the link carries a network: a whole experiment), every field
 * is there: missing keys take `absent` or the default. Otherwise only the fields whose keys are present.
 * Unparseable values give NaN/'' so that the caller's range check names them.
 */
export function readFields(p: URLSearchParams, defaults: TrainConfig, whole = true): Partial<TrainConfig> {
  const out: Partial<Record<keyof TrainConfig, unknown>> = {};
  for (const name of FIELD_NAMES) {
    const f = TRAIN_FIELDS[name] as Field<typeof name>;
    const s = p.get(f.url);
    if (s === null) {
      if (whole) out[name] = f.absent !== undefined ? f.absent : defaults[name];
    } else {
      const v = f.kind.parse(s);
      out[name] = v === undefined ? (typeof defaults[name] === 'number' ? NaN : s.slice(0, 12)) : v;
    }
  }
  return out as Partial<TrainConfig>;
}

/**
 * Why this network cannot be trained with this config (network problem, config out of range, batch too big), or null.
 */
export function experimentProblem(network: NetworkSpec, train: TrainConfig): Msg | null {
  const info = inferNetwork(network);
  return info.problem ?? configProblem(train) ?? batchProblem(info, train.batchSize);
}
