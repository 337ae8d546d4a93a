import { chinese, english } from '../i18n/english';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, describeChanges, scheduledRate } from './training';
import { configProblem } from './trainFields';

describe('learning-rate schedules', () => {
  const c = { learningRate: 0.1, epochLimit: 0 };
  it('constant keeps the rate', () => expect(scheduledRate({ ...c, schedule: 'constant' }, 7.5)).toBe(0.1));
  it('step halves every two epochs', () => {
    expect(scheduledRate({ ...c, schedule: 'step' }, 1.9)).toBe(0.1);
    expect(scheduledRate({ ...c, schedule: 'step' }, 2)).toBe(0.05);
    expect(scheduledRate({ ...c, schedule: 'step' }, 4.5)).toBe(0.025);
  });
  it('cosine decays from the rate to zero over the epoch limit', () => {
    const cos = { learningRate: 0.1, schedule: 'cosine' as const, epochLimit: 4 };
    expect(scheduledRate(cos, 0)).toBeCloseTo(0.1);
    expect(scheduledRate(cos, 2)).toBeCloseTo(0.05);
    expect(scheduledRate(cos, 4)).toBeCloseTo(0);
    expect(scheduledRate(cos, 9)).toBeCloseTo(0);
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
      describeChanges(DEFAULT_CONFIG, { ...DEFAULT_CONFIG, learningRate: 0.01, optimizer: 'sgd' }).map(english),
    ).toEqual(['optimizer adam → sgd', 'learning rate 0.003 → 0.01']);
    expect(describeChanges(DEFAULT_CONFIG, { ...DEFAULT_CONFIG, trainSize: 500 }).map(chinese)).toEqual([
      '训练图像数 0 → 500',
    ]);
    expect(describeChanges(DEFAULT_CONFIG, { ...DEFAULT_CONFIG, augment: 'shift' }).map(english)).toEqual([
      'augmentation affine → shift',
    ]);
  });
});
