import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Marker } from './markers';
import type { ChartXAxis, OverlayRun } from './LossChart';
import SeriesChart from './SeriesChart';

export type AccuracyPoint = { batch: number; accuracy: number };
/** An epoch's test accuracy, with my digits' and the changed test set's when they were measured. */
export type TestPoint = {
  batch: number;
  testAccuracy: number;
  epoch: number;
  mineAccuracy?: number;
  shiftedAccuracy?: number;
};

const TRAIN = '#0072b2';
const TEST = '#d55e00';
const MINE = '#009e73';
const SHIFTED = '#cc79a7';

/** A dotted series of one extra accuracy, or none when no epoch measured it. */
function extra(test: TestPoint[], key: 'mineAccuracy' | 'shiftedAccuracy', name: string, color: string) {
  const points = test.flatMap((p) => (p[key] === undefined ? [] : [{ x: p.batch, y: 100 * p[key] }]));
  return points.length ? [{ name, color, style: 'dots' as const, points }] : [];
}

/** Training accuracy per batch (smoothed, %) and test accuracy after each epoch (%), on one batch axis. */
function AccuracyChart({
  train,
  test,
  markers,
  height = 220,
  overlays = [],
  xAxis,
  shiftName = '',
}: {
  train: AccuracyPoint[];
  test: TestPoint[];
  markers: Marker[];
  height?: number;
  overlays?: OverlayRun[];
  xAxis?: ChartXAxis;
  /** The changed test set's name, e.g. "rotated digits". */
  shiftName?: string;
}) {
  const { t } = useTranslation();
  const lastTrain = train[train.length - 1];
  const lastTest = test[test.length - 1];
  const summary =
    (lastTrain ? t('charts.trainNow', { percent: (100 * lastTrain.accuracy).toFixed(1) }) : t('charts.noBatches')) +
    ' ' +
    (lastTest
      ? t('charts.testAfter', { epoch: lastTest.epoch, percent: (100 * lastTest.testAccuracy).toFixed(2) })
      : t('charts.noEpoch')) +
    (lastTest?.mineAccuracy !== undefined
      ? ` ${t('charts.mineAfter', { percent: (100 * lastTest.mineAccuracy).toFixed(2) })}`
      : '') +
    (lastTest?.shiftedAccuracy !== undefined
      ? ` ${t('charts.shiftedAfter', { shift: shiftName, percent: (100 * lastTest.shiftedAccuracy).toFixed(2) })}`
      : '');
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
      // Beside the test set: my digits, and the changed test images (only where measured).
      ...extra(test, 'mineAccuracy', t('charts.mineSeries'), MINE),
      ...extra(test, 'shiftedAccuracy', t('charts.shiftedSeries', { shift: shiftName }), SHIFTED),
      ...overlays.map((o) => ({
        name: o.name,
        color: o.color,
        style: 'dots' as const,
        points: o.test.map((p) => ({ x: p.batch, y: 100 * p.testAccuracy })),
      })),
    ],
    [train, test, overlays, t, shiftName],
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
        {test.some((p) => p.mineAccuracy !== undefined) && (
          <li>
            <span style={{ color: MINE }}>●</span> {t('charts.mineSeries')}
          </li>
        )}
        {test.some((p) => p.shiftedAccuracy !== undefined) && (
          <li>
            <span style={{ color: SHIFTED }}>●</span> {t('charts.shiftedSeries', { shift: shiftName })}
          </li>
        )}
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
