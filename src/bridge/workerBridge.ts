// The page's only client of the training worker: typed sends, routing of events into the store, and
// throttling so the store (and React) sees training data at most every THROTTLE_MS.
import { msg as note } from '../model/msg';
import type { NetworkSpec } from '../model/spec';
import type { TrainConfig } from '../model/training';
import type { FromWorker, WorkerReply } from '../protocol/fromWorker';
import { PROTOCOL_VERSION, type BackendChoice, type RestorePoint, type ToWorker, type WorkerRequest } from '../protocol/toWorker';
import { isFromWorker, transferablesOf, unreachable } from '../protocol/transfer';
import { patch, useStore } from '../store/store';
import { debugHooks, type DebugHooks } from './debugHooks';
import { InkHold } from './inkHold';
import { PredictPacer } from './predictPacer';
import { applyEvent, merge, mergeProgress } from './applyEvent';
import { RequestError, Requests } from './requests';
import { nextRestartDelay, Watchdog } from './watchdog';

// 2.5 store writes a second: charts stay live (at least twice a second) while main-thread rendering stays small;
// on a 2-core machine every millisecond the page spends drawing is taken from training.
const THROTTLE_MS = 400;
/** Liveness: a ping every PING_MS; one unanswered for DEAD_MS means the worker died (or hangs) and is replaced. */
const PING_MS = 2000;
const DEAD_MS = 15000;
/** How long announced work of unknown length (a first step, backend probes) may block the worker. */
const BUSY_UNKNOWN_MS = 120_000;
/**
 * Where the MNIST files are, as an absolute URL (the worker resolves relative ones against its own script):
 * `data/` next to the page, or VITE_DATA_URL when the build was told to take them from another host.
 */
const dataUrl = () => new URL(import.meta.env.VITE_DATA_URL || 'data/', document.baseURI).href;

/** Default time a request may take; saving, loading and exporting a big model stop training first. */
const REQUEST_TIMEOUT_MS = 60_000;

export class WorkerBridge {
  private worker: Worker;
  /** Progress events since the last store write (THROTTLE_MS), merged into one patch. */
  private pendingProgress: Extract<FromWorker, { type: 'progress' }>[] = [];
  private flushTimer: ReturnType<typeof setTimeout> | null = null;
  private predictId = 0;
  /** The pad's predictions: one in flight, at most 10 a second (predictPacer.ts). */
  private readonly pacer = new PredictPacer((pixels) => {
    patch('draw', { input: Array.from(pixels) });
    this.send({ type: 'predict', id: ++this.predictId, pixels: pixels.slice() });
  });
  /** The last known-good weights the worker sent, to restart a dead worker from. */
  private restorePoint: RestorePoint | null = null;
  private readonly watch = new Watchdog(DEAD_MS, BUSY_UNKNOWN_MS);
  private readonly requests = new Requests();
  /** When earlier workers were replaced (for backoff), and whether the page gave up on them. */
  private restarts: number[] = [];
  /** False between a worker's death and its replacement (backoff), and after giving up. */
  private alive = true;
  /** Set when a worker that was training died: the new one resumes training once it is ready. */
  private resumeAfterRestart = false;
  /** classify() requests (negative ids, so they never meet the pad's own predictions). */
  private classifyId = 0;
  private classifyWaiters = new Map<number, { resolve: (probs: number[]) => void; reject: (e: RequestError) => void }>();
  /** While training, the drawn digit is re-classified about twice a second so its bars follow the model. */
  private lastRefresh = 0;
  /** Events that only change what is shown wait while the pad is drawn on (inkHold.ts). */
  private readonly ink = new InkHold();

  constructor(
    private readonly dataUrl: string,
    /** Makes the training worker; tests pass a fake that records messages and answers as they script. */
    private readonly createWorker: () => Worker = () =>
      new Worker(new URL('../worker/trainer.worker.ts', import.meta.url), { type: 'module', name: 'trainer' }),
  ) {
    this.worker = this.spawn(null);
    setInterval(() => this.watchdog(), PING_MS);
    // A frozen or hidden page could not receive answers: judge liveness afresh when it comes back.
    globalThis.document?.addEventListener('visibilitychange', () => this.watch.resume());
    globalThis.document?.addEventListener('resume', () => this.watch.resume());
  }

  private watchdog() {
    if (!this.alive) return;
    const a = this.watch.tick(performance.now());
    if (a.action === 'ping') this.send({ type: 'ping', id: a.id });
    else if (a.action === 'dead') this.restart();
  }

