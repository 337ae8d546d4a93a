// The worker client driven through a fake worker: events reach the store throttled, requests settle with their replies,
// and a worker that stops answering is replaced (pending requests rejected), with backoff and then a message.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FromWorker } from '../protocol/fromWorker';
import type { ToWorker } from '../protocol/toWorker';
import { useStore } from '../store/store';
import { WorkerClient } from './workerClient';

class FakeWorker {
  onmessage: ((e: MessageEvent<unknown>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  sent: ToWorker[] = [];
  terminated = false;
  /** Answers pings, as a live worker does, unless `dead`. */
  dead = false;
  postMessage(m: ToWorker) {
    this.sent.push(m);
    if (m.type === 'ping' && !this.dead && !this.terminated)
      queueMicrotask(() => this.emit({ type: 'reply', rid: m.rid, request: 'ping', answer: null }));
  }
  terminate() {
    this.terminated = true;
  }
  emit(m: FromWorker) {
    this.onmessage?.({ data: m } as MessageEvent<unknown>);
  }
}

let workers: FakeWorker[] = [];
const make = () => {
  const w = new FakeWorker();
  workers.push(w);
  return w as unknown as Worker;
};

beforeEach(() => {
  vi.useFakeTimers();
  workers = [];
  useStore.setState(useStore.getInitialState(), true);
});
afterEach(() => vi.useRealTimers());

const progress = (batch: number): FromWorker => ({
  type: 'progress',
  epoch: 0,
  batch,
  batchInEpoch: batch,
  batchesPerEpoch: 10,
  examplesPerSecond: 1,
  learningRate: 0.1,
  insightShare: 0,
  points: [{ batch, loss: 1, accuracy: 0.5 }],
});

/** A client whose worker is training, with a pointer down on the pad. */
function penDown() {
  const bridge = new WorkerClient('/data/', make);
  const w = workers[0];
  w.emit({ type: 'state', state: 'training' });
  bridge.setInking(true);
  return { bridge, w };
}

describe('WorkerClient', () => {
  it("starts the worker with the store's experiment and writes training progress at most every 400 ms", async () => {
    new WorkerClient('/data/', make);
    const w = workers[0];
    expect(w.sent[0]).toMatchObject({ type: 'init', dataUrl: '/data/', network: useStore.getState().config.network });
    w.emit({ type: 'state', state: 'training' });
    expect(useStore.getState().status.state).toBe('training');
    for (let b = 1; b <= 5; b++) w.emit(progress(b));
    expect(useStore.getState().metrics.series).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(401);
    expect(useStore.getState().metrics.series.map((p) => p.batch)).toEqual([1, 2, 3, 4, 5]);
    expect(useStore.getState().status.batch).toBe(5);
  });

  it('holds training progress back while the pad is drawn on, merged, and writes it when the stroke ends', async () => {
    const { bridge, w } = penDown();
    for (let b = 1; b <= 3; b++) w.emit(progress(b));
    await vi.advanceTimersByTimeAsync(1200);
    w.emit({ type: 'busy', batchMs: 0 }); // liveness notices pass beside what is held
    expect(useStore.getState().status.batch).toBe(0);
    w.emit(progress(4));
    bridge.setInking(false);
    await vi.advanceTimersByTimeAsync(401);
    expect(useStore.getState().metrics.series.map((p) => p.batch)).toEqual([1, 2, 3, 4]);
    expect(useStore.getState().status.batch).toBe(4);
  });

  it('holds epoch results too and replays everything in order when an event that cannot wait arrives', async () => {
    const { w } = penDown();
    w.emit(progress(1));
    w.emit({ type: 'epochEnd', epoch: 1, batch: 1, testAccuracy: 0.9, testLoss: 0.3, evalMs: 5 });
    w.emit(progress(2));
    expect(useStore.getState().metrics.epochs).toHaveLength(0);
    w.emit({ type: 'state', state: 'paused' }); // cannot wait: what came before it is shown first
    const s = useStore.getState();
    expect([s.status.state, s.status.batch, s.metrics.epochs.length]).toEqual(['paused', 2, 1]);
    expect(s.metrics.series.map((p) => p.batch)).toEqual([1, 2]);
  });

  it('lets held progress through when the pen stays down longer than the hold allows', async () => {
    const { w } = penDown();
    w.emit(progress(1));
    await vi.advanceTimersByTimeAsync(1500);
    expect(useStore.getState().status.batch).toBe(0);
    await vi.advanceTimersByTimeAsync(1000);
    expect(useStore.getState().status.batch).toBe(1);
  });

  it('settles a request with the reply that carries its rid', async () => {
    const bridge = new WorkerClient('/data/', make);
    const w = workers[0];
    const reply = bridge.request('getSample', {});
    const req = w.sent.find((m) => m.type === 'getSample')!;
    const rid = (req as { rid: number }).rid;
    w.emit({
      type: 'reply',
      rid: rid + 100,
      request: 'getSample',
      answer: { index: 1, label: 1, pixels: new Uint8Array(784) },
    });
    w.emit({ type: 'reply', rid, request: 'getSample', answer: { index: 4, label: 7, pixels: new Uint8Array(784) } });
    expect((await reply).label).toBe(7);
  });

  it("shows the pad's prediction when its reply arrives, and nothing once the pad is cleared", async () => {
    const bridge = new WorkerClient('/data/', make);
    const w = workers[0];
    bridge.predict(new Float32Array(784).fill(0.5));
    const req = w.sent.find((m) => m.type === 'predict') as { rid: number };
    expect(useStore.getState().draw.input).toHaveLength(784);
    expect(bridge.predictionIdle).toBe(false);
    w.emit({
      type: 'reply',
      rid: req.rid,
      request: 'predict',
      answer: { probs: new Float32Array(10).fill(0.1), activations: [] },
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(useStore.getState().draw.probs).toHaveLength(10);
    expect(bridge.predictionIdle).toBe(true);
    bridge.predict(null);
    expect(useStore.getState().draw).toMatchObject({ input: null, probs: null });
  });

  it('leaves no timer, listener or worker behind once disposed', async () => {
    const added: string[] = [];
    const removed: string[] = [];
    vi.stubGlobal('document', {
      addEventListener: (t: string) => added.push(t),
      removeEventListener: (t: string) => removed.push(t),
    });
    try {
      const bridge = new WorkerClient('/data/', make);
      workers[0].emit({ type: 'state', state: 'training' });
      workers[0].emit(progress(1)); // a throttled write pending
      bridge.predict(new Float32Array(784));
      const pending = bridge.request('getWeights', {}).catch((e: { text?: { key: string } }) => e.text?.key);
      expect(vi.getTimerCount()).toBeGreaterThan(0);
      bridge.dispose();
      expect(vi.getTimerCount()).toBe(0);
      expect(await pending).toBe('worker.requestLost');
      expect(workers[0].terminated).toBe(true);
      expect(removed.sort()).toEqual(added.sort());
      await vi.advanceTimersByTimeAsync(60_000);
      expect(workers).toHaveLength(1); // no watchdog restarts a disposed client's worker
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('replaces a worker that stops answering pings, rejects its pending requests, and says so', async () => {
    const bridge = new WorkerClient('/data/', make);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(workers).toHaveLength(1); // answering pings: alive
    workers[0].dead = true;
    const pending = bridge.request('getSample', {}).then(
      () => 'resolved',
      (e: { text?: { key: string } }) => e.text?.key,
    );
    await vi.advanceTimersByTimeAsync(20_000);
    expect(workers[0].terminated).toBe(true);
    expect(await pending).toBe('worker.requestLost');
    expect(workers).toHaveLength(2);
    expect(useStore.getState().ui.notice?.key).toBe('worker.restarted');
  });

  it('backs off between restarts and gives up after three, with a message', async () => {
    new WorkerClient('/data/', make);
    for (let round = 0; round < 6; round++) {
      for (const w of workers) w.dead = true;
      await vi.advanceTimersByTimeAsync(30_000);
    }
    expect(workers).toHaveLength(4); // the first and three replacements
    expect(useStore.getState().status).toMatchObject({ state: 'error', error: { key: 'worker.gaveUp' } });
  });
});
