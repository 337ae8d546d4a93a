// "Inside the network": per-layer distributions over time, the confusion matrix with its images, the weights
// as pictures, and what each layer makes of the drawn digit. Each part subscribes to its own slice of the
// store, so a histogram refresh does not redraw the pictures and vice versa (main-thread time is precious).
import { memo, useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import ConfusionMatrix from '../../charts/ConfusionMatrix';
import { openCell } from './actions';
import { useStore } from '../../store/store';
import ActivationsView from './ActivationsView';
import Explain from '../../ui/Explain';
import LayerInsights from './LayerInsights';
import MistakeGallery from './MistakeGallery';
import WeightPicturesView from './WeightPicturesView';

const LayerList = memo(function LayerList() {
  const { t } = useTranslation();
  const histograms = useDeferredValue(useStore((s) => s.metrics.histograms));
  const snaps = useDeferredValue(useStore((s) => s.insight.snaps));
  const share = useStore((s) => s.status.insightShare);
  return (
    <div>
      <h3>
        {t('insight.layers')} <Explain topic="histogram" />
      </h3>
      <p className="muted small">
        {t('insight.stripNote')} <span data-testid="insight.cost">{(100 * share).toFixed(1)}</span>
        {t('insight.stripNoteEnd')}
      </p>
      <div className="layer-insights">
        {histograms.map((h) => (
          <LayerInsights key={h.layer} h={h} snaps={snaps[h.layer] ?? []} />
        ))}
      </div>
    </div>
  );
});

const ConfusionSection = memo(function ConfusionSection() {
  const { t } = useTranslation();
  const confusion = useStore((s) => s.insight.confusion);
  const confusionEpoch = useStore((s) => s.insight.confusionEpoch);
  const cell = useStore((s) => s.insight.cell);
  const [selected, setSelected] = useState<[number, number] | null>(null);
  return (
    <div>
      <h3>
        {t('insight.confusion')}{' '}
        {confusion && <span className="muted">{t('insight.confusionAfter', { epoch: confusionEpoch })}</span>}
      </h3>
      {confusion ? (
        <ConfusionMatrix
          confusion={confusion}
          selected={selected}
          onSelect={(a, p) => {
            setSelected([a, p]);
            void openCell(a, p);
          }}
        />
      ) : (
        <p className="muted">{t('insight.confusionLater')}</p>
      )}
      {cell && selected && <MistakeGallery cell={cell} />}
    </div>
  );
});

const PicturesSection = memo(function PicturesSection() {
  const { t } = useTranslation();
  const pictures = useDeferredValue(useStore((s) => s.insight.weightPictures));
  const activations = useDeferredValue(useStore((s) => s.draw.activations));
  return (
    <div>
      <h3>{t('insight.weightPictures')}</h3>
      <WeightPicturesView layers={pictures} />
      <h3>{t('insight.layerSees')}</h3>
      <ActivationsView activations={activations} />
    </div>
  );
});

export default function InsightsPanel() {
  const { t } = useTranslation();
  const empty = useStore((s) => s.metrics.epochs.length === 0 && s.status.batch === 0);
  return (
    <section className="panel insights" aria-label={t('insight.heading')}>
      <h2>{t('insight.heading')}</h2>
      {empty && <p className="muted">{t('insight.emptyHint')}</p>}
      <div className="insight-grid">
        <LayerList />
        <ConfusionSection />
        <PicturesSection />
      </div>
    </section>
  );
}
