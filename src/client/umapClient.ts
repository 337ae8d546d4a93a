// The page's side of the UMAP worker (protocol/umap.ts): one fit at a time; a new fit, or cancel(), ends the one
// running by ending its worker (umap-js cannot be interrupted from outside), and its promise rejects.
import { isUmapReply, type UmapRequest } from '../protocol/umap';

export type UmapResult = { coords: Float32Array; self: Float32Array | null };

export class UmapClient {
  private worker: Worker | null = null;
  private nextId = 0;
  private running: { id: number; reject: (e: Error) => void } | null = null;

  constructor(
    private readonly create: () => Worker = () =>
      new Worker(new URL('../worker/umap/umap.worker.ts', import.meta.url), { type: 'module', name: 'umap' }),
  ) {}

  /** Fits `points` (n × d) with `self` (d values) into 2D; `onProgress` gets the share of epochs done (0-1). */
  fit(
    ask: Omit<Extract<UmapRequest, { type: 'fit' }>, 'type' | 'id'>,
    onProgress: (share: number) => void,
  ): Promise<UmapResult> {
    this.cancel();
    const worker = (this.worker = this.create());
    const id = ++this.nextId;
    return new Promise<UmapResult>((resolve, reject) => {
      this.running = { id, reject };
      worker.onmessage = (e: MessageEvent) => {
        const m = e.data;
        if (!isUmapReply(m) || m.id !== id) return;
        if (m.type === 'progress') return onProgress(m.epoch / m.epochs);
        this.running = null;
        if (m.type === 'done') resolve({ coords: m.coords, self: m.self });
        else reject(new Error(m.detail));
      };
      worker.onerror = (e) => {
        this.running = null;
        reject(new Error(e.message || 'the UMAP worker failed'));
      };
      const transfer = [ask.points.buffer, ...(ask.self ? [ask.self.buffer] : [])] as ArrayBuffer[];
      worker.postMessage({ type: 'fit', id, ...ask } satisfies UmapRequest, transfer);
    });
  }

  /** Ends the fit running, if any (its promise rejects with "cancelled"). */
  cancel() {
    this.running?.reject(new Error('cancelled'));
    this.running = null;
    this.worker?.terminate();
    this.worker = null;
  }
}

let umap: UmapClient | null = null;

/** The app's UMAP client, created on first use. */
export const getUmapClient = () => (umap ??= new UmapClient());
