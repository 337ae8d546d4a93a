// A small synthetic "MNIST" for training tests: digit d lights up the d-th band of rows, plus noise, so the
// loss really falls within a few batches (real digits are in mnistFiles.ts).
import { mulberry32 } from '../model/prng';
import type { MnistFiles } from './mnistFiles';

export function bandDigits(n: number, testCount = 200, seed = 5): MnistFiles {
  const rand = mulberry32(seed);
  const make = (count: number) => {
    const pixels = new Uint8Array(count * 784);
    const labels = new Uint8Array(count);
    for (let i = 0; i < count; i++) {
      const d = Math.floor(rand() * 10);
      labels[i] = d;
      for (let p = 0; p < 784; p++)
        pixels[i * 784 + p] = Math.floor(p / 78.4) === d ? 200 + Math.floor(rand() * 55) : Math.floor(rand() * 40);
    }
    return { pixels, labels };
  };
  const train = make(n),
    test = make(testCount);
  return { trainPixels: train.pixels, trainLabels: train.labels, testPixels: test.pixels, testLabels: test.labels };
}
