// Replaying a hand-in: the run's network and settings from its seed, trained the way the training loop trains
// (runner.ts: a batch, and at an epoch's end the next epoch's order and an evaluation on all 10,000 test images),
// with each logged live change applied after the batch it followed. On the backend the run used this repeats it
// exactly; on another, float rounding differs and the results drift a little (see the board's tolerance).
import { onlyDropoutDiffers } from '../../model/layers';
import type { ReplayPlan } from '../../model/runLog';
import { experimentProblem } from '../../model/trainFields';
import type { Mnist } from '../data/dataset';
import { Trainer } from '../training/trainer';

/** Why the plan cannot be replayed (a network or change it cannot train, changes out of order), or null. */
export function planProblem(p: ReplayPlan): string | null {
  if (experimentProblem(p.start.network, p.start.config)) return 'the network or settings cannot train';
  let prev = p.start.network;
  for (const [i, c] of p.changes.entries()) {
    if (i > 0 && c.batch <= p.changes[i - 1].batch) return 'changes out of order';
    if (experimentProblem(c.network, c.config)) return `change ${i + 1} cannot train`;
    if (JSON.stringify(prev) !== JSON.stringify(c.network) && !onlyDropoutDiffers(prev, c.network))
      return `change ${i + 1} changes more of the network than dropout`;
    prev = c.network;
  }
  return null;
}

/** Trains the plan; returns the test accuracy after each epoch. `onProgress` gets the share of batches done. */
export async function replayRun(
  data: Mnist,
  plan: ReplayPlan,
  onProgress: (share: number) => void = () => {},
): Promise<number[]> {
  const problem = planProblem(plan);
  if (problem) throw new Error(problem);
  const t = new Trainer(data, plan.start.network, plan.start.config);
  const accuracies: number[] = [];
  let next = 0;
  try {
    while (t.epoch < plan.epochs) {
      // A change logged after batch b took effect before batch b + 1, as the training loop applies messages.
      while (next < plan.changes.length && plan.changes[next].batch <= t.batch) {
        const c = plan.changes[next++];
        if (JSON.stringify(c.network) !== JSON.stringify(t.network))
          t.setDropoutRates(c.network.layers.map((l) => (l.kind === 'dropout' ? l.rate : null)));
        if (JSON.stringify(c.config) !== JSON.stringify(t.config)) t.setConfig(c.config);
      }
      t.trainBatch();
      if (t.pendingCount >= 64) await t.drainPoints(); // the loss read-back, as the loop does it
      if (t.epochDone) {
        await t.drainPoints();
        t.nextEpoch();
        accuracies.push((await t.evaluate()).accuracy);
      }
      if (t.batch % 20 === 0)
        onProgress(Math.min(1, (t.epoch + t.batchInEpoch / Math.max(1, t.batchesPerEpoch)) / plan.epochs));
    }
    return accuracies;
  } finally {
    t.dispose();
  }
}
