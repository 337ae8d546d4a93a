// Turns a drawing into a model input the way MNIST was made (LeCun et al.): crop to the ink, scale the
// digit to fit a 20x20 box keeping its aspect ratio (anti-aliased by area averaging), then place it in a
// 28x28 field so that its centre of mass sits at the centre. White ink (1) on black (0), the same
// pixel/255 normalisation as training. Skipping any step makes drawn digits look unlike the training data.

export const SIDE = 28;
export const BOX = 20;
/** Intensities at or below this count as background when cropping (0-1 scale). */
const INK_THRESHOLD = 0.02;

/** A grayscale image, row-major, values 0 (background) to 1 (ink). */
export type Gray = { width: number; height: number; data: Float32Array };

/** Extracts one channel of RGBA bytes (e.g. 3 = alpha for ink on a transparent canvas) as 0-1 intensity. */
export function rgbaChannel(rgba: Uint8ClampedArray | Uint8Array, width: number, height: number, channel: 0 | 1 | 2 | 3): Gray {
  const data = new Float32Array(width * height);
  for (let i = 0; i < data.length; i++) data[i] = rgba[i * 4 + channel] / 255;
  return { width, height, data };
}

export type BBox = { x0: number; y0: number; x1: number; y1: number };

/** Inclusive-exclusive bounding box of ink, or null when the image is empty. */
export function inkBounds(img: Gray): BBox | null {
  let x0 = img.width, y0 = img.height, x1 = -1, y1 = -1;
  for (let y = 0; y < img.height; y++) {
    for (let x = 0; x < img.width; x++) {
      if (img.data[y * img.width + x] > INK_THRESHOLD) {
        if (x < x0) x0 = x;
        if (x > x1) x1 = x;
        if (y < y0) y0 = y;
        if (y > y1) y1 = y;
      }
    }
  }
  return x1 < 0 ? null : { x0, y0, x1: x1 + 1, y1: y1 + 1 };
}

/** Area-averaging weights: how much of source cell j falls into destination cell i (rows sum to 1). */
function areaWeights(srcLen: number, dstLen: number): { start: number; w: number[] }[] {
  const scale = srcLen / dstLen;
  const out: { start: number; w: number[] }[] = [];
  for (let i = 0; i < dstLen; i++) {
    const a = i * scale, b = (i + 1) * scale;
    const start = Math.floor(a);
    const w: number[] = [];
    for (let j = start; j < Math.min(srcLen, Math.ceil(b)); j++) w.push((Math.min(b, j + 1) - Math.max(a, j)) / scale);
    out.push({ start, w });
  }
  return out;
}

/** Resamples the region `box` of `img` to dstW×dstH by area averaging (separable box filter). */
export function resampleArea(img: Gray, box: BBox, dstW: number, dstH: number): Gray {
  const bw = box.x1 - box.x0, bh = box.y1 - box.y0;
  const wx = areaWeights(bw, dstW), wy = areaWeights(bh, dstH);
  const tmp = new Float32Array(dstW * bh); // horizontal pass
  for (let y = 0; y < bh; y++) {
    const row = (box.y0 + y) * img.width + box.x0;
    for (let x = 0; x < dstW; x++) {
      const { start, w } = wx[x];
      let s = 0;
      for (let k = 0; k < w.length; k++) s += img.data[row + start + k] * w[k];
      tmp[y * dstW + x] = s;
    }
  }
  const data = new Float32Array(dstW * dstH); // vertical pass
  for (let y = 0; y < dstH; y++) {
    const { start, w } = wy[y];
    for (let x = 0; x < dstW; x++) {
      let s = 0;
      for (let k = 0; k < w.length; k++) s += tmp[(start + k) * dstW + x] * w[k];
      data[y * dstW + x] = Math.min(1, s);
    }
  }
  return { width: dstW, height: dstH, data };
}

/** Centre of mass (x, y) in pixel-centre coordinates, or null for an empty image. */
export function centreOfMass(img: Gray): { x: number; y: number } | null {
  let m = 0, mx = 0, my = 0;
  for (let y = 0; y < img.height; y++) {
    for (let x = 0; x < img.width; x++) {
      const v = img.data[y * img.width + x];
      m += v;
      mx += v * x;
      my += v * y;
    }
  }
  return m > 0 ? { x: mx / m, y: my / m } : null;
}

/**
 * Drawing → 28×28 model input (Float32Array of 784, row-major, 0-1), or null when nothing is drawn.
 * The digit's longer side becomes 20 px; its centre of mass lands on (13.5, 13.5), rounded to whole pixels
 * as in the original MNIST preparation.
 */
export function toMnistInput(img: Gray): Float32Array | null {
  const box = inkBounds(img);
  if (!box) return null;
  const bw = box.x1 - box.x0, bh = box.y1 - box.y0;
  const s = BOX / Math.max(bw, bh);
  const dw = Math.max(1, Math.round(bw * s)), dh = Math.max(1, Math.round(bh * s));
  const digit = resampleArea(img, box, dw, dh);
  const com = centreOfMass(digit);
  if (!com) return null;
  const centre = (SIDE - 1) / 2;
  // Shift that puts the centre of mass at the centre, clamped so the 20x20 box stays inside the field.
  const ox = Math.min(SIDE - dw, Math.max(0, Math.round(centre - com.x)));
  const oy = Math.min(SIDE - dh, Math.max(0, Math.round(centre - com.y)));
  const out = new Float32Array(SIDE * SIDE);
  for (let y = 0; y < dh; y++) for (let x = 0; x < dw; x++) out[(y + oy) * SIDE + x + ox] = digit.data[y * dw + x];
  return out;
}
