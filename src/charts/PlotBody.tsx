import { memo, useMemo } from 'react';
import { CartesianGrid, ComposedChart, Line, ReferenceLine, XAxis, YAxis } from 'recharts';
import type { Marker } from './markers';
import type { Series } from './SeriesChart';

// Plot area inside the chart, in CSS pixels: margin + axis sizes, fixed so the hover layer can map pointer → x.
export const MARGIN = { top: 12, right: 14, bottom: 4, left: 4 };
export const Y_AXIS_W = 54;
export const X_AXIS_H = 34;
const INK = '#39414d';
const GRID = '#d6dbe3';
const TICK = { fill: INK, fontSize: 12 };

type Props = {
  width: number;
  height: number;
  /** Finite points only. */
  lines: Series[];
  markers: Marker[];
  xDom: number[];
  yDom: number[];
  xTicks: number[];
  yTicks: number[];
  logX: boolean;
  xLabel: string;
  yLabel: string;
  markerLabels: boolean;
  xFormat: (x: number) => string;
  format: (y: number) => string;
};

/**
 * The recharts SVG of a SeriesChart. Memoised on its data, not on the formatter functions (callers create them
 * inline; they change only with the language, which changes the labels too), so the store's writes between
 * scheduled updates and hovering never re-render the SVG; the grid and axes are kept as elements and only
 * re-render when their ticks or domain change.
 */
function PlotBody({
  width,
  height,
  lines,
  markers,
  xDom,
  yDom,
  xTicks,
  yTicks,
  logX,
  xLabel,
  yLabel,
  markerLabels,
  xFormat,
  format,
}: Props) {
  const grid = useMemo(() => <CartesianGrid stroke={GRID} strokeDasharray="3 3" />, []);
  const xAxis = useMemo(
    () => (
      <XAxis
        type="number"
        dataKey="x"
        scale={logX ? 'log' : 'linear'}
        domain={xDom}
        ticks={xTicks}
        allowDataOverflow
        tickFormatter={xFormat}
        tick={TICK}
        stroke={INK}
        height={X_AXIS_H}
        label={{ value: xLabel, position: 'insideBottom', offset: 0, fill: INK, fontSize: 12 }}
      />
    ),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- xFormat follows xLabel (see above)
    [logX, xDom, xTicks, xLabel],
  );
  const yAxis = useMemo(
    () => (
      <YAxis
        type="number"
        dataKey="y"
        domain={yDom}
        ticks={yTicks}
        allowDataOverflow
        tickFormatter={format}
        tick={TICK}
        stroke={INK}
        width={Y_AXIS_W}
        label={{
          value: yLabel,
          angle: -90,
          position: 'insideLeft',
          fill: INK,
          fontSize: 12,
          style: { textAnchor: 'middle' },
        }}
      />
    ),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- format follows yLabel (see above)
    [yDom, yTicks, yLabel],
  );
  return (
    <ComposedChart width={width} height={height} margin={MARGIN} accessibilityLayer={false}>
      {grid}
      {xAxis}
      {yAxis}
      {markers.map((m, i) => (
        <ReferenceLine
          key={i}
          x={m.batch}
          stroke={m.kind === 'diverged' ? '#d55e00' : '#6a3d9a'}
          strokeDasharray="4 3"
          label={markerLabels ? { value: m.short, position: 'insideTopRight', fill: INK, fontSize: 12 } : undefined}
        />
      ))}
      {lines.map((s) => (
        <Line
          key={s.name + s.color}
          data={s.points}
          dataKey="y"
          name={s.name}
          stroke={s.color}
          strokeWidth={2}
          dot={s.style === 'dots' ? { r: 4, fill: s.color, stroke: s.color } : false}
          activeDot={false}
          isAnimationActive={false}
        />
      ))}
    </ComposedChart>
  );
}

/** Equal when every prop but the two formatters is the same value (arrays by identity). */
const sameData = (a: Props, b: Props) =>
  (Object.keys(a) as (keyof Props)[]).every((k) => k === 'xFormat' || k === 'format' || a[k] === b[k]);

export default memo(PlotBody, sameData);
