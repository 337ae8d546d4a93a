// The worker client's door: the app's single client, created on first use. Features call its commands and
// requests; what the worker reports reaches them through the store.
import { ReplayClient } from './replayClient';
import { WorkerClient } from './workerClient';

export { WorkerClient } from './workerClient';
export { failureText, RequestError } from './requests';

/**
 * Where the MNIST files are, as an absolute URL (the worker resolves relative ones against its own script):
 * `data/` next to the page, or VITE_DATA_URL when the build was told to take them from another host.
 */
const dataUrl = () => new URL(import.meta.env.VITE_DATA_URL || 'data/', document.baseURI).href;

let client: WorkerClient | null = null;

/** The app's single worker client, created on first use. */
export function getClient(): WorkerClient {
  client ??= new WorkerClient(dataUrl());
  return client;
}
export { getUmapClient, UmapClient, type UmapResult } from './umapClient';
export { ReplayClient, type ReplayAsk, type ReplayResult } from './replayClient';

let replay: ReplayClient | null = null;
/** The app's replay client (Verify on the class board), created on first use. */
export const getReplayClient = () => (replay ??= new ReplayClient(dataUrl()));
