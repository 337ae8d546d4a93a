import { describe, expect, it } from 'vitest';
import { guideStage, stageNumber } from './guide';

const pts = (...losses: number[]) => losses.map((loss, i) => ({ batch: i + 1, loss, accuracy: 0.1 }));

describe('first-run guide steps', () => {
  it('press Train, then watch, then learning once the loss has fallen by a quarter, then draw after an epoch', () => {
    expect(guideStage({ series: [], epochs: 0, drewAfterEpoch: false })).toBe('train');
    expect(guideStage({ series: pts(2.3, 2.2), epochs: 0, drewAfterEpoch: false })).toBe('watch');
    expect(guideStage({ series: pts(2.3, 1.8, 1.7), epochs: 0, drewAfterEpoch: false })).toBe('learning');
    expect(guideStage({ series: pts(2.3, 0.4), epochs: 1, drewAfterEpoch: false })).toBe('draw');
    expect(guideStage({ series: pts(2.3, 0.4), epochs: 1, drewAfterEpoch: true })).toBe('done');
  });
  it('a loss that rises (a rate too high) never says the network is learning', () => {
    expect(guideStage({ series: pts(2.3, 5, 9), epochs: 0, drewAfterEpoch: false })).toBe('watch');
  });
  it('numbers the three steps', () => {
    expect(['train', 'watch', 'learning', 'draw', 'done'].map((s) => stageNumber(s as never))).toEqual([1, 1, 2, 3, 3]);
  });
});
