// Which backend trains: the probes of every backend for the current network, the person's choice, the switch
// itself, and marking a backend broken after its GPU was lost.
import * as tf from '@tensorflow/tfjs';
import { msg as text, type Msg } from '../../model/msg';
import type { NetworkSpec } from '../../model/spec';
import type { FromWorker } from '../../protocol/fromWorker';
import { BACKENDS, type BackendChoice, type BackendName } from '../../protocol/toWorker';
import { chooseBackend, probeBackend, type Probe } from './probeBackend';
import { watchBackend } from './watchBackend';

export class BackendManager {
  choice: BackendChoice = 'auto';
  private probes: Probe[] = [];
  /** The network the probes were run for: backends are re-checked when it changes. */
  private probedFor: NetworkSpec | null = null;

  constructor(
    private readonly post: (m: FromWorker) => void,
    private readonly fail: (m: Msg) => void,
    /** Called once when the GPU under the backend in use goes away. */
    private readonly onLost: (reason: string, backend: string) => void,
    /** The backends to try, best first (tests pass ['cpu']). */
    private readonly names: readonly BackendName[] = BACKENDS,
  ) {}

  /** True when the probes were run for another network than `net` (compared by value). */
  needsProbe(net: NetworkSpec): boolean {
    return this.probedFor === null || JSON.stringify(this.probedFor) !== JSON.stringify(net);
  }

  /** Probes every backend for `net`, one at a time (tfjs has one active backend). */
  async probeAll(net: NetworkSpec): Promise<void> {
    const out: Probe[] = [];
    for (const b of this.names) {
      this.post({ type: 'busy', batchMs: 0 }); // each probe trains a step on a fresh backend, blocking on wasm/cpu
      out.push(await probeBackend(b, net));
    }
    this.probedFor = net;
    this.probes = out;
  }

  /** Switches tfjs to the best backend for `choice` and tells the page; null (and a failure posted) if none works. */
  async switchTo(choice: BackendChoice = this.choice): Promise<BackendName | null> {
    this.choice = choice;
    const pick = chooseBackend(choice, this.probes);
    if (!pick) {
      this.fail(text('worker.noBackend', { details: this.probes.map((p) => `${p.backend}: ${p.detail}`).join('; ') }));
      return null;
    }
    if (!(await tf.setBackend(pick.backend))) {
      this.fail(text('worker.backendStopped', { backend: pick.backend }));
      return null;
    }
    this.post({
      type: 'backend',
      backend: pick.backend,
      available: this.probes.filter((p) => p.ok).map((p) => p.backend),
      note: pick.note,
    });
    watchBackend(this.onLost);
    return pick.backend;
  }

  /** A backend whose GPU was lost is not offered again in this worker. */
  markBroken(name: BackendName, reason: string) {
    this.probes = this.probes.map((p) => (p.backend === name ? { ...p, ok: false, detail: reason } : p));
  }
}
