import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Marker } from './markers';
import SeriesChart from './SeriesChart';

export type LossPoint = { batch: number; loss: number };

/** Smoothed training loss (cross-entropy, nats) against batches trained. Expects ≤ a few hundred points. */
function LossChart({ points, markers, height = 220 }: { points: LossPoint[]; markers: Marker[]; height?: number }) {
  const { t } = useTranslation();
  const last = points[points.length - 1];
  const lowest = points.reduce((m, p) => Math.min(m, p.loss), Infinity);
  const summary = last
    ? t('charts.lossSummary', { batch: last.batch, loss: last.loss.toFixed(3), lowest: lowest.toFixed(3) })
    : t('charts.lossEmpty');
  const series = useMemo(
    () => [
      { name: t('charts.lossCaption'), color: '#0072b2', style: 'line' as const, points: points.map((p) => ({ x: p.batch, y: p.loss })) },
    ],
    [points, t],
  );
  return (
    <figure className="chart" aria-label={t('charts.lossTitle')}>
      <figcaption>{t('charts.lossCaption')}</figcaption>
      <p className="sr-only">{summary}</p>
      <SeriesChart
        series={series}
        markers={markers}
        markerLabels
        yDomain="zero-up"
        xLabel={t('charts.batchesTrained')}
        yLabel={t('charts.lossAxis')}
        format={(v) => (v >= 1 ? v.toFixed(1) : v.toFixed(2))}
        xName={(b) => t('charts.batchN', { batch: Math.round(b) })}
        height={height}
        integers
      />
    </figure>
  );
}

export default memo(LossChart);
