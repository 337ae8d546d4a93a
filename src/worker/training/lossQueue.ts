// Batch losses and accuracies stay on the backend as scalars until the loop reads them back, all in one transfer
// (a read-back per batch would stall a GPU pipeline), then leave smoothed as chart points.
import * as tf from '@tensorflow/tfjs';
import type { BatchPoint } from '../../protocol/fromWorker';
import { Ema } from './ema';

export class LossQueue {
  /** [loss, accuracy] scalars of batches not yet read back. */
  private pending: { batch: number; loss: tf.Scalar; acc: tf.Scalar }[] = [];
  private readonly lossEma = new Ema(0.9);
  private readonly accEma = new Ema(0.9);

  /** Keeps batch `batch`'s scalars (owned by the queue from now on). */
  push(batch: number, loss: tf.Scalar, acc: tf.Scalar) {
    this.pending.push({ batch, loss, acc });
  }

  get size() {
    return this.pending.length;
  }

  /** Reads back the queued scalars in one transfer and returns smoothed points. */
  async drain(): Promise<BatchPoint[]> {
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

  /** Frees what was not read back (a reset, a restore, a rebuild). */
  discard() {
    for (const p of this.pending) {
      p.loss.dispose();
      p.acc.dispose();
    }
    this.pending = [];
  }

  /** The next point starts a new smoothed curve. */
  restartSmoothing() {
    this.lossEma.reset();
    this.accEma.reset();
  }
}
