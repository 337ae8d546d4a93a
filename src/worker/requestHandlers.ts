// The worker's side of the request table (protocol/requests.ts): one handler per request, returning its answer or
// throwing Refused with the reason the page shows. A missing handler fails to compile.
import * as tf from '@tensorflow/tfjs';
import type { NetworkSpec } from '../model/spec';
import type { FromWorker } from '../protocol/fromWorker';
import type { RequestHandlers, RequestOf } from '../protocol/requests';
import type { BackendName } from '../protocol/toWorker';
import { testSample, type Mnist } from './data/dataset';
import { benchmarkFit, fitToTarget } from './diagnostics/benchmarkFit';
import { checkGpuKernels } from './diagnostics/gpuKernelCheck';
import { exportLayersModel, WEIGHTS_FILE } from './io/exportModel';
import type { StepLab } from './learning/stepLab';
import type { HiddenMapper } from './learning/hiddenMapper';
import { attack, integratedGradients, saliency } from './learning/explain';
import { mapLayers } from '../model/hiddenMap';
import { msg } from '../model/msg';
import { Refused } from './refused';
import { applyLearningStep, openLearningStep } from './learning/stepRequests';
import type { Runner } from './training/runner';
import type { Trainer } from './training/trainer';

/** What the handlers need of the session. `ready` throws Refused('worker.notReady') before the model exists. */
export type HandlerHost = {
  ready: () => { t: Trainer; data: Mnist; network: NetworkSpec };
  data: () => Mnist | null;
  trainer: () => Trainer | null;
  runner: () => Runner;
  lab: StepLab;
  mapper: HiddenMapper;
  post: (m: FromWorker) => void;
  loadSession: (m: RequestOf<'loadSession'>) => Promise<{ batch: number; epoch: number }>;
};

export function requestHandlers(h: HandlerHost): RequestHandlers {
  /** The bench's model.fit baselines run on the current backend and data, with training stopped first. */
  const stopForBenchmark = async (busyMs: number) => {
    const ready = h.ready();
    await h.runner().stop();
    h.post({ type: 'busy', batchMs: busyMs });
    return ready;
  };
  const backend = () => tf.getBackend() as BackendName;
  return {
    predict: (m) => h.ready().t.predict(m.pixels),
    getCell: (m) => h.ready().t.cell(m.actual, m.predicted) ?? null,
    getSample: (m) => testSample(h.data(), m.index),
    getAugmented: (m) =>
      h.trainer()?.augmentedSamples(m.count) ?? {
        labels: [],
        original: new Uint8Array(0),
        augmented: new Uint8Array(0),
      },
    ping: () => null, // answered in WorkerSession.receive(), ahead of the queue
    benchmarkFit: async (m) => {
      const { network, data } = await stopForBenchmark(m.seconds * 1000);
      return { backend: backend(), ...(await benchmarkFit(network, data, m.seconds, m)) };
    },
    fitToTarget: async (m) => {
      const { network, data } = await stopForBenchmark(0);
      return { backend: backend(), ...(await fitToTarget(network, data, m)) };
    },
    loopProfile: () => h.runner().profile.report(),
    getWeights: async () => {
      const { t } = h.ready();
      // The loop stops for the read so the weights come from one step, and carries on if it was running.
      const runner = h.runner();
      const wasRunning = runner.running;
      await runner.stop();
      const point = { batch: t.batch, epoch: t.epoch, weights: await t.exportWeights() };
      if (wasRunning) runner.start(t);
      return point;
    },
    loadSession: (m) => h.loadSession(m),
    exportModel: async () => {
      const { modelJson, weights } = await exportLayersModel(h.ready().t.model);
      return { modelJson, weightsFile: WEIGHTS_FILE, weights: new Uint8Array(weights) };
    },
    debugCheckGpuKernels: async () => {
      await h.runner().stop();
      h.post({ type: 'busy', batchMs: 0 });
      return checkGpuKernels();
    },
    learningStepOpen: (m) => {
      const { t, data } = h.ready();
      return openLearningStep(h.lab, t, data, m);
    },
    learningStepCheck: (m) => (h.ready(), h.lab.check(m.weights)),
    learningStepApply: () => applyLearningStep(h.lab, h.ready().t),
    runLog: () => {
      const { t } = h.ready();
      return { ...t.log.value, backend: backend(), batch: t.batch, epoch: t.epoch };
    },
    explain: async (m) => {
      const { t } = h.ready();
      const explainer = m.method === 'integrated' ? integratedGradients : saliency;
      const values = explainer(t.model, m.pixels, m.cls, m.versus);
      return { values, probs: (await t.predict(m.pixels)).probs };
    },
    attack: async (m) => {
      const { t } = h.ready();
      const before = (await t.predict(m.pixels)).probs;
      return { ...attack(t.model, m.pixels, m.target, m.epsilon), before };
    },
    hiddenMap: (m) => {
      const { t, data, network } = h.ready();
      if (!mapLayers(network).some((l) => l.index === m.layer)) throw new Refused(msg('why.noLayer'));
      return h.mapper.map(t, data, m);
    },
  };
}
