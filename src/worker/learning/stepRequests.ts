// The learning-step view's three requests, answered from the StepLab's copy of the weights.
import { msg } from '../../model/msg';
import type { FromWorker } from '../../protocol/fromWorker';
import type { ToWorker } from '../../protocol/toWorker';
import { unreachable } from '../../protocol/transfer';
import type { Mnist } from '../data/dataset';
import { addToWeights } from '../training/snapshot';
import type { Trainer } from '../training/trainer';
import { StepLab, StepRefused } from './stepLab';

export type StepRequest = Extract<ToWorker, { type: 'stepOpen' | 'stepCheck' | 'stepApply' }>;

/** Answers `m` (a reply or 'failed' with a reason the page shows); training, if running, goes on meanwhile. */
export async function answerStep(
  lab: StepLab,
  m: StepRequest,
  t: Trainer | null,
  data: Mnist | null,
  post: (m: FromWorker) => void,
): Promise<void> {
  if (!t || !data) return post({ type: 'failed', rid: m.rid, message: msg('worker.notReady') });
  try {
    switch (m.type) {
      case 'stepOpen': {
        const live = { network: t.network, batch: t.batch, exportWeights: () => t.exportWeights() };
        return post({ type: 'learningStep', rid: m.rid, step: await lab.open(live, data, m.source, m.learningRate, m.fresh) });
      }
      case 'stepCheck':
        return post({ type: 'stepChecked', rid: m.rid, rows: lab.check(m.weights) });
      case 'stepApply':
        addToWeights(t.model, lab.deltasFor(t.network));
        return post({ type: 'stepApplied', rid: m.rid, batch: t.batch });
      default:
        return unreachable(m);
    }
  } catch (e) {
    if (e instanceof StepRefused) return post({ type: 'failed', rid: m.rid, message: e.reason });
    throw e;
  }
}