  /** Replaces a dead worker with a new one that continues from the last snapshot, with backoff and a limit. */
  private restart() {
    if (!this.alive) return;
    const wasTraining = useStore.getState().status.state === 'training' || this.resumeAfterRestart;
    const point = this.restorePoint;
    this.worker.terminate();
    this.alive = false;
    this.pacer.failed();
    this.requests.rejectAll(note('worker.requestLost'));
    for (const w of this.classifyWaiters.values()) w.reject(new RequestError(note('worker.requestLost')));
    this.classifyWaiters.clear();
    const now = Date.now();
    const delay = nextRestartDelay(this.restarts, now);
    if (delay === null) {
      this.resumeAfterRestart = false;
      patch('status', { state: 'error', error: note('worker.gaveUp', { count: this.restarts.length + 1 }), canRetryData: false });
      return;
    }
    this.restarts.push(now);
    // A sweep lived in the dead worker: its finished runs are kept, the rest stop where they were.
    const sweep = useStore.getState().sweep;
    if (sweep.state === 'running' || sweep.state === 'paused') patch('sweep', { state: 'cancelled', message: note('sweep.workerLost') });
    patch('ui', {
      notice: point ? note('worker.restartedFrom', { batch: point.batch }) : note('worker.restarted'),
    });
    // The new worker continues from the point's counters: show those, not the dead worker's.
    patch('status', { state: 'loading', dataProgress: 0, batch: point?.batch ?? 0, epoch: point?.epoch ?? 0, batchInEpoch: 0 });
    // History after the restore point is about to be trained again: drop it so the charts stay monotonic.
    const upTo = point?.batch ?? 0;
    const m = useStore.getState().metrics;
    patch('metrics', {
      series: m.series.filter((p) => p.batch <= upTo),
      epochs: m.epochs.filter((e) => e.batch <= upTo),
      markers: m.markers.filter((k) => k.batch <= upTo),
    });
    this.pendingProgress = [];
    this.resumeAfterRestart = wasTraining;
    setTimeout(() => {
      this.worker = this.spawn(point);
      this.alive = true;
    }, delay);
  }

  private spawn(restore: RestorePoint | null): Worker {
    this.watch.reset();
    const w = this.createWorker();
    w.onmessage = (e: MessageEvent<unknown>) => {
      if (!isFromWorker(e.data)) return console.warn('bridge: ignored malformed message', e.data);
      if (e.data.type !== 'busy') this.watch.heard();
      this.receive(e.data);
    };
    w.onerror = (e) => {
      // Also a worker whose script failed to load: restarted with backoff, then reported.
      console.error('training worker error', e.message);
      e.preventDefault();
      if (w === this.worker) this.restart();
    };
    const { network, train, backendChoice } = useStore.getState().config;
    const init: ToWorker = {
      type: 'init',
      version: PROTOCOL_VERSION,
      dataUrl: this.dataUrl,
      network,
      config: train,
      backend: backendChoice,
      restore,
    };
    // The restore point stays here (copied) in case this worker dies too.
    const msg: ToWorker = restore ? { ...init, restore: { ...restore, weights: restore.weights.map((x) => x.slice()) } } : init;
    w.postMessage(msg, transferablesOf(msg));
    return w;
  }

  send(msg: ToWorker) {
    this.worker.postMessage(msg, transferablesOf(msg));
  }

  start = () => this.send({ type: 'start' });
  pause = () => this.send({ type: 'pause' });
  step = () => this.send({ type: 'step' });
  reset = () => this.send({ type: 'reset' });
  retryData = () => {
    patch('status', { error: null, canRetryData: false, dataProgress: 0, state: 'loading' });
    this.send({ type: 'retryData' });
  };

  setBackend(backend: BackendChoice) {
    patch('config', { backendChoice: backend });
    this.send({ type: 'setBackend', backend });
  }

  /** Asks for the test images in one confusion cell; they arrive in the store's insight.cell. */
  getCell(actual: number, predicted: number) {
    this.send({ type: 'getCell', actual, predicted });
  }

  setNetwork(network: NetworkSpec) {
    this.send({ type: 'setNetwork', network });
  }

  /** A random test image with its label; null while the data is not loaded. */
  sample = async (): Promise<{ pixels: Uint8Array; label: number } | null> => {
    const r = await this.request((rid) => ({ type: 'getSample', rid }), 'sample');
    return r.index < 0 ? null : { pixels: r.pixels, label: r.label };
  };

  /** The first `count` images of the next training batch, before and after augmentation (empty before data). */
  augmented = (count: number) => this.request((rid) => ({ type: 'getAugmented', rid, count }), 'augmented');

  /**
   * Sends the request `make(rid)` builds and resolves with its reply; rejects with a RequestError when the worker
   * refuses, does not answer within `timeoutMs`, or is replaced first.
   */
  request<T extends Exclude<WorkerReply['type'], 'failed'>>(
    make: (rid: number) => WorkerRequest,
    answer: T,
    timeoutMs = REQUEST_TIMEOUT_MS,
  ): Promise<Extract<WorkerReply, { type: T }>> {
    if (!this.alive) return Promise.reject(new RequestError(note('worker.requestLost')));
    const { rid, reply } = this.requests.open(answer, timeoutMs);
    this.send(make(rid));
    return reply;
  }

  /** Kills the worker without telling anyone, as a crash would (test hook). */
  crashWorker = () => this.worker.terminate();

