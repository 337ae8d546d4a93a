// The page's only client of the training worker: typed sends, routing of events into the store, and
// throttling so the store (and React) sees training data at most every THROTTLE_MS.
import type { NetworkSpec } from '../model/spec';
import type { TrainConfig } from '../model/training';
import type { BatchPoint, FromWorker } from '../protocol/fromWorker';
import { PROTOCOL_VERSION, type BackendChoice, type ToWorker } from '../protocol/toWorker';
import { isFromWorker, transferablesOf, unreachable } from '../protocol/transfer';
import { appendSeries, appendSnaps, emptyInsight, emptyMetrics, patch, useStore, type StatusSlice } from '../store/store';

const THROTTLE_MS = 100;

export class WorkerBridge {
  private worker: Worker;
  private pendingPoints: BatchPoint[] = [];
  private pendingStatus: Partial<StatusSlice> = {};
  private flushTimer: ReturnType<typeof setTimeout> | null = null;
  private predictId = 0;
  private predictInFlight = false;
  private queuedPixels: Float32Array | null = null;

  constructor(private readonly dataUrl: string) {
    this.worker = this.spawn();
  }

  private spawn(): Worker {
    const w = new Worker(new URL('../worker/trainer.worker.ts', import.meta.url), { type: 'module', name: 'trainer' });
    w.onmessage = (e: MessageEvent<unknown>) => {
      if (isFromWorker(e.data)) this.route(e.data);
      else console.warn('bridge: ignored malformed message', e.data);
    };
    w.onerror = (e) => {
      patch('status', { state: 'error', error: `The training worker crashed: ${e.message || 'unknown error'}. Reload the page.` });
    };
    const { network, train, backendChoice } = useStore.getState().config;
    const init: ToWorker = { type: 'init', version: PROTOCOL_VERSION, dataUrl: this.dataUrl, network, config: train, backend: backendChoice };
    w.postMessage(init);
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

  setConfig(train: TrainConfig) {
    patch('config', { train });
    this.send({ type: 'setConfig', config: train });
  }

  /** Classifies `pixels` (784 floats in [0,1]); only the latest drawing is sent while one is in flight. */
  predict(pixels: Float32Array | null) {
    const d = useStore.getState().draw;
    patch('draw', { input: pixels ? Array.from(pixels) : null, probs: pixels ? d.probs : null, activations: pixels ? d.activations : [] });
    if (!pixels) {
      this.queuedPixels = null;
      return;
    }
    if (this.predictInFlight) {
      this.queuedPixels = pixels;
      return;
    }
    this.predictInFlight = true;
    this.send({ type: 'predict', id: ++this.predictId, pixels: pixels.slice() });
  }

  private schedule() {
    if (this.flushTimer === null) this.flushTimer = setTimeout(() => this.flush(), THROTTLE_MS);
  }

  private flush() {
    this.flushTimer = null;
    if (this.pendingPoints.length) {
      const points = this.pendingPoints;
      this.pendingPoints = [];
      const m = useStore.getState().metrics;
      patch('metrics', { series: appendSeries(m.series, points) });
    }
    if (Object.keys(this.pendingStatus).length) {
      patch('status', this.pendingStatus);
      this.pendingStatus = {};
    }
    this.refreshPrediction();
  }

  /** While training, the drawn digit is re-classified about twice a second so its bars follow the model. */
  private lastRefresh = 0;
  private refreshPrediction() {
    const input = useStore.getState().draw.input;
    const now = performance.now();
    if (!input || this.predictInFlight || now - this.lastRefresh < 500) return;
    this.lastRefresh = now;
    this.predict(Float32Array.from(input));
  }

  private route(msg: FromWorker) {
    switch (msg.type) {
      case 'state':
        this.flush();
        patch('status', { state: msg.state, ...(msg.state === 'training' ? { error: null } : {}) });
        return;
      case 'dataProgress':
        patch('status', { dataProgress: msg.totalBytes ? Math.round((100 * msg.loadedBytes) / msg.totalBytes) : 0 });
        return;
      case 'dataReady':
        patch('status', { dataProgress: 100, canRetryData: false, error: null });
        return;
      case 'backend':
        patch('status', { backend: msg.backend, availableBackends: msg.available, backendNote: msg.note });
        return;
      case 'error':
        patch('status', { error: msg.message, canRetryData: msg.retryData });
        return;
      case 'progress':
        this.pendingPoints.push(...msg.points);
        this.pendingStatus = {
          epoch: msg.epoch,
          batch: msg.batch,
          batchInEpoch: msg.batchInEpoch,
          batchesPerEpoch: msg.batchesPerEpoch,
          examplesPerSecond: msg.examplesPerSecond,
          learningRate: msg.learningRate,
          insightShare: msg.insightShare,
        };
        this.schedule();
        return;
      case 'epochEnd': {
        this.flush();
        const m = useStore.getState().metrics;
        const result = { epoch: msg.epoch, batch: msg.batch, testAccuracy: msg.testAccuracy, testLoss: msg.testLoss };
        patch('metrics', { epochs: [...m.epochs, result] });
        patch('status', { epoch: msg.epoch });
        return;
      }
      case 'histograms':
        patch('metrics', { histograms: msg.layers, histogramEpoch: msg.epoch });
        patch('insight', { snaps: appendSnaps(useStore.getState().insight.snaps, msg.batch, msg.layers) });
        return;
      case 'weightImages':
        patch('insight', { weightPictures: msg.layers.map((l) => ({ ...l, values: Array.from(l.values) })) });
        return;
      case 'confusion':
        patch('insight', { confusion: msg.confusion, confusionEpoch: msg.epoch });
        return;
      case 'cellImages':
        patch('insight', {
          cell: {
            actual: msg.actual,
            predicted: msg.predicted,
            total: msg.total,
            items: msg.indices.map((index, k) => ({
              index,
              pixels: Array.from(msg.pixels.subarray(k * 784, (k + 1) * 784)),
              probs: Array.from(msg.probs.subarray(k * 10, (k + 1) * 10)),
            })),
          },
        });
        return;
      case 'resetDone':
        this.pendingPoints = [];
        this.pendingStatus = {};
        patch('metrics', { ...emptyMetrics });
        patch('insight', { ...emptyInsight });
        patch('status', { epoch: 0, batch: 0, batchInEpoch: 0, examplesPerSecond: 0, error: null });
        return;
      case 'prediction': {
        this.predictInFlight = false;
        const hasInput = useStore.getState().draw.input !== null;
        patch('draw', {
          probs: hasInput ? Array.from(msg.probs) : null,
          activations: hasInput ? msg.activations.map((a) => ({ ...a, values: Array.from(a.values) })) : [],
        });
        const next = this.queuedPixels;
        this.queuedPixels = null;
        if (next) this.predict(next);
        return;
      }
      case 'configApplied': {
        this.flush();
        const m = useStore.getState().metrics;
        patch('metrics', { markers: [...m.markers, { batch: msg.batch, label: msg.changes.join(', '), kind: 'change' }] });
        return;
      }
      case 'diverged': {
        this.flush();
        const m = useStore.getState().metrics;
        const label = msg.restoredBatch === null ? 'diverged' : `diverged: restored batch ${msg.restoredBatch}`;
        patch('metrics', { markers: [...m.markers, { batch: msg.batch, label, kind: 'diverged' }] });
        patch('status', { error: msg.message, canRetryData: false });
        return;
      }
      default:
        unreachable(msg);
    }
  }
}

let bridge: WorkerBridge | null = null;

/** The app's single bridge, created on first use. */
export function getBridge(): WorkerBridge {
  bridge ??= new WorkerBridge(`${import.meta.env.BASE_URL}data/`);
  return bridge;
}
