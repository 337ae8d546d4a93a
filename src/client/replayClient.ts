// The page's side of the replay worker (protocol/replay.ts): replays run one at a time, in the order asked; the
// worker stays up between them (it keeps the MNIST data), and cancel() ends it with every replay waiting.
import { isReplayReply, type ReplayRequest } from '../protocol/replay';
import type { BackendName } from '../protocol/toWorker';

export type ReplayAsk = Omit<ReplayRequest, 'type' | 'id' | 'dataUrl'>;
export type ReplayResult = { accuracies: number[]; backend: BackendName; seconds: number };
type Job = {
  id: number;
  ask: ReplayAsk;
  onProgress: (share: number) => void;
  resolve: (r: ReplayResult) => void;
  reject: (e: Error) => void;
};

export class ReplayClient {
  private worker: Worker | null = null;
  private nextId = 0;
  private queue: Job[] = [];
  private running: Job | null = null;

  constructor(
    private readonly dataUrl: string,
    private readonly create: () => Worker = () =>
      new Worker(new URL('../worker/replay/replay.worker.ts', import.meta.url), { type: 'module', name: 'replay' }),
  ) {}

  /** Trains `ask` again; resolves with each epoch's test accuracy. `onProgress` gets the share done (0-1). */
  replay(ask: ReplayAsk, onProgress: (share: number) => void = () => {}): Promise<ReplayResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ id: ++this.nextId, ask, onProgress, resolve, reject });
      this.pump();
    });
  }

  private pump() {
    if (this.running || this.queue.length === 0) return;
    const job = (this.running = this.queue.shift()!);
    const worker = (this.worker ??= this.start());
    worker.postMessage({ type: 'replay', id: job.id, dataUrl: this.dataUrl, ...job.ask } satisfies ReplayRequest);
  }

  private start(): Worker {
    const w = this.create();
    w.onmessage = (e: MessageEvent) => {
      const m = e.data;
      const job = this.running;
      if (!isReplayReply(m) || !job || m.id !== job.id) return;
      if (m.type === 'progress') return job.onProgress(m.stage === 'data' ? 0 : m.share);
      this.running = null;
      if (m.type === 'done') job.resolve({ accuracies: m.accuracies, backend: m.backend, seconds: m.seconds });
      else job.reject(new Error(m.detail));
      this.pump();
    };
    w.onerror = (e) => {
      // The worker died (out of memory, a crash): this replay fails, the next ones get a new worker.
      e.preventDefault?.();
      const job = this.running;
      this.running = null;
      this.worker?.terminate();
      this.worker = null;
      job?.reject(new Error(e.message || 'the replay worker stopped'));
      this.pump();
    };
    return w;
  }

  /** Ends the replay running and every one waiting (their promises reject with "cancelled"). */
  cancel() {
    for (const j of [this.running, ...this.queue]) j?.reject(new Error('cancelled'));
    this.running = null;
    this.queue = [];
    this.worker?.terminate();
    this.worker = null;
  }
}
