// Moving training to another backend when the GPU under it goes away (a lost WebGL context, a destroyed WebGPU
// device): the lost backend is marked broken, the model is rebuilt on the next best one from the last snapshot,
// and training goes on. Two witnesses report a loss — the backend watch and a step that fails — often both, and
// in either order; a backend is failed over from once.
import { msg as text } from '../../model/msg';
import type { FromWorker } from '../../protocol/fromWorker';
import type { BackendName } from '../../protocol/toWorker';
import type { BackendManager } from './backendManager';
import type { Runner } from '../training/runner';
import type { Trainer } from '../training/trainer';

export type FailoverDeps = {
  runner: () => Runner;
  backends: () => BackendManager;
  trainer: () => Trainer | null;
  post: (m: FromWorker) => void;
  /** Runs `job` after the messages already queued (WorkerSession's queue). */
  enqueue: (job: () => Promise<void>) => void;
};

export class Failover {
  /** Backends this worker has failed over from; not offered again, and later reports of them are ignored. */
  private readonly failedFrom = new Set<string>();

  constructor(private readonly deps: FailoverDeps) {}

  /**
   * The backend watch saw `backend`'s GPU go: the loop may be stuck on a read-back, so leave it behind. A device
   * often reports its loss after a step already failed on it and the loop moved on: a report for a backend that
   * is not the trainer's any more is old news (acting on it would mark the new one broken).
   */
  lost(reason: string, backend: string) {
    const runner = this.deps.runner();
    if (this.failedFrom.has(backend) || this.deps.trainer()?.backendName !== backend) return;
    const wasRunning = runner.running;
    runner.abandon();
    this.deps.enqueue(() => this.run(reason, wasRunning));
  }

  /** Marks the trainer's backend broken, rebuilds on the next best one from the last snapshot, goes on. */
  async run(reason: string, resume: boolean) {
    const t = this.deps.trainer();
    if (!t) return;
    const runner = this.deps.runner();
    runner.running = false;
    runner.lost = null;
    const from = t.backendName as BackendName;
    if (this.failedFrom.has(from)) return; // the watch and the loop both saw this loss
    this.failedFrom.add(from);
    this.deps.backends().markBroken(from, reason);
    const to = await this.deps.backends().switchTo();
    if (!to) return;
    const snap = t.snapshot;
    if (t.batch > 0) t.log.taint('failover');
    t.rebuild(snap ? snap.weights : null);
    this.deps.post({
      type: 'backendLost',
      from,
      to,
      restoredBatch: snap?.batch ?? null,
      message: snap
        ? text('worker.backendLost', { from, to, reason, batch: snap.batch })
        : text('worker.backendLostFresh', { from, to, reason }),
    });
    if (resume) runner.start(t);
    else this.deps.post({ type: 'state', state: 'paused' });
  }
}
