// UMAP through umap-js as the worker runs it: ten separated clusters stay separated in 2D (the 5-NN measure),
// the same seed gives the same picture, and a point of a cluster is placed among its cluster.
import { describe, expect, it } from 'vitest';
import { knnAccuracy } from '../../model/knnAccuracy';
import { mulberry32 } from '../../model/prng';
import { umapFit } from './umapFit';

function clusters(n: number, d: number) {
  const rand = mulberry32(9);
  const labels = Array.from({ length: n }, (_, i) => i % 10);
  const points = new Float32Array(n * d);
  labels.forEach((l, i) => {
    for (let j = 0; j < d; j++) points[i * d + j] = (j % 10 === l ? 5 : 0) + rand();
  });
  return { labels, points };
}

describe('umapFit', () => {
  it('keeps separated clusters apart, repeats with its seed and places a new point by its cluster', async () => {
    const n = 300,
      d = 20;
    const { labels, points } = clusters(n, d);
    const self = points.slice(3 * d, 4 * d); // a copy of point 3 (label 3)
    const a = await umapFit(points, n, d, self, 1);
    expect(a.coords.length).toBe(n * 2);
    expect(knnAccuracy(a.coords, labels)).toBeGreaterThan(0.95);
    const b = await umapFit(points, n, d, self, 1);
    expect(Array.from(b.coords)).toEqual(Array.from(a.coords));
    // The placed point's nearest fitted point is a 3.
    let best = -1,
      bestD = Infinity;
    for (let i = 0; i < n; i++) {
      const dist = (a.coords[i * 2] - a.self![0]) ** 2 + (a.coords[i * 2 + 1] - a.self![1]) ** 2;
      if (dist < bestD) [best, bestD] = [i, dist];
    }
    expect(labels[best]).toBe(3);
  }, 60_000);
});
