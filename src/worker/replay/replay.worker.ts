// The replay worker: verifies hand-ins by training them again (replayRun.ts), away from the training worker so
// the teacher's own model and training are untouched. It keeps the MNIST data between replays.
import * as tf from '@tensorflow/tfjs';
import { errorText } from '../../model/guards';
import { isReplayRequest, type ReplayReply } from '../../protocol/replay';
import { BACKENDS, type BackendName } from '../../protocol/toWorker';
import { probeBackend } from '../backends/probeBackend';
import { loadMnist, type Mnist } from '../data/dataset';
import { replayRun } from './replayRun';

const post = (m: ReplayReply) => self.postMessage(m);
let data: Promise<Mnist> | null = null;
let backendFor: string | null = null;

/** The requested backend, probed with the run's network as the training worker probes; else the next that works. */
async function switchBackend(wanted: BackendName, network: Parameters<typeof probeBackend>[1]): Promise<BackendName> {
  const key = `${wanted} ${JSON.stringify(network)}`;
  if (backendFor === key) return tf.getBackend() as BackendName;
  const order = [wanted, ...BACKENDS.filter((b) => b !== wanted && b !== 'webgpu' && b !== 'webgl')];
  for (const b of order) {
    const p = await probeBackend(b, network);
    if (p.ok && (await tf.setBackend(b))) {
      backendFor = key;
      return b;
    }
  }
  throw new Error('no backend could train this network');
}

self.onmessage = async (e: MessageEvent) => {
  if (!isReplayRequest(e.data)) return console.warn('ignored malformed message', e.data);
  const m = e.data;
  try {
    const t0 = performance.now();
    data ??= loadMnist(m.dataUrl, (loaded, total) =>
      post({ type: 'progress', id: m.id, stage: 'data', share: total ? loaded / total : 0 }),
    );
    const mnist = await data.catch((err: unknown) => {
      data = null;
      throw err;
    });
    const backend = await switchBackend(m.backend, m.start.network);
    let last = -1;
    const accuracies = await replayRun(mnist, m, (share) => {
      if (share - last >= 0.02) post({ type: 'progress', id: m.id, stage: 'train', share: (last = share) });
    });
    post({ type: 'done', id: m.id, accuracies, backend, seconds: (performance.now() - t0) / 1000 });
  } catch (err) {
    post({ type: 'failed', id: m.id, detail: errorText(err) });
  }
};
