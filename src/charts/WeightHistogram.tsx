import { useTranslation } from 'react-i18next';
import { memo } from 'react';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

const compact = (v: number) => (v >= 1000 ? `${+(v / 1000).toFixed(1)}k` : String(v));

export type HistogramProps = { title: string; min: number; max: number; counts: number[] };

/** Distribution of one layer's weights: count of weights per value bin. */
function WeightHistogram({ title, min, max, counts }: HistogramProps) {
  const { t } = useTranslation();
  const width = (max - min) / Math.max(1, counts.length);
  const data = counts.map((c, i) => ({ centre: min + (i + 0.5) * width, count: c }));
  const total = counts.reduce((a, b) => a + b, 0);
  const peak = counts.indexOf(Math.max(...counts));
  const summary = t('charts.histogramSummary', { title, total, min: min.toFixed(3), max: max.toFixed(3), peak: (min + (peak + 0.5) * width).toFixed(3) });
  return (
    <figure className="chart histogram" aria-label={t('charts.histogramOf', { title })}>
      <figcaption>{title}</figcaption>
      <p className="sr-only">{summary}</p>
      <ResponsiveContainer width="100%" height={150}>
        <BarChart data={data} margin={{ top: 4, right: 8, bottom: 22, left: 4 }} barCategoryGap={0}>
          <CartesianGrid strokeDasharray="3 3" stroke="#d6dbe3" vertical={false} />
          <XAxis dataKey="centre" tickFormatter={(v: number) => v.toFixed(2)} interval="preserveStartEnd" minTickGap={24} label={{ value: t('charts.weightValue'), position: 'insideBottom', offset: -12 }} />
          <YAxis width={52} allowDecimals={false} tickFormatter={compact} label={{ value: t('charts.count'), angle: -90, position: 'insideLeft', offset: 0, style: { textAnchor: 'middle' } }} />
          <Tooltip formatter={(v) => [v, t('charts.weights')]} labelFormatter={(c) => `≈ ${Number(c).toFixed(3)}`} />
          <Bar dataKey="count" fill="#009e73" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}

export default memo(WeightHistogram);
