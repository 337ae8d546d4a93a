// The UMAP worker's messages: the guards pass what the page and the worker send and refuse the rest.
import { describe, expect, it } from 'vitest';
import { isUmapReply, isUmapRequest, UMAP_MAX_POINTS } from './umap';

describe('the UMAP protocol', () => {
  const fit = { type: 'fit', id: 1, n: 3, d: 2, points: new Float32Array(6), self: null, seed: 42 };
  it('accepts a well-formed fit and replies', () => {
    expect(isUmapRequest(fit)).toBe(true);
    expect(isUmapRequest({ ...fit, self: new Float32Array(2) })).toBe(true);
    expect(isUmapReply({ type: 'progress', id: 1, epoch: 10, epochs: 200 })).toBe(true);
    expect(isUmapReply({ type: 'done', id: 1, coords: new Float32Array(6), self: null })).toBe(true);
    expect(isUmapReply({ type: 'failed', id: 1, detail: 'x' })).toBe(true);
  });
  it('refuses points of the wrong size, too many, a self of another width, and unknown messages', () => {
    for (const bad of [
      { ...fit, points: new Float32Array(5) },
      { ...fit, n: UMAP_MAX_POINTS + 1, points: new Float32Array((UMAP_MAX_POINTS + 1) * 2) },
      { ...fit, self: new Float32Array(3) },
      { ...fit, points: [1, 2, 3, 4, 5, 6] },
      { ...fit, n: 1, points: new Float32Array(2) },
      { ...fit, type: 'transform' },
      null,
    ])
      expect(isUmapRequest(bad)).toBe(false);
    expect(isUmapReply({ type: 'done', id: 1, coords: [1, 2], self: null })).toBe(false);
    expect(isUmapReply({ type: 'failed', id: 'x', detail: 'x' })).toBe(false);
  });
});
