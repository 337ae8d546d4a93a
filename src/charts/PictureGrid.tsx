import { memo, useEffect, useRef } from 'react';
import { diverging } from './palette';
import { useScheduledValue } from './useScheduledValue';

type Props = {
  /** count × side × side values, one picture after another, each row-major. */
  values: ArrayLike<number>;
  count: number;
  side: number;
  /** Colour scale: ±range maps to full blue / full orange. */
  range: number;
  /** Displayed size of one picture, CSS pixels. */
  cell: number;
  label: string;
};

const GAP = 1; // image pixels between pictures
const isEmpty = (v: ArrayLike<number>) => v.length === 0;

/**
 * Many small signed pictures (weights of dense units or conv filters) in ONE canvas: one ImageData and one
 * putImageData per refresh instead of one canvas each, which kept the main thread busy every second.
 */
function PictureGrid({ values: live, count, side, range, cell, label }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const box = useRef<HTMLDivElement>(null);
  // Live pictures repaint on the charts' schedule: not off screen, not while the pad is drawn on.
  const values = useScheduledValue(live, `${count}x${side}`, box, isEmpty);
  const stride = side + GAP;
  useEffect(() => {
    const el = canvas.current;
    const c = el?.getContext('2d');
    if (!el || !c) return;
    const cols = Math.max(1, Math.floor((box.current?.clientWidth ?? 320) / (cell + 2)));
    const rows = Math.ceil(count / cols);
    el.width = cols * stride - GAP;
    el.height = rows * stride - GAP;
    el.style.width = `${(el.width * cell) / side}px`;
    el.style.height = `${(el.height * cell) / side}px`;
    const img = c.createImageData(el.width, el.height);
    img.data.fill(255);
    const n = side * side;
    for (let u = 0; u < count; u++) {
      const ox = (u % cols) * stride,
        oy = Math.floor(u / cols) * stride;
      for (let i = 0; i < n; i++) {
        const [r, g, b] = diverging(values[u * n + i] / range);
        const p = ((oy + Math.floor(i / side)) * el.width + ox + (i % side)) * 4;
        img.data[p] = r;
        img.data[p + 1] = g;
        img.data[p + 2] = b;
      }
    }
    c.putImageData(img, 0, 0);
  }, [values, count, side, range, cell, stride]);
  return (
    <div ref={box} className="picture-grid-box">
      <canvas ref={canvas} className="pixel-image" role="img" aria-label={label} />
    </div>
  );
}

export default memo(PictureGrid);
