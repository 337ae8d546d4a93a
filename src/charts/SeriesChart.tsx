import { memo, useEffect, useRef, useState } from 'react';
import type { Marker } from './markers';
import { nearestPoint, scale, xExtent, xTicks, yExtent } from './layout';
import { niceTicks } from './ticks';

export type SeriesPoint = { x: number; y: number };
/** 'bars' rise from 0, one per point, as wide as the gap to the next point (histograms). */
export type Series = { name: string; color: string; points: SeriesPoint[]; style: 'line' | 'dots' | 'bars' };

type Props = {
  series: Series[];
  markers: Marker[];
  /** Fixed y range, or 'zero-up': from 0 to a round number above the largest value. */
  yDomain: [number, number] | 'zero-up';
  xLabel: string;
  yLabel: string;
  /** Formats a value for the tick labels and the hover read-out. */
  format: (y: number) => string;
  /** Hover read-out header, e.g. "batch 120". */
  xName: (x: number) => string;
  /** Fixed x range; otherwise the data's. */
  xDomain?: [number, number];
  /** Tick labels on the x axis; `integers` keeps only whole-number ticks (batch counts). */
  xFormat?: (x: number) => string;
  integers?: boolean;
  height: number;
  /** Draw marker labels on the chart (the full text is listed under the charts). */
  markerLabels?: boolean;
};

const M = { l: 58, r: 14, t: 12, b: 38 }; // CSS pixels around the plot area
const INK = '#39414d';
const GRID = '#d6dbe3';

/**
 * A line/dot chart drawn on one canvas: a redraw of a few hundred points costs well under a millisecond and
 * touches no DOM, unlike an SVG chart library whose layout and text measuring made the page's longest tasks
 * while training (measured: the two live charts were the main source of >50 ms main-thread tasks). Width
 * follows the container; a hover read-out shows the values nearest the pointer.
 */
function SeriesChart({
  series,
  markers,
  yDomain,
  xLabel,
  yLabel,
  format,
  xName,
  height,
  markerLabels = false,
  xDomain,
  xFormat = String,
  integers = false,
}: Props) {
  const box = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [width, setWidth] = useState(0);
  const [hover, setHover] = useState<{ px: number; x: number } | null>(null);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const ro = new ResizeObserver(([e]) => setWidth(Math.floor(e.contentRect.width)));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const all = series.flatMap((s) => s.points);
  const [xMin, xMax] = xExtent(all, xDomain);
  const [y0, y1] = yExtent(all, yDomain);
  const plotW = Math.max(1, width - M.l - M.r);
  const plotH = Math.max(1, height - M.t - M.b);
  const sx = scale([xMin, xMax], [M.l, M.l + plotW]);
  const sy = scale([y0, y1], [M.t + plotH, M.t]);

  useEffect(() => {
    const c = canvas.current?.getContext('2d');
    if (!c || width === 0) return;
    const dpr = window.devicePixelRatio || 1;
    c.setTransform(dpr, 0, 0, dpr, 0, 0);
    c.clearRect(0, 0, width, height);
    c.font = '12px system-ui, sans-serif';
    c.lineWidth = 1;
    // Grid and ticks
    c.setLineDash([3, 3]);
    c.strokeStyle = GRID;
    c.fillStyle = INK;
    c.textAlign = 'right';
    c.textBaseline = 'middle';
    for (const t of niceTicks(y0, y1, 5)) {
      c.beginPath();
      c.moveTo(M.l, sy(t));
      c.lineTo(M.l + plotW, sy(t));
      c.stroke();
      c.fillText(format(t), M.l - 6, sy(t));
    }
    c.textAlign = 'center';
    c.textBaseline = 'top';
    for (const t of xTicks([xMin, xMax], plotW, integers)) {
      c.beginPath();
      c.moveTo(sx(t), M.t);
      c.lineTo(sx(t), M.t + plotH);
      c.stroke();
      c.fillText(xFormat(t), sx(t), M.t + plotH + 4);
    }
    c.setLineDash([]);
    c.strokeStyle = INK;
    c.strokeRect(M.l, M.t, plotW, plotH);
    c.fillText(xLabel, M.l + plotW / 2, height - 16);
    c.save();
    c.translate(12, M.t + plotH / 2);
    c.rotate(-Math.PI / 2);
    c.fillText(yLabel, 0, -4);
    c.restore();
    // Markers
    c.setLineDash([4, 3]);
    c.textAlign = 'right';
    for (const m of markers) {
      if (m.batch < xMin || m.batch > xMax) continue;
      c.strokeStyle = m.kind === 'diverged' ? '#d55e00' : '#6a3d9a';
      c.beginPath();
      c.moveTo(sx(m.batch), M.t);
      c.lineTo(sx(m.batch), M.t + plotH);
      c.stroke();
      if (markerLabels) c.fillText(m.short, sx(m.batch) - 3, M.t + 2);
    }
    c.setLineDash([]);
    // Series
    for (const { color, style, points: raw } of series) {
      const s = { color, style, points: raw.filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y)) }; // gaps, not spikes
      c.strokeStyle = c.fillStyle = s.color;
      if (s.style === 'bars') {
        const w = s.points.length > 1 ? (plotW * (s.points[1].x - s.points[0].x)) / (xMax - xMin) : plotW;
        for (const p of s.points) c.fillRect(sx(p.x) - w / 2, sy(p.y), Math.max(1, w - 0.5), sy(y0) - sy(p.y));
        continue;
      }
      c.lineWidth = 2;
      c.beginPath();
      s.points.forEach((p, i) => (i === 0 ? c.moveTo(sx(p.x), sy(p.y)) : c.lineTo(sx(p.x), sy(p.y))));
      c.stroke();
      if (s.style === 'dots')
        for (const p of s.points) {
          c.beginPath();
          c.arc(sx(p.x), sy(p.y), 4, 0, 2 * Math.PI);
          c.fill();
        }
    }
    // Hover guide
    if (hover) {
      c.strokeStyle = INK;
      c.lineWidth = 1;
      c.beginPath();
      c.moveTo(sx(hover.x), M.t);
      c.lineTo(sx(hover.x), M.t + plotH);
      c.stroke();
    }
  });

  const readout = hover && all.length ? series.map((s) => ({ s, p: nearestPoint(s.points, hover.x) })).filter((r) => r.p !== null) : [];

  return (
    <div className="series-chart" ref={box} style={{ height }}>
      <canvas
        ref={canvas}
        width={Math.round(width * (window.devicePixelRatio || 1))}
        height={Math.round(height * (window.devicePixelRatio || 1))}
        style={{ width, height }}
        aria-hidden="true"
        onPointerMove={(e) => {
          const px = e.nativeEvent.offsetX;
          if (px < M.l || px > M.l + plotW || !all.length) return setHover(null);
          setHover({ px, x: xMin + ((px - M.l) / plotW) * (xMax - xMin) });
        }}
        onPointerLeave={() => setHover(null)}
      />
      {hover && readout.length > 0 && (
        <div className="chart-readout" style={{ left: Math.min(hover.px + 12, Math.max(0, width - 170)) }}>
          <strong>{xName(readout[0].p!.x)}</strong>
          {readout.map(({ s, p }) => (
            <span key={s.name}>
              <span style={{ color: s.color }}>■</span> {s.name}: {format(p!.y)}
            </span>
          ))}
        </div>
      )}
    </div>
  );
}

export default memo(SeriesChart);
