// Data augmentation: each training image is moved, turned, resized or bent a little, differently at every
// step, so the network learns digits as people draw them (anywhere, slanted, larger or smaller, wobbly)
// rather than only MNIST's centred, size-normalised ones. Applied per batch in the worker, on the fly.
// Images are 28×28 floats in [0, 1], row-major; transforms map each output pixel back into the source image
// and sample it bilinearly (outside the image is background).
import { AUGMENT_LEVELS, type Augment } from '../model/training';

const SIDE = 28;
const PIXELS = SIDE * SIDE;
/** Rotation and scaling are about MNIST's centre of mass. */
const C = 14;


/** Elastic distortion: random displacements on a GRID×GRID lattice, bilinearly interpolated (smooth bends). */
const GRID = 4;

function bilinear(src: Float32Array, off: number, x: number, y: number): number {
  const x0 = Math.floor(x), y0 = Math.floor(y);
  const fx = x - x0, fy = y - y0;
  const at = (xx: number, yy: number) => (xx < 0 || yy < 0 || xx >= SIDE || yy >= SIDE ? 0 : src[off + yy * SIDE + xx]);
  return (at(x0, y0) * (1 - fx) + at(x0 + 1, y0) * fx) * (1 - fy) + (at(x0, y0 + 1) * (1 - fx) + at(x0 + 1, y0 + 1) * fx) * fy;
}

/**
 * Augments `n` images of `x` (n×784) in place, drawing every random number from `rand` (a seeded stream, so a
 * run repeats exactly). `strength` scales the level (0 = identity). `scratch` holds one image (784).
 */
export function augmentBatch(x: Float32Array, n: number, level: Augment, rand: () => number, strength = 1, scratch = new Float32Array(PIXELS)): void {
  const L = AUGMENT_LEVELS[level];
  if (strength <= 0 || level === 'off') return;
  const u = () => 2 * rand() - 1; // uniform in [-1, 1)
  const field = new Float32Array(2 * (GRID + 1) * (GRID + 1));
  for (let k = 0; k < n; k++) {
    const off = k * PIXELS;
    const tx = L.shift * strength * u(), ty = L.shift * strength * u();
    const angle = (L.rotate * strength * u() * Math.PI) / 180;
    const scale = 1 + L.scale * strength * u();
    const elastic = L.elastic * strength;
    if (elastic > 0) for (let i = 0; i < field.length; i++) field[i] = elastic * u();
    // Inverse map: output pixel p comes from source C + R(-angle)(p - C - t) / scale.
    const cos = Math.cos(angle) / scale, sin = Math.sin(angle) / scale;
    scratch.set(x.subarray(off, off + PIXELS));
    for (let y = 0; y < SIDE; y++) {
      for (let xx = 0; xx < SIDE; xx++) {
        let dx = xx - C - tx, dy = y - C - ty;
        if (elastic > 0) {
          const gx = (xx / (SIDE - 1)) * GRID, gy = (y / (SIDE - 1)) * GRID;
          const ix = Math.min(GRID - 1, Math.floor(gx)), iy = Math.min(GRID - 1, Math.floor(gy));
          const fx = gx - ix, fy = gy - iy;
          const f = (i: number, j: number, c: number) => field[2 * (j * (GRID + 1) + i) + c];
          for (let c = 0; c < 2; c++) {
            const d = (f(ix, iy, c) * (1 - fx) + f(ix + 1, iy, c) * fx) * (1 - fy) + (f(ix, iy + 1, c) * (1 - fx) + f(ix + 1, iy + 1, c) * fx) * fy;
            if (c === 0) dx += d;
            else dy += d;
          }
        }
        const sx = C + cos * dx + sin * dy, sy = C - sin * dx + cos * dy;
        x[off + y * SIDE + xx] = Math.min(1, Math.max(0, bilinear(scratch, 0, sx, sy)));
      }
    }
  }
}
