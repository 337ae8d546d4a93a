import { describe, expect, it } from 'vitest';
import { presetById } from './presets';
import {
  applyValue,
  bestRun,
  DEFAULT_VALUES,
  expandSweep,
  isLogSpaced,
  MAX_SWEEP_RUNS,
  nextRun,
  parseValues,
  randomValues,
  summarySeries,
  SWEEP_PARAMS,
} from './sweep';
import { DEFAULT_CONFIG } from './training';

const mlp = presetById('mlp-seed').network;

describe('sweep values', () => {
  it('parses comma lists, refuses bad values and wrong counts', () => {
    expect(parseValues('learningRate', '0.001, 0.01,0.1')).toEqual({ values: [0.001, 0.01, 0.1] });
    expect(parseValues('optimizer', 'Adam sgd')).toEqual({ values: ['adam', 'sgd'] });
    expect(parseValues('learningRate', '0.01, 0.01, 0.1')).toEqual({ values: [0.01, 0.1] }); // duplicates once
    expect(parseValues('learningRate', '0.01, -1')).toMatchObject({
      problem: { key: 'sweep.badValue', values: { value: '-1' } },
    });
    expect(parseValues('batchSize', '32, 12.5')).toMatchObject({ problem: { key: 'sweep.badValue' } });
    expect(parseValues('optimizer', 'adam, lbfgs')).toMatchObject({ problem: { key: 'sweep.badValue' } });
    // Label noise sweeps from clean labels to 80% replaced.
    expect(parseValues('labelNoise', '0, 0.2, 0.4, 0.6')).toEqual({ values: [0, 0.2, 0.4, 0.6] });
    expect(parseValues('labelNoise', '0, 0.9')).toMatchObject({ problem: { key: 'sweep.badValue' } });
    expect(parseValues('learningRate', '0.01')).toMatchObject({ problem: { key: 'sweep.valueCount' } });
    expect(parseValues('learningRate', '1,2,3,4,5,6,7,8,9')).toMatchObject({ problem: { key: 'sweep.valueCount' } });
    expect(parseValues('dropout', '0, 0.99')).toMatchObject({ problem: { key: 'sweep.badValue' } });
  });

  it('every default list is valid and makes runs that can train', () => {
    for (const param of SWEEP_PARAMS) {
      expect(parseValues(param, DEFAULT_VALUES[param].join(', '))).toEqual({ values: DEFAULT_VALUES[param] });
      expect(expandSweep(mlp, DEFAULT_CONFIG, [{ param, values: DEFAULT_VALUES[param] }])).toHaveProperty('runs');
    }
  });

  it('rates are log-spaced, optimizers and dropout are not', () => {
    expect(isLogSpaced(DEFAULT_VALUES.learningRate)).toBe(true);
    expect(isLogSpaced(DEFAULT_VALUES.optimizer)).toBe(false);
    expect(isLogSpaced(DEFAULT_VALUES.dropout)).toBe(false);
  });

  it('random search draws seeded values inside the range, log-uniformly for rates', () => {
    const a = randomValues('learningRate', 8, 1);
    expect(a).toEqual(randomValues('learningRate', 8, 1));
    expect(a).not.toEqual(randomValues('learningRate', 8, 2));
    expect(a.every((v) => v >= 1e-4 && v <= 0.1)).toBe(true);
    // Log-uniform: of many draws, about a third fall in each decade.
    const many = randomValues('learningRate', 300, 3);
    const low = many.filter((v) => v < 1e-3).length / many.length;
    expect(low).toBeGreaterThan(0.2);
    expect(low).toBeLessThan(0.45);
    expect(randomValues('batchSize', 5, 1).every(Number.isInteger)).toBe(true);
  });
});

