// The training session: model, optimizer, position in the epoch, the tight training loop and evaluation.
// Owns every tensor it makes. Per batch it only queues GPU work; losses are read back in groups
// (every ~100 ms) so GPU backends are not stalled each batch.
import * as tf from '@tensorflow/tfjs';
import { gatherBatch, PIXELS } from '../data/batch';
import { histogram } from '../data/histogram';
import { epochOrder } from '../data/prng';
import type { NetworkSpec } from '../model/spec';
import { scheduledRate, type TrainConfig } from '../model/training';
import type { BatchPoint, LayerHistogram } from '../protocol/fromWorker';
import { buildModel, probabilities } from './buildModel';
import { makeOptimizer, setRate } from './optimizers';
import { restoreSnapshot, takeSnapshot, weightsFinite, type Snapshot } from './snapshot';
import type { Mnist } from './dataset';

/** Debiased exponential moving average (as TensorBoard smooths curves). */
class Ema {
  private v = 0;
  private n = 0;
  constructor(private readonly alpha: number) {}
  push(x: number): number {
    this.n++;
    this.v = this.alpha * this.v + (1 - this.alpha) * x;
    return this.v / (1 - Math.pow(this.alpha, this.n));
  }
  reset() {
    this.v = 0;
    this.n = 0;
  }
}

export type EvalResult = { accuracy: number; loss: number; ms: number };

export class Trainer {
  model!: tf.Sequential;
  private specIndex: number[] = [];
  private optimizer!: tf.Optimizer;
  epoch = 0;
  /** Batches trained since the last reset. */
  batch = 0;
  /** Examples of the current epoch already used. */
  private cursor = 0;
  private order: Int32Array;
  private x = new Float32Array(0);
  private y = new Int32Array(0);
  /** [loss, accuracy] scalars of batches not yet read back. */
  private pending: { batch: number; loss: tf.Scalar; acc: tf.Scalar }[] = [];
  private lossEma = new Ema(0.9);
  private accEma = new Ema(0.9);
  private testImages: tf.Tensor4D | null = null;
  /** The learning rate the optimizer uses now (after the schedule). */
  rate = 0;
  /** Last known-good weights: taken when training starts, every epoch and before each config change. */
  snapshot: Snapshot | null = null;

  constructor(
    private readonly data: Mnist,
    public network: NetworkSpec,
    public config: TrainConfig,
  ) {
    this.order = epochOrder(this.trainCount, config.seed, 0);
    this.build();
  }

  get trainCount() {
    return this.data.trainLabels.length;
  }

  get batchesPerEpoch() {
    return Math.floor(this.trainCount / this.config.batchSize);
  }

  get batchInEpoch() {
    return Math.floor(this.cursor / this.config.batchSize);
  }

  private build() {
    const built = buildModel(this.network, this.config.seed);
    this.model = built.model;
    this.specIndex = built.specIndex;
    this.optimizer = makeOptimizer(this.config);
    this.rate = this.config.learningRate;
  }

  /** Weights as plain arrays, to move the model to another backend. */
  async exportWeights(): Promise<Float32Array[]> {
    return (await takeSnapshot(this.model, this.batch, this.epoch)).weights;
  }

  /** Rebuilds on the current backend and loads `weights` (from exportWeights); optimizer state restarts. */
  rebuild(weights: Float32Array[] | null) {
    this.disposeTensors();
    this.build();
    if (weights) restoreSnapshot(this.model, { batch: this.batch, epoch: this.epoch, weights });
  }

  async saveSnapshot() {
    this.snapshot = await takeSnapshot(this.model, this.batch, this.epoch);
  }

  /** Rolls back to the last snapshot with a fresh optimizer (its moments may hold the divergence too). */
  restore(): Snapshot | null {
    const s = this.snapshot;
    if (!s) return null;
    restoreSnapshot(this.model, s);
    this.optimizer.dispose();
    this.optimizer = makeOptimizer(this.config);
    this.rate = this.config.learningRate;
    this.discardPending();
    this.lossEma.reset();
    this.accEma.reset();
    return s;
  }

  weightsFinite(): Promise<boolean> {
    return weightsFinite(this.model);
  }

  /** Live dropout change: tfjs Dropout layers read `rate` on every call. rates[i] is for spec layer i. */
  setDropoutRates(rates: (number | null)[]) {
    this.model.layers.forEach((layer, k) => {
      const r = rates[this.specIndex[k]];
      if (r !== null && r !== undefined && layer.getClassName() === 'Dropout') (layer as unknown as { rate: number }).rate = r;
    });
    this.network = { layers: this.network.layers.map((l, i) => (l.kind === 'dropout' && rates[i] != null ? { ...l, rate: rates[i]! } : l)) };
  }

  /** New weights from the seed, first epoch again, same network and config. */
  reset() {
    this.rebuild(null);
    this.snapshot = null;
    this.epoch = 0;
    this.batch = 0;
    this.cursor = 0;
    this.order = epochOrder(this.trainCount, this.config.seed, 0);
    this.lossEma.reset();
    this.accEma.reset();
  }

  /** Switches to another network: new weights from the seed, history restarts. */
  setNetwork(net: NetworkSpec) {
    this.network = net;
    this.reset();
  }

  setConfig(c: TrainConfig) {
    const old = this.config;
    this.config = c;
    if (c.optimizer !== old.optimizer) {
      this.optimizer.dispose();
      this.optimizer = makeOptimizer(c);
      this.rate = c.learningRate;
    }
    this.applySchedule();
  }

  /** True when the epoch has no full batch left (the remainder is dropped, as drop_last does). */
  get epochDone() {
    return this.cursor + this.config.batchSize > this.trainCount;
  }

