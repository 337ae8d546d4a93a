// Worker entry: receives ToWorker messages, loads the data, picks backends and owns the session; the training
// loop itself is in runner.ts.
import * as tf from '@tensorflow/tfjs';
import type { FromWorker } from '../protocol/fromWorker';
import { BACKENDS, PROTOCOL_VERSION, type BackendChoice, type BackendName, type RestorePoint, type ToWorker } from '../protocol/toWorker';
import { isToWorker, transferablesOf, unreachable } from '../protocol/transfer';
import { chooseBackend, probeBackend, type Probe } from './backends/probeBackend';
import { DataError, loadMnist, type Mnist } from './data/dataset';
import { loseBackend, watchBackend } from './backends/watchBackend';
import { benchmarkFit } from './diagnostics/benchmarkFit';
import { checkGpuKernels } from './diagnostics/gpuKernelCheck';
import { exportLayersModel, WEIGHTS_FILE } from './io/exportModel';
import { Runner } from './training/runner';
import { Trainer } from './training/trainer';
import { dropoutChanges, onlyDropoutDiffers } from '../model/layers';
import { errorText } from '../model/guards';
import { msg as text, type Msg } from '../model/msg';
import type { NetworkSpec } from '../model/spec';
import { configProblem, describeChanges, type TrainConfig } from '../model/training';
import { batchProblem, inferNetwork } from '../model/shapes';

const post = (msg: FromWorker) => (self as unknown as Worker).postMessage(msg, transferablesOf(msg));

let dataUrl = '';
let network: NetworkSpec | null = null;
let config: TrainConfig | null = null;
let choice: BackendChoice = 'auto';
let probes: Probe[] = [];
/** The network the probes were run for: backends are re-checked when it changes. */
let probedFor: NetworkSpec | null = null;
let data: Mnist | null = null;
let trainer: Trainer | null = null;
/** Weights from a worker that died, applied once the model is built. */
let restore: RestorePoint | null = null;


/** Answers request `rid` with a reason instead of its reply. */
const refuse = (rid: number, message: Msg) => post({ type: 'failed', rid, message });

function fail(message: Msg, retryData = false) {
  runner.running = false;
  post({ type: 'error', message, retryData });
  post({ type: 'state', state: 'error' });
}

const runner = new Runner(post, (m) => fail(m), (reason, resume) => failover(reason, resume));

/** The GPU went away: mark its backend broken, rebuild on the next best one from the last snapshot, go on. */
async function failover(reason: string, resume: boolean) {
  const t = trainer;
  if (!t) return;
  runner.running = false;
  runner.lost = null;
  const from = t.backendName as BackendName;
  probes = probes.map((p) => (p.backend === from ? { ...p, ok: false, detail: reason } : p));
  const to = await switchBackend(choice);
  if (!to) return;
  const snap = t.snapshot;
  t.rebuild(snap ? snap.weights : null);
  post({
    type: 'backendLost',
    from,
    to,
    restoredBatch: snap?.batch ?? null,
    message: snap ? text('worker.backendLost', { from, to, reason, batch: snap.batch }) : text('worker.backendLostFresh', { from, to, reason }),
  });
  if (resume) runner.start(t);
  else post({ type: 'state', state: 'paused' });
}

/** Probes every backend for `net` and keeps the result in `probes`. */
async function probeAll(net: NetworkSpec): Promise<void> {
  const out: Probe[] = [];
  for (const b of BACKENDS) {
    post({ type: 'busy', stepMs: 0 }); // each probe trains a step on a fresh backend, blocking on wasm/cpu
    out.push(await probeBackend(b, net)); // one at a time: tfjs has one active backend
  }
  probedFor = net;
  probes = out;
}

async function switchBackend(c: BackendChoice): Promise<BackendName | null> {
  const pick = chooseBackend(c, probes);
  if (!pick) {
    fail(text('worker.noBackend', { details: probes.map((p) => `${p.backend}: ${p.detail}`).join('; ') }));
    return null;
  }
  if (!(await tf.setBackend(pick.backend))) {
    fail(text('worker.backendStopped', { backend: pick.backend }));
    return null;
  }
  post({ type: 'backend', backend: pick.backend, available: probes.filter((p) => p.ok).map((p) => p.backend), note: pick.note });
  watchBackend((reason) => {
    // The loop may be stuck on a read-back from the dead GPU: leave it behind and move on at once.
    const wasRunning = runner.running;
    runner.abandon();
    queue = queue.then(() => failover(reason, wasRunning));
  });
  return pick.backend;
}

