import { batchProblem, inferNetwork } from '../model/shapes';
import { useStore } from '../store/store';

/** Whether Train/Step may act now (data and model ready, a network that can train) and whether training runs. */
export function useTrainingState() {
  const state = useStore((s) => s.status.state);
  const network = useStore((s) => s.config.network);
  const batchSize = useStore((s) => s.config.train.batchSize);
  const info = inferNetwork(network);
  const networkProblem = info.problem ?? batchProblem(info, batchSize);
  return { canTrain: (state === 'ready' || state === 'paused') && networkProblem === null, training: state === 'training', networkProblem };
}
