// The first-run guide's steps, from what has happened on the page. Pure, so each transition is unit-tested.
import type { BatchPoint } from '../../protocol/fromWorker';

/**
 * 'train': press Train; 'watch': training started, the loss has not fallen yet; 'learning': it has; 'draw': an epoch
 * is done.
 */
export type GuideStage = 'train' | 'watch' | 'learning' | 'draw' | 'done';
export const GUIDE_STAGES: readonly GuideStage[] = ['train', 'watch', 'learning', 'draw', 'done'];

/** How far the smoothed loss must fall below its first value before the guide says the network is learning. */
export const LEARNING_DROP = 0.25;

export function guideStage(s: { series: BatchPoint[]; epochs: number; drewAfterEpoch: boolean }): GuideStage {
  if (s.epochs >= 1) return s.drewAfterEpoch ? 'done' : 'draw';
  if (s.series.length === 0) return 'train';
  const first = s.series[0].loss,
    last = s.series[s.series.length - 1].loss;
  return last <= first * (1 - LEARNING_DROP) ? 'learning' : 'watch';
}

/** The guide's numbered step (1-3) for a GuideStage. */
export const stageNumber = (g: GuideStage): number => (g === 'train' || g === 'watch' ? 1 : g === 'learning' ? 2 : 3);
