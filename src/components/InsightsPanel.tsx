// "Inside the network": per-layer distributions over time, the confusion matrix with its images, the weights
// as pictures, and what each layer makes of the drawn digit. Each part subscribes to its own slice of the
// store, so a histogram refresh does not redraw the pictures and vice versa (main-thread time is precious).
import { memo, useDeferredValue, useState } from 'react';
import ConfusionMatrix from '../charts/ConfusionMatrix';
import { getBridge } from '../bridge/workerBridge';
import { useStore } from '../store/store';
import ActivationsView from './ActivationsView';
import Explain from './Explain';
import LayerInsights from './LayerInsights';
import MistakeGallery from './MistakeGallery';
import WeightPicturesView from './WeightPicturesView';

const LayerList = memo(function LayerList() {
  const histograms = useDeferredValue(useStore((s) => s.metrics.histograms));
  const snaps = useDeferredValue(useStore((s) => s.insight.snaps));
  const share = useStore((s) => s.status.insightShare);
  return (
    <div>
      <h3>
        Layers: weights and gradients over time{' '}
        <Explain topic="Weight histograms">
          The histogram counts how many weights of a layer have each value. At the start they are small random numbers around 0; as the
          network learns, the shape spreads and changes. Gradients show how hard training pushes on the weights; the update/weight ratio
          says how big each step is compared with the weights themselves (about 0.001 is healthy). A dead ReLU unit outputs 0 for every
          image, so it no longer learns.
        </Explain>
      </h3>
      <p className="muted small">
        Each strip shows a distribution over the last ~80 seconds of training; brighter = more weights with that value. Refreshed every second;
        measuring takes <span data-testid="insight.cost">{(100 * share).toFixed(1)}</span>% of training time.
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
  const confusion = useStore((s) => s.insight.confusion);
  const confusionEpoch = useStore((s) => s.insight.confusionEpoch);
  const cell = useStore((s) => s.insight.cell);
  const [selected, setSelected] = useState<[number, number] | null>(null);
  return (
    <div>
      <h3>Confusion matrix {confusion && <span className="muted">(after epoch {confusionEpoch}, 10,000 test images)</span>}</h3>
      {confusion ? (
        <ConfusionMatrix
          confusion={confusion}
          selected={selected}
          onSelect={(a, p) => {
            setSelected([a, p]);
            getBridge().getCell(a, p);
          }}
        />
      ) : (
        <p className="muted">Appears after the first epoch.</p>
      )}
      {cell && selected && <MistakeGallery cell={cell} />}
    </div>
  );
});

const PicturesSection = memo(function PicturesSection() {
  const pictures = useDeferredValue(useStore((s) => s.insight.weightPictures));
  const activations = useDeferredValue(useStore((s) => s.draw.activations));
  return (
    <div>
      <h3>What the weights look like</h3>
      <WeightPicturesView layers={pictures} />
      <h3>What each layer sees</h3>
      <ActivationsView activations={activations} />
    </div>
  );
});

export default function InsightsPanel() {
  return (
    <section className="panel insights" aria-label="Inside the network">
      <h2>Inside the network</h2>
      <div className="insight-grid">
        <LayerList />
        <ConfusionSection />
        <PicturesSection />
      </div>
    </section>
  );
}
