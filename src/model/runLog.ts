// What shaped a training run, as the worker saw it: the network and settings it started with, every live change
// (the batch it took effect after, and the whole network and settings from then on), and the things a replay
// cannot repeat ("taints"). A hand-in code carries it, so a replay applies the same changes at the same batches.
import type { NetworkSpec } from './spec';
import type { TrainConfig } from './training';

/** Reasons a run cannot be replayed: something other than its settings and changes shaped the weights. */
export type Taint =
  | 'sweep' // a sweep ran on the same worker in the middle of the run
  | 'learningStep' // an applied learning step added its own update to the weights
  | 'session' // the weights came from an opened session or an imported model
  | 'failover' // the GPU was lost and training went on elsewhere from a saved copy
  | 'backend' // the person moved training to another backend (the optimizer's state starts over)
  | 'mine' // trained with my digits, which the replaying machine does not have
  | 'diverged' // the loss blew up and the last good weights came back with a fresh optimizer
  | 'restarted' // the worker died and a new one went on from the page's copy of the weights
  | 'tooManyChanges'; // more live changes than a code can carry
export const TAINTS: readonly Taint[] = [
  'sweep',
  'learningStep',
  'session',
  'failover',
  'backend',
  'mine',
  'diverged',
  'restarted',
  'tooManyChanges',
];
export const isTaint = (x: unknown): x is Taint => (TAINTS as readonly unknown[]).includes(x);

/** A network with its training settings: where a run starts, or what it goes on with after a change. */
export type RunSetup = { network: NetworkSpec; config: TrainConfig };

/** After training batch `batch` (counted from 1), the run went on with this network and these settings. */
export type RunChange = RunSetup & { batch: number };

/** What a replay trains: the start, the changes at their batches, and how many epochs. */
export type ReplayPlan = { start: RunSetup; changes: RunChange[]; epochs: number };

export type RunLogData = {
  start: RunSetup;
  changes: RunChange[];
  taints: Taint[];
};

/** Most live changes a log keeps; one more taints the run ('tooManyChanges'): a code has room for about this many. */
export const MAX_RUN_CHANGES = 24;

/** The log the worker's Trainer keeps for its current run (worker/training/trainer.ts). */
export class RunLog {
  private data: RunLogData;

  constructor(network: NetworkSpec, config: TrainConfig) {
    this.data = { start: { network, config }, changes: [], taints: [] };
  }

  /** A new run (fresh weights): nothing has shaped it yet. */
  begin(network: NetworkSpec, config: TrainConfig) {
    this.data = { start: { network, config }, changes: [], taints: [] };
  }

  /** The network or settings changed after `batch` batches; before the first batch it is the start that changes. */
  change(batch: number, network: NetworkSpec, config: TrainConfig) {
    if (batch === 0) return this.begin(network, config);
    const now = this.data.changes.at(-1) ?? this.data.start;
    if (JSON.stringify([now.network, now.config]) === JSON.stringify([network, config])) return;
    if (this.data.changes.length >= MAX_RUN_CHANGES) return this.taint('tooManyChanges');
    // Several messages between two batches make one change: the last wins.
    const changes = this.data.changes.filter((c) => c.batch !== batch);
    this.data = { ...this.data, changes: [...changes, { batch, network, config }] };
  }

  taint(t: Taint) {
    if (!this.data.taints.includes(t)) this.data = { ...this.data, taints: [...this.data.taints, t] };
  }

  get value(): RunLogData {
    return this.data;
  }
}
