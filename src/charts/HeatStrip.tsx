import { useTranslation } from 'react-i18next';
import { memo, useEffect, useRef } from 'react';
import type { Bins } from '../protocol/fromWorker';
import { css, viridis } from './palette';

export type StripSnap = { batch: number; bins: Bins };

/**
 * A distribution over time, TensorBoard style: one column per snapshot (left = oldest), value on the vertical
 * axis, colour = share of weights in that bin (log scale, viridis). Each column keeps its own value range.
 */
function HeatStrip({ snaps, label }: { snaps: StripSnap[]; label: string }) {
  const { t } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  const top = Math.max(1e-12, ...snaps.map((s) => Math.max(Math.abs(s.bins.min), Math.abs(s.bins.max))));
  useEffect(() => {
    const c = canvas.current?.getContext('2d');
    if (!c || !canvas.current) return;
    const W = canvas.current.width, H = canvas.current.height;
    c.fillStyle = css(viridis(0));
    c.fillRect(0, 0, W, H);
    const colW = W / Math.max(1, snaps.length);
    const y = (v: number) => H / 2 - (v / top) * (H / 2);
    snaps.forEach((s, i) => {
      const total = s.bins.counts.reduce((a, b) => a + b, 0) || 1;
      const bw = (s.bins.max - s.bins.min) / s.bins.counts.length;
      s.bins.counts.forEach((n, k) => {
        if (n === 0) return;
        const y0 = y(s.bins.min + (k + 1) * bw), y1 = y(s.bins.min + k * bw);
        c.fillStyle = css(viridis(Math.log1p((60 * n) / total) / Math.log1p(60)));
        c.fillRect(i * colW, y0, Math.ceil(colW), Math.max(1, y1 - y0));
      });
    });
  }, [snaps, top]);
  const last = snaps[snaps.length - 1];
  const summary = last
    ? t('charts.stripSummary', { label, n: snaps.length, from: snaps[0].batch, to: last.batch, min: last.bins.min.toPrecision(2), max: last.bins.max.toPrecision(2) })
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
