import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import SeriesChart from './SeriesChart';

const compact = (v: number) => (v >= 1000 ? `${+(v / 1000).toFixed(1)}k` : String(Math.round(v)));

export type HistogramProps = { title: string; min: number; max: number; counts: number[] };

/** Distribution of one layer's weights: count of weights per value bin (a canvas: it refreshes every second). */
function WeightHistogram({ title, min, max, counts }: HistogramProps) {
  const { t } = useTranslation();
  const width = (max - min) / Math.max(1, counts.length);
  const total = counts.reduce((a, b) => a + b, 0);
  const peak = counts.indexOf(Math.max(...counts));
  const summary = t('charts.histogramSummary', {
    title,
    total,
    min: min.toFixed(3),
    max: max.toFixed(3),
    peak: (min + (peak + 0.5) * width).toFixed(3),
  });
  const series = useMemo(
    () => [
      {
        name: t('charts.weights'),
        color: '#009e73',
        style: 'bars' as const,
        points: counts.map((c, i) => ({ x: min + (i + 0.5) * width, y: c })),
      },
    ],
    [counts, min, width, t],
  );
  return (
    <figure className="chart histogram" aria-label={t('charts.histogramOf', { title })}>
      <figcaption>{title}</figcaption>
      <p className="sr-only">{summary}</p>
      <SeriesChart
        series={series}
        markers={[]}
        yDomain="zero-up"
        xDomain={[min, max]}
        xLabel={t('charts.weightValue')}
        yLabel={t('charts.count')}
        format={compact}
        xFormat={(v) => +v.toFixed(2) + ''}
        xName={(c) => `≈ ${c.toFixed(3)}`}
        height={150}
      />
    </figure>
  );
}

export default memo(WeightHistogram);
