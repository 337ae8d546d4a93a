import { useCallback, useEffect, useRef } from 'react';
import { rgbaChannel, toMnistInput } from '../data/preprocess';

const SIZE = 280; // canvas pixels; the digit is scaled down to 20×20 inside a 28×28 field
const PEN = 20; // stroke width in canvas pixels, close to MNIST's stroke after scaling

type Props = { onInput: (pixels: Float32Array | null) => void; clearSignal: number };

/**
 * A canvas for mouse, finger or pen (pointer events). Ink is drawn white on a transparent canvas over a
 * dark background, so the alpha channel is the MNIST intensity. Preprocessing runs once per frame at most.
 */
export default function DrawPad({ onInput, clearSignal }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const last = useRef<{ x: number; y: number } | null>(null);
  const frame = useRef(0);

  const ctx = () => canvas.current?.getContext('2d', { willReadFrequently: true }) ?? null;

  const emit = useCallback(() => {
    cancelAnimationFrame(frame.current);
    frame.current = requestAnimationFrame(() => {
      const c = ctx();
      if (!c) return;
      const img = c.getImageData(0, 0, SIZE, SIZE);
      onInput(toMnistInput(rgbaChannel(img.data, SIZE, SIZE, 3)));
    });
  }, [onInput]);

  useEffect(() => {
    ctx()?.clearRect(0, 0, SIZE, SIZE);
    onInput(null);
  }, [clearSignal, onInput]);

  const point = (e: React.PointerEvent) => {
    const r = canvas.current!.getBoundingClientRect();
    return { x: ((e.clientX - r.left) * SIZE) / r.width, y: ((e.clientY - r.top) * SIZE) / r.height };
  };

  const draw = (e: React.PointerEvent) => {
    const c = ctx();
    if (!c || !last.current) return;
    const p = point(e);
    // Pens report pressure; mouse reports 0.5 while pressed, which gives the standard width.
    const pressure = e.pointerType === 'pen' && e.pressure > 0 ? e.pressure : 0.5;
    c.strokeStyle = '#fff';
    c.lineCap = 'round';
    c.lineJoin = 'round';
    c.lineWidth = PEN * (0.6 + 0.8 * pressure);
    c.beginPath();
    c.moveTo(last.current.x, last.current.y);
    c.lineTo(p.x, p.y);
    c.stroke();
    last.current = p;
    emit();
  };

  return (
    <canvas
      ref={canvas}
      className="draw-pad"
      data-testid="draw.pad"
      width={SIZE}
      height={SIZE}
      role="img"
      aria-label="Drawing pad: draw a digit from 0 to 9"
      onPointerDown={(e) => {
        e.currentTarget.setPointerCapture(e.pointerId);
        last.current = point(e);
        // A tap draws a dot.
        last.current = { x: last.current.x + 0.01, y: last.current.y };
        draw(e);
      }}
      onPointerMove={(e) => {
        if (last.current) draw(e);
      }}
      onPointerUp={() => (last.current = null)}
      onPointerCancel={() => (last.current = null)}
    />
  );
}
