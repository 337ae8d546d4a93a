import { useCallback, useEffect, useImperativeHandle, useRef, useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { drawingToInput, smoothStroke, type Stroke } from '../../data/strokes';
import { PIXELS } from '../../model/spec';

const SIZE = 280; // canvas pixels
/** On-screen stroke width in canvas pixels at mid pressure (display only: the model input is re-rendered). */
const PEN = 18;

export type DrawPadHandle = {
  clear: () => void;
  undo: () => void;
  /** The strokes drawn, in canvas pixels (SIZE × SIZE); null when the pad shows a test image or nothing. */
  strokes: () => Stroke[] | null;
};
/** A stroke as drawn: points in canvas pixels and the pen's pressure (0.5 for a mouse or finger). */
type Drawn = { points: [number, number][]; pressure: number };

/**
 * `image`: a 28×28 model input (784 floats in [0, 1]) to put on the pad, e.g. a test digit or a perturbed drawing;
 * it replaces the drawing and goes to the model exactly as it is (no crop, no re-render).
 */
type Props = {
  onInput: (pixels: Float32Array | null) => void;
  /** How many strokes the pad holds (0 when empty or showing an image). */
  onStrokes: (count: number) => void;
  image: Float32Array | null;
  /** A pointer went down on the pad (true) or the stroke ended: the page holds back other rendering meanwhile. */
  onInking: (down: boolean) => void;
  ref?: Ref<DrawPadHandle>;
};

/**
 * A canvas for mouse, finger or pen (pointer events). The pad keeps the pen's path, not only its pixels: the
 * model input is the path re-rendered MNIST-style (data/strokes.ts), the screen shows it smoothed, with the
 * pen's pressure as width. Coalesced pointer events are read so fast strokes keep their shape. Preprocessing
 * runs once per frame at most.
 */
export default function DrawPad({ onInput, onStrokes, image, onInking, ref }: Props) {
  const { t } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  const strokes = useRef<Drawn[]>([]);
  const drawing = useRef<Drawn | null>(null);
  const frame = useRef(0);
  const [empty, setEmpty] = useState(true);

  const ctx = () => canvas.current?.getContext('2d') ?? null;
  const endStroke = () => {
    drawing.current = null;
    onInking(false);
  };
  useEffect(() => () => onInking(false), [onInking]);

  /** Redraws every stroke (a few hundred segments at most) and sends the model input, once per frame. */
  const render = useCallback(() => {
    cancelAnimationFrame(frame.current);
    frame.current = requestAnimationFrame(() => {
      const c = ctx();
      if (!c) return;
      c.clearRect(0, 0, SIZE, SIZE);
      c.strokeStyle = '#fff';
      c.lineCap = 'round';
      c.lineJoin = 'round';
      for (const s of strokes.current) {
        const p = smoothStroke(s.points);
        c.lineWidth = PEN * (0.6 + 0.8 * s.pressure);
        c.beginPath();
        c.moveTo(p[0][0], p[0][1]);
        if (p.length === 1) c.lineTo(p[0][0] + 0.01, p[0][1]); // a tap draws a dot
        for (const q of p.slice(1)) c.lineTo(q[0], q[1]);
        c.stroke();
      }
      const n = strokes.current.length;
      setEmpty(n === 0);
      onStrokes(n);
      onInput(n ? drawingToInput(strokes.current.map((s): Stroke => s.points)) : null);
    });
  }, [onInput, onStrokes]);

  useImperativeHandle(
    ref,
    () => ({
      clear: () => {
        strokes.current = [];
        drawing.current = null;
        render();
      },
      undo: () => {
        strokes.current = strokes.current.slice(0, -1);
        render();
      },
      strokes: () => (strokes.current.length ? strokes.current.map((s): Stroke => s.points) : null),
    }),
    [render],
  );

  useEffect(() => {
    if (!image) return;
    // Already a model input: it goes to the model as it is, and is shown 10× with smoothing.
    strokes.current = [];
    cancelAnimationFrame(frame.current);
    frame.current = requestAnimationFrame(() => {
      const c = ctx();
      if (!c) return;
      const small = new OffscreenCanvas(28, 28);
      const sc = small.getContext('2d')!;
      const img = sc.createImageData(28, 28);
      for (let i = 0; i < PIXELS; i++) img.data.set([255, 255, 255, Math.round(255 * image[i])], i * 4);
      sc.putImageData(img, 0, 0);
      c.clearRect(0, 0, SIZE, SIZE);
      c.imageSmoothingEnabled = true;
      c.drawImage(small, 0, 0, SIZE, SIZE);
      setEmpty(false);
      onStrokes(0);
      onInput(Float32Array.from(image));
    });
  }, [image, onInput, onStrokes]);

  const point = (e: { clientX: number; clientY: number }): [number, number] => {
    const r = canvas.current!.getBoundingClientRect();
    return [((e.clientX - r.left) * SIZE) / r.width, ((e.clientY - r.top) * SIZE) / r.height];
  };
  // Pens report pressure; a mouse reports 0.5 while pressed, fingers vary by device: only pens set the width.
  const pressureOf = (e: React.PointerEvent) => (e.pointerType === 'pen' && e.pressure > 0 ? e.pressure : 0.5);

  return (
    <div className="draw-pad-wrap">
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
          onInking(true);
          const s: Drawn = { points: [point(e)], pressure: pressureOf(e) };
          drawing.current = s;
          strokes.current = [...strokes.current, s];
          render();
        }}
        onPointerMove={(e) => {
          const s = drawing.current;
          if (!s) return;
          const events = e.nativeEvent.getCoalescedEvents?.() ?? [];
          for (const ev of events.length ? events : [e.nativeEvent]) s.points.push(point(ev));
          // The stroke's width follows the pen's mean pressure so far.
          s.pressure += (pressureOf(e) - s.pressure) / s.points.length;
          render();
        }}
        onPointerUp={endStroke}
        onPointerCancel={endStroke}
        onLostPointerCapture={endStroke}
      />
      {empty && (
        <div className="draw-hint" aria-hidden="true">
          <span>{t('draw.hint')}</span>
        </div>
      )}
    </div>
  );
}
