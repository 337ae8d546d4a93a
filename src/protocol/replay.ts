// The replay worker's messages (issue #31: Verify replays a hand-in "in a worker of its own so the teacher's model
// is untouched"). One table each way, as for the training worker; the unions and guards derive from them.
import type { ReplayPlan } from '../model/runLog';
import { isObject, passes, spec, type UnionOf } from './table';
import { BACKENDS, hasLayers, type BackendName } from './toWorker';

/** Most epochs a replay trains (the challenge's limit is at most 100; codes keep 30). */
export const REPLAY_MAX_EPOCHS = 100;

const isBackend = (b: unknown) => (BACKENDS as readonly unknown[]).includes(b);
const isChange = (c: unknown) =>
  isObject(c) && Number.isSafeInteger(c.batch) && (c.batch as number) > 0 && hasLayers(c.network) && isObject(c.config);

export const REPLAY_REQUESTS = {
  /**
   * Train `start` from its seed for `epochs` epochs on `backend` (or the next that works), applying each change
   * after its batch; `dataUrl` is where the MNIST files are (read from the browser's copy when it has one).
   */
  replay: spec<ReplayPlan & { id: number; dataUrl: string; backend: BackendName }>(
    (m) =>
      Number.isSafeInteger(m.id) &&
      typeof m.dataUrl === 'string' &&
      isBackend(m.backend) &&
      isObject(m.start) &&
      hasLayers(m.start.network) &&
      isObject(m.start.config) &&
      Array.isArray(m.changes) &&
      m.changes.every(isChange) &&
      Number.isInteger(m.epochs) &&
      m.epochs >= 1 &&
      m.epochs <= REPLAY_MAX_EPOCHS,
  ),
};

export const REPLAY_REPLIES = {
  /** Replay `id`: `stage` 'data' (loading, share 0-1) or 'train' (share of its batches done). */
  progress: spec<{ id: number; stage: 'data' | 'train'; share: number }>(),
  /** Replay `id` is done: the test accuracy after each epoch, the backend it ran on, and its seconds. */
  done: spec<{ id: number; accuracies: number[]; backend: BackendName; seconds: number }>(
    (m) => Array.isArray(m.accuracies) && isBackend(m.backend),
  ),
  /** Replay `id` could not run; `detail` says why. */
  failed: spec<{ id: number; detail: string }>((m) => typeof m.detail === 'string'),
};

export type ReplayRequest = UnionOf<typeof REPLAY_REQUESTS>;
export type ReplayReply = UnionOf<typeof REPLAY_REPLIES>;

export const isReplayRequest = (x: unknown): x is ReplayRequest => passes(REPLAY_REQUESTS, x);
export const isReplayReply = (x: unknown): x is ReplayReply =>
  passes(REPLAY_REPLIES, x) && isObject(x) && Number.isSafeInteger(x.id);
