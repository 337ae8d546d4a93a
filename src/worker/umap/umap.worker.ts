// The UMAP worker: fits the hidden map on request (protocol/umap.ts), away from both the page and the training
// worker, so neither waits while it runs (seconds for 2,000 points on 2 cores).
import { isUmapRequest, type UmapReply } from '../../protocol/umap';
import { umapFit } from './umapFit';

const post = (m: UmapReply, transfer: Transferable[] = []) => self.postMessage(m, { transfer });

self.onmessage = async (e: MessageEvent) => {
  if (!isUmapRequest(e.data)) return console.warn('ignored malformed message', e.data);
  const { id, points, n, d, self: drawing, seed } = e.data;
  let last = -1;
  try {
    const out = await umapFit(points, n, d, drawing, seed, (epoch, epochs) => {
      // About 20 progress messages per fit.
      if (epoch - last >= epochs / 20) post({ type: 'progress', id, epoch: (last = epoch), epochs });
    });
    post({ type: 'done', id, ...out }, [out.coords.buffer, ...(out.self ? [out.self.buffer] : [])]);
  } catch (err) {
    post({ type: 'failed', id, detail: err instanceof Error ? err.message : String(err) });
  }
};
