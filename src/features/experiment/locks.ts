// What an exercise link's locks forbid: a change to the network while 'network' is locked, or to the
// hyperparameters while 'hyper' is. Pure, so every path that changes the experiment (builder, lessons, runs,
// sweeps, sessions, imports, links) asks the same question in one place (applyExperiment in actions.ts).
import type { NetworkSpec } from '../../model/spec';
import type { TrainConfig } from '../../model/training';
import type { Part } from './urlState';

export type LockedPart = Extract<Part, 'network' | 'hyper'>;

const sameNetwork = (a: NetworkSpec, b: NetworkSpec) => JSON.stringify(a.layers) === JSON.stringify(b.layers);
const sameConfig = (a: TrainConfig, b: TrainConfig) =>
  (Object.keys(a) as (keyof TrainConfig)[]).every((k) => a[k] === b[k]);

/** The locked parts that going from `current` to `next` would change; empty when the change is allowed. */
export function lockedChanges(
  current: { network: NetworkSpec; train: TrainConfig },
  next: { network: NetworkSpec; train: TrainConfig },
  locked: readonly Part[],
): LockedPart[] {
  const out: LockedPart[] = [];
  if (locked.includes('network') && !sameNetwork(current.network, next.network)) out.push('network');
  if (locked.includes('hyper') && !sameConfig(current.train, next.train)) out.push('hyper');
  return out;
}
