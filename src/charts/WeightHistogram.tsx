import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, XAxis, YAxis } from 'recharts';
import { niceTicks } from './ticks';
import { useScheduledValue } from './useScheduledValue';

const compact = (v: number) => (v >= 1000 ? `${+(v / 1000).toFixed(1)}k` : String(Math.round(v)));
const INK = '#39414d';
const TICK = { fill: INK, fontSize: 12 };
const HEIGHT = 150;

export type HistogramProps = { title: string; min: number; max: number; counts: number[] };

type Bin = { x: number; label: string; count: number };
const noBins = (b: Bin[]) => b.length === 0;

/** Distribution of one layer's weights: count of weights per value bin (live: redrawn at most once a second). */
function WeightHistogram({ title, min, max, counts }: HistogramProps) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const ro = new ResizeObserver(([e]) => setWidth(Math.floor(e.contentRect.width)));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  const binWidth = (max - min) / Math.max(1, counts.length);
  const total = counts.reduce((a, b) => a + b, 0);
  const peak = counts.indexOf(Math.max(...counts));
  const summary = t('charts.histogramSummary', {
    title,
    total,
    min: min.toFixed(3),
    max: max.toFixed(3),
    peak: (min + (peak + 0.5) * binWidth).toFixed(3),
  });
  const live = useMemo(
    () => counts.map((count, i) => ({ x: min + (i + 0.5) * binWidth, label: (min + (i + 0.5) * binWidth).toFixed(3), count })),
    [counts, min, binWidth],
  );
  const bins = useScheduledValue(live, title, box, noBins);
  const top = niceTicks(0, Math.max(1, ...bins.map((b) => b.count)), 4);
  return (
    <figure className="chart histogram" aria-label={t('charts.histogramOf', { title })}>
      <figcaption>{title}</figcaption>
      <p className="sr-only">{summary}</p>
      <div className="series-chart" ref={box} style={{ height: HEIGHT }} aria-hidden="true">
        {width > 0 && (
          <BarChart
            width={width}
            height={HEIGHT}
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
              label={{ value: t('charts.weightValue'), position: 'insideBottom', offset: 0, fill: INK, fontSize: 12 }}
            />
            <YAxis domain={[0, top.at(-1)!]} ticks={top} tickFormatter={compact} tick={TICK} stroke={INK} width={54} />
            <Bar dataKey="count" fill="#009e73" isAnimationActive={false} />
          </BarChart>
        )}
      </div>
    </figure>
  );
}

export default memo(WeightHistogram);
