import { chinese, english } from '../i18n/english';
import { describe, expect, it } from 'vitest';
import { COSINE_EPOCHS, COSINE_FLOOR, DEFAULT_CONFIG, describeChanges, scheduledRate } from './training';
import { configProblem } from './trainFields';

describe('learning-rate schedules', () => {
  const c = { learningRate: 0.1, epochLimit: 0, warmup: 0, scheduleEpochs: 0 };
  it('constant keeps the rate', () => expect(scheduledRate({ ...c, schedule: 'constant' }, 7.5, 3000)).toBe(0.1));
  it('step halves every two epochs', () => {
    expect(scheduledRate({ ...c, schedule: 'step' }, 1.9, 900)).toBe(0.1);
    expect(scheduledRate({ ...c, schedule: 'step' }, 2, 937)).toBe(0.05);
    expect(scheduledRate({ ...c, schedule: 'step' }, 4.5, 2000)).toBe(0.025);
  });
  it('cosine decays from the rate to its floor over the epoch limit, then holds', () => {
    const cos = { ...c, schedule: 'cosine' as const, epochLimit: 4 };
    expect(scheduledRate(cos, 0, 1)).toBeCloseTo(0.1);
    expect(scheduledRate(cos, 2, 900)).toBeCloseTo(0.1 * (COSINE_FLOOR + (1 - COSINE_FLOOR) / 2));
    expect(scheduledRate(cos, 4, 1800)).toBeCloseTo(0.1 * COSINE_FLOOR);
    expect(scheduledRate(cos, 9, 4000)).toBeCloseTo(0.1 * COSINE_FLOOR);
  });
  it('a planned cosine ignores the epoch limit; without a plan or limit it spans COSINE_EPOCHS', () => {
    const cos = { ...c, schedule: 'cosine' as const, epochLimit: 4, scheduleEpochs: 2 };
    expect(scheduledRate(cos, 1, 500)).toBeCloseTo(0.1 * (COSINE_FLOOR + (1 - COSINE_FLOOR) / 2));
    expect(scheduledRate({ ...cos, epochLimit: 0, scheduleEpochs: 0 }, COSINE_EPOCHS / 2, 500)).toBeCloseTo(
      0.1 * (COSINE_FLOOR + (1 - COSINE_FLOOR) / 2),
    );
  });
  it('the default: warm-up to the peak at step 400, half way down at epoch 1, the floor at epoch 2', () => {
    const d = DEFAULT_CONFIG;
    const perEpoch = Math.floor(60000 / d.batchSize); // 937 steps
    const at = (step: number) => scheduledRate(d, (step - 1) / perEpoch, step);
    expect(d.warmup).toBe(400);
    expect(at(1)).toBeCloseTo(d.learningRate / 400, 10); // the first step
    expect(at(200)).toBeCloseTo(0.5 * scheduledRate(d, 199 / perEpoch, 400), 10); // half way up
    // Warm-up ends: the rate is the cosine's own value there (the cosine counts from the first step).
    expect(at(400)).toBe(scheduledRate({ ...d, warmup: 0 }, 399 / perEpoch, 400));
    expect(at(400)).toBeGreaterThan(0.85 * d.learningRate);
    expect(at(perEpoch + 1)).toBeCloseTo(d.learningRate * (COSINE_FLOOR + (1 - COSINE_FLOOR) / 2), 10);
    expect(at(2 * perEpoch + 1)).toBeCloseTo(d.learningRate * COSINE_FLOOR, 10);
    expect(at(5 * perEpoch)).toBeCloseTo(d.learningRate * COSINE_FLOOR, 10);
  });
  it('warm-up applies on top of any schedule and ends at its step count', () => {
    const w = { ...c, schedule: 'constant' as const, warmup: 10 };
    [0.01, 0.05, 0.1, 0.1].forEach((r, i) => expect(scheduledRate(w, 0, [1, 5, 10, 11][i])).toBeCloseTo(r, 12));
  });
});

describe('config', () => {
  it('accepts the default and names each problem', () => {
    expect(configProblem(DEFAULT_CONFIG)).toBeNull();
    expect(english(configProblem({ ...DEFAULT_CONFIG, learningRate: 0 })!)).toMatch(/Learning rate/);
    expect(english(configProblem({ ...DEFAULT_CONFIG, batchSize: 1.5 })!)).toMatch(/Batch size/);
    expect(english(configProblem({ ...DEFAULT_CONFIG, l2: -1 })!)).toMatch(/L2/);
    expect(english(configProblem({ ...DEFAULT_CONFIG, epochLimit: -1 })!)).toMatch(/Epoch limit/);
    expect(english(configProblem({ ...DEFAULT_CONFIG, trainSize: 5 })!)).toMatch(/Training images/);
    expect(english(configProblem({ ...DEFAULT_CONFIG, augment: 'sideways' as never })!)).toBe(
      'Unknown data augmentation "sideways".',
    );
  });
  it('describes changes for chart markers', () => {
    expect(
      describeChanges(DEFAULT_CONFIG, { ...DEFAULT_CONFIG, learningRate: 0.003, optimizer: 'sgd' }).map(english),
    ).toEqual(['optimizer adam → sgd', 'learning rate 0.01 → 0.003']);
    expect(describeChanges(DEFAULT_CONFIG, { ...DEFAULT_CONFIG, warmup: 0, scheduleEpochs: 4 }).map(english)).toEqual([
      'warm-up 400 → 0 steps',
      'cosine over 2 → 4 epochs',
    ]);
    expect(describeChanges(DEFAULT_CONFIG, { ...DEFAULT_CONFIG, trainSize: 500 }).map(chinese)).toEqual([
      '训练图像数 0 → 500',
    ]);
    expect(describeChanges(DEFAULT_CONFIG, { ...DEFAULT_CONFIG, augment: 'shift' }).map(english)).toEqual([
      'augmentation affine → shift',
    ]);
  });
});
