// What is inside the network, for the page: weight and gradient histograms on stable ranges, update-to-weight
// ratios, dead ReLU units, every layer's output for the drawn digit, and weights drawn as images.
// Built once per model; its probe model shares the trained model's layers and weights, so it owns no tensors.
import * as tf from '@tensorflow/tfjs';
import { histogram } from '../../data/histogram';
import type { Bins, LayerActivation, LayerHistogram, WeightImages } from '../../protocol/fromWorker';
import { inferNetwork } from '../../model/shapes';
import type { NetworkSpec } from '../../model/spec';
import { PIXELS } from '../../model/spec';

/** Kernel gradients and ‖Δw‖/‖w‖ of one step, keyed by variable name (tensors, read later in one go). */
export type StepStats = { grads: Map<string, tf.Tensor>; ratios: Map<string, tf.Scalar> };

const BINS = 30;
/**
 * Dense units drawn as pictures. 64, not all 128 of the founding MLP: measured with `npm run bench`, drawing 128
 * pictures every second cut training from ~5.6k to ~3.7k examples/s on 2 cores (main-thread rendering).
 */
const MAX_DENSE_IMAGES = 64;

/** Histogram on a symmetric range that only grows, so snapshots over time share bins. */
class StableRange {
  private r = new Map<string, number>();
  bins(key: string, values: ArrayLike<number>): Bins {
    let m = 0;
    for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i])) m = Math.max(m, Math.abs(values[i]));
    const prev = this.r.get(key) ?? 0;
    // Grow to 1.25× what is needed, rounded, so the range changes rarely.
    const need = m > prev ? Number((m * 1.25).toPrecision(2)) : prev;
    const r = need || 1e-6;
    this.r.set(key, r);
    return histogram(values, BINS, { min: -r, max: r });
  }
}

export class Insights {
  private probe: tf.LayersModel;
  private ranges = new StableRange();
  /** Per spec layer: the length of its input when that input is flat, else null (computed once per model). */
  private inputSizes: (number | null)[];

  constructor(
    private readonly model: tf.Sequential,
    private readonly specIndex: number[],
    private readonly network: NetworkSpec,
  ) {
    this.probe = tf.model({ inputs: model.inputs, outputs: model.layers.map((l) => l.output as tf.SymbolicTensor) });
    const info = inferNetwork(network);
    this.inputSizes = network.layers.map((_, i) => {
      const shape = i === 0 ? null : info.layers[i - 1].outputShape;
      return shape && shape.length === 1 ? shape[0] : null;
    });
  }

  /** The tfjs layer whose output is spec layer i's output (the last one built for it). */
  private outputOf(i: number) {
    return this.specIndex.lastIndexOf(i);
  }

  /** pixels: 784 floats → probabilities (10) and each spec layer's output for this one image. */
  async predict(pixels: Float32Array): Promise<{ probs: Float32Array; activations: LayerActivation[] }> {
    const outs = tf.tidy(() => {
      const all = this.probe.predict(tf.tensor4d(pixels, [1, 28, 28, 1])) as tf.Tensor[];
      const picked = this.network.layers.map((_, i) => all[this.outputOf(i)]);
      picked[picked.length - 1] = tf.softmax(picked[picked.length - 1]); // logits → probabilities
      return picked.map((t) => t.squeeze([0]));
    });
    const values = await Promise.all(outs.map((t) => t.data() as Promise<Float32Array>));
    const activations = outs.map((t, i) => ({
      layer: i,
      name: this.network.layers[i].kind,
      shape: t.shape,
      values: values[i],
    }));
    outs.forEach((t) => t.dispose());
    return { probs: values[values.length - 1], activations };
  }

  /** Spec layer `layer`'s output for `images` ([n, 28, 28, 1]), one flat row per image: [n, width]. */
  layerOutputs(images: tf.Tensor4D, layer: number): tf.Tensor2D {
    return tf.tidy(() => {
      // One batch: predict's default of 32 per batch made 2,000 images ~20× slower on wasm.
      const all = this.probe.predict(images, { batchSize: images.shape[0] }) as tf.Tensor[];
      const out = all[this.outputOf(layer)];
      return out.reshape([out.shape[0], -1]) as tf.Tensor2D;
    });
  }

