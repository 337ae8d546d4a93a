// The worker's message handling without a Worker: every request is answered (reply or refusal), invalid input
// is refused with a reason, and the session trains, saves and reloads on the cpu backend with synthetic data.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { presetById } from '../model/presets';
import { DEFAULT_CONFIG } from '../model/training';
import type { FromWorker } from '../protocol/fromWorker';
import type { RequestType, WorkerReply } from '../protocol/requests';
import { PROTOCOL_VERSION, type ToWorker } from '../protocol/toWorker';
import { bandDigits } from '../testing/bandDigits';
import type { Mnist } from './data/dataset';
import { WorkerSession } from './workerSession';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const fakeData = (n: number): Mnist => bandDigits(n, 100, 3);

function harness() {
  const sent: FromWorker[] = [];
  const session = new WorkerSession((m) => sent.push(m), { loadData: async () => fakeData(640), backends: ['cpu'] });
  const send = (m: ToWorker | unknown) => session.receive(m);
  const of = <T extends FromWorker['type']>(type: T) =>
    sent.filter((m): m is Extract<FromWorker, { type: T }> => m.type === type);
  /** The replies to requests of type `request`, in order. */
  const replies = <K extends RequestType>(request: K) =>
    sent.filter(
      (m): m is Extract<WorkerReply, { type: 'reply'; request: K }> => m.type === 'reply' && m.request === request,
    );
  const init = () =>
    send({
      type: 'init',
      version: PROTOCOL_VERSION,
      dataUrl: '/data/',
      network: presetById('logistic').network,
      config: { ...DEFAULT_CONFIG, batchSize: 32, augment: 'off' },
      backend: 'auto',
      restore: null,
    });
  return { sent, send, of, replies, init };
}

describe('WorkerSession', () => {
  it('refuses every request before the model exists, with a reason', async () => {
    const h = harness();
    await h.send({ type: 'getWeights', rid: 1 });
    await h.send({ type: 'exportModel', rid: 2 });
    await h.send({ type: 'predict', rid: 3, pixels: new Float32Array(784) });
    await h.send({ type: 'getSample', rid: 4 });
    await h.send({ type: 'getCell', rid: 5, actual: 1, predicted: 7 });
    expect(h.of('failed').map((m) => [m.rid, m.message.key])).toEqual([
      [1, 'worker.notReady'],
      [2, 'worker.notReady'],
      [3, 'worker.notReady'],
      [5, 'worker.notReady'],
    ]);
    expect(h.replies('getSample')[0]).toMatchObject({ rid: 4, answer: { index: -1 } });
    expect(h.of('error')).toHaveLength(0); // a refusal is the request's answer, not a failure of the worker
  });

  it('loads, trains steps, answers requests with their rid, and refuses a bad session or config', async () => {
    const h = harness();
    await h.init();
    expect(h.of('state').at(-1)?.state).toBe('ready');
    expect(h.of('backend')[0].backend).toBe('cpu');
    for (let i = 0; i < 3; i++) await h.send({ type: 'trainBatch' });
    await h.send({ type: 'getWeights', rid: 7 });
    const w = h.replies('getWeights')[0];
    expect(w.rid).toBe(7);
    expect(w.answer.batch).toBe(3);
    expect(w.answer.weights.map((a) => a.length)).toEqual([7840, 10]);
    await h.send({ type: 'predict', rid: 10, pixels: new Float32Array(784).fill(0.5) });
    const probs = h.replies('predict')[0].answer.probs;
    expect(probs.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);

    // A network too big to train and a batch larger than the training set are refused; nothing changes.
    await h.send({
      type: 'loadSession',
      rid: 8,
      network: {
        layers: [
          { kind: 'conv2d', filters: 512, kernelSize: 9, stride: 1, padding: 'same', activation: 'relu' },
          { kind: 'flatten' },
          { kind: 'dense', units: 10, activation: 'softmax' },
        ],
      },
      config: DEFAULT_CONFIG,
      point: null,
    });
    expect(h.of('failed').find((m) => m.rid === 8)?.message.key).toBe('problem.tooMuchCompute');
    await h.send({ type: 'setConfig', config: { ...DEFAULT_CONFIG, batchSize: 512, trainSize: 100 } });
    expect(h.of('error').at(-1)?.message.key).toBe('config.batchOverTrainSize');
    await h.send({ type: 'trainBatch' });
    expect(h.of('progress').at(-1)?.batch).toBe(4); // still training the same model

    // A saved point loads back, with its counters.
    await h.send({
      type: 'loadSession',
      rid: 9,
      network: presetById('logistic').network,
      config: { ...DEFAULT_CONFIG, batchSize: 32 },
      point: w.answer,
    });
    expect(h.replies('loadSession').find((m) => m.rid === 9)?.answer).toMatchObject({ batch: 3 });
  }, 60_000);

  it('answers a request whose handler throws, and ignores malformed messages', async () => {
    const h = harness();
    await h.init();
    await h.send({ type: 'nonsense' });
    await h.send({ type: 'getWeights' }); // no rid: malformed, ignored
    await h.send({ type: 'getAugmented', rid: 5, count: 4 });
    expect(h.replies('getAugmented')[0].rid).toBe(5);
    expect(h.of('failed')).toHaveLength(0);
  }, 60_000);

  it('the learning step: computed on a copy, checked, and applied to the live model only when asked', async () => {
    const h = harness();
    await h.send({
      type: 'learningStepOpen',
      rid: 1,
      source: { kind: 'test', index: 0 },
      learningRate: 0.5,
      fresh: true,
    });
    expect(h.of('failed')[0]).toMatchObject({ rid: 1, message: { key: 'worker.notReady' } });
    await h.init();
    await h.send({
      type: 'learningStepOpen',
      rid: 2,
      source: { kind: 'test', index: 5 },
      learningRate: 0.5,
      fresh: true,
    });
    const step = h.replies('learningStepOpen')[0].answer;
    expect(step.testIndex).toBe(5);
    expect(step.lossAfter).toBeLessThan(step.loss);
    await h.send({ type: 'getWeights', rid: 3 });
    await h.send({ type: 'learningStepCheck', rid: 4, weights: [] });
    expect(h.replies('learningStepCheck')[0].answer.length).toBeGreaterThan(0);
    await h.send({ type: 'getWeights', rid: 5 });
    const [before, unchanged] = h.replies('getWeights').map((m) => m.answer.weights[1]);
    expect(Array.from(unchanged)).toEqual(Array.from(before)); // showing a step changes nothing
    await h.send({ type: 'learningStepApply', rid: 6 });
    expect(h.replies('learningStepApply')[0].rid).toBe(6);
    await h.send({ type: 'getWeights', rid: 7 });
    const after = h.replies('getWeights')[2].answer.weights[1];
    const gradB = step.layers[1].gradB!;
    after.forEach((v, k) => expect(v).toBeCloseTo(before[k] - 0.5 * gradB[k], 5));
    await h.send({
      type: 'learningStepOpen',
      rid: 8,
      source: { kind: 'test', index: 5 },
      learningRate: -2,
      fresh: false,
    });
    expect(h.of('failed').at(-1)).toMatchObject({ rid: 8, message: { key: 'step.badRate' } });
  }, 60_000);
});
