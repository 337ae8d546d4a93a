import { useCallback, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { rgbaChannel, toMnistInput } from '../data/preprocess';

const SIZE = 280; // canvas pixels; the digit is scaled down to 20×20 inside a 28×28 field
const PEN = 20; // stroke width in canvas pixels, close to MNIST's stroke after scaling

/** `image`: a 28×28 grey image (0-255) to put on the pad, e.g. a test digit; it replaces the drawing. */
type Props = { onInput: (pixels: Float32Array | null) => void; clearSignal: number; image: Uint8Array | null };

/**
 * A canvas for mouse, finger or pen (pointer events). Ink is drawn white on a transparent canvas over a
 * dark background, so the alpha channel is the MNIST intensity. Preprocessing runs once per frame at most.
 */
export default function DrawPad({ onInput, clearSignal, image }: Props) {
  const { t } = useTranslation();
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

  useEffect(() => {
    const c = ctx();
    if (!c || !image) return;
    // White ink with the grey level as alpha, like a stroke; scaled up 10× with smoothing.
    const small = new OffscreenCanvas(28, 28);
    const sc = small.getContext('2d')!;
    const img = sc.createImageData(28, 28);
    for (let i = 0; i < 784; i++) img.data.set([255, 255, 255, image[i]], i * 4);
    sc.putImageData(img, 0, 0);
    c.clearRect(0, 0, SIZE, SIZE);
    c.imageSmoothingEnabled = true;
    c.drawImage(small, 0, 0, SIZE, SIZE);
    emit();
  }, [image, emit]);

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
      aria-label={t('draw.pad')}
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
