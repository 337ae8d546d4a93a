// Equal-width histogram over plain numbers (weights), computed in the worker and charted as-is.

export type Histogram = { min: number; max: number; counts: number[] };

/**
 * `bins` equal-width bins over the finite values; non-finite values are skipped. The bins span the values'
 * own [min, max], or `range` when given (values outside it go to the first or last bin).
 */
export function histogram(values: ArrayLike<number>, bins = 30, range?: { min: number; max: number }): Histogram {
  let min = Infinity,
    max = -Infinity;
  if (range) ({ min, max } = range);
  else
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (Number.isFinite(v)) {
        if (v < min) min = v;
        if (v > max) max = v;
      }
    }
  const counts = new Array<number>(bins).fill(0);
  if (min === Infinity) return { min: 0, max: 0, counts };
  if (max === min) {
    max = min + 1e-6;
  }
  const scale = bins / (max - min);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isFinite(v)) counts[Math.max(0, Math.min(bins - 1, Math.floor((v - min) * scale)))]++;
  }
  return { min, max, counts };
}
