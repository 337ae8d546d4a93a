// Worker entry: receives ToWorker messages, runs the session, posts FromWorker events.
// The loop yields to the event loop every ~20 ms (MessageChannel, not animation frames, so hidden tabs keep
// training), which lets predictions and control messages run between batches.
import * as tf from '@tensorflow/tfjs';
import type { FromWorker } from '../protocol/fromWorker';
import { BACKENDS, PROTOCOL_VERSION, type BackendChoice, type BackendName, type ToWorker } from '../protocol/toWorker';
import { isToWorker, transferablesOf, unreachable } from '../protocol/transfer';
import { chooseBackend, probeBackend, type Probe } from './backends';
import { DataError, loadMnist, type Mnist } from './dataset';
import { Throughput } from './throughput';
import { Trainer } from './trainer';
import type { NetworkSpec } from '../model/spec';
import type { TrainConfig } from '../model/training';

const post = (msg: FromWorker) => (self as unknown as Worker).postMessage(msg, transferablesOf(msg));

const channel = new MessageChannel();
const wakeups: (() => void)[] = [];
channel.port1.onmessage = () => wakeups.shift()?.();
const yieldTask = () => new Promise<void>((r) => (wakeups.push(r), channel.port2.postMessage(0)));

let dataUrl = '';
let network: NetworkSpec | null = null;
let config: TrainConfig | null = null;
let choice: BackendChoice = 'auto';
let probes: Probe[] = [];
/** The network the probes were run for: backends are re-checked when it changes. */
let probedFor: NetworkSpec | null = null;
let data: Mnist | null = null;
let trainer: Trainer | null = null;
let running = false;
let loopDone: Promise<void> = Promise.resolve();
const throughput = new Throughput();

function errorText(e: unknown) {
  return e instanceof Error ? e.message : String(e);
}

function fail(message: string, retryData = false) {
  running = false;
  post({ type: 'error', message, retryData });
  post({ type: 'state', state: 'error' });
}

async function probeAll(net: NetworkSpec): Promise<Probe[]> {
  const out: Probe[] = [];
  for (const b of BACKENDS) out.push(await probeBackend(b, net)); // one at a time: tfjs has one active backend
  probedFor = net;
  return out;
}

async function switchBackend(c: BackendChoice): Promise<BackendName | null> {
  const pick = chooseBackend(c, probes);
  if (!pick) {
    fail(`No backend can train this network here: ${probes.map((p) => `${p.backend}: ${p.detail}`).join('; ')}.`);
    return null;
  }
  if (!(await tf.setBackend(pick.backend))) {
    fail(`The ${pick.backend} backend stopped working.`);
    return null;
  }
  post({ type: 'backend', backend: pick.backend, available: probes.filter((p) => p.ok).map((p) => p.backend), note: pick.note });
  return pick.backend;
}

async function sendHistograms() {
  if (trainer) post({ type: 'histograms', batch: trainer.batch, epoch: trainer.epoch, layers: await trainer.histograms() });
}

async function flush(t: Trainer): Promise<boolean> {
  const points = await t.drainPoints();
  if (points.length === 0) return true;
  post({
    type: 'progress',
    epoch: t.epoch,
    batch: t.batch,
    batchInEpoch: t.batchInEpoch,
    batchesPerEpoch: t.batchesPerEpoch,
    examplesPerSecond: throughput.rate(),
    points,
  });
  const last = points[points.length - 1];
  if (!Number.isFinite(last.loss)) {
    running = false;
    post({ type: 'error', message: `The loss became ${last.loss} at batch ${last.batch}: training diverged. Lower the learning rate (now ${t.config.learningRate}) and press Reset.`, retryData: false });
    post({ type: 'state', state: 'paused' });
    return false;
  }
  return true;
}

async function endEpoch(t: Trainer) {
  t.nextEpoch();
  const r = await t.evaluate();
  post({ type: 'epochEnd', epoch: t.epoch, batch: t.batch, testAccuracy: r.accuracy, testLoss: r.loss, evalMs: r.ms });
  await sendHistograms();
}

async function trainOne(t: Trainer): Promise<boolean> {
  t.trainBatch();
  throughput.add(t.config.batchSize);
  if (t.epochDone) {
    if (!(await flush(t))) return false;
    await endEpoch(t);
  }
  return true;
}

