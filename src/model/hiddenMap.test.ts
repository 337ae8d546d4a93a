// The map's helpers: which layers can be mapped, the fixed sample, and the count sketch that caps wide layers
// (the map of sketched points against the exact map of the full points, by the Gram path).
import { describe, expect, it } from 'vitest';
import { defaultMapLayer, makeSketch, mapLayers, mapSample, sketchRows, SKETCH_D } from './hiddenMap';
import { pcaMap } from './pca';
import { presetById } from './presets';
import { mulberry32 } from './prng';

describe('mapLayers', () => {
  it('offers every layer before the output but dropout, with its width', () => {
    expect(mapLayers(presetById('mlp-seed').network)).toEqual([
      { index: 0, width: 784 },
      { index: 1, width: 128 },
    ]);
    expect(defaultMapLayer(presetById('mlp-seed').network)).toBe(1);
    const deep = presetById('mlp-deep-dropout').network;
    expect(mapLayers(deep).map((l) => l.index)).toEqual([0, 1, 3]);
    expect(defaultMapLayer(presetById('cnn-small').network)).toBe(2);
    expect(mapLayers(presetById('cnn-small').network)[0].width).toBe(14 * 14 * 8);
  });

  it('has nothing to map in a network without a hidden layer or one that cannot be built', () => {
    expect(defaultMapLayer({ layers: [{ kind: 'dense', units: 10, activation: 'softmax' }] })).toBe(-1);
    expect(mapLayers({ layers: [{ kind: 'dense', units: 10, activation: 'softmax' }] })).toEqual([]);
    expect(mapLayers({ layers: [{ kind: 'maxPool2d', poolSize: 40, stride: 1 }] })).toEqual([]);
  });
});

describe('mapSample', () => {
  it('is the same distinct test images every time', () => {
    const a = mapSample(10_000);
    expect(a.length).toBe(2000);
    expect(new Set(a).size).toBe(2000);
    expect(Array.from(mapSample(10_000))).toEqual(Array.from(a));
    expect(Math.max(...a)).toBeGreaterThan(9000);
    expect(mapSample(30).length).toBe(30);
  });
});

describe('the count sketch', () => {
  it('keeps a wide layer’s map: sketched PCA against the exact Gram-matrix PCA', () => {
    // 300 points in 3,000 dimensions: two strong directions spread over all values, plus noise.
    const n = 300,
      d = 3000;
    const rand = mulberry32(5);
    const points = new Float32Array(n * d);
    const u = Float32Array.from({ length: d }, () => rand() - 0.5);
    const v = Float32Array.from({ length: d }, () => rand() - 0.5);
    for (let i = 0; i < n; i++) {
      const a = 4 * (rand() - 0.5),
        b = 2 * (rand() - 0.5);
      for (let j = 0; j < d; j++) points[i * d + j] = a * u[j] + b * v[j] + 0.05 * (rand() - 0.5);
    }
    const exact = pcaMap(points, n, d);
    const sketched = new Float32Array(n * SKETCH_D);
    sketchRows(points, n, makeSketch(d), sketched, 0);
    const approx = pcaMap(sketched, n, SKETCH_D);
    for (const k of [0, 1]) {
      const x = Array.from({ length: n }, (_, i) => exact.coords[i * 2 + k]);
      const y = Array.from({ length: n }, (_, i) => approx.coords[i * 2 + k]);
      const dot = x.reduce((s, xv, i) => s + xv * y[i], 0);
      const r = dot / Math.sqrt(x.reduce((s, q) => s + q * q, 0) * y.reduce((s, q) => s + q * q, 0));
      expect(Math.abs(r)).toBeGreaterThan(0.98);
    }
  });

  it('is fixed per width and adds rows at the offset asked', () => {
    expect(Array.from(makeSketch(50).bucket)).toEqual(Array.from(makeSketch(50).bucket));
    const out = new Float32Array(3 * 4);
    const s = { bucket: Int32Array.from([0, 3, 3]), sign: Float32Array.from([1, -1, 1]) };
    sketchRows([1, 2, 5], 1, s, out, 2, 4);
    expect(Array.from(out.slice(8))).toEqual([1, 0, 0, 3]);
    expect(out.slice(0, 8).every((x) => x === 0)).toBe(true);
  });
});
