// Verify's premise: a run trained in the worker (Step, Train, live changes of the learning rate, optimizer and
// dropout at whatever batch they land on, the epoch limit) is repeated exactly by replaying its run log from the
// seed on the same backend. And what a replay cannot repeat is marked in the log.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { NetworkSpec } from '../../model/spec';
import { DEFAULT_CONFIG, type TrainConfig } from '../../model/training';
import type { FromWorker } from '../../protocol/fromWorker';
import { PROTOCOL_VERSION, type ToWorker } from '../../protocol/toWorker';
import { readMnist } from '../../testing/mnistFiles';
import type { Mnist } from '../data/dataset';
import { WorkerSession } from '../workerSession';
import { planProblem, replayRun } from './replayRun';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const net = (rate: number): NetworkSpec => ({
  layers: [
    { kind: 'flatten' },
    { kind: 'dense', units: 32, activation: 'relu' },
    { kind: 'dropout', rate },
    { kind: 'dense', units: 10, activation: 'softmax' },
  ],
});
const config: TrainConfig = { ...DEFAULT_CONFIG, batchSize: 50, trainSize: 1500, epochLimit: 3, augment: 'shift' };

let mnist: Mnist;
beforeAll(() => {
  const m = readMnist();
  mnist = {
    trainPixels: m.trainPixels,
    trainLabels: m.trainLabels,
    testPixels: m.testPixels,
    testLabels: m.testLabels,
  };
});

function session() {
  const sent: FromWorker[] = [];
  const s = new WorkerSession((m) => sent.push(m), { loadData: async () => mnist, backends: ['cpu'] });
  const send = (m: ToWorker | unknown) => s.receive(m);
  const log = async () => {
    await send({ type: 'runLog', rid: 99 });
    const r = sent.filter((m) => m.type === 'reply' && m.request === 'runLog').at(-1);
    if (!r || r.type !== 'reply' || r.request !== 'runLog') throw new Error('no run log');
    return r.answer;
  };
  const init = () =>
    send({
      type: 'init',
      version: PROTOCOL_VERSION,
      dataUrl: '/data/',
      network: net(0.2),
      config,
      backend: 'auto',
      restore: null,
    });
  return { sent, send, log, init };
}

const until = async (f: () => boolean) => {
  for (let i = 0; i < 6000 && !f(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(f()).toBe(true);
};

describe('replaying a run', () => {
  it('repeats a live run with changes exactly, on the same backend', async () => {
    const h = session();
    await h.init();
    for (let i = 0; i < 7; i++) await h.send({ type: 'trainBatch' }); // the Step button
    await h.send({ type: 'setConfig', config: { ...config, learningRate: 0.003 } });
    await h.send({ type: 'start' });
    const epochs = () => h.sent.filter((m) => m.type === 'epochEnd');
    await until(() => epochs().length >= 1);
    // Changes while training: they land on whatever batch the loop is at.
    await h.send({ type: 'setConfig', config: { ...config, learningRate: 0.05, optimizer: 'momentum' } });
    await h.send({ type: 'setNetwork', network: net(0.4) });
    await until(() => epochs().length >= 3 && h.sent.at(-1)?.type !== 'progress');
    await until(() => h.sent.some((m) => m.type === 'state' && m.state === 'paused'));
    const log = await h.log();
    expect(log.taints).toEqual([]);
    // Two messages between the same two batches make one change; otherwise two.
    expect(log.changes.length).toBeGreaterThanOrEqual(2);
    expect(log.changes[0]).toMatchObject({ batch: 7, config: { learningRate: 0.003, optimizer: 'adam' } });
    expect(log.changes.at(-1)).toMatchObject({
      network: net(0.4),
      config: { learningRate: 0.05, optimizer: 'momentum' },
    });
    expect(log.changes.at(-1)!.batch).toBeGreaterThanOrEqual(30); // after the first epoch (30 batches)
    const live = epochs().map((e) => (e.type === 'epochEnd' ? e.testAccuracy : NaN));
    const replayed = await replayRun(mnist, { start: log.start, changes: log.changes, epochs: 3 });
    expect(replayed).toEqual(live.slice(0, 3));
    // Without the changes, the same seed gives another run: the log is what makes the replay right.
    const plain = await replayRun(mnist, { start: log.start, changes: [], epochs: 1 });
    expect(plain[0]).not.toBe(live[0]);
  }, 120_000);

  it('marks what a replay cannot repeat, and a reset starts a clean log', async () => {
    const h = session();
    await h.init();
    await h.send({ type: 'trainBatch' });
    await h.send({ type: 'setConfig', config: { ...config, trainWithMine: true } });
    await h.send({ type: 'setMyDigits', version: 1, pixels: new Uint8Array(784 * 10), labels: new Uint8Array(10) });
    await h.send({ type: 'trainBatch' });
    expect((await h.log()).taints).toEqual(['mine']);
    await h.send({ type: 'reset' });
    const fresh = await h.log();
    expect(fresh.taints).toEqual([]);
    expect(fresh.changes).toEqual([]);
    expect(fresh.start.config.trainWithMine).toBe(true);

    // Weights from a saved session, and an applied learning step: both shape the run beyond its settings.
    await h.send({ type: 'setConfig', config });
    await h.send({ type: 'trainBatch' });
    await h.send({ type: 'getWeights', rid: 5 });
    const saved = h.sent.find((m) => m.type === 'reply' && m.request === 'getWeights');
    if (!saved || saved.type !== 'reply' || saved.request !== 'getWeights') throw new Error('no weights');
    await h.send({ type: 'loadSession', rid: 6, network: net(0.2), config, point: saved.answer });
    expect((await h.log()).taints).toEqual(['session']);
    await h.send({ type: 'reset' });
    await h.send({ type: 'trainBatch' });
    await h.send({
      type: 'learningStepOpen',
      rid: 7,
      source: { kind: 'test', index: 0 },
      learningRate: 0.1,
      fresh: false,
    });
    await h.send({ type: 'learningStepApply', rid: 8 });
    expect((await h.log()).taints).toEqual(['learningStep']);
  }, 60_000);

  it('refuses plans it cannot repeat', () => {
    const start = { network: net(0.2), config };
    expect(planProblem({ start, changes: [], epochs: 1 })).toBeNull();
    const other = {
      layers: [{ kind: 'flatten' as const }, { kind: 'dense' as const, units: 10, activation: 'softmax' as const }],
    };
    expect(planProblem({ start, changes: [{ batch: 3, network: other, config }], epochs: 1 })).toMatch(/dropout/);
    expect(
      planProblem({
        start,
        changes: [
          { batch: 5, network: net(0.2), config },
          { batch: 5, network: net(0.3), config },
        ],
        epochs: 1,
      }),
    ).toMatch(/order/);
    expect(
      planProblem({ start: { network: net(0.2), config: { ...config, batchSize: 0 } }, changes: [], epochs: 1 }),
    ).not.toBeNull();
  });
});