async function loop(t: Trainer) {
  throughput.restart();
  let lastFlush = performance.now(), lastYield = lastFlush, lastHist = lastFlush;
  try {
    while (running) {
      if (!(await trainOne(t))) return;
      const now = performance.now();
      if (now - lastFlush >= 100 || t.pendingCount >= 64) {
        if (!(await flush(t))) return;
        lastFlush = performance.now();
      }
      if (now - lastHist >= 1000) {
        await sendHistograms();
        lastHist = performance.now();
      }
      if (now - lastYield >= 20) {
        await yieldTask();
        lastYield = performance.now();
      }
    }
    await flush(t);
    post({ type: 'state', state: 'paused' });
  } catch (e) {
    fail(`Training stopped: ${errorText(e)}`);
  }
}

async function stopLoop() {
  running = false;
  await loopDone;
}

async function loadData() {
  post({ type: 'state', state: 'loading' });
  let last = 0;
  const probing = probedFor === network ? Promise.resolve(probes) : probeAll(network!);
  try {
    data = await loadMnist(dataUrl, (loaded, total) => {
      const now = performance.now();
      if (now - last > 100 || loaded === total) {
        last = now;
        post({ type: 'dataProgress', loadedBytes: loaded, totalBytes: total });
      }
    });
  } catch (e) {
    await probing;
    fail(e instanceof DataError ? e.message : `Could not load the MNIST data: ${errorText(e)}`, true);
    return;
  }
  probes = await probing;
  const net = network!;
  if (probedFor !== net) probes = await probeAll(net); // the network changed while the data loaded
  post({ type: 'dataReady', trainCount: data.trainLabels.length, testCount: data.testLabels.length });
  if (!(await switchBackend(choice))) return;
  try {
    trainer = new Trainer(data, net, config!);
  } catch (e) {
    fail(`Could not build the network: ${errorText(e)}`);
    return;
  }
  post({ type: 'state', state: 'ready' });
  await sendHistograms();
}

async function handle(msg: ToWorker) {
  switch (msg.type) {
    case 'init':
      if (msg.version !== PROTOCOL_VERSION) return fail(`Page and worker versions differ (${msg.version} vs ${PROTOCOL_VERSION}): reload the page.`);
      dataUrl = msg.dataUrl;
      network = msg.network;
      config = msg.config;
      choice = msg.backend;
      return loadData();
    case 'retryData':
      return loadData();
    case 'start':
      if (!trainer || running) return;
      running = true;
      post({ type: 'state', state: 'training' });
      loopDone = loop(trainer);
      return;
    case 'pause':
      return stopLoop();
    case 'step':
      if (!trainer || running) return;
      try {
        if (await trainOne(trainer)) {
          await flush(trainer);
          post({ type: 'state', state: 'paused' });
        }
      } catch (e) {
        fail(`Training stopped: ${errorText(e)}`);
      }
      return;
    case 'reset':
      if (!trainer) return;
      await stopLoop();
      trainer.reset();
      post({ type: 'resetDone' });
      post({ type: 'state', state: 'ready' });
      return sendHistograms();
    case 'setBackend': {
      choice = msg.backend;
      if (!trainer) return;
      const wasRunning = running;
      await stopLoop();
      const weights = await trainer.exportWeights();
      if (!(await switchBackend(choice))) return;
      trainer.rebuild(weights);
      if (wasRunning) return handle({ type: 'start' });
      return;
    }
    case 'setNetwork': {
      network = msg.network;
      if (!trainer) return; // still loading: the new network is built when the data is ready
      await stopLoop();
      post({ type: 'state', state: 'loading' });
      probes = await probeAll(msg.network);
      if (!(await switchBackend(choice))) return;
      try {
        trainer.setNetwork(msg.network);
      } catch (e) {
        return fail(`Could not build the network: ${errorText(e)}`);
      }
      post({ type: 'resetDone' });
      post({ type: 'state', state: 'ready' });
      return sendHistograms();
    }
    case 'setConfig':
      config = msg.config;
      trainer?.setConfig(msg.config);
      return;
    case 'predict':
      if (!trainer) return;
      post({ type: 'prediction', id: msg.id, probs: await trainer.predict(msg.pixels) });
      return;
    default:
      return unreachable(msg);
  }
}

// Messages run one after another so a Reset or backend switch never interleaves with a Step or a
// prediction; Pause skips the queue so it takes effect after the current batch.
let queue: Promise<void> = Promise.resolve();
self.onmessage = (e: MessageEvent<unknown>) => {
  const msg = e.data;
  if (!isToWorker(msg)) {
    console.warn('worker: ignored malformed message', msg);
    return;
  }
  if (msg.type === 'pause') running = false;
  queue = queue.then(() => handle(msg)).catch((err) => fail(`Worker error: ${errorText(err)}`));
};
