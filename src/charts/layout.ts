// The arithmetic of a series chart, apart from drawing: data ranges, scales, ticks and the point nearest the
// pointer. Pure, so empty series, single points, flat data and NaN are unit-tested (layout.test.ts).
import { niceTicks } from './ticks';

export type XY = { x: number; y: number };

const finite = (p: XY) => Number.isFinite(p.x) && Number.isFinite(p.y);

/** The x range to show: `fixed`, else the data's; never empty or inverted (a single x gets a width of 1). */
export function xExtent(points: XY[], fixed?: [number, number]): [number, number] {
  if (fixed && Number.isFinite(fixed[0]) && Number.isFinite(fixed[1]) && fixed[1] > fixed[0]) return fixed;
  const xs = points.filter(finite).map((p) => p.x);
  if (xs.length === 0) return [0, 1];
  const lo = Math.min(...xs),
    hi = Math.max(...xs);
  return hi > lo ? [lo, hi] : [lo, lo + 1];
}

/** The y range: `fixed`, or 'zero-up' from 0 to a round number at or above the largest finite value. */
export function yExtent(points: XY[], domain: [number, number] | 'zero-up'): [number, number] {
  if (domain !== 'zero-up') return domain[1] > domain[0] ? domain : [domain[0], domain[0] + 1];
  const top = Math.max(1e-3, ...points.filter(finite).map((p) => p.y));
  return [0, niceTicks(0, top, 5).at(-1)!];
}

/** A linear map from `domain` to `range`, clamping values outside the domain to its ends (NaN → range start). */
export function scale([d0, d1]: [number, number], [r0, r1]: [number, number]): (v: number) => number {
  return (v) => {
    if (!Number.isFinite(v)) return v === Infinity ? r1 : r0;
    const t = (Math.min(Math.max(v, d0), d1) - d0) / (d1 - d0);
    return r0 + t * (r1 - r0);
  };
}

/** x tick values inside the range, about one per `spacing` pixels; whole numbers only for counts. */
export function xTicks([lo, hi]: [number, number], width: number, integers: boolean, spacing = 80): number[] {
  return niceTicks(lo, hi, Math.max(4, Math.floor(width / spacing))).filter(
    (t) => t >= lo && t <= hi && (!integers || Number.isInteger(t)),
  );
}

/** The finite point whose x is nearest `x`, or null when there is none. */
export function nearestPoint(points: XY[], x: number): XY | null {
  let best: XY | null = null;
  for (const p of points) if (finite(p) && (best === null || Math.abs(p.x - x) < Math.abs(best.x - x))) best = p;
  return best;
}

/**
 * Ticks for a log axis over [lo, hi] (lo > 0): powers of ten, with 2 and 5 between when the range spans ≤ 2 decades.
 */
export function logTicks(lo: number, hi: number): number[] {
  if (!(lo > 0) || !(hi >= lo) || !Number.isFinite(hi)) return [];
  const a = Math.floor(Math.log10(lo)),
    b = Math.ceil(Math.log10(hi));
  const steps = b - a <= 2 ? [1, 2, 5] : [1];
  const out: number[] = [];
  for (let e = a; e <= b; e++) for (const s of steps) out.push(+(s * 10 ** e).toPrecision(3));
  return out.filter((v) => v >= lo && v <= hi);
}
