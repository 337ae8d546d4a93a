// The test images changed in one named way, to evaluate beside the plain ones: "the test set is not the world"
// as a number. Pure; bytes in, bytes out (0-255, row-major 28×28 per image).
import { PIXELS } from '../model/spec';
import type { TestShift } from '../model/training';

const W = 28;

/** Grey-scale dilation (3×3 max) or erosion (4-neighbour min: thins a stroke by about a pixel on each side). */
function morph(src: Uint8Array, dst: Uint8Array, grow: boolean) {
  for (let y = 0; y < W; y++)
    for (let x = 0; x < W; x++) {
      let v = src[y * W + x];
      if (grow) {
        for (let dy = -1; dy <= 1; dy++)
          for (let dx = -1; dx <= 1; dx++) {
            const yy = y + dy,
              xx = x + dx;
            if (yy >= 0 && yy < W && xx >= 0 && xx < W) v = Math.max(v, src[yy * W + xx]);
          }
      } else {
        for (const [dx, dy] of [
          [1, 0],
          [-1, 0],
          [0, 1],
          [0, -1],
        ]) {
          const yy = y + dy,
            xx = x + dx;
          v = Math.min(v, yy >= 0 && yy < W && xx >= 0 && xx < W ? src[yy * W + xx] : 0);
        }
      }
      dst[y * W + x] = v;
    }
}

/** Rotation by `deg` degrees (clockwise on screen) about the image centre, bilinear, zero outside. */
function rotate(src: Uint8Array, dst: Uint8Array, deg: number) {
  const a = (deg * Math.PI) / 180,
    cos = Math.cos(a),
    sin = Math.sin(a),
    c = (W - 1) / 2;
  const at = (x: number, y: number) => (x >= 0 && x < W && y >= 0 && y < W ? src[y * W + x] : 0);
  for (let y = 0; y < W; y++)
    for (let x = 0; x < W; x++) {
      // Where this output pixel comes from: the inverse rotation.
      const sx = cos * (x - c) + sin * (y - c) + c,
        sy = -sin * (x - c) + cos * (y - c) + c;
      const x0 = Math.floor(sx),
        y0 = Math.floor(sy),
        fx = sx - x0,
        fy = sy - y0;
      const v =
        at(x0, y0) * (1 - fx) * (1 - fy) +
        at(x0 + 1, y0) * fx * (1 - fy) +
        at(x0, y0 + 1) * (1 - fx) * fy +
        at(x0 + 1, y0 + 1) * fx * fy;
      dst[y * W + x] = Math.round(v);
    }
}

/** The image moved `px` whole pixels to the right (what leaves the field is lost). */
function moveRight(src: Uint8Array, dst: Uint8Array, px: number) {
  dst.fill(0);
  for (let y = 0; y < W; y++) for (let x = px; x < W; x++) dst[y * W + x] = src[y * W + x - px];
}

/** One image (784 bytes) changed by `shift`: thickened / thinned `amount` times, rotated `amount`°, or moved right. */
export function shiftImage(img: Uint8Array, shift: TestShift, amount: number): Uint8Array {
  let a = new Uint8Array(img),
    b = new Uint8Array(PIXELS);
  switch (shift) {
    case 'none':
      return a;
    case 'thick':
    case 'thin':
      for (let k = 0; k < amount; k++) {
        morph(a, b, shift === 'thick');
        [a, b] = [b, a];
      }
      return a;
    case 'rotate':
      rotate(a, b, amount);
      return b;
    case 'shift':
      moveRight(a, b, Math.round(amount));
      return b;
  }
}

/** `n` images (n × 784 bytes) each changed by `shift` (see shiftImage). */
export function shiftImages(pixels: Uint8Array, n: number, shift: TestShift, amount: number): Uint8Array {
  const out = new Uint8Array(n * PIXELS);
  for (let i = 0; i < n; i++)
    out.set(shiftImage(pixels.subarray(i * PIXELS, (i + 1) * PIXELS), shift, amount), i * PIXELS);
  return out;
}
