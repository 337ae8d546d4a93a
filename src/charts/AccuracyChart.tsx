import { useTranslation } from 'react-i18next';
import { memo } from 'react';
import type { Marker } from './markers';
import { CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Scatter, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';

export type AccuracyPoint = { batch: number; accuracy: number };
export type TestPoint = { batch: number; testAccuracy: number; epoch: number };

/** Training accuracy per batch (smoothed, %) and test accuracy after each epoch (%), on one batch axis. */
function AccuracyChart({ train, test, markers, height = 220 }: { train: AccuracyPoint[]; test: TestPoint[]; markers: Marker[]; height?: number }) {
  const { t } = useTranslation();
  const trainPct = train.map((p) => ({ batch: p.batch, train: 100 * p.accuracy }));
  const testPct = test.map((p) => ({ batch: p.batch, test: 100 * p.testAccuracy }));
  const lastTrain = train[train.length - 1];
  const lastTest = test[test.length - 1];
  const summary =
    (lastTrain ? t('charts.trainNow', { percent: (100 * lastTrain.accuracy).toFixed(1) }) : t('charts.noBatches')) +
    ' ' +
    (lastTest ? t('charts.testAfter', { epoch: lastTest.epoch, percent: (100 * lastTest.testAccuracy).toFixed(2) }) : t('charts.noEpoch'));
  return (
    <figure className="chart" aria-label={t('charts.accuracyTitle')}>
      <p className="sr-only">{summary}</p>
      <figcaption>{t('charts.accuracyCaption')}</figcaption>
      <ResponsiveContainer width="100%" height={height}>
        <ComposedChart margin={{ top: 8, right: 16, bottom: 24, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#d6dbe3" />
          <XAxis dataKey="batch" type="number" domain={['dataMin', 'dataMax']} allowDuplicatedCategory={false} label={{ value: t('charts.batchesTrained'), position: 'insideBottom', offset: -14 }} />
          <YAxis domain={[0, 100]} ticks={[0, 20, 40, 60, 80, 100]} scale="linear" width={56} unit="%" label={{ value: t('charts.accuracyAxis'), angle: -90, position: 'insideLeft', offset: 4, style: { textAnchor: 'middle' } }} />
          <Tooltip formatter={(v) => `${Number(v).toFixed(2)}%`} labelFormatter={(b) => t('charts.batchN', { batch: b })} />
          <Legend verticalAlign="top" height={24} />
          {markers.map((m, i) => (
            <ReferenceLine key={i} x={m.batch} stroke={m.kind === 'diverged' ? '#d55e00' : '#6a3d9a'} strokeDasharray="4 3" ifOverflow="extendDomain" />
          ))}
          <Line data={trainPct} dataKey="train" name={t('charts.trainSeries')} stroke="#0072b2" strokeWidth={2} dot={false} isAnimationActive={false} />
          <Scatter data={testPct} dataKey="test" name={t('charts.testSeries')} fill="#d55e00" line={{ stroke: '#d55e00', strokeWidth: 2 }} isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </figure>
  );
}

export default memo(AccuracyChart);
