// The page's only client of the training worker: typed commands and requests (protocol/), events routed into the
// store through store/actions.ts, throttled so the store (and React) sees training data at most every THROTTLE_MS,
// a watchdog that replaces a dead worker, and the pad's paced predictions. It owns a timer and two document
// listeners: dispose() removes them and ends the worker (tests create and dispose clients).
import { msg as note } from '../model/msg';
import type { WorkerEvent } from '../protocol/fromWorker';
import type { Answer, Ask, RequestType, WorkerRequest } from '../protocol/requests';
import { PROTOCOL_VERSION, type RestorePoint, type ToWorker, type WorkerCommand } from '../protocol/toWorker';
import { isFromWorker, transferablesOf, unreachable } from '../protocol/transfer';
import {
  commitEvent,
  dataRetrying,
  predictionAnswered,
  predictionAsked,
  workerGaveUp,
  workerReplaced,
} from '../store/actions';
import { useStore } from '../store/store';
import { mergeProgress } from '../store/applyEvent';
import { InkHold } from './inkHold';
import { PredictPacer } from './predictPacer';
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
/** Default time a request may take; saving, loading and exporting a big model stop training first. */
const REQUEST_TIMEOUT_MS = 60_000;

type Progress = Extract<WorkerEvent, { type: 'progress' }>;

export class WorkerClient {
  private worker: Worker;
  /** Progress events since the last store write (THROTTLE_MS), merged into one patch. */
  private pendingProgress: Progress[] = [];
  private flushTimer: ReturnType<typeof setTimeout> | null = null;
  /** The pad's predictions: one in flight, at most 10 a second (predictPacer.ts). */
  private readonly pacer = new PredictPacer((pixels) => {
    predictionAsked(pixels);
    this.request('predict', { pixels: pixels.slice() }).then(
      (answer) => {
        predictionAnswered(answer);
        this.pacer.answered();
      },
      // No model to ask (yet), or the worker was replaced: the pad stays usable and asks again with its next drawing.
      () => this.pacer.failed(),
    );
  });
  /** The last known-good weights the worker sent, to restart a dead worker from. */
  private restorePoint: RestorePoint | null = null;
  private readonly watch = new Watchdog(DEAD_MS, BUSY_UNKNOWN_MS);
  private readonly requests = new Requests();
  /** When earlier workers were replaced (for backoff). */
  private restarts: number[] = [];
  /** False between a worker's death and its replacement (backoff), after giving up, and after dispose(). */
  private alive = true;
  private disposed = false;
  /** Set when a worker that was training died: the new one resumes training once it is ready. */
  private resumeAfterRestart = false;
  /** While training, the drawn digit is re-classified about twice a second so its bars follow the model. */
  private lastRefresh = 0;
  /** Events that only change what is shown wait while the pad is drawn on (inkHold.ts). */
  private readonly ink = new InkHold();
  /** The replacement of a dead worker, waiting out its backoff. */
  private restartTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly pinger: ReturnType<typeof setInterval>;
  private readonly onResume = () => this.watch.resume();

  constructor(
    private readonly dataUrl: string,
    /** Makes the training worker; tests pass a fake that records messages and answers as they script. */
    private readonly createWorker: () => Worker = () =>
      new Worker(new URL('../worker/trainer.worker.ts', import.meta.url), { type: 'module', name: 'trainer' }),
  ) {
    this.worker = this.spawn(null);
    this.pinger = setInterval(() => this.watchdog(), PING_MS);
    // A frozen or hidden page could not receive answers: judge liveness afresh when it comes back.
    globalThis.document?.addEventListener('visibilitychange', this.onResume);
    globalThis.document?.addEventListener('resume', this.onResume);
  }

  /** Ends the worker, its timers and listeners; requests in flight are rejected. */
  dispose() {
    if (this.disposed) return;
    this.disposed = true;
    this.alive = false;
    clearInterval(this.pinger);
    clearTimeout(this.restartTimer);
    clearTimeout(this.flushTimer ?? undefined);
    this.pacer.dispose();
    globalThis.document?.removeEventListener('visibilitychange', this.onResume);
    globalThis.document?.removeEventListener('resume', this.onResume);
    this.requests.rejectAll(note('worker.requestLost'));
    this.worker.terminate();
  }

  private watchdog() {
    if (!this.alive) return;
    const a = this.watch.tick(performance.now());
    if (a.action === 'ping')
      this.request('ping', {}, DEAD_MS * 2).then(
        () => this.watch.pong(a.id),
        () => undefined, // unanswered: the next tick judges the worker dead
      );
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
    const now = Date.now();
    const delay = nextRestartDelay(this.restarts, now);
    if (delay === null) {
      this.resumeAfterRestart = false;
      return workerGaveUp(this.restarts.length + 1);
    }
    this.restarts.push(now);
    workerReplaced(point);
    this.pendingProgress = [];
    this.resumeAfterRestart = wasTraining;
    this.restartTimer = setTimeout(() => {
      this.worker = this.spawn(point);
      this.alive = true;
    }, delay);
  }

  private spawn(restore: RestorePoint | null): Worker {
    this.watch.reset();
    const w = this.createWorker();
    w.onmessage = (e: MessageEvent<unknown>) => {
      if (!isFromWorker(e.data)) return console.warn('ignored malformed message', e.data);
      if (e.data.type !== 'busy') this.watch.heard();
      if (e.data.type === 'reply' || e.data.type === 'failed') return this.requests.settle(e.data);
      this.receive(e.data);
    };
    w.onerror = (e) => {
      // Also a worker whose script failed to load: restarted with backoff, then reported.
      console.error('training worker error', e.message);
      e.preventDefault();
      if (w === this.worker) this.restart();
    };
    const { network, train, backendChoice } = useStore.getState().config;
    // The restore point stays here (copied) in case this worker dies too.
    const copy = restore && { ...restore, weights: restore.weights.map((x) => x.slice()) };
    const init: ToWorker = {
      type: 'init',
      version: PROTOCOL_VERSION,
      dataUrl: this.dataUrl,
      network,
      config: train,
      backend: backendChoice,
      restore: copy,
    };
    w.postMessage(init, transferablesOf(init));
    if (this.mine) w.postMessage(this.mineMessage(this.mine));
    return w;
  }

