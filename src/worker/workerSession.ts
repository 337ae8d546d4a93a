// What the training worker does with each message: loads the data, picks backends, owns the trainer, carries out
// commands (protocol/toWorker.ts) and answers every request (protocol/requests.ts, handlers in requestHandlers.ts).
// A class that is handed `post`, so it runs in a unit test without a Worker; trainer.worker.ts only connects it to
// `self`. The training loop itself is training/runner.ts.
import { errorText } from '../model/guards';
import { dropoutChanges, onlyDropoutDiffers } from '../model/layers';
import { msg as text, type Msg } from '../model/msg';
import type { NetworkSpec } from '../model/spec';
import { describeChanges, type TrainConfig } from '../model/training';
import { configProblem, experimentProblem } from '../model/trainFields';
import type { FromWorker } from '../protocol/fromWorker';
import type { RequestOf, WorkerReply, WorkerRequest } from '../protocol/requests';
import {
  BACKENDS,
  PROTOCOL_VERSION,
  type BackendChoice,
  type BackendName,
  type RestorePoint,
  type WorkerCommand,
} from '../protocol/toWorker';
import { isToWorker, unreachable } from '../protocol/transfer';
import { BackendManager } from './backends/backendManager';
import { loseBackend } from './backends/watchBackend';
import { Failover } from './backends/failover';
import { StepLab } from './learning/stepLab';
import { HiddenMapper } from './learning/hiddenMapper';
import { Refused } from './refused';
import { DataError, loadMnist, type Mnist } from './data/dataset';
import { requestHandlers } from './requestHandlers';
import { Runner } from './training/runner';
import { Sweep } from './training/sweep';
import { Trainer } from './training/trainer';
import { MineSet } from './data/mineSet';

const workerError = (err: unknown) => text('worker.error', { detail: errorText(err) });

/** What the session needs from outside, replaceable in tests. */
export type WorkerDeps = { loadData: typeof loadMnist; backends: readonly BackendName[] };

export class WorkerSession {
  private dataUrl = '';
  private network: NetworkSpec | null = null;
  private config: TrainConfig | null = null;
  private data: Mnist | null = null;
  private trainer: Trainer | null = null;
  /** Weights from a worker that died, applied once the model is built. */
  private restore: RestorePoint | null = null;
  /** Messages run one after another, so a Reset or a backend switch never interleaves with a Step. */
  private queue: Promise<void> = Promise.resolve();
  /** The learning-step view's copy of the weights and its last step. */
  private readonly lab = new StepLab();
  private readonly mapper = new HiddenMapper();
  private readonly runner: Runner;
  /** The sweep being trained (or paused), beside the person's own model; null when none. */
  private sweep: Sweep | null = null;
  private readonly backends: BackendManager;
  /** My digits, shared by the person's trainer and a sweep's. */
  private readonly mine = new MineSet();

  constructor(
    private readonly post: (m: FromWorker) => void,
    private readonly deps: WorkerDeps = { loadData: loadMnist, backends: BACKENDS },
  ) {
    const failover = new Failover({
      runner: () => this.runner,
      backends: () => this.backends,
      trainer: () => this.trainer,
      post,
      enqueue: (job) => (this.queue = this.queue.then(job)),
    });
    this.runner = new Runner(
      post,
      (m) => this.fail(m),
      (reason, resume) => failover.run(reason, resume),
    );
    this.backends = new BackendManager(
      post,
      (m) => this.fail(m),
      (reason, backend) => failover.lost(reason, backend),
      deps.backends,
    );
  }

  /** Entry for every message. Pause and ping skip the queue: Pause acts after the current batch, ping at once. */
  receive(m: unknown): Promise<void> {
    if (!isToWorker(m)) {
      console.warn('worker: ignored malformed message', m);
      return this.queue;
    }
    if (m.type === 'pause') this.runner.running = false;
    if (m.type === 'ping') {
      this.post({ type: 'reply', rid: m.rid, request: 'ping', answer: null });
      return this.queue;
    }
    this.queue = this.queue
      .then(() => ('rid' in m ? this.answer(m) : this.handle(m)))
      .catch((err) => this.fail(workerError(err)));
    return this.queue;
  }

