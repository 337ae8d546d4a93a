import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Marker } from './markers';
import SeriesChart from './SeriesChart';

/**
 * Top of the loss axis, nats: twice chance level (ln 10 ≈ 2.3) and then some. A diverging run's spike (up to the
 * 50 at which training stops) would otherwise flatten every other curve; it is cut at the top edge instead.
 */
const LOSS_AXIS_MAX = 6;

export type LossPoint = { batch: number; loss: number };
/** What the x values are, when not batches (the `batch` fields then carry x in these units). */
export type ChartXAxis = { label: string; name: (x: number) => string; integers: boolean };
/** Another run's curve drawn with the live one (runs panel), in its own colour. */
export type OverlayRun = {
  id: string;
  name: string;
  color: string;
  loss: LossPoint[];
  test: { batch: number; testAccuracy: number }[];
};

/** Smoothed training loss (cross-entropy, nats) against batches trained. Expects ≤ a few hundred points. */
function LossChart({
  points,
  markers,
  height = 220,
  overlays = [],
  xAxis,
}: {
  points: LossPoint[];
  markers: Marker[];
  height?: number;
  overlays?: OverlayRun[];
  xAxis?: ChartXAxis;
}) {
  const { t } = useTranslation();
  const last = points[points.length - 1];
  const lowest = points.reduce((m, p) => Math.min(m, p.loss), Infinity);
  const summary = last
    ? t('charts.lossSummary', { batch: last.batch, loss: last.loss.toFixed(3), lowest: lowest.toFixed(3) })
    : t('charts.lossEmpty');
  const series = useMemo(
    () => [
      {
        name: t('charts.lossCaption'),
        color: '#0072b2',
        style: 'line' as const,
        points: points.map((p) => ({ x: p.batch, y: p.loss })),
      },
      ...overlays.map((o) => ({
        name: o.name,
        color: o.color,
        style: 'line' as const,
        points: o.loss.map((p) => ({ x: p.batch, y: p.loss })),
      })),
    ],
    [points, overlays, t],
  );
  return (
    <figure className="chart" aria-label={t('charts.lossTitle')} data-testid="chart.loss" data-series={series.length}>
      <figcaption>{t('charts.lossCaption')}</figcaption>
      <p className="sr-only">{summary}</p>
      {overlays.length > 0 && (
        <ul className="legend" aria-label={t('runs.legend')}>
          <li>
            <span style={{ color: '#0072b2' }}>━</span> {t('runs.live')}
          </li>
          {overlays.map((o) => (
            <li key={o.id}>
              <span style={{ color: o.color }}>━</span> {o.name}
            </li>
          ))}
        </ul>
      )}
      <SeriesChart
        series={series}
        markers={markers}
        markerLabels
        yDomain="zero-up"
        yMax={LOSS_AXIS_MAX}
        emptyText={t('charts.lossEmptyHint')}
        xLabel={xAxis?.label ?? t('charts.batchesTrained')}
        yLabel={t('charts.lossAxis')}
        format={(v) => (v >= 1 ? v.toFixed(1) : v.toFixed(2))}
        xName={xAxis?.name ?? ((b) => t('charts.batchN', { batch: Math.round(b) }))}
        height={height}
        integers={xAxis?.integers ?? true}
      />
    </figure>
  );
}

export default memo(LossChart);
