// window.playgroundDebug: the benchmarks' and end-to-end tests' way in (debugHooks.ts).
import type { WorkerClient } from '../client';
import { debugHooks, type DebugHooks } from './debugHooks';

export function installDebugHooks(client: WorkerClient) {
  (window as unknown as { playgroundDebug: DebugHooks }).playgroundDebug = debugHooks(client);
}
