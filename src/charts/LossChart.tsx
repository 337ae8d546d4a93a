import { useTranslation } from 'react-i18next';
import { memo } from 'react';
import type { Marker } from './markers';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';

export type LossPoint = { batch: number; loss: number };

/** Smoothed training loss (cross-entropy, nats) against batches trained. Expects ≤ a few hundred points. */
function LossChart({ points, markers, height = 220 }: { points: LossPoint[]; markers: Marker[]; height?: number }) {
  const { t } = useTranslation();
  const last = points[points.length - 1];
  const lowest = points.reduce((m, p) => Math.min(m, p.loss), Infinity);
  const summary = last
    ? t('charts.lossSummary', { batch: last.batch, loss: last.loss.toFixed(3), lowest: lowest.toFixed(3) })
    : t('charts.lossEmpty');
  return (
    <figure className="chart" aria-label={t('charts.lossTitle')}>
      <figcaption>{t('charts.lossCaption')}</figcaption>
      <p className="sr-only">{summary}</p>
      <ResponsiveContainer width="100%" height={height}>
        <LineChart data={points} margin={{ top: 8, right: 16, bottom: 24, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#d6dbe3" />
          <XAxis dataKey="batch" type="number" domain={['dataMin', 'dataMax']} label={{ value: t('charts.batchesTrained'), position: 'insideBottom', offset: -14 }} />
          <YAxis domain={[0, 'auto']} width={56} label={{ value: t('charts.lossAxis'), angle: -90, position: 'insideLeft', offset: 4, style: { textAnchor: 'middle' } }} />
          <Tooltip formatter={(v) => Number(v).toFixed(4)} labelFormatter={(b) => t('charts.batchN', { batch: b })} />
          {markers.map((m, i) => (
            <ReferenceLine key={i} x={m.batch} stroke={m.kind === 'diverged' ? '#d55e00' : '#6a3d9a'} strokeDasharray="4 3" ifOverflow="extendDomain" label={{ value: m.short, position: 'insideTopRight', fontSize: 12, fill: '#39414d' }} />
          ))}
          <Line dataKey="loss" name="loss" stroke="#0072b2" strokeWidth={2} dot={false} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
}

export default memo(LossChart);
