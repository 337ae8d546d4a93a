import { memo } from 'react';
import { Bar, BarChart, CartesianGrid, XAxis, YAxis } from 'recharts';
import { fittedTicks, niceTicks } from './ticks';

/** One bin: its centre `x` (weight units) and how many weights fall in it. */
export type Bin = { x: number; count: number };

const INK = '#39414d';
const MARGIN = { top: 8, right: 14, bottom: 4, left: 4 };
const Y_AXIS_WIDTH = 54;
const TICK = { fill: INK, fontSize: 12 };
const compact = (v: number) => (v >= 1000 ? `${+(v / 1000).toFixed(1)}k` : String(Math.round(v)));

/** The recharts bars of a WeightHistogram; memoised so that only a scheduled change of `bins` re-renders the SVG. */
function HistogramBars({
  width,
  height,
  bins,
  xLabel,
}: {
  width: number;
  height: number;
  bins: Bin[];
  xLabel: string;
}) {
  const top = niceTicks(0, Math.max(1, ...bins.map((b) => b.count)), 4);
  // A value axis whose labels are chosen for this width (ticks.ts: never overlapping, never past the plot's ends).
  const binWidth = bins.length > 1 ? bins[1].x - bins[0].x : 1;
  const lo = (bins[0]?.x ?? 0) - binWidth / 2;
  const hi = (bins.at(-1)?.x ?? 1) + binWidth / 2;
  const plotWidth = Math.max(0, width - MARGIN.left - MARGIN.right - Y_AXIS_WIDTH);
  const ticks = fittedTicks(lo, hi, plotWidth);
  const labels = new Map(ticks.map((t) => [t.value, t.label]));
  return (
    <BarChart width={width} height={height} data={bins} margin={MARGIN} barCategoryGap={1} accessibilityLayer={false}>
      <CartesianGrid stroke="#d6dbe3" strokeDasharray="3 3" vertical={false} />
      <XAxis
        type="number"
        dataKey="x"
        domain={[lo, hi]}
        ticks={ticks.map((t) => t.value)}
        tickFormatter={(v: number) => labels.get(v) ?? ''}
        interval={0}
        tick={TICK}
        stroke={INK}
        height={34}
        label={{ value: xLabel, position: 'insideBottom', offset: 0, fill: INK, fontSize: 12 }}
      />
      <YAxis
        domain={[0, top.at(-1)!]}
        ticks={top}
        tickFormatter={compact}
        tick={TICK}
        stroke={INK}
        width={Y_AXIS_WIDTH}
      />
      <Bar
        dataKey="count"
        fill="#009e73"
        isAnimationActive={false}
        barSize={Math.max(1, plotWidth / bins.length - 1)}
      />
    </BarChart>
  );
}

export default memo(HistogramBars);
