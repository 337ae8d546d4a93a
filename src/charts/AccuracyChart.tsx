import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Marker } from './markers';
import type { ChartXAxis, OverlayRun } from './LossChart';
import SeriesChart from './SeriesChart';

export type AccuracyPoint = { batch: number; accuracy: number };
export type TestPoint = { batch: number; testAccuracy: number; epoch: number };

const TRAIN = '#0072b2';
const TEST = '#d55e00';

/** Training accuracy per batch (smoothed, %) and test accuracy after each epoch (%), on one batch axis. */
function AccuracyChart({
  train,
  test,
  markers,
  height = 220,
  overlays = [],
  xAxis,
}: {
  train: AccuracyPoint[];
  test: TestPoint[];
  markers: Marker[];
  height?: number;
  overlays?: OverlayRun[];
  xAxis?: ChartXAxis;
}) {
  const { t } = useTranslation();
  const lastTrain = train[train.length - 1];
  const lastTest = test[test.length - 1];
  const summary =
    (lastTrain ? t('charts.trainNow', { percent: (100 * lastTrain.accuracy).toFixed(1) }) : t('charts.noBatches')) +
    ' ' +
    (lastTest
      ? t('charts.testAfter', { epoch: lastTest.epoch, percent: (100 * lastTest.testAccuracy).toFixed(2) })
      : t('charts.noEpoch'));
  const series = useMemo(
    () => [
      {
        name: t('charts.trainSeries'),
        color: TRAIN,
        style: 'line' as const,
        points: train.map((p) => ({ x: p.batch, y: 100 * p.accuracy })),
      },
      {
        name: t('charts.testSeries'),
        color: TEST,
        style: 'dots' as const,
        points: test.map((p) => ({ x: p.batch, y: 100 * p.testAccuracy })),
      },
      ...overlays.map((o) => ({
        name: o.name,
        color: o.color,
        style: 'dots' as const,
        points: o.test.map((p) => ({ x: p.batch, y: 100 * p.testAccuracy })),
      })),
    ],
    [train, test, overlays, t],
  );
  return (
    <figure
      className="chart"
      aria-label={t('charts.accuracyTitle')}
      data-testid="chart.accuracy"
      data-series={series.length}
    >
      <p className="sr-only">{summary}</p>
      <figcaption>{t('charts.accuracyCaption')}</figcaption>
      <ul className="legend" aria-hidden="true">
        <li>
          <span style={{ color: TRAIN }}>━</span> {t('charts.trainSeries')}
        </li>
        <li>
          <span style={{ color: TEST }}>●</span> {t('charts.testSeries')}
        </li>
        {overlays.map((o) => (
          <li key={o.id}>
            <span style={{ color: o.color }}>●</span> {o.name}
          </li>
        ))}
      </ul>
      <SeriesChart
        series={series}
        markers={markers}
        yDomain={[0, 100]}
        emptyText={t('charts.accuracyEmptyHint')}
        xLabel={xAxis?.label ?? t('charts.batchesTrained')}
        yLabel={t('charts.accuracyAxis')}
        format={(v) => `${+v.toFixed(2)}%`}
        xName={xAxis?.name ?? ((b) => t('charts.batchN', { batch: Math.round(b) }))}
        height={height}
        integers={xAxis?.integers ?? true}
      />
    </figure>
  );
}

export default memo(AccuracyChart);