  /** Fraction of ReLU units silent on all of `images` ([n,28,28,1]), per spec layer with a ReLU. */
  async deadFractions(images: tf.Tensor4D): Promise<Map<number, number>> {
    const relu = this.network.layers.flatMap((l, i) =>
      (l.kind === 'dense' || l.kind === 'conv2d' || l.kind === 'activation') &&
      l.activation === 'relu' &&
      i < this.network.layers.length - 1
        ? [i]
        : [],
    );
    if (relu.length === 0) return new Map();
    const fr = tf.tidy(() => {
      const all = this.probe.predict(images, { batchSize: images.shape[0] }) as tf.Tensor[];
      return tf.stack(
        relu.map((i) => {
          const out = all[this.outputOf(i)];
          const axes = out.shape.slice(0, -1).map((_, k) => k); // all but the unit/channel axis
          return tf.lessEqual(tf.max(out, axes), 0).cast('float32').mean();
        }),
      );
    });
    const v = await fr.data();
    fr.dispose();
    return new Map(relu.map((i, k) => [i, v[k]]));
  }

  /** Histograms of kernels (and their gradients and update ratios when `step` is given). */
  async histograms(step: StepStats | null, dead: Map<number, number>): Promise<LayerHistogram[]> {
    const out: LayerHistogram[] = [];
    for (const [li, layer] of this.model.layers.entries()) {
      const w = layer.trainableWeights.find((v) => v.name.includes('kernel') || v.name.includes('gamma'));
      if (!w) continue;
      const values = (await w.read().data()) as Float32Array;
      const h = this.ranges.bins(`w:${w.name}`, values);
      const g = step?.grads.get(w.name);
      const r = step?.ratios.get(w.name);
      const grads: Bins | null = g ? this.ranges.bins(`g:${w.name}`, (await g.data()) as Float32Array) : null;
      const ratio = r ? (await r.data())[0] : NaN;
      const updateRatio = Number.isFinite(ratio) ? ratio : null;
      const spec = this.specIndex[li];
      out.push({
        layer: spec,
        name: this.network.layers[spec].kind,
        ...h,
        grads,
        updateRatio,
        deadFraction: dead.get(spec) ?? null,
      });
    }
    return out;
  }

  /** Dense layers fed by the raw image (784 inputs) as 28×28 pictures per unit; conv filters as k×k. */
  async weightImages(): Promise<WeightImages[]> {
    const inputSizes = this.inputSizes;
    const out: WeightImages[] = [];
    for (const [li, layer] of this.model.layers.entries()) {
      const spec = this.specIndex[li];
      const kernel = layer.trainableWeights.find((v) => v.name.includes('kernel'));
      if (!kernel) continue;
      const kind = this.network.layers[spec].kind;
      if (kind === 'dense' && inputSizes[spec] === PIXELS) {
        const units = Math.min(MAX_DENSE_IMAGES, kernel.shape[1] as number);
        const t = tf.tidy(() => tf.transpose(kernel.read().slice([0, 0], [PIXELS, units]))); // [units, 784]
        out.push({
          layer: spec,
          name: layer.name,
          kind: 'dense',
          side: 28,
          count: units,
          values: (await t.data()) as Float32Array,
        });
        t.dispose();
      } else if (kind === 'conv2d') {
        const [k, , , f] = kernel.shape as number[];
        const t = tf.tidy(() => tf.transpose(tf.mean(kernel.read(), 2), [2, 0, 1])); // [filters, k, k]
        out.push({
          layer: spec,
          name: layer.name,
          kind: 'conv',
          side: k,
          count: f,
          values: (await t.data()) as Float32Array,
        });
        t.dispose();
      }
    }
    return out;
  }
}

export function disposeStep(s: StepStats | null) {
  s?.grads.forEach((t) => t.dispose());
  s?.ratios.forEach((t) => t.dispose());
}
