// Where the map's points go on screen: coordinates scaled into a square with a margin, the drawing's point kept
// inside, and the nearest point to the pointer. Pure, so the canvas code only draws.

export type Placed = { xs: Float32Array; ys: Float32Array; self: [number, number] | null };

/** Places n points (coords n × 2) and `self` in a `size` × `size` square, `margin` px in from each side. */
export function placePoints(
  coords: ArrayLike<number>,
  self: ArrayLike<number> | null,
  size: number,
  margin = 12,
): Placed {
  const n = Math.floor(coords.length / 2);
  let [x0, x1, y0, y1] = [Infinity, -Infinity, Infinity, -Infinity];
  const grow = (x: number, y: number) => {
    [x0, x1, y0, y1] = [Math.min(x0, x), Math.max(x1, x), Math.min(y0, y), Math.max(y1, y)];
  };
  for (let i = 0; i < n; i++) grow(coords[i * 2], coords[i * 2 + 1]);
  if (self) grow(self[0], self[1]);
  const span = Math.max(x1 - x0, y1 - y0) || 1;
  const k = (size - 2 * margin) / span;
  // Centred on both axes, one scale for both (the map's distances are comparable across axes).
  const ox = margin + (size - 2 * margin - (x1 - x0) * k) / 2 - x0 * k;
  const oy = margin + (size - 2 * margin - (y1 - y0) * k) / 2 + y1 * k;
  const xs = new Float32Array(n),
    ys = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    xs[i] = ox + coords[i * 2] * k;
    ys[i] = oy - coords[i * 2 + 1] * k; // up is up
  }
  return { xs, ys, self: self ? [ox + self[0] * k, oy - self[1] * k] : null };
}

/** The point nearest (x, y) within `radius` px, or -1. */
export function nearestPoint(p: Placed, x: number, y: number, radius = 8): number {
  let best = -1,
    bestD = radius * radius;
  for (let i = 0; i < p.xs.length; i++) {
    const d = (p.xs[i] - x) ** 2 + (p.ys[i] - y) ** 2;
    if (d <= bestD) [best, bestD] = [i, d];
  }
  return best;
}

/** Between two placements of the same points: `t` = 0 gives `a`, 1 gives `b`. */
export function between(a: Placed, b: Placed, t: number): Placed {
  if (a.xs.length !== b.xs.length) return b;
  const mix = (u: Float32Array, v: Float32Array) => u.map((x, i) => x + (v[i] - x) * t);
  const self: [number, number] | null =
    a.self && b.self ? [a.self[0] + (b.self[0] - a.self[0]) * t, a.self[1] + (b.self[1] - a.self[1]) * t] : b.self;
  return { xs: mix(a.xs, b.xs), ys: mix(a.ys, b.ys), self };
}
