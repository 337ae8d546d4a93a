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