  /** My digits as last sent: a new worker (after a crash) gets them right after init. */
  private mine: { version: number; pixels: Float32Array; labels: Uint8Array } | null = null;
  private mineMessage = (m: NonNullable<WorkerClient['mine']>): ToWorker => ({
    type: 'setMyDigits',
    version: m.version,
    pixels: m.pixels.slice(),
    labels: m.labels.slice(),
  });

  /** Sends my digits (n × 784 floats in [0, 1], n labels) as set `version`; copies go, the originals stay here. */
  setMyDigits(version: number, pixels: Float32Array, labels: Uint8Array) {
    this.mine = { version, pixels, labels };
    if (this.alive) this.post(this.mineMessage(this.mine));
  }

  /** Posts a command (no reply; its effects come back as events). */
  send(m: WorkerCommand) {
    this.post(m);
  }

  private post(m: ToWorker) {
    this.worker.postMessage(m, transferablesOf(m));
  }

  /**
   * Sends request `type` with its question and resolves with its answer; rejects with a RequestError when the
   * worker refuses, does not answer within `timeoutMs`, or is replaced first.
   */
  request<K extends RequestType>(type: K, question: Ask<K>, timeoutMs = REQUEST_TIMEOUT_MS): Promise<Answer<K>> {
    if (!this.alive) return Promise.reject(new RequestError(note('worker.requestLost')));
    const { rid, reply } = this.requests.open(type, timeoutMs);
    this.post({ ...(question as object), type, rid } as WorkerRequest);
    return reply;
  }

  start = () => this.send({ type: 'start' });
  pause = () => this.send({ type: 'pause' });
  trainBatch = () => this.send({ type: 'trainBatch' });
  reset = () => this.send({ type: 'reset' });
  retryData = () => {
    dataRetrying();
    this.send({ type: 'retryData' });
  };

  /** Kills the worker without telling anyone, as a crash would (test hook). */
  crashWorker = () => this.worker.terminate();

  /** Probabilities for a 784-value input, without touching the pad or its prediction. */
  classify = (pixels: Float32Array): Promise<number[]> =>
    this.request('predict', { pixels: pixels.slice() }).then((a) => Array.from(a.probs));

  /** True when the pad's latest input has been classified (no prediction in flight or queued). */
  get predictionIdle() {
    return this.pacer.idle;
  }

  /**
   * Classifies the pad's `pixels` (784 floats in [0,1]), paced: the model input shown and the bars follow at most
   * 10 times a second while drawing. null (a cleared pad) empties the prediction at once.
   */
  predict(pixels: Float32Array | null) {
    if (!pixels) predictionAsked(null);
    this.pacer.offer(pixels);
  }

  /** The pad's pointer is down (true) or up: progress, epochs and insights wait meanwhile (inkHold.ts). */
  setInking(down: boolean) {
    this.ink.set(down);
  }

  private schedule() {
    if (this.flushTimer !== null || this.disposed) return;
    this.flushTimer = setTimeout(() => {
      this.flushTimer = null;
      if (this.ink.holding) return this.schedule();
      this.replayHeld();
      this.flush();
    }, THROTTLE_MS);
  }

  private flush() {
    const progress = mergeProgress(this.pendingProgress);
    this.pendingProgress = [];
    if (progress) commitEvent(progress);
    this.refreshPrediction();
  }

  private refreshPrediction() {
    const input = useStore.getState().draw.input;
    const now = performance.now();
    if (!input || !this.pacer.idle || now - this.lastRefresh < 500) return;
    this.lastRefresh = now;
    this.predict(Float32Array.from(input));
  }

  /** An event from the worker: kept while the pad is drawn on if it can wait (inkHold.ts), else routed in order. */
  private receive(e: WorkerEvent) {
    if (this.ink.keep(e)) return this.schedule();
    if (this.ink.mustReleaseBefore(e)) this.replayHeld();
    this.route(e);
  }

  private replayHeld() {
    for (const e of this.ink.release()) this.route(e);
  }

  /** Side effects of an event here; its store change comes from applyEvent, committed in one write. */
  private route(e: WorkerEvent) {
    switch (e.type) {
      case 'progress':
        this.pendingProgress.push(e);
        return this.schedule();
      case 'state':
        this.flush();
        commitEvent(e);
        if (e.state === 'ready' && this.resumeAfterRestart) {
          this.resumeAfterRestart = false;
          this.start();
        }
        return;
      case 'epochEnd':
      case 'configApplied':
      case 'diverged':
        this.flush(); // the points before the event reach the chart first
        return commitEvent(e);
      case 'resetDone':
        this.restorePoint = null;
        this.pendingProgress = [];
        return commitEvent(e);
      case 'busy':
        return this.watch.busy(e.batchMs, performance.now());
      case 'snapshot':
        this.restorePoint = e.point;
        return;
      case 'dataProgress':
      case 'dataReady':
      case 'backend':
      case 'error':
      case 'backendLost':
      case 'histograms':
      case 'weightImages':
      case 'confusion':
      case 'myDigitsEval':
      case 'sweepProgress':
      case 'sweepState':
        return commitEvent(e);
      default:
        unreachable(e);
    }
  }
}
