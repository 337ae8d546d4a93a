import { memo, useCallback, useMemo, useRef, useState } from 'react';
import type { Marker } from './markers';
import { logTicks, nearestPoint, xExtent, xTicks, yExtent } from './layout';
import { niceTicks } from './ticks';
import { useScheduledValue } from './useScheduledValue';
import { useWidth } from './useWidth';
import PlotBody, { MARGIN, X_AXIS_H, Y_AXIS_W } from './PlotBody';

export type SeriesPoint = { x: number; y: number };
/** 'dots' draws the line with a dot on every point (test accuracy after each epoch). */
export type Series = { name: string; color: string; points: SeriesPoint[]; style: 'line' | 'dots' };

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
  xFormat?: (x: number) => string;
  /** Keeps only whole-number x ticks (batch counts). */
  integers?: boolean;
  height: number;
  /** Draw marker labels on the chart (the full text is listed under the charts). */
  markerLabels?: boolean;
  /** Shown instead of an empty plot (what will appear here and how to start); no axes without data. */
  emptyText?: string;
  /** With 'zero-up': the axis never goes above this (larger values are cut at the top edge). */
  yMax?: number;
  /** 'log' for values spread over decades (learning rates in a sweep); positive x only. */
  xScale?: 'linear' | 'log';
};

/** Same numbers → same array, so recharts' axes and grid see unchanged props and skip their work. */
function useStable(values: number[]): number[] {
  const key = values.join(',');
  return useMemo(() => (key === '' ? [] : key.split(',').map(Number)), [key]);
}

const noData = (v: { series: Series[] }) => v.series.every((s) => s.points.length === 0);

/**
 * A line chart on recharts, for live data: what it draws changes at most once a second and never while the
 * pad is being drawn on (useScheduledValue). Width follows the container; a hover read-out lists the values
 * nearest the pointer without re-rendering the chart.
 */
function SeriesChart({
  series: liveSeries,
  markers: liveMarkers,
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
  xScale = 'linear',
  yMax = Infinity,
  emptyText,
}: Props) {
  const box = useRef<HTMLDivElement>(null);
  const width = useWidth(box);
  const [hover, setHover] = useState<{ px: number; x: number } | null>(null);

  const live = useMemo(() => ({ series: liveSeries, markers: liveMarkers }), [liveSeries, liveMarkers]);
  const key = `${liveSeries.map((s) => `${s.name}|${s.color}|${s.style}`).join(';')}#${xLabel}#${xScale}`;
  const { series, markers } = useScheduledValue(live, key, box, noData);

  const all = useMemo(() => series.flatMap((s) => s.points), [series]);
  // Counts (batches, examples) start at 0, so a run's first points are not stretched across the whole width.
  const [xLo, xMax] = xExtent(all, xDomain);
  const xMin = integers && !xDomain ? Math.min(0, xLo) : xLo;
  const [y0, yTop] = yExtent(all, yDomain);
  const y1 = Math.min(yTop, yMax);
  const plotW = Math.max(1, width - MARGIN.left - MARGIN.right - Y_AXIS_W);
  const left = MARGIN.left + Y_AXIS_W;
  const logX = xScale === 'log' && xMin > 0;
  const yTickValues = useStable(niceTicks(y0, y1, 5));
  const xTickValues = useStable(logX ? logTicks(xMin, xMax) : xTicks([xMin, xMax], plotW, integers));
  const xDom = useStable([xMin, xMax]);
  const yDom = useStable([y0, y1]);
  const shownMarkers = useMemo(() => markers.filter((m) => m.batch >= xMin && m.batch <= xMax), [markers, xMin, xMax]);
  // Non-finite points would draw spikes to the axis: they become gaps.
  const lines = useMemo(
    () => series.map((s) => ({ ...s, points: s.points.filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y)) })),
    [series],
  );

  const toX = useCallback(
    (px: number) => {
      const t = (px - left) / plotW;
      return logX ? Math.exp(Math.log(xMin) + t * (Math.log(xMax) - Math.log(xMin))) : xMin + t * (xMax - xMin);
    },
    [left, plotW, logX, xMin, xMax],
  );
  const readout =
    hover && all.length
      ? lines.map((s) => ({ s, p: nearestPoint(s.points, hover.x) })).filter((r) => r.p !== null)
      : [];

  return (
    <div className="series-chart" ref={box} style={{ height }}>
      {all.length === 0 && emptyText !== undefined && (
        <div className="chart-empty" data-testid="chart.empty">
          {emptyText}
        </div>
      )}
      {width > 0 && !(all.length === 0 && emptyText !== undefined) && (
        <div aria-hidden="true">
          <PlotBody
            width={width}
            height={height}
            lines={lines}
            markers={shownMarkers}
            xDom={xDom}
            yDom={yDom}
            xTicks={xTickValues}
            yTicks={yTickValues}
            logX={logX}
            xLabel={xLabel}
            yLabel={yLabel}
            markerLabels={markerLabels}
            xFormat={xFormat}
            format={format}
          />
        </div>
      )}
      <div
        className="chart-hover"
        style={{
          left,
          width: plotW,
          top: MARGIN.top,
          height: Math.max(1, height - MARGIN.top - MARGIN.bottom - X_AXIS_H),
        }}
        onPointerMove={(e) =>
          all.length ? setHover({ px: left + e.nativeEvent.offsetX, x: toX(left + e.nativeEvent.offsetX) }) : null
        }
        onPointerLeave={() => setHover(null)}
      >
        {hover && <span className="chart-guide" style={{ left: hover.px - left }} />}
      </div>
      {hover && readout.length > 0 && (
        <div className="chart-readout" style={{ left: Math.min(hover.px + 12, Math.max(0, width - 170)) }}>
          <strong>{xName(readout[0].p!.x)}</strong>
          {readout.map(({ s, p }) => (
            <span key={s.name + s.color}>
              <span style={{ color: s.color }}>■</span> {s.name}: {format(p!.y)}
            </span>
          ))}
        </div>
      )}
    </div>
  );
}

export default memo(SeriesChart);
