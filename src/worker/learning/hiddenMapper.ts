// The hidden layer's map (issue #30): one layer's outputs for the map's 2,000 test images and for the drawing, on
// the live weights, brought to 2D by PCA (model/pca.ts) with the 5-nearest-neighbour measure beside it. Outputs
// wider than SKETCH_D values are count-sketched first (model/hiddenMap.ts). Read synchronously, so one map is one
// set of weights: training waits for it (a few tens of ms for the founding MLP, measured in the note).
import * as tf from '@tensorflow/tfjs';
import { mapChunk, mapSample, makeSketch, sketchRows, SKETCH_D, type Sketch } from '../../model/hiddenMap';
import { inferNetwork } from '../../model/shapes';
import { knnAccuracy } from '../../model/knnAccuracy';
import { pcaMap } from '../../model/pca';
import { PIXELS } from '../../model/spec';
import type { HiddenMap } from '../../protocol/requests';
import type { Mnist } from '../data/dataset';
import type { Trainer } from '../training/trainer';

/** The d × d covariance of n points (n × d) on the tfjs backend: one matrix product, not a JS triple loop. */
function covarianceOf(points: Float32Array, n: number, d: number): Float32Array {
  return tf.tidy(() => {
    const x = tf.tensor2d(points, [n, d]);
    const centred = x.sub(x.mean(0));
    return tf
      .matMul(centred, centred, true, false)
      .div(n - 1)
      .dataSync() as Float32Array;
  });
}

export class HiddenMapper {
  /** The sample's images as model inputs (n × 784 floats), made once per dataset (~50 ms each time otherwise). */
  private cached: { data: Mnist; sample: Int32Array; images: Float32Array } | null = null;
  private sketches = new Map<number, Sketch>();
  /** The last frame's coordinates per network and layer, so the axes keep their orientation. */
  private last = { key: '', coords: null as Float64Array | null };

  /**
   * The map of spec layer `layer`. `self`: the drawing (784 floats), placed on the same axes. `points`: also send
   * the values the map was made from (for UMAP); `pixels`: also the images (for hovering).
   */
  map(
    t: Trainer,
    data: Mnist,
    ask: { layer: number; self: Float32Array | null; points: boolean; pixels: boolean },
  ): HiddenMap {
    const started = performance.now();
    const { sample, images } = this.imagesOf(data);
    const n = sample.length;
    let width = 0;
    const read = (x: Float32Array, rows: number): Float32Array => {
      const out = tf.tidy(() => t.layerOutputs(tf.tensor4d(x, [rows, 28, 28, 1]), ask.layer));
      const values = out.dataSync() as Float32Array;
      width = out.shape[1];
      out.dispose();
      if (width <= SKETCH_D) return values;
      let sketch = this.sketches.get(width);
      if (!sketch) this.sketches.set(width, (sketch = makeSketch(width)));
      const small = new Float32Array(rows * SKETCH_D);
      sketchRows(values, rows, sketch, small, 0);
      return small;
    };
    // The probe model outputs every layer: the chunk bounds their memory (one chunk for the founding MLP).
    const chunk = mapChunk(PIXELS + inferNetwork(t.network).totalActivations, n);
    const chunks: Float32Array[] = [];
    for (let at = 0; at < n; at += chunk) {
      const rows = Math.min(chunk, n - at);
      chunks.push(read(images.subarray(at * PIXELS, (at + rows) * PIXELS), rows));
    }
    const d = chunks[0].length / Math.min(chunk, n);
    const points = new Float32Array(n * d);
    chunks.forEach((c, i) => points.set(c, i * chunk * d));
    const selfPoint = ask.self ? read(ask.self, 1) : null;

    const key = `${JSON.stringify(t.network)}|${ask.layer}`;
    const previous = this.last.key === key ? this.last.coords : null;
    const m = pcaMap(points, n, d, previous, selfPoint ?? [], covarianceOf(points, n, d));
    this.last = { key, coords: m.coords };
    const labels = Uint8Array.from(sample, (k) => data.testLabels[k]);
    return {
      layer: ask.layer,
      width,
      used: d,
      epoch: t.epoch,
      batch: t.batch,
      indices: Int32Array.from(sample),
      labels,
      coords: Float32Array.from(m.coords),
      self: selfPoint ? Float32Array.from(m.extra) : null,
      variance: m.variance,
      knn: knnAccuracy(m.coords, labels),
      ms: performance.now() - started,
      points: ask.points ? points : null,
      selfPoint: ask.points ? selfPoint : null,
      pixels: ask.pixels ? Uint8Array.from(images, (v) => Math.round(v * 255)) : null,
    };
  }

  private imagesOf(data: Mnist) {
    if (this.cached?.data !== data) {
      const sample = mapSample(data.testLabels.length);
      const images = new Float32Array(sample.length * PIXELS);
      for (let i = 0; i < sample.length; i++) {
        const from = sample[i] * PIXELS;
        for (let p = 0; p < PIXELS; p++) images[i * PIXELS + p] = data.testPixels[from + p] / 255;
      }
      this.cached = { data, sample, images };
    }
    return this.cached;
  }
}
