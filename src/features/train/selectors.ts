// Derived training state, written once: whether Train and Step may act, whether training runs, and what stops
// the network from training. Each returns a primitive or a cached value, so components re-render only on change.
import type { Msg } from '../../model/msg';
import { batchProblem, inferNetwork } from '../../model/shapes';
import type { NetworkSpec } from '../../model/spec';
import type { AppState } from '../../store/store';
import { selectAwaitingAnswer } from '../classmode';

export const selectTraining = (s: AppState) => s.status.state === 'training';
export const selectPaused = (s: AppState) => s.status.state === 'paused';

let cached: { network: NetworkSpec; batchSize: number; problem: Msg | null } | null = null;

/** Why this network cannot train at this batch size, or null; the same object until either changes. */
export function selectNetworkProblem(s: AppState): Msg | null {
  const { network, train } = s.config;
  if (cached?.network !== network || cached.batchSize !== train.batchSize) {
    const info = inferNetwork(network);
    cached = { network, batchSize: train.batchSize, problem: info.problem ?? batchProblem(info, train.batchSize) };
  }
  return cached.problem;
}

/** Data and model ready, a network that can train, no prediction pending: Train and Step may act. */
export const selectCanTrain = (s: AppState) =>
  (s.status.state === 'ready' || s.status.state === 'paused') &&
  selectNetworkProblem(s) === null &&
  !selectAwaitingAnswer(s);
