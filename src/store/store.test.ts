import { describe, expect, it } from 'vitest';
import { downsample } from '../charts/downsample';
import { appendSeries, MAX_SERIES } from './store';

const pts = (n: number, from = 1) => Array.from({ length: n }, (_, i) => ({ batch: from + i, loss: 1, accuracy: 0.5 }));

describe('metric series', () => {
  it('stays bounded while keeping the latest point', () => {
    let s = pts(MAX_SERIES);
    s = appendSeries(s, pts(10, MAX_SERIES + 1));
    expect(s.length).toBeLessThanOrEqual(MAX_SERIES);
    expect(s[s.length - 1].batch).toBe(MAX_SERIES + 10);
    expect(s.every((p, i) => i === 0 || p.batch > s[i - 1].batch)).toBe(true);
  });

  it('downsamples for charts keeping first and last', () => {
    const d = downsample(pts(1000), 100);
    expect(d).toHaveLength(100);
    expect(d[0].batch).toBe(1);
    expect(d[99].batch).toBe(1000);
  });
});

describe('the pad input', () => {
  it('keeps its array when the same input is asked again, and takes a new one when it changes', async () => {
    const { predictionAsked } = await import('./actions');
    const { useStore } = await import('./store');
    const pixels = Float32Array.from({ length: 784 }, (_, i) => (i % 7) / 7);
    predictionAsked(pixels);
    const first = useStore.getState().draw.input;
    predictionAsked(pixels.slice()); // the refresh while training
    expect(useStore.getState().draw.input).toBe(first);
    pixels[100] = 1;
    predictionAsked(pixels);
    expect(useStore.getState().draw.input).not.toBe(first);
    expect(useStore.getState().draw.input![100]).toBe(1);
    predictionAsked(null);
    expect(useStore.getState().draw.input).toBeNull();
  });
});