  /** Every request gets one reply: its answer, the reason it was refused, or the error its handler threw. */
  private async answer(m: WorkerRequest) {
    try {
      const handler = this.handlers[m.type] as (m: WorkerRequest) => Promise<unknown>;
      const answer = await handler(m);
      this.post({ type: 'reply', rid: m.rid, request: m.type, answer } as WorkerReply);
    } catch (err) {
      if (err instanceof Refused) return this.post({ type: 'failed', rid: m.rid, message: err.reason });
      this.post({ type: 'failed', rid: m.rid, message: workerError(err) });
      throw err;
    }
  }

  private fail(message: Msg, retryData = false) {
    this.runner.running = false;
    this.post({ type: 'error', message, retryData });
    this.post({ type: 'state', state: 'error' });
  }

  /**
   * Stops training and rebuilds for `net` and `cfg` with `point`'s weights or fresh ones; re-probes for a new
   * network.
   */
  private async rebuild(t: Trainer, net: NetworkSpec, cfg: TrainConfig, point: RestorePoint | null): Promise<boolean> {
    await this.runner.stop();
    this.network = net;
    this.config = cfg;
    if (this.backends.needsProbe(net)) {
      this.post({ type: 'state', state: 'loading' });
      await this.backends.probeAll(net);
      if (!(await this.backends.switchTo())) return false;
    }
    try {
      t.load(net, cfg, point);
    } catch (e) {
      this.fail(text('worker.buildFailed', { detail: errorText(e) }));
      return false;
    }
    this.post({ type: 'resetDone' });
    return true;
  }

  private readonly sendHistograms = async (): Promise<void> =>
    void (this.trainer && (await this.runner.sendHistograms(this.trainer)));

  private async loadData() {
    this.post({ type: 'state', state: 'loading' });
    let last = 0;
    const net = this.network!;
    const probing = this.backends.needsProbe(net) ? this.backends.probeAll(net) : Promise.resolve();
    try {
      this.data = await this.deps.loadData(this.dataUrl, (loaded, total) => {
        const now = performance.now();
        if (now - last > 100 || loaded === total) {
          last = now;
          this.post({ type: 'dataProgress', loadedBytes: loaded, totalBytes: total });
        }
      });
    } catch (e) {
      await probing;
      this.fail(e instanceof DataError ? e.text : text('data.failed', { detail: errorText(e) }), true);
      return;
    }
    await probing;
    const current = this.network!;
    if (this.backends.needsProbe(current)) await this.backends.probeAll(current); // the network changed meanwhile
    this.post({ type: 'dataReady', trainCount: this.data.trainLabels.length, testCount: this.data.testLabels.length });
    if (!(await this.backends.switchTo())) return;
    try {
      this.trainer = new Trainer(this.data, current, this.config!, this.mine);
    } catch (e) {
      this.fail(text('worker.buildFailed', { detail: errorText(e) }));
      return;
    }
    if (this.restore) this.trainer.restoreIfFits(this.restore);
    this.restore = null;
    // Trained weights from a dead worker: paused where it stopped, not a fresh start.
    this.post({ type: 'state', state: this.trainer.batch > 0 ? 'paused' : 'ready' });
    await this.sendHistograms();
  }

  /** Commands: no reply of their own; what they change comes back as events. */
  private async handle(m: WorkerCommand): Promise<void> {
    const t = this.trainer;
    switch (m.type) {
      case 'init':
        if (m.version !== PROTOCOL_VERSION)
          return this.fail(text('worker.versions', { page: m.version, worker: PROTOCOL_VERSION }));
        this.dataUrl = m.dataUrl;
        this.network = m.network;
        this.config = m.config;
        this.backends.choice = m.backend;
        this.restore = m.restore;
        return this.loadData();
      case 'retryData':
        return this.loadData();
      case 'start':
        if (this.sweep?.active) await this.sweep.pause(); // one training loop at a time
        if (t) this.runner.start(t);
        return;
      case 'pause':
        return this.runner.stop();
      case 'trainBatch':
        if (t) await this.runner.trainBatch(t);
        return;
      case 'reset':
        if (!t) return;
        await this.runner.stop();
        t.reset();
        this.post({ type: 'resetDone' });
        this.post({ type: 'state', state: 'ready' });
        return this.sendHistograms();
      case 'setBackend':
        return this.setBackend(m.backend);
      case 'setNetwork':
        return this.setNetwork(m.network);
      case 'setConfig':
        return this.setConfig(m.config);
      case 'setMyDigits':
        if (!this.mine.set(m.version, m.pixels, m.labels)) console.warn('worker: refused a damaged my-digits set');
        return;
      case 'debugLoseBackend':
        return void loseBackend();
      case 'sweepStart':
        return this.startSweep(m);
      case 'sweepPause':
        return this.sweep?.pause();
      case 'sweepResume':
        if (this.sweep?.active) {
          await this.runner.stop();
          this.sweep.start();
        }
        return;
      case 'sweepCancel':
        await this.sweep?.cancel();
        this.sweep = null;
        return;
      default:
        return unreachable(m);
    }
  }

