// Points with labels on two numeric axes (recharts' ScatterChart), for small sets: a class board's submissions.
// Plain props; the width follows the container.
import { memo, useRef } from 'react';
import { CartesianGrid, Cell, LabelList, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from 'recharts';
import { useWidth } from './useWidth';

export type ScatterPoint = { x: number; y: number; label: string; color: string };

type Props = {
  points: ScatterPoint[];
  xLabel: string;
  /** The y axis's name: the tooltip's; the caption above the plot names it for the eye. */
  yLabel: string;
  formatX: (x: number) => string;
  formatY: (y: number) => string;
  height: number;
  /** 'log' when x spans decades (parameter counts). */
  xScale: 'linear' | 'log';
  testId: string;
};

function ScatterPlot({ points, xLabel, yLabel, formatX, formatY, height, xScale, testId }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const width = useWidth(box);
  const ys = points.map((p) => p.y);
  const lo = ys.length ? Math.max(0, Math.floor((Math.min(...ys) - 0.005) * 100) / 100) : 0;
  const hi = ys.length ? Math.min(1, Math.ceil((Math.max(...ys) + 0.005) * 100) / 100) : 1;
  return (
    <div
      ref={box}
      className="scatter"
      data-testid={testId}
      data-points={points.length}
      role="img"
      aria-label={`${yLabel} / ${xLabel}`}
    >
      {width > 0 && (
        <ScatterChart width={width} height={height} margin={{ top: 12, right: 24, bottom: 28, left: 12 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis
            type="number"
            dataKey="x"
            scale={xScale}
            domain={['auto', 'auto']}
            tickFormatter={formatX}
            label={{ value: xLabel, position: 'insideBottom', offset: -16 }}
            allowDataOverflow={false}
          />
          <YAxis type="number" dataKey="y" domain={[lo, hi]} tickFormatter={formatY} width={72} />
          <Tooltip
            isAnimationActive={false}
            formatter={(v, name) => (name === 'x' ? [formatX(Number(v)), xLabel] : [formatY(Number(v)), yLabel])}
            labelFormatter={() => ''}
          />
          <Scatter data={points} isAnimationActive={false} shape="circle" fill="#1f77b4">
            {points.map((p, i) => (
              <Cell key={i} fill={p.color} />
            ))}
            <LabelList dataKey="label" position="top" />
          </Scatter>
        </ScatterChart>
      )}
    </div>
  );
}

export default memo(ScatterPlot);