/**
 * Stops training and rebuilds the trainer for `net` and `cfg`, with `point`'s weights or fresh ones from the
 * seed; backends are re-checked only when the network differs from the one they were probed for.
 */
async function rebuild(t: Trainer, net: NetworkSpec, cfg: TrainConfig, point: RestorePoint | null): Promise<boolean> {
  await runner.stop();
  network = net;
  config = cfg;
  if (JSON.stringify(probedFor) !== JSON.stringify(net)) {
    post({ type: 'state', state: 'loading' });
    await probeAll(net);
    if (!(await switchBackend(choice))) return false;
  }
  try {
    t.load(net, cfg, point);
  } catch (e) {
    fail(text('worker.buildFailed', { detail: errorText(e) }));
    return false;
  }
  post({ type: 'resetDone' });
  return true;
}

async function sendHistograms() {
  if (trainer) await runner.sendHistograms(trainer);
}

async function loadData() {
  post({ type: 'state', state: 'loading' });
  let last = 0;
  const probing = probedFor === network ? Promise.resolve() : probeAll(network!);
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
    fail(e instanceof DataError ? e.text : text('data.failed', { detail: errorText(e) }), true);
    return;
  }
  await probing;
  const net = network!;
  if (probedFor !== net) await probeAll(net); // the network changed while the data loaded
  post({ type: 'dataReady', trainCount: data.trainLabels.length, testCount: data.testLabels.length });
  if (!(await switchBackend(choice))) return;
  try {
    trainer = new Trainer(data, net, config!);
  } catch (e) {
    fail(text('worker.buildFailed', { detail: errorText(e) }));
    return;
  }
  if (restore) {
    const sizes = trainer.model.getWeights().map((w) => w.size);
    if (restore.weights.length === sizes.length && restore.weights.every((w, i) => w.length === sizes[i])) trainer.restoreFrom(restore);
    restore = null;
  }
  post({ type: 'state', state: 'ready' });
  await sendHistograms();
}

