// The learning-step view's requests, answered from the StepLab's copy of the weights; training, if running, goes
// on meanwhile. A refusal (StepRefused) reaches the page as the request's 'failed' reply.
import type { LearningStep } from '../../model/learningStep';
import type { RequestOf } from '../../protocol/requests';
import type { Mnist } from '../data/dataset';
import { addToWeights } from '../training/snapshot';
import type { Trainer } from '../training/trainer';
import type { StepLab } from './stepLab';

export function openLearningStep(
  lab: StepLab,
  t: Trainer,
  data: Mnist,
  m: RequestOf<'learningStepOpen'>,
): Promise<LearningStep> {
  const live = { network: t.network, batch: t.batch, exportWeights: () => t.exportWeights() };
  return lab.open(live, data, m.source, m.learningRate, m.fresh);
}

/** Adds the last step's ΔW to the live model; the training batch it was added at. */
export function applyLearningStep(lab: StepLab, t: Trainer): { batch: number } {
  addToWeights(t.model, lab.deltasFor(t.network));
  t.log.taint('learningStep');
  return { batch: t.batch };
}
