import { useTranslation } from 'react-i18next';
import HeatStrip from '../../charts/HeatStrip';
import WeightHistogram from '../../charts/WeightHistogram';
import type { LayerHistogram } from '../../protocol/fromWorker';
import type { HistogramSnap } from '../../store/store';

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

/** One trainable layer: latest weight histogram, weights and gradients over time, dead ReLUs, update ratio. */
export default function LayerInsights({ h, snaps }: { h: LayerHistogram; snaps: HistogramSnap[] }) {
  const { t } = useTranslation();
  const title = t('insight.layerTitle', { n: h.layer + 1, name: t(`kind.${h.name}`, { defaultValue: h.name }) });
  const ratio = h.updateRatio;
  const ratioNote =
    ratio === null
      ? ''
      : ratio > 0.01
        ? t('insight.ratioLarge')
        : ratio < 1e-5
          ? t('insight.ratioTiny')
          : t('insight.ratioHealthy');
  return (
    <section
      className="layer-insight"
      data-testid="insight.histogram"
      data-layer={h.layer}
      data-counts={h.counts.join(',')}
      aria-label={title}
    >
      <WeightHistogram title={title} min={h.min} max={h.max} counts={h.counts} />
      <HeatStrip label={t('insight.weights')} snaps={snaps.map((s) => ({ batch: s.batch, bins: s.weights }))} />
      <HeatStrip
        label={t('insight.gradients')}
        snaps={snaps.flatMap((s) => (s.grads ? [{ batch: s.batch, bins: s.grads }] : []))}
      />
      <dl className="layer-stats">
        <dt>{t('insight.updateRatio')}</dt>
        <dd data-testid="insight.update-ratio">
          {ratio === null ? '—' : ratio.toExponential(1)}
          <span className="muted">{ratioNote}</span>
        </dd>
        {h.deadFraction !== null && (
          <>
            <dt>{t('insight.deadRelu')}</dt>
            <dd data-testid="insight.dead-relu">
              {pct(h.deadFraction)} <span className="muted">{t('insight.deadReluNote')}</span>
            </dd>
          </>
        )}
      </dl>
    </section>
  );
}
