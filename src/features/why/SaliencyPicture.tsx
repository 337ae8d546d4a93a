import { memo, useEffect, useRef } from 'react';

/** Red where the value is positive, blue where negative, white at 0; the scale is the largest |value|. */
const POSITIVE = [214, 39, 40];
const NEGATIVE = [31, 119, 180];

/**
 * A signed 28×28 map (784 values) over the faint input it explains, scaled up without smoothing. `data-min` /
 * `data-max` carry the smallest and largest value, for tests and for the legend.
 */
function SaliencyPicture({
  values,
  input,
  size,
  label,
  testId,
}: {
  values: ArrayLike<number>;
  input: ArrayLike<number> | null;
  size: number;
  label: string;
  testId?: string;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  let min = Infinity,
    max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    min = Math.min(min, values[i]);
    max = Math.max(max, values[i]);
  }
  useEffect(() => {
    const c = canvas.current?.getContext('2d');
    if (!c) return;
    let range = 0;
    for (let i = 0; i < values.length; i++) range = Math.max(range, Math.abs(values[i]));
    const img = c.createImageData(28, 28);
    for (let i = 0; i < 784; i++) {
      const t = range > 0 ? values[i] / range : 0;
      const end = t < 0 ? NEGATIVE : POSITIVE;
      const k = Math.min(1, Math.abs(t));
      // The ink shows through as a light grey where the map is near 0.
      const base = 255 - 40 * (input?.[i] ?? 0);
      img.data.set([base + (end[0] - base) * k, base + (end[1] - base) * k, base + (end[2] - base) * k, 255], i * 4);
    }
    c.putImageData(img, 0, 0);
  }, [values, input]);
  return (
    <canvas
      ref={canvas}
      width={28}
      height={28}
      style={{ width: size, height: size }}
      className="pixel-image"
      role="img"
      aria-label={label}
      data-testid={testId}
      data-min={Number.isFinite(min) ? min.toPrecision(4) : ''}
      data-max={Number.isFinite(max) ? max.toPrecision(4) : ''}
    />
  );
}

export default memo(SaliencyPicture);
