// The hyperparameter table: every field round-trips through a link, refuses what is out of its range with its own
// message, and a link without a field means its default (or, for augmentation, "off").
import { describe, expect, it } from 'vitest';
import { configProblem, FIELD_NAMES, readFields, TRAIN_FIELDS, writeFields } from './trainFields';
import { DEFAULT_CONFIG, type TrainConfig } from './training';

const other: TrainConfig = {
  optimizer: 'rmsprop',
  learningRate: 0.0005,
  batchSize: 32,
  seed: 4294967295,
  l2: 0.001,
  schedule: 'step',
  warmup: 50,
  scheduleEpochs: 3,
  epochLimit: 7,
  trainSize: 500,
  augment: 'elastic',
  labelNoise: 0.35,
  plant: '7>1:0.3',
  removeDigit: 3,
  digitKeep: 0.1,
  testShift: 'rotate',
  testShiftAmount: 25,
  trainWithMine: true,
};
const bad: { [K in keyof TrainConfig]: TrainConfig[K][] } = {
  optimizer: ['adamw' as never, '' as never],
  learningRate: [0, -1, 1001, NaN, Infinity],
  batchSize: [0, 4097, 2.5],
  seed: [-1, 4294967296, 1.5],
  l2: [-0.1, 2],
  schedule: ['exp' as never],
  warmup: [-1, 100001, 2.5],
  scheduleEpochs: [-1, 1001, 1.5],
  epochLimit: [-1, 1001, 0.5],
  trainSize: [5, 60001, 12.5],
  augment: ['strong' as never],
  labelNoise: [-0.1, 0.81, NaN],
  plant: ['7>7:0.3', '7>1:0', '7>1:1.5', '71', 'x'],
  removeDigit: [-2, 10, 1.5],
  digitKeep: [-0.1, 1, 2],
  testShift: ['blur' as never],
  testShiftAmount: [-1, 91, 2.5],
  trainWithMine: ['yes' as never, 1 as never],
};

describe('TRAIN_FIELDS', () => {
  it('covers every hyperparameter once, with distinct URL keys', () => {
    expect([...FIELD_NAMES].sort()).toEqual((Object.keys(DEFAULT_CONFIG) as (keyof TrainConfig)[]).sort());
    const keys = FIELD_NAMES.map((n) => TRAIN_FIELDS[n].url);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('round-trips any valid config through URL parameters', () => {
    for (const c of [DEFAULT_CONFIG, other]) {
      const p = new URLSearchParams();
      writeFields(c, DEFAULT_CONFIG, p);
      expect(readFields(new URLSearchParams(p.toString()), DEFAULT_CONFIG)).toEqual(c);
    }
  });

  it('writes only the founding fields and what differs from the defaults', () => {
    const p = new URLSearchParams();
    writeFields({ ...DEFAULT_CONFIG, augment: 'off' }, DEFAULT_CONFIG, p);
    // The default's schedule, warm-up and plan are written: a link without them means what it meant before them.
    expect([...p.keys()]).toEqual(['opt', 'lr', 'bs', 'seed', 'sched', 'wu', 'se']);
    const q = new URLSearchParams();
    writeFields(
      { ...DEFAULT_CONFIG, schedule: 'constant', warmup: 0, scheduleEpochs: 0, augment: 'off' },
      DEFAULT_CONFIG,
      q,
    );
    expect([...q.keys()]).toEqual(['opt', 'lr', 'bs', 'seed']);
  });

  it('reads a missing field as its default; a missing augmentation, schedule, warm-up or plan as before them', () => {
    expect(readFields(new URLSearchParams('opt=sgd'), DEFAULT_CONFIG)).toEqual({
      ...DEFAULT_CONFIG,
      optimizer: 'sgd',
      augment: 'off',
      schedule: 'constant',
      warmup: 0,
      scheduleEpochs: 0,
    });
  });

  for (const name of FIELD_NAMES) {
    it(`refuses an out-of-range ${name} with its own message`, () => {
      for (const v of bad[name]) {
        const problem = configProblem({ ...DEFAULT_CONFIG, [name]: v });
        expect(problem?.key, `${name} = ${String(v)}`).toBe(TRAIN_FIELDS[name].problem);
      }
    });
  }

  it("checks a test change's amount in its own unit and range, and ignores it without a change", () => {
    const shifted = (testShift: TrainConfig['testShift'], testShiftAmount: number) =>
      configProblem({ ...DEFAULT_CONFIG, testShift, testShiftAmount })?.key ?? null;
    expect(shifted('rotate', 30)).toBeNull();
    expect(shifted('rotate', 0)).toBe('config.testShiftRange');
    expect(shifted('thick', 4)).toBe('config.testShiftRange');
    expect(shifted('shift', 10)).toBeNull();
    expect(shifted('none', 0)).toBeNull();
  });

  it('reads the data experiments from a link as written', () => {
    const c = readFields(
      new URLSearchParams('noise=0.3&plant=7%3E1%3A0.25&rm=5&keep=0.1&ts=thin&tsa=1&mine=1'),
      DEFAULT_CONFIG,
    );
    expect(c).toMatchObject({
      labelNoise: 0.3,
      plant: '7>1:0.25',
      removeDigit: 5,
      digitKeep: 0.1,
      testShift: 'thin',
      testShiftAmount: 1,
      trainWithMine: true,
    });
    expect(readFields(new URLSearchParams('rm=none'), DEFAULT_CONFIG).removeDigit).toBe(-1);
  });

  it('turns unreadable link values into problems, never into numbers', () => {
    const c = readFields(new URLSearchParams('lr=1e999x&bs=abc&opt=__proto__'), DEFAULT_CONFIG);
    expect(configProblem(c as TrainConfig)).not.toBeNull();
  });
});
