// The data a trainer reads, with the data lab's experiments applied: the training view (which images, which
// labels: data/dataLab.ts), my digits mixed into batches, the test set's tensors, and the extra sets evaluated
// beside it (the changed test images, my digits). Views and tensors are made once per setting and kept.
import * as tf from '@tensorflow/tfjs';
import { gatherBatch, PIXELS } from '../../data/batch';
import { sameData, trainingView, type DataChoice, type TrainingView } from '../../data/dataLab';
import { shiftImages } from '../../data/testShift';
import { epochOrder, mulberry32 } from '../../model/prng';
import type { TrainConfig } from '../../model/training';
import type { Mnist } from '../data/dataset';
import type { MineSet } from '../data/mineSet';
import { chunkSizeFor, evaluateModel, makeTestChunks, type TestChunks } from './evaluate';
import type { NetworkSpec } from '../../model/spec';

/** One in this many examples of a batch comes from my digits when training with them (at least one per batch). */
export const MINE_EVERY = 8;

export type ExtraResults = {
  /** Accuracy on my digits and the digit each was read as; null without my digits. */
  mine: { version: number; accuracy: number; predicted: Uint8Array } | null;
  /** Accuracy on the changed test images; null when no change is chosen. */
  shifted: number | null;
};

export class DataSets {
  private choice: DataChoice;
  view: TrainingView;
  private test: TestChunks | null = null;
  private probe: tf.Tensor4D | null = null;
  private shifted: { key: string; chunks: TestChunks } | null = null;
  private mineChunks: { key: string; chunks: TestChunks } | null = null;

  constructor(
    private readonly data: Mnist,
    readonly mine: MineSet,
    c: TrainConfig,
  ) {
    this.choice = c;
    this.view = trainingView(data.trainLabels, c);
  }

  /** Follows a config; true when the training view changed (the epoch's order must be drawn again). */
  setConfig(c: TrainConfig): boolean {
    if (sameData(this.choice, c)) return false;
    this.choice = c;
    this.view = trainingView(this.data.trainLabels, c);
    return true;
  }

  /** Images in an epoch: the view's, or one batch when the experiment left fewer (they then repeat). */
  count(batchSize: number) {
    return Math.max(this.view.indices.length, batchSize);
  }

  /** The epoch's shuffled order of training-set indices (seeded per epoch, as prng.ts epochOrder). */
  order(seed: number, epoch: number, batchSize: number): Int32Array {
    const idx = this.view.indices;
    const n = this.count(batchSize);
    const perm = epochOrder(n, seed, epoch);
    return idx.length === 0 ? new Int32Array(n) : perm.map((k) => idx[k % idx.length]);
  }

  /**
   * Fills x (B × 784) and y from `order` at `start`, with the experiment's labels; with `mixMine`, the last
   * max(1, round(B / MINE_EVERY)) examples are my digits drawn at random (seeded by seed and batch).
   */
  gather(order: Int32Array, start: number, B: number, x: Float32Array, y: Int32Array, mix: MixMine | null) {
    gatherBatch(this.data.trainPixels, this.view.labels, order, start, B, x, y);
    const n = this.mine.count;
    if (!mix || n === 0) return;
    const m = Math.max(1, Math.round(B / MINE_EVERY));
    const rand = mulberry32((mix.seed ^ Math.imul(mix.batch, 0x85ebca6b) ^ 0x4d494e45) >>> 0);
    for (let k = B - m; k < B; k++) {
      const i = Math.floor(rand() * n);
      x.set(this.mine.pixels.subarray(i * PIXELS, (i + 1) * PIXELS), k * PIXELS);
      y[k] = this.mine.labels[i];
    }
  }

  /** The test images in chunks the network's memory allows (made once per chunk size). */
  testChunks(network: NetworkSpec): TestChunks {
    const size = chunkSizeFor(network);
    if (this.test?.size !== size) {
      this.test?.parts.forEach((p) => p.dispose());
      this.test = makeTestChunks(this.data.testPixels, this.data.testLabels.length, size);
    }
    return this.test;
  }

  /** The first 256 test images, [256, 28, 28, 1]: what the dead-ReLU measure runs on. */
  probeImages(): tf.Tensor4D {
    this.probe ??= makeTestChunks(this.data.testPixels, Math.min(256, this.data.testLabels.length), 256).parts[0];
    return this.probe;
  }

  /** My digits and the changed test set, evaluated with `model` in the chunk size `network` allows. */
  async evaluateExtras(model: tf.LayersModel, c: TrainConfig, network: NetworkSpec): Promise<ExtraResults> {
    const size = chunkSizeFor(network);
    let mine: ExtraResults['mine'] = null;
    if (this.mine.count > 0) {
      const key = `${this.mine.version}/${size}`;
      if (this.mineChunks?.key !== key) {
        this.disposeMine();
        const bytes = Uint8Array.from(this.mine.pixels, (v) => Math.round(v * 255));
        this.mineChunks = { key, chunks: makeTestChunks(bytes, this.mine.count, size) };
      }
      const r = await evaluateModel(model, this.mineChunks.chunks, this.mine.labels);
      mine = { version: this.mine.version, accuracy: r.accuracy, predicted: r.predicted };
    }
    let shifted: number | null = null;
    if (c.testShift !== 'none') {
      const key = `${c.testShift}/${c.testShiftAmount}/${size}`;
      if (this.shifted?.key !== key) {
        this.disposeShifted();
        const n = this.data.testLabels.length;
        const pixels = shiftImages(this.data.testPixels, n, c.testShift, c.testShiftAmount);
        this.shifted = { key, chunks: makeTestChunks(pixels, n, size) };
      }
      shifted = (await evaluateModel(model, this.shifted.chunks, this.data.testLabels)).accuracy;
    }
    return { mine, shifted };
  }

  private disposeMine() {
    this.mineChunks?.chunks.parts.forEach((p) => p.dispose());
    this.mineChunks = null;
  }

  private disposeShifted() {
    this.shifted?.chunks.parts.forEach((p) => p.dispose());
    this.shifted = null;
  }

  /** Frees the evaluation tensors (a backend switch or the trainer's end); views are plain arrays and stay. */
  disposeTensors() {
    this.test?.parts.forEach((p) => p.dispose());
    this.test = null;
    this.probe?.dispose();
    this.probe = null;
    this.disposeMine();
    this.disposeShifted();
  }
}

/** Mixing my digits into a batch: the run's seed and the batch number draw which ones. */
export type MixMine = { seed: number; batch: number };
