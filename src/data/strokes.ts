// Drawn strokes → 28×28 model input, re-rendered the way MNIST digits look rather than downscaled from the
// pad's pixels. Scaling a fixed-width raster made a digit drawn small come out bold and one drawn large come
// out thin and faint; MNIST's strokes have about the same width whatever the writer's size. So the pen's path
// (not its pixels) is fitted into MNIST's 20×20 box and drawn again at a width measured from MNIST itself,
// anti-aliased by area coverage, with the centre of mass moved to where MNIST has it: (14, 14), half a pixel past
// the middle (13.5) where the pad used to put it.
// Units: points are in any coordinates (the pad's canvas pixels); output pixels are 0 (background) to 1 (ink).
import { BOX, centreOfMass, SIDE } from './preprocess';

/** One pen-down-to-pen-up path; [x, y] with y growing downwards. */
export type Stroke = readonly (readonly [number, number])[];

/**
 * Stroke width in output pixels. Chosen so the mean ink per image of real pen digits (the UNIPEN dev set in
 * bench/, rendered here: 101.7) matches MNIST's training set (102.4; sum of pixel values, 0-1 scale).
 */
export const STROKE_WIDTH = 2.3;
/** Where MNIST puts the centre of mass (pixel-centre coordinates; measured: 14.01, 14.00 over the training set). */
export const MNIST_CENTRE = 14;
/** Sub-samples per output pixel along each axis for the area-coverage anti-aliasing. */
const SUPER = 8;

type Box = { x0: number; y0: number; x1: number; y1: number };

/** Bounding box of the points of all strokes, or null when there are none. */
export function strokeBounds(strokes: readonly Stroke[]): Box | null {
  let x0 = Infinity,
    y0 = Infinity,
    x1 = -Infinity,
    y1 = -Infinity;
  for (const s of strokes)
    for (const [x, y] of s) {
      if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
      x0 = Math.min(x0, x);
      y0 = Math.min(y0, y);
      x1 = Math.max(x1, x);
      y1 = Math.max(y1, y);
    }
  return x1 < x0 ? null : { x0, y0, x1, y1 };
}

/**
 * Draws strokes (already in output coordinates) into a side×side image: each pixel's value is the fraction of
 * its SUPER×SUPER sub-samples within `width / 2` of the path (round caps and joins, like a pen).
 */
export function renderStrokes(strokes: readonly Stroke[], side: number, width: number): Float32Array {
  const n = side * SUPER;
  const hit = new Uint8Array(n * n);
  const r = width / 2,
    r2 = r * r;
  for (const s of strokes) {
    const pts = s.filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y));
    for (let i = 0; i < pts.length; i++) {
      const [ax, ay] = pts[i];
      const [bx, by] = pts[Math.min(i + 1, pts.length - 1)];
      const dx = bx - ax,
        dy = by - ay,
        len2 = dx * dx + dy * dy;
      // Sub-samples whose centres may lie within r of segment a-b.
      const sx0 = Math.max(0, Math.floor((Math.min(ax, bx) - r) * SUPER)),
        sx1 = Math.min(n - 1, Math.ceil((Math.max(ax, bx) + r) * SUPER));
      const sy0 = Math.max(0, Math.floor((Math.min(ay, by) - r) * SUPER)),
        sy1 = Math.min(n - 1, Math.ceil((Math.max(ay, by) + r) * SUPER));
      for (let sy = sy0; sy <= sy1; sy++) {
        const py = (sy + 0.5) / SUPER;
        for (let sx = sx0; sx <= sx1; sx++) {
          const px = (sx + 0.5) / SUPER;
          const t = len2 > 0 ? Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2)) : 0;
          const ex = px - (ax + t * dx),
            ey = py - (ay + t * dy);
          if (ex * ex + ey * ey <= r2) hit[sy * n + sx] = 1;
        }
      }
    }
  }
  const out = new Float32Array(side * side);
  for (let sy = 0; sy < n; sy++)
    for (let sx = 0; sx < n; sx++)
      if (hit[sy * n + sx]) out[((sy / SUPER) | 0) * side + ((sx / SUPER) | 0)] += 1 / (SUPER * SUPER);
  return out;
}

/**
 * Strokes → model input (784 floats, row-major, 0-1), or null when nothing is drawn. As MNIST was made: the
 * path is scaled so the digit's longer side, ink included, fills a 20×20 box (the shorter side centred in it),
 * drawn STROKE_WIDTH wide, and the box is moved by whole pixels so the centre of mass lands on MNIST_CENTRE
 * (within half a pixel, as in MNIST), as far as the box stays inside the 28×28 field.
 */
export function strokesToMnist(strokes: readonly Stroke[], width = STROKE_WIDTH): Float32Array | null {
  const b = strokeBounds(strokes);
  if (!b) return null;
  const ext = Math.max(b.x1 - b.x0, b.y1 - b.y0);
  // A dot (no extent) is drawn as a dot, not blown up to the whole box.
  const s = ext > 0 ? (BOX - width) / ext : 0;
  // Path offset inside the box: half the pen's width, plus centring of the shorter side.
  const inX = width / 2 + (BOX - width - (b.x1 - b.x0) * s) / 2,
    inY = width / 2 + (BOX - width - (b.y1 - b.y0) * s) / 2;
  const render = (bx: number, by: number) =>
    renderStrokes(
      strokes.map((st) => st.map(([x, y]) => [bx + inX + (x - b.x0) * s, by + inY + (y - b.y0) * s] as const)),
      SIDE,
      width,
    );
  const mid = (SIDE - BOX) / 2;
  const first = render(mid, mid);
  const com = centreOfMass({ width: SIDE, height: SIDE, data: first });
  if (!com) return null;
  // Moving the box by d moves the centre of mass by d.
  const shift = (c: number) => Math.min(SIDE - BOX, Math.max(0, mid + Math.round(MNIST_CENTRE - c)));
  const bx = shift(com.x),
    by = shift(com.y);
  return bx === mid && by === mid ? first : render(bx, by);
}

/**
 * Takes the jitter out of a pointer path: each inner point moves to the [1, 2, 1] / 4 average of itself and
 * its neighbours (ends stay), which rounds mouse and finger zig-zags without shortening the stroke.
 */
export function smoothStroke(s: Stroke): Stroke {
  if (s.length < 3) return s;
  const out: (readonly [number, number])[] = [s[0]];
  for (let i = 1; i < s.length - 1; i++)
    out.push([(s[i - 1][0] + 2 * s[i][0] + s[i + 1][0]) / 4, (s[i - 1][1] + 2 * s[i][1] + s[i + 1][1]) / 4]);
  out.push(s[s.length - 1]);
  return out;
}

/** What the pad feeds the model: the smoothed strokes, re-rendered MNIST-style (see strokesToMnist). */
export function drawingToInput(strokes: readonly Stroke[]): Float32Array | null {
  return strokesToMnist(strokes.map(smoothStroke));
}