  /** Queues one training step; no read-back. */
  trainBatch() {
    const B = this.config.batchSize;
    if (this.x.length !== B * PIXELS) {
      this.x = new Float32Array(B * PIXELS);
      this.y = new Int32Array(B);
    }
    gatherBatch(this.data.trainPixels, this.data.trainLabels, this.order, this.cursor, B, this.x, this.y);
    this.applySchedule();
    this.cursor += B;
    this.batch++;
    let acc: tf.Scalar | null = null;
    const l2 = this.config.l2;
    const kernels = l2 > 0 ? this.model.trainableWeights.filter((w) => w.name.includes('kernel')).map((w) => w.read()) : [];
    const loss = tf.tidy(() => {
      const xs = tf.tensor4d(this.x, [B, 28, 28, 1]);
      const labels = tf.tensor1d(this.y, 'int32');
      return this.optimizer.minimize(() => {
        const logits = this.model.apply(xs, { training: true }) as tf.Tensor2D;
        acc = tf.keep(tf.mean(tf.cast(tf.equal(tf.argMax(logits, 1), labels), 'float32')) as tf.Scalar);
        const ce = tf.losses.softmaxCrossEntropy(tf.oneHot(labels, 10), logits) as tf.Scalar;
        return kernels.length ? tf.add(ce, tf.mul(l2, tf.addN(kernels.map((k) => tf.sum(tf.square(k)))))) : ce;
      }, true) as tf.Scalar;
    });
    this.pending.push({ batch: this.batch, loss, acc: acc as unknown as tf.Scalar });
  }

  /** Sets the optimizer's rate from the schedule at the current point of training. */
  private applySchedule() {
    const lr = scheduledRate(this.config, this.epoch + this.cursor / this.trainCount);
    if (lr !== this.rate) {
      setRate(this.optimizer, lr);
      this.rate = lr;
    }
  }

  /** Starts the next epoch's shuffled order. */
  nextEpoch() {
    this.epoch++;
    this.cursor = 0;
    this.order = epochOrder(this.trainCount, this.config.seed, this.epoch);
  }

  get pendingCount() {
    return this.pending.length;
  }

  /** Reads back queued losses in one transfer and returns smoothed points. */
  async drainPoints(): Promise<BatchPoint[]> {
    if (this.pending.length === 0) return [];
    const items = this.pending;
    this.pending = [];
    const stacked = tf.tidy(() => tf.stack(items.flatMap((p) => [p.loss, p.acc])));
    const values = await stacked.data();
    stacked.dispose();
    items.forEach((p) => {
      p.loss.dispose();
      p.acc.dispose();
    });
    return items.map((p, i) => ({
      batch: p.batch,
      loss: this.lossEma.push(values[2 * i]),
      accuracy: this.accEma.push(values[2 * i + 1]),
    }));
  }

  /** Accuracy and mean loss on all test images, 1,000 at a time, one read-back at the end. */
  async evaluate(): Promise<EvalResult> {
    const t0 = performance.now();
    const n = this.data.testLabels.length;
    if (!this.testImages) {
      const xs = new Float32Array(n * PIXELS);
      for (let i = 0; i < xs.length; i++) xs[i] = this.data.testPixels[i] * (1 / 255);
      this.testImages = tf.tensor4d(xs, [n, 28, 28, 1]);
    }
    const testImages = this.testImages;
    const totals = tf.tidy(() => {
      const labels = tf.tensor1d(Int32Array.from(this.data.testLabels), 'int32');
      let correct: tf.Tensor = tf.scalar(0);
      let lossSum: tf.Tensor = tf.scalar(0);
      for (let s = 0; s < n; s += 1000) {
        const size = Math.min(1000, n - s);
        const logits = this.model.apply(testImages.slice([s, 0, 0, 0], [size, 28, 28, 1]), { training: false }) as tf.Tensor2D;
        const y = labels.slice([s], [size]);
        correct = correct.add(tf.equal(tf.argMax(logits, 1), y).cast('float32').sum());
        lossSum = lossSum.add(tf.losses.softmaxCrossEntropy(tf.oneHot(y, 10), logits, undefined, undefined, tf.Reduction.SUM));
      }
      return tf.stack([correct, lossSum]);
    });
    const [correct, lossSum] = await totals.data();
    totals.dispose();
    return { accuracy: correct / n, loss: lossSum / n, ms: performance.now() - t0 };
  }

  /** pixels: 784 floats in [0,1] → 10 probabilities. */
  async predict(pixels: Float32Array): Promise<Float32Array> {
    const probs = tf.tidy(() => probabilities(this.model, tf.tensor4d(pixels, [1, 28, 28, 1])));
    const out = (await probs.data()) as Float32Array;
    probs.dispose();
    return out;
  }

  /** Weight (kernel) distribution of each trainable layer. */
  async histograms(): Promise<LayerHistogram[]> {
    const out: LayerHistogram[] = [];
    for (const [li, layer] of this.model.layers.entries()) {
      const kernel = layer.trainableWeights.find((w) => w.name.includes('kernel') || w.name.includes('gamma'));
      if (!kernel) continue;
      const values = await kernel.read().data();
      const h = histogram(values, 30);
      out.push({ layer: this.specIndex[li], name: layer.name, ...h });
    }
    return out;
  }

  private discardPending() {
    for (const p of this.pending) {
      p.loss.dispose();
      p.acc.dispose();
    }
    this.pending = [];
  }

  private disposeTensors() {
    this.discardPending();
    this.testImages?.dispose();
    this.testImages = null;
    this.optimizer?.dispose();
    this.model?.dispose();
  }

  dispose() {
    this.disposeTensors();
  }
}
