import { useTranslation } from 'react-i18next';
import { memo, useEffect, useRef } from 'react';
import type { Bins } from '../protocol/fromWorker';
import { viridis } from './palette';
import { useScheduledValue } from './useScheduledValue';

export type StripSnap = { batch: number; bins: Bins };
const noSnaps = (s: StripSnap[]) => s.length === 0;

/**
 * A distribution over time, TensorBoard style: one column per snapshot (left = oldest), value on the vertical
 * axis, colour = share of weights in that bin (log scale, viridis). Each column keeps its own value range.
 */
function HeatStrip({ snaps: live, label }: { snaps: StripSnap[]; label: string }) {
  const { t } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  // Live strips repaint on the charts' schedule: not off screen, not while the pad is drawn on.
  const snaps = useScheduledValue(live, label, canvas, noSnaps);
  const top = Math.max(1e-12, ...snaps.map((s) => Math.max(Math.abs(s.bins.min), Math.abs(s.bins.max))));
  useEffect(() => {
    const el = canvas.current;
    const c = el?.getContext('2d');
    if (!el || !c) return;
    // One pixel buffer, one putImageData: thousands of fillRect calls per refresh were measurable.
    const W = el.width,
      H = el.height;
    const img = c.createImageData(W, H);
    const d = img.data;
    const paint = (p: number, [r, g, b]: [number, number, number]) => {
      d[p] = r;
      d[p + 1] = g;
      d[p + 2] = b;
      d[p + 3] = 255;
    };
    const background = viridis(0);
    for (let p = 0; p < W * H; p++) paint(p * 4, background);
    const colW = W / Math.max(1, snaps.length);
    const row = (v: number) => H / 2 - (v / top) * (H / 2);
    snaps.forEach((s, i) => {
      const total = s.bins.counts.reduce((a, b) => a + b, 0) || 1;
      const bw = (s.bins.max - s.bins.min) / s.bins.counts.length;
      const x0 = Math.floor(i * colW),
        x1 = Math.min(W, Math.max(x0 + 1, Math.floor((i + 1) * colW)));
      s.bins.counts.forEach((n, k) => {
        if (n === 0) return;
        const y0 = Math.max(0, Math.floor(row(s.bins.min + (k + 1) * bw)));
        const y1 = Math.min(H, Math.max(y0 + 1, Math.ceil(row(s.bins.min + k * bw))));
        const colour = viridis(Math.log1p((60 * n) / total) / Math.log1p(60));
        for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) paint((y * W + x) * 4, colour);
      });
    });
    c.putImageData(img, 0, 0);
  }, [snaps, top]);
  const last = snaps[snaps.length - 1];
  const summary = last
    ? t('charts.stripSummary', {
        label,
        n: snaps.length,
        from: snaps[0].batch,
        to: last.batch,
        min: last.bins.min.toPrecision(2),
        max: last.bins.max.toPrecision(2),
      })
    : t('charts.stripEmpty', { label });
  return (
    <figure className="strip">
      <figcaption>
        {label} <span className="muted">{t('charts.stripRange', { range: top.toPrecision(2) })}</span>
      </figcaption>
      <canvas ref={canvas} width={240} height={64} role="img" aria-label={summary} />
    </figure>
  );
}

export default memo(HeatStrip);
