import { memo, useEffect, useRef } from 'react';

type Props = {
  /** side × side values (or rows × side), row-major. */
  values: ArrayLike<number>;
  side: number;
  /** Rows when the image is not square (a heat map of a weight matrix). */
  rows?: number;
  /** Displayed height in px when it should not follow the aspect ratio (a long, thin matrix). */
  height?: number;
  /** 'gray': 0..1 (or 0..255 with scale) as black→white; 'signed': diverging around 0, scaled by `range`. */
  mode: 'gray' | 'signed';
  scale?: number;
  range?: number;
  size: number;
  label: string;
  testId?: string;
};

/** A small image drawn pixel for pixel and scaled up without smoothing. */
function PixelImage({ values, side, rows = side, height, mode, scale = 1, range = 1, size, label, testId }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const c = canvas.current?.getContext('2d');
    if (!c) return;
    const img = c.createImageData(side, rows);
    for (let i = 0; i < side * rows; i++) {
      const v = values[i] * scale;
      let r: number, g: number, b: number;
      if (mode === 'gray') r = g = b = Math.max(0, Math.min(255, v * 255));
      else {
        const t = Math.max(-1, Math.min(1, v / range));
        const end = t < 0 ? [0, 114, 178] : [230, 159, 0];
        const k = Math.abs(t);
        [r, g, b] = [255 + (end[0] - 255) * k, 255 + (end[1] - 255) * k, 255 + (end[2] - 255) * k];
      }
      img.data.set([r, g, b, 255], i * 4);
    }
    c.putImageData(img, 0, 0);
  }, [values, side, rows, mode, scale, range]);
  return (
    <canvas
      ref={canvas}
      width={side}
      height={rows}
      style={{ width: size, height: height ?? (size * rows) / side }}
      className="pixel-image"
      role="img"
      aria-label={label}
      data-testid={testId}
    />
  );
}

export default memo(PixelImage);