  /**
   * Requests (protocol/requests.ts): one handler each (requestHandlers.ts), returning the answer or throwing Refused.
   */
  private readonly handlers = requestHandlers({
    ready: () => {
      if (!this.trainer || !this.data || !this.network) throw new Refused(text('worker.notReady'));
      return { t: this.trainer, data: this.data, network: this.network };
    },
    data: () => this.data,
    trainer: () => this.trainer,
    runner: () => this.runner,
    lab: this.lab,
    mapper: this.mapper,
    post: (m) => this.post(m),
    loadSession: (m) => this.loadSession(m),
  });

  private async startSweep(m: Extract<WorkerCommand, { type: 'sweepStart' }>) {
    const refuse = (message: Msg) =>
      this.post({ type: 'sweepState', state: 'cancelled', finished: 0, total: m.runs.length, message });
    if (!this.data) return refuse(text('worker.notReady'));
    // Checked again here: the page validated every run, but the worker builds nothing it cannot train.
    const problem = m.runs.map((r) => experimentProblem(r.network, r.config)).find((p) => p !== null);
    if (problem) return refuse(problem);
    await this.runner.stop();
    await this.sweep?.cancel();
    if (this.trainer && this.trainer.batch > 0) this.trainer.log.taint('sweep');
    this.sweep = new Sweep(this.data, m.runs, m.budget, m.order, this.post, this.mine);
    this.sweep.start();
  }

  private async setBackend(choice: BackendChoice) {
    this.backends.choice = choice;
    const t = this.trainer;
    if (!t) return;
    const wasRunning = this.runner.running;
    await this.runner.stop();
    const weights = await t.exportWeights();
    if (!(await this.backends.switchTo(choice))) return;
    if (t.batch > 0) t.log.taint('backend');
    t.rebuild(weights);
    if (wasRunning) this.runner.start(t);
  }

  private async setNetwork(net: NetworkSpec) {
    const old = this.network;
    this.network = net;
    const t = this.trainer;
    if (!t) return; // still loading: the new network is built when the data is ready
    if (old && onlyDropoutDiffers(old, net)) {
      // Dropout rates are hyperparameters: they change live, the weights stay.
      await t.saveSnapshot();
      t.setDropoutRates(net.layers.map((l) => (l.kind === 'dropout' ? l.rate : null)));
      this.post({ type: 'configApplied', batch: t.batch, changes: dropoutChanges(old, net) });
      return;
    }
    if (!(await this.rebuild(t, net, this.config!, null))) return;
    this.post({ type: 'state', state: 'ready' });
    return this.sendHistograms();
  }

  private async setConfig(c: TrainConfig) {
    // The page checks configs before sending; one that slips through must not reach the loop (a batch larger
    // than the training set would read past its end).
    const problem = configProblem(c);
    if (problem) return this.post({ type: 'error', message: problem, retryData: false });
    const old = this.config;
    this.config = c;
    const t = this.trainer;
    if (!t) return;
    if (t.batch > 0) await t.saveSnapshot(); // a change that diverges can be rolled back
    t.setConfig(c);
    const changes = old ? describeChanges(old, c) : [];
    if (changes.length && t.batch > 0) this.post({ type: 'configApplied', batch: t.batch, changes });
  }

  private async loadSession(m: RequestOf<'loadSession'>): Promise<{ batch: number; epoch: number }> {
    if (!this.trainer) throw new Refused(text('worker.notReady'));
    const t = this.trainer;
    // Checked again here: the page validated it, but the worker builds nothing it cannot train.
    const problem = experimentProblem(m.network, m.config);
    if (problem) throw new Refused(problem);
    if (!(await this.rebuild(t, m.network, m.config, m.point))) throw new Refused(text('worker.notLoaded'));
    this.post({ type: 'state', state: t.batch > 0 ? 'paused' : 'ready' });
    void this.sendHistograms();
    return { batch: t.batch, epoch: t.epoch };
  }
}