  /** Probabilities for a 784-value input, without touching the pad or its prediction. */
  classify = (pixels: Float32Array): Promise<number[]> =>
    new Promise((resolve, reject) => {
      const id = -++this.classifyId;
      this.classifyWaiters.set(id, { resolve, reject });
      this.send({ type: 'predict', id, pixels: pixels.slice() });
    });

  /** True when the pad's latest input has been classified (no prediction in flight or queued). */
  get predictionIdle() {
    return this.pacer.idle;
  }

  setConfig(train: TrainConfig) {
    patch('config', { train });
    this.send({ type: 'setConfig', config: train });
  }

  /**
   * Classifies `pixels` (784 floats in [0,1]), paced: the model input shown and the bars follow at most 10 times a
   * second while drawing. null (a cleared pad) empties the prediction at once.
   */
  predict(pixels: Float32Array | null) {
    if (!pixels) patch('draw', { input: null, probs: null, activations: [] });
    this.pacer.offer(pixels);
  }

  /** The pad's pointer is down (true) or up: progress, epochs and insights wait meanwhile (inkHold.ts). */
  setInking(down: boolean) {
    this.ink.set(down);
  }

  private schedule() {
    if (this.flushTimer !== null) return;
    this.flushTimer = setTimeout(() => {
      this.flushTimer = null;
      if (this.ink.holding) return this.schedule();
      this.replayHeld();
      this.flush();
    }, THROTTLE_MS);
  }

  private flush() {
    this.flushTimer = null;
    const progress = mergeProgress(this.pendingProgress);
    this.pendingProgress = [];
    if (progress) this.commit(progress);
    this.refreshPrediction();
  }

  /** The event's store patch, in one store write. */
  private commit(e: FromWorker) {
    const p = applyEvent(useStore.getState(), e);
    if (Object.keys(p).length) useStore.setState((s) => merge(s, p));
  }

  private refreshPrediction() {
    const input = useStore.getState().draw.input;
    const now = performance.now();
    if (!input || !this.pacer.idle || now - this.lastRefresh < 500) return;
    this.lastRefresh = now;
    this.predict(Float32Array.from(input));
  }

  /** An event from the worker: kept while the pad is drawn on if it can wait (inkHold.ts), else routed in order. */
  private receive(msg: FromWorker) {
    if (this.ink.keep(msg)) return this.schedule();
    if (this.ink.mustReleaseBefore(msg)) this.replayHeld();
    this.route(msg);
  }

  private replayHeld() {
    for (const m of this.ink.release()) this.route(m);
  }

  /** Side effects of an event here; its store change comes from applyEvent, committed in one write. */
  private route(msg: FromWorker) {
    switch (msg.type) {
      case 'progress':
        this.pendingProgress.push(msg);
        this.schedule();
        return;
      case 'state':
        this.flush();
        this.commit(msg);
        if (msg.state === 'ready' && this.resumeAfterRestart) {
          this.resumeAfterRestart = false;
          this.start();
        }
        return;
      case 'epochEnd':
      case 'configApplied':
      case 'diverged':
        this.flush(); // the points before the event reach the chart first
        return this.commit(msg);
      case 'resetDone':
        this.restorePoint = null;
        this.pendingProgress = [];
        return this.commit(msg);
      case 'pong':
        return this.watch.pong(msg.id);
      case 'busy':
        return this.watch.busy(msg.stepMs, performance.now());
      case 'snapshot':
        this.restorePoint = msg.point;
        return;
      case 'modelExport':
      case 'weights':
      case 'sessionLoaded':
      case 'benchmarkResult':
      case 'fitResult':
      case 'gpuKernelCheck':
      case 'sample':
      case 'augmented':
      case 'learningStep':
      case 'stepChecked':
      case 'stepApplied':
      case 'failed':
        return this.requests.settle(msg);
      case 'prediction': {
        const waiter = this.classifyWaiters.get(msg.id);
        this.classifyWaiters.delete(msg.id);
        if (waiter) return waiter.resolve(Array.from(msg.probs));
        this.commit(msg);
        return this.pacer.answered();
      }
      case 'predictionFailed': {
        // No model to ask (yet): the pad stays usable and asks again with its next drawing.
        const waiter = this.classifyWaiters.get(msg.id);
        this.classifyWaiters.delete(msg.id);
        if (waiter) return waiter.reject(new RequestError(msg.message));
        return this.pacer.failed();
      }
      case 'dataProgress':
      case 'dataReady':
      case 'backend':
      case 'error':
      case 'backendLost':
      case 'histograms':
      case 'weightImages':
      case 'confusion':
      case 'cellImages':
      case 'sweepProgress':
      case 'sweepState':
        return this.commit(msg);
      default:
        unreachable(msg);
    }
  }
}

let bridge: WorkerBridge | null = null;

/** The app's single bridge, created on first use. */
export function getBridge(): WorkerBridge {
  if (!bridge) {
    bridge = new WorkerBridge(dataUrl());
    (window as unknown as { playgroundDebug: DebugHooks }).playgroundDebug = debugHooks(bridge);
  }
  return bridge;
}
