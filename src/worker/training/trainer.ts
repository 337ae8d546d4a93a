// The training session: model, optimizer, position in the epoch, the tight training loop and evaluation.
// Owns every tensor it makes. Per batch it only queues GPU work; losses are read back in groups
// (every ~100 ms) so GPU backends are not stalled each batch.
import * as tf from '@tensorflow/tfjs';
import { LossQueue } from './lossQueue';
import type { LoopProfile } from './loopProfile';
import { PIXELS } from '../../data/batch';
import { AUGMENT_SCRATCH, augmentBatch, augmentStream } from '../../data/augment';
import type { NetworkSpec } from '../../model/spec';
import { scheduledRate, type TrainConfig } from '../../model/training';
import type {
  BatchPoint,
  EpochSummary,
  LayerActivation,
  LayerHistogram,
  WeightImages,
} from '../../protocol/fromWorker';
import { buildModel, reseedDropout } from './buildModel';
import { cellImages, evaluateModel, type EvalResult } from './evaluate';
import { disposeStep, Insights, type StepStats } from './insights';
import { makeOptimizer, setRate } from './optimizers';
import {
  readOptimizer,
  restoreSnapshot,
  takeSnapshot,
  writeOptimizer,
  type OptimizerState,
  type Snapshot,
} from './snapshot';
import type { Mnist } from '../data/dataset';
import { MineSet } from '../data/mineSet';
import { DataSets, type ExtraResults } from './dataSets';
import { trainStep } from './trainStep';
import { RunLog, type Taint } from '../../model/runLog';

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
  private augScratch = new Float32Array(AUGMENT_SCRATCH);
  /** Losses and accuracies of batches not yet read back. */
  private readonly losses = new LossQueue();
  private insights!: Insights;
  /** Gradients and pre-step weights of one recent batch, for the histograms; null until the next request. */
  private step: StepStats | null = null;
  /** Set to measure gradients and the update on the next batch (about once a second). */
  wantStats = true;
  lastEval: EvalResult | null = null;
  /** The training view of the data experiments, my digits, and the extra evaluation sets. */
  readonly sets: DataSets;
  /** The learning rate the optimizer uses now (after the schedule). */
  rate = 0;
  /** Last known-good weights: taken when training starts, every epoch and before each config change. */
  snapshot: Snapshot | null = null;
  /** The tfjs backend this trainer's tensors live on. */
  backendName = tf.getBackend();
  /**
   * Weights copied but not yet trusted: a step with a huge learning rate can leave weights that are finite but
   * useless, and the loss that shows it is only computed by the next batch. A candidate becomes the snapshot
   * once a loss computed on it has been seen to be sound (confirmSnapshot).
   */
  candidate: Snapshot | null = null;
  /** What shaped this run since its fresh weights (model/runLog.ts): what a hand-in code carries. */
  readonly log: RunLog;
  /** While parked (a sweep run waiting for its turn): weights and optimizer state, no tensors. */
  private parked: { weights: Float32Array[]; optimizer: OptimizerState } | null = null;

  constructor(
    private readonly data: Mnist,
    public network: NetworkSpec,
    public config: TrainConfig,
    mine: MineSet = new MineSet(),
  ) {
    this.sets = new DataSets(data, mine, config);
    this.log = new RunLog(network, config);
    this.order = this.orderFor(0);
    this.build();
  }

  /** Images per epoch: the first `trainSize` of the training set (or all of it), less what the data lab left out. */
  get trainCount() {
    return this.sets.count(this.config.batchSize);
  }

  private orderFor(epoch: number) {
    return this.sets.order(this.config.seed, epoch, this.config.batchSize);
  }

  get batchesPerEpoch() {
    return Math.floor(this.trainCount / this.config.batchSize);
  }

  get batchInEpoch() {
    return Math.floor(this.cursor / this.config.batchSize);
  }

  private build() {
    this.backendName = tf.getBackend();
    const built = buildModel(this.network, this.config.seed);
    this.model = built.model;
    this.specIndex = built.specIndex;
    this.optimizer = makeOptimizer(this.config);
    this.rate = this.config.learningRate;
    this.insights = new Insights(this.model, this.specIndex, this.network);
  }

  /** Weights as plain arrays, to move the model to another backend. */
  async exportWeights(): Promise<Float32Array[]> {
    return (await takeSnapshot(this.model, this.batch, this.epoch)).weights;
  }

  /** Rebuilds on the current backend and loads `weights` (from exportWeights); optimizer state restarts. */
  rebuild(weights: Float32Array[] | null) {
    try {
      this.disposeTensors();
    } catch {
      // The old backend may be gone (lost GPU): its tensors cannot be freed, only forgotten.
    }
    this.build();
    if (weights) restoreSnapshot(this.model, { batch: this.batch, epoch: this.epoch, weights });
  }

  /**
   * Frees the model and optimizer, keeping their weights and state as arrays, so that a sweep's runs can take
   * turns with one model in memory at a time (training/sweep.ts). Read-backs must be drained first.
   */
  async park(): Promise<void> {
    if (this.parked) return;
    const weights = await this.exportWeights();
    const optimizer = await readOptimizer(this.optimizer);
    this.disposeTensors();
    this.parked = { weights, optimizer };
  }

  /** Rebuilds a parked trainer with its weights and optimizer state, exactly where it stopped. */
  async unpark(): Promise<void> {
    const p = this.parked;
    if (!p) return;
    this.parked = null;
    this.build();
    restoreSnapshot(this.model, { batch: this.batch, epoch: this.epoch, weights: p.weights });
    await writeOptimizer(this.optimizer, p.optimizer);
  }

  /** restoreFrom, when `p` holds weights of this model's sizes (a dead worker's point for another network does not). */
  restoreIfFits(p: { batch: number; epoch: number; weights: Float32Array[] }) {
    const sizes = this.model.getWeights().map((w) => w.size);
    if (p.weights.length === sizes.length && p.weights.every((w, i) => w.length === sizes[i]))
      this.restoreFrom(p, 'restarted');
  }

  /** Continues from weights saved elsewhere (a worker that died, a session) and their counters. */
  restoreFrom(p: { batch: number; epoch: number; weights: Float32Array[] }, why: Taint) {
    this.log.taint(why);
    restoreSnapshot(this.model, p);
    this.batch = p.batch;
    this.epoch = p.epoch;
    this.order = this.orderFor(this.epoch);
    this.snapshot = { ...p };
  }

  /**
   * Copies the weights: trusted at once (`trusted`: e.g. fresh or just restored), otherwise as a candidate.
   * False, and nothing kept, when a weight is NaN or infinite (checked on the copy: no second read-back).
   */
  async saveSnapshot(trusted = false): Promise<boolean> {
    const s = await takeSnapshot(this.model, this.batch, this.epoch);
    if (!s.weights.every((w) => w.every(Number.isFinite))) return false;
    if (trusted) {
      this.snapshot = s;
      this.candidate = null;
    } else this.candidate = s;
    return true;
  }

  /** Promotes the candidate when batch `checkedBatch` (its loss computed on later weights) was sound. */
  confirmSnapshot(checkedBatch: number): Snapshot | null {
    if (!this.candidate || checkedBatch <= this.candidate.batch) return null;
    this.snapshot = this.candidate;
    this.candidate = null;
    return this.snapshot;
  }

  /** Rolls back to the last snapshot with a fresh optimizer (its moments may hold the divergence too). */
  restore(): Snapshot | null {
    this.candidate = null;
    const s = this.snapshot;
    if (!s) return null;
    this.log.taint('diverged');
    restoreSnapshot(this.model, s);
    this.optimizer.dispose();
    this.optimizer = makeOptimizer(this.config);
    this.rate = this.config.learningRate;
    this.losses.discard();
    this.losses.restartSmoothing();
    return s;
  }

  /** Live dropout change: tfjs Dropout layers read `rate` on every call. rates[i] is for spec layer i. */
  setDropoutRates(rates: (number | null)[]) {
    this.model.layers.forEach((layer, k) => {
      const r = rates[this.specIndex[k]];
      if (r !== null && r !== undefined && layer.getClassName() === 'Dropout')
        (layer as unknown as { rate: number }).rate = r;
    });
    this.network = {
      layers: this.network.layers.map((l, i) =>
        l.kind === 'dropout' && rates[i] != null ? { ...l, rate: rates[i]! } : l,
      ),
    };
    this.log.change(this.batch, this.network, this.config);
  }

  /** New weights from the seed, first epoch again, same network and config. */
  reset() {
    this.rebuild(null);
    this.snapshot = null;
    this.epoch = 0;
    this.batch = 0;
    this.cursor = 0;
    this.sets.setConfig(this.config);
    this.order = this.orderFor(0);
    this.losses.restartSmoothing();
    this.log.begin(this.network, this.config);
  }

  /** A saved session: its network and config, then its weights and counters when it has them. */
  load(net: NetworkSpec, c: TrainConfig, point: { batch: number; epoch: number; weights: Float32Array[] } | null) {
    this.network = net;
    this.config = c;
    this.reset();
    if (point) this.restoreFrom(point, 'session');
  }

  setConfig(c: TrainConfig) {
    const [old, oldCount] = [this.config, this.trainCount];
    this.config = c;
    if (c.optimizer !== old.optimizer) {
      this.optimizer.dispose();
      this.optimizer = makeOptimizer(c);
      this.rate = c.learningRate;
    }
    // (A new batch size alone keeps the epoch's place; it changes the count only when fewer images than a batch
    // are left, and they then repeat.)
    if (this.sets.setConfig(c) || this.trainCount !== oldCount) {
      // Other images or labels (size, a digit left out, noise): this epoch starts over on them; weights and
      // counters stay.
      this.cursor = 0;
      this.order = this.orderFor(this.epoch);
    }
    this.applySchedule();
    this.log.change(this.batch, this.network, c);
  }

  /** True when the epoch has no full batch left (the remainder is dropped, as drop_last does). */
  get epochDone() {
    return this.cursor + this.config.batchSize > this.trainCount;
  }

  /** Queues one training step; no read-back. `profile` (the loop's) times its parts. */
  trainBatch(profile?: LoopProfile) {
    let t0 = performance.now();
    const B = this.config.batchSize;
    if (this.x.length !== B * PIXELS) {
      this.x = new Float32Array(B * PIXELS);
      this.y = new Int32Array(B);
    }
    const mix = this.config.trainWithMine ? { seed: this.config.seed, batch: this.batch + 1 } : null;
    if (mix) this.log.taint('mine');
    this.sets.gather(this.order, this.cursor, B, this.x, this.y, mix);
    if (profile) t0 = profile.add('batch', t0);
    // Augmented by the seeded stream of this batch (1-based): new at each step, the same in a repeated run.
    if (this.config.augment !== 'off')
      augmentBatch(this.x, B, this.config.augment, augmentStream(this.config.seed, this.batch + 1), 1, this.augScratch);
    if (profile) t0 = profile.add('augment', t0);
    this.applySchedule();
    this.cursor += B;
    this.batch++;
    reseedDropout(this.model, this.config.seed, this.batch);
    const withStats = this.wantStats;
    this.wantStats = false;
    const { loss, acc, stats } = trainStep(this.model, this.optimizer, {
      x: this.x,
      y: this.y,
      batchSize: B,
      l2: this.config.l2,
      withStats,
    });
    if (stats) {
      disposeStep(this.step);
      this.step = stats;
    }
    this.losses.push(this.batch, loss, acc);
    profile?.add('step', t0);
    profile?.countExamples(B);
  }

  /**
   * The first `count` images of the next batch as its training step will see them, before and after
   * augmentation (the same seeded transforms: augmentBatch draws per image in order), as 0-255 bytes.
   */
  augmentedSamples(count: number): { labels: number[]; original: Uint8Array; augmented: Uint8Array } {
    const start = this.epochDone ? 0 : this.cursor;
    const n = Math.min(count, this.config.batchSize, this.trainCount - start);
    const x = new Float32Array(n * PIXELS),
      y = new Int32Array(n);
    this.sets.gather(this.order, start, n, x, y, null);
    const original = Uint8Array.from(x, (v) => Math.round(v * 255));
    augmentBatch(x, n, this.config.augment, augmentStream(this.config.seed, this.batch + 1), 1, this.augScratch);
    return { labels: Array.from(y), original, augmented: Uint8Array.from(x, (v) => Math.round(v * 255)) };
  }

  /** Sets the optimizer's rate from the schedule at the current point of training. */
  private applySchedule() {
    const lr = scheduledRate(this.config, this.epoch + this.cursor / this.trainCount, this.batch + 1);
    if (lr !== this.rate) {
      setRate(this.optimizer, lr);
      this.rate = lr;
    }
  }

  /** Starts the next epoch's shuffled order. */
  nextEpoch() {
    this.epoch++;
    this.cursor = 0;
    this.order = this.orderFor(this.epoch);
  }

  get pendingCount() {
    return this.losses.size;
  }

  /** Reads back queued losses in one transfer and returns smoothed points. */
  drainPoints(): Promise<BatchPoint[]> {
    return this.losses.drain();
  }

  /** Accuracy, loss and confusion matrix on all test images; kept for the mistakes gallery. */
  async evaluate(): Promise<EvalResult> {
    this.lastEval = await evaluateModel(this.model, this.sets.testChunks(this.network), this.data.testLabels);
    return this.lastEval;
  }

  /**
   * Every evaluation of an epoch's end: the test set (kept for the mistakes gallery), my digits and the changed
   * test images; `summary` as the epoch events carry it (`epoch` may be fractional: a sweep stopped mid-epoch).
   */
  async evaluateEpoch(
    epoch = this.epoch,
  ): Promise<{ result: EvalResult; extras: ExtraResults; summary: EpochSummary }> {
    const result = await this.evaluate();
    const extras = await this.sets.evaluateExtras(this.model, this.config, this.network);
    const summary: EpochSummary = { epoch, batch: this.batch, testAccuracy: result.accuracy, testLoss: result.loss };
    if (extras.mine) summary.mineAccuracy = extras.mine.accuracy;
    if (extras.shifted !== null) summary.shiftedAccuracy = extras.shifted;
    return { result, extras, summary };
  }

  /** The test images of one confusion cell: pixels (n × 784 bytes) and probabilities (n × 10). */
  cell(actual: number, predicted: number) {
    return this.lastEval && cellImages(this.lastEval, this.data.testPixels, this.data.testLabels, actual, predicted);
  }

  /** pixels: 784 floats in [0,1] → 10 probabilities and every layer's output. */
  predict(pixels: Float32Array): Promise<{ probs: Float32Array; activations: LayerActivation[] }> {
    return this.insights.predict(pixels);
  }

  /** Spec layer `layer`'s output for `images` ([n, 28, 28, 1]) as [n, width]; the caller disposes it. */
  layerOutputs(images: tf.Tensor4D, layer: number): tf.Tensor2D {
    return this.insights.layerOutputs(images, layer);
  }

  /** Weight and gradient distributions of each trainable layer, dead ReLUs and update ratios. */
  async histograms(): Promise<LayerHistogram[]> {
    const dead = await this.insights.deadFractions(this.sets.probeImages());
    const out = await this.insights.histograms(this.step, dead);
    disposeStep(this.step);
    this.step = null;
    this.wantStats = true;
    return out;
  }

  weightImages(): Promise<WeightImages[]> {
    return this.insights.weightImages();
  }

  private disposeTensors() {
    this.losses.discard();
    disposeStep(this.step);
    this.step = null;
    this.wantStats = true;
    this.sets.disposeTensors();
    this.optimizer?.dispose();
    this.model?.dispose();
  }

  dispose() {
    if (this.parked)
      this.parked = null; // its tensors are already freed
    else this.disposeTensors();
  }
}
