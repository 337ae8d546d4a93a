import { memo } from 'react';
import { Bar, BarChart, CartesianGrid, XAxis, YAxis } from 'recharts';
import { niceTicks } from './ticks';

export type Bin = { x: number; label: string; count: number };

const INK = '#39414d';
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
  return (
    <BarChart
      width={width}
      height={height}
      data={bins}
      margin={{ top: 8, right: 14, bottom: 4, left: 4 }}
      barCategoryGap={1}
      accessibilityLayer={false}
    >
      <CartesianGrid stroke="#d6dbe3" strokeDasharray="3 3" vertical={false} />
      <XAxis
        dataKey="label"
        tick={TICK}
        stroke={INK}
        interval={Math.max(0, Math.ceil(bins.length / 5) - 1)}
        height={34}
        label={{ value: xLabel, position: 'insideBottom', offset: 0, fill: INK, fontSize: 12 }}
      />
      <YAxis domain={[0, top.at(-1)!]} ticks={top} tickFormatter={compact} tick={TICK} stroke={INK} width={54} />
      <Bar dataKey="count" fill="#009e73" isAnimationActive={false} />
    </BarChart>
  );
}

export default memo(HistogramBars);
