// The shifted test sets against hand-made images: a dot grows, a bar thins, a pixel turns and moves.
import { describe, expect, it } from 'vitest';
import { shiftImage, shiftImages } from './testShift';

const blank = () => new Uint8Array(784);
const at = (img: Uint8Array, x: number, y: number) => img[y * 28 + x];
const ink = (img: Uint8Array) => img.reduce((s, v) => s + (v > 0 ? 1 : 0), 0);

describe('shiftImage', () => {
  it('thickens a dot into a 3×3 square per step', () => {
    const img = blank();
    img[14 * 28 + 14] = 200;
    expect(ink(shiftImage(img, 'thick', 1))).toBe(9);
    expect(ink(shiftImage(img, 'thick', 2))).toBe(25);
    expect(at(shiftImage(img, 'thick', 1), 13, 13)).toBe(200);
  });

  it('thins a 3-pixel bar to 1 pixel, and a 1-pixel line away', () => {
    const img = blank();
    for (let y = 5; y < 23; y++) for (let x = 10; x < 13; x++) img[y * 28 + x] = 255;
    const thin = shiftImage(img, 'thin', 1);
    expect(at(thin, 11, 14)).toBe(255);
    expect(at(thin, 10, 14)).toBe(0);
    expect(at(thin, 12, 14)).toBe(0);
    expect(ink(shiftImage(img, 'thin', 2))).toBe(0);
  });

  it('rotates by the asked degrees about the centre', () => {
    const img = blank();
    img[13 * 28 + 20] = 255; // right of centre (13.5, 13.5), on the row just above it
    const r = shiftImage(img, 'rotate', 90);
    // A quarter turn clockwise (y grows downwards) takes "right of centre" to "below centre".
    let best = 0,
      bx = 0,
      by = 0;
    for (let y = 0; y < 28; y++)
      for (let x = 0; x < 28; x++) if (at(r, x, y) > best) [best, bx, by] = [at(r, x, y), x, y];
    expect([bx, by]).toEqual([14, 20]);
    expect(best).toBe(255);
    expect(shiftImage(img, 'rotate', 360)).toEqual(img);
  });

  it('moves right by whole pixels, losing what leaves the field', () => {
    const img = blank();
    img[3 * 28 + 2] = 9;
    img[3 * 28 + 26] = 7;
    const s = shiftImage(img, 'shift', 4);
    expect(at(s, 6, 3)).toBe(9);
    expect(ink(s)).toBe(1);
  });

  it('leaves the input alone and works per image on a set', () => {
    const two = new Uint8Array(2 * 784);
    two[100] = 50;
    two[784 + 100] = 60;
    const copy = two.slice();
    const out = shiftImages(two, 2, 'thick', 1);
    expect(two).toEqual(copy);
    expect(out[101]).toBe(50);
    expect(out[784 + 101]).toBe(60);
    expect(shiftImage(two.subarray(0, 784), 'none', 0)).toEqual(two.subarray(0, 784));
  });
});
