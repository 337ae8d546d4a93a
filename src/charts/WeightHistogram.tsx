import { memo, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import HistogramBars, { type Bin } from './HistogramBars';
import { useScheduledValue } from './useScheduledValue';
import { useWidth } from './useWidth';

const HEIGHT = 150;

export type HistogramProps = { title: string; min: number; max: number; counts: number[] };

const noBins = (b: Bin[]) => b.length === 0;

/** Distribution of one layer's weights: count of weights per value bin (live: redrawn at most once a second). */
function WeightHistogram({ title, min, max, counts }: HistogramProps) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  const width = useWidth(box);
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
    () => counts.map((count, i) => ({ x: min + (i + 0.5) * binWidth, count })),
    [counts, min, binWidth],
  );
  const bins = useScheduledValue(live, title, box, noBins);
  return (
    <figure className="chart histogram" aria-label={t('charts.histogramOf', { title })}>
      <figcaption>{title}</figcaption>
      <p className="sr-only">{summary}</p>
      <div className="series-chart" ref={box} style={{ height: HEIGHT }} aria-hidden="true">
        {width > 0 && <HistogramBars width={width} height={HEIGHT} bins={bins} xLabel={t('charts.weightValue')} />}
      </div>
    </figure>
  );
}

export default memo(WeightHistogram);
