import { useDeferredValue, useMemo } from 'react';
import AccuracyChart from '../charts/AccuracyChart';
import { downsample } from '../charts/downsample';
import LossChart from '../charts/LossChart';
import { shortLabel } from '../charts/markers';
import { useStore } from '../store/store';
import Explain from './Explain';

/** Charts get plain, downsampled arrays; the store is read here, never inside a chart. */
export default function ChartsPanel() {
  // Deferred: React renders the charts in interruptible slices, so they never block input or drawing.
  const series = useDeferredValue(useStore((s) => s.metrics.series));
  const epochs = useDeferredValue(useStore((s) => s.metrics.epochs));
  const storeMarkers = useDeferredValue(useStore((s) => s.metrics.markers));
  const height = useStore((s) => s.ui.presenter) ? 165 : 220;
  const points = useMemo(() => downsample(series, 200), [series]);
  const markers = useMemo(() => storeMarkers.map((m) => ({ batch: m.batch, kind: m.kind, short: shortLabel(m.label) })), [storeMarkers]);
  return (
    <div className="charts">
      <Explain topic="Loss and accuracy">
        The loss (cross-entropy) measures how wrong the predicted probabilities are: 2.3 is a blind guess among ten digits, 0 is certain and
        right. Training lowers it on batches of training images; the orange points show accuracy on 10,000 test images the network never
        trains on, which tells whether it learned digits or memorised examples.
      </Explain>
      <LossChart points={points} markers={markers} height={height} />
      <AccuracyChart train={points} test={epochs} markers={markers} height={height} />
      {storeMarkers.length > 0 && (
        <ul className="markers" aria-label="Changes during training">
          {storeMarkers.map((m, i) => (
            <li key={i} data-testid="chart.marker" data-batch={m.batch} className={m.kind}>
              after batch {m.batch}: {m.label}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
