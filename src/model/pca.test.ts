// The hidden layer's map: PCA against a known decomposition (points built along chosen orthogonal directions with
// chosen variances), the wide-layer path (Gram matrix) against the covariance path, axes that keep their
// orientation between frames, and the nearest-neighbour measure on separable and on mixed data.
import { describe, expect, it } from 'vitest';
import { knnAccuracy } from './knnAccuracy';
import { COVARIANCE_MAX_D, pcaMap } from './pca';
import { mulberry32 } from './prng';

/** n points in d dimensions: a·s_i·e1 + b·t_i·e2 + c (s, t of mean 0 and variance 1), e1, e2 orthonormal. */
function planted(n: number, d: number, a: number, b: number) {
  const rand = mulberry32(3);
  const e1 = new Float64Array(d),
    e2 = new Float64Array(d);
  // Two orthonormal directions that are not axes: spread over all coordinates.
  for (let j = 0; j < d; j++) {
    e1[j] = (j % 2 ? 1 : -1) / Math.sqrt(d);
    e2[j] = (j % 4 < 2 ? 1 : -1) / Math.sqrt(d);
  }
  const s = Array.from({ length: n }, (_, i) => (i % 2 ? 1 : -1) * (0.5 + rand()));
  const t = Array.from({ length: n }, () => rand() * 2 - 1);
  const norm = (v: number[]) => {
    const m = v.reduce((x, y) => x + y, 0) / n;
    const sd = Math.sqrt(v.reduce((x, y) => x + (y - m) ** 2, 0) / (n - 1));
    return v.map((y) => (y - m) / sd);
  };
  const sn = norm(s);
  // t made exactly uncorrelated with s in the sample, so the planted variances are the exact eigenvalues.
  const t0 = norm(t);
  const r = t0.reduce((x, y, i) => x + y * sn[i], 0) / sn.reduce((x, y) => x + y * y, 0);
  const tn = norm(t0.map((y, i) => y - r * sn[i]));
  const points = new Float64Array(n * d);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < d; j++) points[i * d + j] = a * sn[i] * e1[j] + b * tn[i] * e2[j] + 0.25 * j;
  return { points, sn, tn };
}

const corr = (x: number[], y: number[]) => {
  const dot = x.reduce((s, v, i) => s + v * y[i], 0);
  return dot / Math.sqrt(x.reduce((s, v) => s + v * v, 0) * y.reduce((s, v) => s + v * v, 0));
};
const axis = (coords: Float64Array, k: number) =>
  Array.from({ length: coords.length / 2 }, (_, i) => coords[i * 2 + k]);

