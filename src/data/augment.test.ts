import { describe, expect, it } from 'vitest';
import { AUGMENTS } from '../model/training';
import { augmentBatch } from './augment';
import { centreOfMass } from './preprocess';
import { mulberry32 } from '../model/prng';
import { strokesToMnist } from './strokes';

/** Three different digits as the pad would make them: a 7, a 0 and a 1 (3 × 784). */
function batch(): Float32Array {
  const x = new Float32Array(3 * 784);
  x.set(
    strokesToMnist([
      [
        [0, 0],
        [60, 0],
        [25, 100],
      ],
    ])!,
    0,
  );
  x.set(
    strokesToMnist([
      [
        [50, 0],
        [90, 50],
        [50, 100],
        [10, 50],
        [50, 0],
      ],
    ])!,
    784,
  );
  x.set(
    strokesToMnist([
      [
        [50, 0],
        [50, 100],
      ],
    ])!,
    2 * 784,
  );
  return x;
}
const ink = (x: Float32Array, k: number) => x.subarray(k * 784, (k + 1) * 784).reduce((s, v) => s + v, 0);
const com = (x: Float32Array, k: number) =>
  centreOfMass({ width: 28, height: 28, data: x.subarray(k * 784, (k + 1) * 784) })!;

describe('augmentBatch', () => {
  it('is the identity at strength 0 and for "off"', () => {
    for (const level of AUGMENTS) {
      const x = batch();
      augmentBatch(x, 3, level, mulberry32(1), 0);
      expect(x).toEqual(batch());
    }
    const x = batch();
    augmentBatch(x, 3, 'off', mulberry32(1));
    expect(x).toEqual(batch());
  });

  it('is deterministic per seed and differs between seeds and between images', () => {
    for (const level of ['shift', 'affine', 'elastic'] as const) {
      const a = batch(),
        b = batch(),
        c = batch();
      augmentBatch(a, 3, level, mulberry32(7));
      augmentBatch(b, 3, level, mulberry32(7));
      augmentBatch(c, 3, level, mulberry32(8));
      expect(a).toEqual(b);
      expect(a).not.toEqual(c);
      expect(a).not.toEqual(batch());
    }
  });

  it('keeps pixels in [0, 1] and about the same ink', () => {
    for (const level of ['shift', 'affine', 'elastic'] as const) {
      for (let seed = 0; seed < 20; seed++) {
        const x = batch();
        augmentBatch(x, 3, level, mulberry32(seed));
        expect(Math.min(...x)).toBeGreaterThanOrEqual(0);
        expect(Math.max(...x)).toBeLessThanOrEqual(1);
        for (let k = 0; k < 3; k++) {
          // Scaling by up to 12% changes the area by up to 1.12² ≈ 1.25; bilinear resampling spreads ~10% more.
          expect(ink(x, k) / ink(batch(), k)).toBeGreaterThan(0.7);
          expect(ink(x, k) / ink(batch(), k)).toBeLessThan(1.45);
        }
      }
    }
  });

  it('"shift" moves each digit by at most 2 px, without turning it', () => {
    for (let seed = 0; seed < 20; seed++) {
      const x = batch();
      augmentBatch(x, 3, 'shift', mulberry32(seed));
      for (let k = 0; k < 3; k++) {
        const a = com(batch(), k),
          b = com(x, k);
        expect(Math.abs(b.x - a.x)).toBeLessThanOrEqual(2.05);
        expect(Math.abs(b.y - a.y)).toBeLessThanOrEqual(2.05);
      }
    }
  });

  it('only touches the n images it is asked to', () => {
    const x = batch();
    augmentBatch(x, 2, 'elastic', mulberry32(3));
    expect(x.subarray(2 * 784)).toEqual(batch().subarray(2 * 784));
  });
});
