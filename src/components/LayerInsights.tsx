import HeatStrip from '../charts/HeatStrip';
import WeightHistogram from '../charts/WeightHistogram';
import type { LayerHistogram } from '../protocol/fromWorker';
import type { HistogramSnap } from '../store/store';

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

/** One trainable layer: latest weight histogram, weights and gradients over time, dead ReLUs, update ratio. */
export default function LayerInsights({ h, snaps }: { h: LayerHistogram; snaps: HistogramSnap[] }) {
  const title = `Layer ${h.layer + 1}: ${h.name}`;
  const ratio = h.updateRatio;
  const ratioNote = ratio === null ? '' : ratio > 0.01 ? ' (large: steps may be too big)' : ratio < 1e-5 ? ' (tiny: learning has nearly stopped)' : ' (healthy ≈ 0.001)';
  return (
    <section className="layer-insight" data-testid="insight.histogram" data-layer={h.layer} data-counts={h.counts.join(",")} aria-label={title}>
      <WeightHistogram title={title} min={h.min} max={h.max} counts={h.counts} />
      <HeatStrip label="Weights" unit="" snaps={snaps.map((s) => ({ batch: s.batch, bins: s.weights }))} />
      <HeatStrip label="Gradients" unit="" snaps={snaps.flatMap((s) => (s.grads ? [{ batch: s.batch, bins: s.grads }] : []))} />
      <dl className="layer-stats">
        <dt>Update / weight</dt>
        <dd data-testid="insight.update-ratio">
          {ratio === null ? '—' : ratio.toExponential(1)}
          <span className="muted">{ratioNote}</span>
        </dd>
        {h.deadFraction !== null && (
          <>
            <dt>Dead ReLU units</dt>
            <dd data-testid="insight.dead-relu">
              {pct(h.deadFraction)} <span className="muted">(silent on all of 256 test images)</span>
            </dd>
          </>
        )}
      </dl>
    </section>
  );
}