async function handle(msg: ToWorker) {
  switch (msg.type) {
    case 'init':
      if (msg.version !== PROTOCOL_VERSION) return fail(text('worker.versions', { page: msg.version, worker: PROTOCOL_VERSION }));
      dataUrl = msg.dataUrl;
      network = msg.network;
      config = msg.config;
      choice = msg.backend;
      restore = msg.restore;
      return loadData();
    case 'retryData':
      return loadData();
    case 'start':
      if (trainer) runner.start(trainer);
      return;
    case 'pause':
      return runner.stop();
    case 'step':
      if (trainer) await runner.step(trainer);
      return;
    case 'reset':
      if (!trainer) return;
      await runner.stop();
      trainer.reset();
      post({ type: 'resetDone' });
      post({ type: 'state', state: 'ready' });
      return sendHistograms();
    case 'setBackend': {
      choice = msg.backend;
      if (!trainer) return;
      const wasRunning = runner.running;
      await runner.stop();
      const weights = await trainer.exportWeights();
      if (!(await switchBackend(choice))) return;
      trainer.rebuild(weights);
      if (wasRunning) return handle({ type: 'start' });
      return;
    }
    case 'setNetwork': {
      const old = network;
      network = msg.network;
      if (!trainer) return; // still loading: the new network is built when the data is ready
      if (old && onlyDropoutDiffers(old, msg.network)) {
        // Dropout rates are hyperparameters: they change live, the weights stay.
        await trainer.saveSnapshot();
        trainer.setDropoutRates(msg.network.layers.map((l) => (l.kind === 'dropout' ? l.rate : null)));
        post({ type: 'configApplied', batch: trainer.batch, changes: dropoutChanges(old, msg.network) });
        return;
      }
      if (!(await rebuild(trainer, msg.network, config!, null))) return;
      post({ type: 'state', state: 'ready' });
      return sendHistograms();
    }
    case 'setConfig': {
      // The page checks configs before sending; one that slips through must not reach the loop (a batch larger
      // than the training set would read past its end).
      const problem = configProblem(msg.config);
      if (problem) return post({ type: 'error', message: problem, retryData: false });
      const old = config;
      config = msg.config;
      if (!trainer) return;
      if (trainer.batch > 0) await trainer.saveSnapshot(); // a change that diverges can be rolled back
      trainer.setConfig(msg.config);
      const changes = old ? describeChanges(old, msg.config) : [];
      if (changes.length && trainer.batch > 0) post({ type: 'configApplied', batch: trainer.batch, changes });
      return;
    }
    case 'predict':
      if (!trainer) return post({ type: 'predictionFailed', id: msg.id, message: text('worker.notReady') });
      post({ type: 'prediction', id: msg.id, ...(await trainer.predict(msg.pixels)) });
      return;
    case 'getCell': {
      const cell = trainer?.cell(msg.actual, msg.predicted);
      if (cell) post({ type: 'cellImages', actual: msg.actual, predicted: msg.predicted, ...cell });
      return;
    }
    case 'getSample': {
      if (!data) return post({ type: 'sample', rid: msg.rid, index: -1, label: -1, pixels: new Uint8Array(0) });
      const i = Math.floor(Math.random() * data.testLabels.length);
      return post({ type: 'sample', rid: msg.rid, index: i, label: data.testLabels[i], pixels: data.testPixels.slice(i * 784, (i + 1) * 784) });
    }
    case 'getAugmented':
      return post({ type: 'augmented', rid: msg.rid, ...(trainer ? trainer.augmentedSamples(msg.count) : { labels: [], original: new Uint8Array(0), augmented: new Uint8Array(0) }) });
    case 'ping':
      return; // answered in onmessage, ahead of the queue
    case 'benchmarkFit': {
      if (!trainer || !data || !network) return refuse(msg.rid, text('worker.notReady'));
      await runner.stop();
      post({ type: 'busy', stepMs: msg.seconds * 1000 });
      const r = await benchmarkFit(network, data, msg.seconds);
      post({ type: 'benchmarkResult', rid: msg.rid, backend: tf.getBackend() as BackendName, ...r });
      return;
    }
    case 'getWeights': {
      if (!trainer) return refuse(msg.rid, text('worker.notReady'));
      // The loop stops for the read so the weights come from one step, and carries on if it was running.
      const wasRunning = runner.running;
      await runner.stop();
      post({ type: 'weights', rid: msg.rid, point: { batch: trainer.batch, epoch: trainer.epoch, weights: await trainer.exportWeights() } });
      if (wasRunning) runner.start(trainer);
      return;
    }
    case 'loadSession': {
      if (!trainer) return refuse(msg.rid, text('worker.notReady'));
      // Checked again here: the page validated it, but the worker builds nothing it cannot train.
      const info = inferNetwork(msg.network);
      const problem = info.problem ?? configProblem(msg.config) ?? batchProblem(info, msg.config.batchSize);
      if (problem) return refuse(msg.rid, problem);
      if (!(await rebuild(trainer, msg.network, msg.config, msg.point))) return refuse(msg.rid, text('worker.notLoaded'));
      post({ type: 'sessionLoaded', rid: msg.rid, batch: trainer.batch, epoch: trainer.epoch });
      post({ type: 'state', state: trainer.batch > 0 ? 'paused' : 'ready' });
      return sendHistograms();
    }
    case 'exportModel': {
      if (!trainer) return refuse(msg.rid, text('worker.notReady'));
      const { modelJson, weights } = await exportLayersModel(trainer.model);
      post({ type: 'modelExport', rid: msg.rid, modelJson, weightsFile: WEIGHTS_FILE, weights: new Uint8Array(weights) });
      return;
    }
    case 'debugLoseBackend':
      loseBackend();
      return;
    case 'debugCheckGpuKernels':
      await runner.stop();
      post({ type: 'busy', stepMs: 0 });
      post({ type: 'gpuKernelCheck', rid: msg.rid, ...(await checkGpuKernels()) });
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
  if (msg.type === 'pause') runner.running = false;
  if (msg.type === 'ping') post({ type: 'pong', id: msg.id });
  queue = queue
    .then(() => handle(msg))
    .catch((err) => {
      const message = text('worker.error', { detail: errorText(err) });
      if ('rid' in msg) refuse(msg.rid, message); // every request gets an answer, even when its handler threw
      fail(message);
    });
};
