/** Round tick values (1, 2 or 5 × 10ⁿ apart) from at or below `min` to at or above `max`, about `count` steps. */
export function niceTicks(min: number, max: number, count: number): number[] {
  if (!(max > min)) return [min];
  const raw = (max - min) / Math.max(1, count);
  const mag = Math.pow(10, Math.floor(Math.log10(raw)));
  const step = [1, 2, 5, 10].map((f) => f * mag).find((s) => s >= raw) ?? 10 * mag;
  const out: number[] = [];
  // Rounded to the step's precision so 0.1 + 0.2 shows as 0.3.
  const digits = Math.max(0, -Math.floor(Math.log10(step)));
  for (let v = Math.floor(min / step) * step; v <= max + step * 1e-9 || out.length === 0; v += step)
    out.push(+v.toFixed(digits));
  if (out[out.length - 1] < max) out.push(+(out[out.length - 1] + step).toFixed(digits));
  return out;
}

/** A tick's value and its label, short: as many decimals as the step between ticks needs, no "-0". */
export type Tick = { value: number; label: string };

export function shortLabel(v: number, step: number): string {
  const digits = Number.isFinite(step) && step > 0 ? Math.min(6, Math.max(0, -Math.floor(Math.log10(step) + 1e-9))) : 3;
  const s = v
    .toFixed(digits)
    .replace(/(\.\d*?)0+$/, '$1')
    .replace(/\.$/, '');
  return s === '-0' ? '0' : s;
}

/** Width in pixels of a label in the charts' 12 px type (digits, '.', '-' are about 7 px wide). */
export const labelPx = (label: string, charPx = 7) => label.length * charPx;

/** Whether every label box lies inside [0, width] with at least `gap` px between neighbours. */
export function labelsFit(
  ticks: Tick[],
  min: number,
  max: number,
  width: number,
  charPx: number,
  gap: number,
): boolean {
  let right = -Infinity;
  for (const t of ticks) {
    const x = max > min ? ((t.value - min) / (max - min)) * width : width / 2;
    const w = labelPx(t.label, charPx);
    if (x - w / 2 < 0 || x + w / 2 > width || x - w / 2 < right + gap) return false;
    right = x + w / 2;
  }
  return true;
}

/**
 * Ticks for a numeric axis `width` px long over [min, max] whose labels never overlap each other and never
 * leave the axis (so they cannot run into the other axis's labels): the most round values that fit, fewer when
 * the chart is narrow, none when not even one fits. A pure function of the width and the labels' widths.
 */
export function fittedTicks(min: number, max: number, width: number, { charPx = 7, gap = 8 } = {}): Tick[] {
  if (!(width > 0) || !Number.isFinite(min) || !Number.isFinite(max) || max < min) return [];
  if (max === min) {
    const one = [{ value: min, label: shortLabel(min, Math.abs(min) / 100 || 1) }];
    return labelsFit(one, min, max, width, charPx, gap) ? one : [];
  }
  const eps = (max - min) * 1e-9;
  for (let n = Math.max(1, Math.floor(width / (4 * charPx + gap))); n >= 1; n--) {
    const all = niceTicks(min, max, n);
    const values = all.filter((v) => v >= min - eps && v <= max + eps);
    if (values.length === 0) continue;
    // The round step of this try (niceTicks always reaches past both ends, so `all` has two values or more).
    const step = all[1] - all[0];
    // Values whose label would leave the axis (at its very ends) are dropped, not the whole set.
    const ticks = values
      .map((value) => ({ value, label: shortLabel(value, step) }))
      .filter((t) => labelsFit([t], min, max, width, charPx, gap));
    if (ticks.length === 0) continue;
    if (labelsFit(ticks, min, max, width, charPx, gap)) return ticks;
    // Too many for this width: the same step, every other value, before a coarser step.
    const sparse = ticks.filter((_, i) => i % 2 === 0);
    if (sparse.length < ticks.length && labelsFit(sparse, min, max, width, charPx, gap)) return sparse;
  }
  return [];
}