describe('sweep runs', () => {
  it('applies each hyperparameter to the network or the config', () => {
    expect(applyValue(mlp, DEFAULT_CONFIG, { param: 'units', values: [] }, 64).network.layers[1]).toMatchObject({
      kind: 'dense',
      units: 64,
    });
    const withDropout = applyValue(mlp, DEFAULT_CONFIG, { param: 'dropout', values: [] }, 0.3).network;
    expect(withDropout.layers.map((l) => l.kind)).toEqual(['flatten', 'dense', 'dropout', 'dense']);
    const deep = presetById('mlp-deep-dropout').network;
    const changed = applyValue(deep, DEFAULT_CONFIG, { param: 'dropout', values: [] }, 0.1).network;
    expect(changed.layers.length).toBe(deep.layers.length); // an existing dropout layer changes rate
    expect(applyValue(mlp, DEFAULT_CONFIG, { param: 'optimizer', values: [] }, 'sgd').config.optimizer).toBe('sgd');
  });

  it('a grid makes one run per pair, at most 16, each without an epoch limit of its own', () => {
    const grid = expandSweep(mlp, { ...DEFAULT_CONFIG, epochLimit: 3 }, [
      { param: 'learningRate', values: [0.001, 0.01] },
      { param: 'batchSize', values: [32, 128, 512] },
    ]);
    if (!('runs' in grid)) throw new Error('expected runs');
    expect(grid.runs.map((r) => r.values)).toEqual([
      [0.001, 32],
      [0.001, 128],
      [0.001, 512],
      [0.01, 32],
      [0.01, 128],
      [0.01, 512],
    ]);
    expect(grid.runs.every((r) => r.config.epochLimit === 0)).toBe(true);
    const big = expandSweep(mlp, DEFAULT_CONFIG, [
      { param: 'learningRate', values: [1, 2, 3, 4, 5] },
      { param: 'batchSize', values: [1, 2, 3, 4] },
    ]);
    expect(big).toMatchObject({ problem: { key: 'sweep.tooMany', values: { count: 20, max: MAX_SWEEP_RUNS } } });
    expect(
      expandSweep(mlp, DEFAULT_CONFIG, [
        { param: 'trainSize', values: [100, 1000] },
        { param: 'batchSize', values: [64, 512] },
      ]),
    ).toMatchObject({ problem: { key: 'sweep.runProblem' } }); // batch 512 > 100 images
  });
});

describe('sweep scheduling', () => {
  it('interleaved runs go round-robin, skipping finished ones; sequential runs go in order', () => {
    const order: number[] = [];
    const done = [false, false, false];
    const turnsLeft = [2, 3, 1];
    for (
      let last = -1, i = nextRun(done, last, 'interleaved');
      i !== null;
      last = i, i = nextRun(done, last, 'interleaved')
    ) {
      order.push(i);
      if (--turnsLeft[i] === 0) done[i] = true;
    }
    expect(order).toEqual([0, 1, 2, 0, 1, 1]);
    expect(nextRun([true, false, false], 2, 'sequential')).toBe(1);
    expect(nextRun([true, true], 0, 'interleaved')).toBeNull();
  });

  it('the best run has the highest final accuracy, ties going to the faster', () => {
    expect(
      bestRun([
        { values: [1], finalAccuracy: 0.97, secondsTo975: null },
        { values: [2], finalAccuracy: 0.98, secondsTo975: 40 },
        { values: [3], finalAccuracy: 0.98, secondsTo975: 20 },
        { values: [4], finalAccuracy: null, secondsTo975: null },
      ]),
    ).toBe(2);
    expect(bestRun([{ values: [1], finalAccuracy: null, secondsTo975: null }])).toBeNull();
  });

  it('the summary puts optimizer names at their index and a grid into one series per second value', () => {
    const s = summarySeries(
      [
        { param: 'optimizer', values: ['sgd', 'adam'] },
        { param: 'batchSize', values: [32, 128] },
      ],
      [
        { values: ['sgd', 32], finalAccuracy: 0.9, secondsTo975: null },
        { values: ['adam', 32], finalAccuracy: 0.97, secondsTo975: null },
        { values: ['sgd', 128], finalAccuracy: 0.88, secondsTo975: null },
        { values: ['adam', 128], finalAccuracy: null, secondsTo975: null },
      ],
    );
    expect(s.map((g) => g.name)).toEqual(['32', '128']);
    expect(s[0].points.map((p) => [p.x, p.label])).toEqual([
      [0, 'sgd'],
      [1, 'adam'],
    ]);
    expect(s[1].points).toHaveLength(1);
  });
});

describe('sweep lessons', () => {
  it('each lesson with a sweep makes runs that can train, with a valid budget', async () => {
    const { LESSONS } = await import('./lessons');
    const withSweep = LESSONS.filter((l) => l.sweep);
    expect(withSweep.map((l) => l.id)).toEqual(['lr-sweep', 'batch-sweep', 'garbage-in']);
    for (const l of withSweep) {
      const plan = expandSweep(l.network, l.train, l.sweep!.axes);
      expect(plan).toHaveProperty('runs');
      expect(l.sweep!.budget.value).toBeGreaterThan(0);
    }
  });
});
