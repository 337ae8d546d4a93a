import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import DigitPicture from '../../charts/DigitPicture';
import { DIGIT_COLORS } from '../../charts/palette';
import { between, nearestPoint, placePoints, type Placed } from './mapLayout';

/** How long a new frame takes to slide in (ms): the map moves as the network learns instead of jumping. */
const TWEEN_MS = 600;
const SIZE = 360;

type Props = {
  /** A key for the frame's points: frames with the same key are the same points and slide into each other. */
  pointsKey: string;
  coords: number[];
  labels: number[];
  self: number[] | null;
  /** The hovered point's image (784 bytes), when known. */
  imageOf: (point: number) => ArrayLike<number> | null;
  onPick: (point: number) => void;
};

/**
 * The map's points on a canvas (2,000 SVG nodes would be slow to update every frame), one hue per digit, with the
 * drawing's point as an element above it (why.map-self) and a card for the point under the pointer.
 */
export default function MapCanvas({ pointsKey, coords, labels, self, imageOf, onPick }: Props) {
  const { t } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  const shown = useRef<{ key: string; placed: Placed } | null>(null);
  const marker = useRef<HTMLSpanElement>(null);
  const [hover, setHover] = useState<{ point: number; x: number; y: number } | null>(null);

  useEffect(() => {
    const c = canvas.current;
    const ctx = c?.getContext('2d');
    if (!c || !ctx) return;
    const dpr = window.devicePixelRatio || 1;
    c.width = SIZE * dpr;
    c.height = SIZE * dpr;
    const target = placePoints(coords, self, SIZE);
    const from = shown.current?.key === pointsKey ? shown.current.placed : null;
    const draw = (p: Placed) => {
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      ctx.clearRect(0, 0, SIZE, SIZE);
      ctx.globalAlpha = 0.75;
      // One colour at a time: setting fillStyle per point costs more than drawing it.
      DIGIT_COLORS.forEach((colour, digit) => {
        ctx.fillStyle = colour;
        for (let i = 0; i < p.xs.length; i++) if (labels[i] === digit) ctx.fillRect(p.xs[i] - 2, p.ys[i] - 2, 4, 4);
      });
      ctx.globalAlpha = 1;
      shown.current = { key: pointsKey, placed: p };
      // The marker is an element (a test and a screen reader find it), moved with the points, outside React.
      if (marker.current && p.self) {
        marker.current.style.left = `${(100 * p.self[0]) / SIZE}%`;
        marker.current.style.top = `${(100 * p.self[1]) / SIZE}%`;
      }
    };
    if (!from || window.matchMedia?.('(prefers-reduced-motion: reduce)').matches) {
      draw(target);
      return;
    }
    const start = performance.now();
    let frame = 0;
    const step = (now: number) => {
      const k = Math.min(1, (now - start) / TWEEN_MS);
      draw(between(from, target, 1 - (1 - k) ** 3));
      if (k < 1) frame = requestAnimationFrame(step);
    };
    frame = requestAnimationFrame(step);
    return () => cancelAnimationFrame(frame);
  }, [pointsKey, coords, labels, self]);

  const pointAt = (e: React.MouseEvent<HTMLCanvasElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    const [x, y] = [((e.clientX - r.left) * SIZE) / r.width, ((e.clientY - r.top) * SIZE) / r.height];
    const p = shown.current ? nearestPoint(shown.current.placed, x, y) : -1;
    return { point: p, x: e.clientX - r.left, y: e.clientY - r.top };
  };
  const image = hover ? imageOf(hover.point) : null;
  return (
    <div className="why-map-canvas">
      <canvas
        ref={canvas}
        style={{ width: SIZE, height: SIZE }}
        role="img"
        aria-label={t('why.mapLabel', { n: labels.length })}
        onPointerMove={(e) => {
          const h = pointAt(e);
          setHover(h.point >= 0 ? h : null);
        }}
        onPointerLeave={() => setHover(null)}
        onClick={(e) => {
          // The point whose card is shown, even if a new frame has moved it since (what you see is what opens).
          const h = hover ?? pointAt(e);
          if (h.point >= 0) onPick(h.point);
        }}
        data-testid="why.map-canvas"
      />
      {self && (
        <span ref={marker} className="why-map-self" data-testid="why.map-self" title={t('why.mapSelf')}>
          ★
        </span>
      )}
      {hover && (
        <div className="why-map-card" data-testid="why.map-card" style={{ left: hover.x + 12, top: hover.y + 12 }}>
          {image && <DigitPicture pixels={image} size={56} label={t('why.mapPoint', { label: labels[hover.point] })} />}
          <span>{t('why.mapPoint', { label: labels[hover.point] })}</span>
          <span className="muted">{t('why.mapClick')}</span>
        </div>
      )}
    </div>
  );
}