describe('pcaMap', () => {
  it('finds the planted components and their variances', () => {
    const { points, sn, tn } = planted(300, 16, 3, 1);
    const m = pcaMap(points, 300, 16);
    expect(m.variance[0]).toBeCloseTo(9, 6);
    expect(m.variance[1]).toBeCloseTo(1, 6);
    expect(Math.abs(corr(axis(m.coords, 0), sn))).toBeCloseTo(1, 9);
    expect(Math.abs(corr(axis(m.coords, 1), tn))).toBeCloseTo(1, 9);
  });

  it('maps a wide layer through the Gram matrix to the same picture', () => {
    const d = COVARIANCE_MAX_D + 88;
    const { points } = planted(120, d, 2, 1.5);
    const gram = pcaMap(points, 120, d);
    // The same samples built 64 wide go through the covariance: the two maps must agree up to sign.
    const narrow = planted(120, 64, 2, 1.5);
    const cov = pcaMap(narrow.points, 120, 64);
    expect(gram.variance[0]).toBeCloseTo(4, 6);
    expect(gram.variance[1]).toBeCloseTo(2.25, 6);
    for (const k of [0, 1]) expect(Math.abs(corr(axis(gram.coords, k), axis(cov.coords, k)))).toBeCloseTo(1, 9);
  });

  it('keeps the orientation of the last frame', () => {
    const { points } = planted(200, 10, 2, 1);
    const first = pcaMap(points, 200, 10);
    const flipped = first.coords.map((v, i) => (i % 2 ? v : -v));
    const again = pcaMap(points, 200, 10, flipped);
    expect(corr(axis(again.coords, 0), axis(flipped, 0))).toBeCloseTo(1, 9);
    expect(corr(axis(again.coords, 1), axis(flipped, 1))).toBeCloseTo(1, 9);
  });

  it('places extra points on the same axes, on both paths, after a flip too', () => {
    for (const d of [16, COVARIANCE_MAX_D + 8]) {
      const { points } = planted(100, d, 2, 1);
      const extra = Array.from(points.slice(7 * d, 9 * d)); // points 7 and 8 again
      const first = pcaMap(points, 100, d, null, extra);
      const flipped = first.coords.map((v) => -v);
      for (const m of [first, pcaMap(points, 100, d, flipped, extra)])
        for (let q = 0; q < 2; q++)
          for (const k of [0, 1]) expect(m.extra[q * 2 + k]).toBeCloseTo(m.coords[(7 + q) * 2 + k], 5);
    }
  });

  it('gives the same map from a covariance computed elsewhere', () => {
    const { points } = planted(150, 12, 2, 1);
    const own = pcaMap(points, 150, 12);
    const mean = Array.from({ length: 12 }, (_, j) => {
      let s = 0;
      for (let i = 0; i < 150; i++) s += points[i * 12 + j];
      return s / 150;
    });
    const cov = new Float64Array(144);
    for (let i = 0; i < 150; i++)
      for (let a = 0; a < 12; a++)
        for (let b = 0; b < 12; b++)
          cov[a * 12 + b] += ((points[i * 12 + a] - mean[a]) * (points[i * 12 + b] - mean[b])) / 149;
    const given = pcaMap(points, 150, 12, null, [], cov);
    for (let k = 0; k < own.coords.length; k++) expect(given.coords[k]).toBeCloseTo(own.coords[k], 9);
  });

  it('maps too few or constant points to the origin', () => {
    expect(Array.from(pcaMap([1, 2, 3], 1, 3).coords)).toEqual([0, 0]);
    const flat = pcaMap(new Float64Array(40).fill(2), 10, 4);
    for (const v of [...flat.variance, ...flat.coords]) expect(Math.abs(v)).toBeLessThan(1e-12);
  });
});

describe('knnAccuracy', () => {
  const rand = mulberry32(11);
  it('is 1 on ten separable clusters and about 0.1 when the labels are random', () => {
    const n = 500;
    const labels = Array.from({ length: n }, (_, i) => i % 10);
    const coords = new Float64Array(n * 2);
    labels.forEach((l, i) => {
      coords[i * 2] = 10 * Math.cos(l) + rand();
      coords[i * 2 + 1] = 10 * Math.sin(l) + rand();
    });
    expect(knnAccuracy(coords, labels)).toBe(1);
    const shuffled = labels.map(() => Math.floor(rand() * 10));
    expect(knnAccuracy(coords, shuffled)).toBeLessThan(0.2);
  });

  it('leaves each point out of its own vote, and gives a tie to the nearest voter', () => {
    // Point 0 at the origin; its neighbours at distances 1..5 labelled 1, 2, 2, 1, 3: a 2-2 tie, nearest is 1.
    const coords = [0, 0, 1, 0, 2, 0, 3, 0, 4, 0, 5, 0];
    const labels = [1, 1, 2, 2, 1, 3];
    // Worked by hand: points 0 and 1 win their ties (nearest voter 1), point 4 loses its tie to the 2 at distance 1,
    // points 2, 3 and 5 are outvoted by the 1s: 2 of 6.
    expect(knnAccuracy(coords, labels)).toBeCloseTo(2 / 6, 12);
    expect(knnAccuracy(coords.slice(0, 4), [0, 1])).toBe(0); // fewer points than k + 1
  });
});
