import { useMemo } from 'react';
import AccuracyChart from '../charts/AccuracyChart';
import { downsample } from '../charts/downsample';
import LossChart from '../charts/LossChart';
import WeightHistogram from '../charts/WeightHistogram';
import { useStore } from '../store/store';

/** Charts get plain, downsampled arrays; the store is read here, never inside a chart. */
export default function ChartsPanel() {
  const series = useStore((s) => s.metrics.series);
  const epochs = useStore((s) => s.metrics.epochs);
  const histograms = useStore((s) => s.metrics.histograms);
  const histogramEpoch = useStore((s) => s.metrics.histogramEpoch);
  const points = useMemo(() => downsample(series, 300), [series]);
  return (
    <div className="charts">
      <LossChart points={points} />
      <AccuracyChart train={points} test={epochs} />
      <h2>
        Weights per layer <span className="muted">(epoch {histogramEpoch}, refreshed every second while training)</span>
      </h2>
      <div className="histograms">
        {histograms.map((h) => (
          <WeightHistogram key={h.layer} title={`Layer ${h.layer + 1}: ${h.name}`} layer={h.layer} min={h.min} max={h.max} counts={h.counts} />
        ))}
      </div>
    </div>
  );
}
