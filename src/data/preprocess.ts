// MNIST's geometry and the measurements that compare an image with it: MNIST digits (LeCun et al.) were
// scaled to fit a 20x20 box keeping their aspect ratio, anti-aliased, and placed in a 28x28 field by their
// centre of mass. White ink (1) on black (0), the same pixel/255 normalisation as training. The drawing pad
// makes its input this way from the pen's path (strokes.ts).

export const SIDE = 28;
export const BOX = 20;
/** Intensities at or below this count as background when cropping (0-1 scale). */
const INK_THRESHOLD = 0.02;

/** A grayscale image, row-major, values 0 (background) to 1 (ink). */
export type Gray = { width: number; height: number; data: Float32Array };

export type BBox = { x0: number; y0: number; x1: number; y1: number };

/** Inclusive-exclusive bounding box of ink, or null when the image is empty. */
export function inkBounds(img: Gray): BBox | null {
  let x0 = img.width,
    y0 = img.height,
    x1 = -1,
    y1 = -1;
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

/** Centre of mass (x, y) in pixel-centre coordinates, or null for an empty image. */
export function centreOfMass(img: Gray): { x: number; y: number } | null {
  let m = 0,
    mx = 0,
    my = 0;
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
