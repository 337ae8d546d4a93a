import { useDeferredValue, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import AccuracyChart from '../charts/AccuracyChart';
import { downsample } from '../charts/downsample';
import LossChart from '../charts/LossChart';
import { shortLabel } from '../charts/markers';
import { RUN_COLORS } from '../charts/palette';
import { useMsg } from '../i18n/translate';
import { useStore } from '../store/store';
import Explain from './Explain';

/** Charts get plain, downsampled arrays; the store is read here, never inside a chart. */
export default function ChartsPanel() {
  const { t } = useTranslation();
  const tm = useMsg();
  // Deferred: React renders the charts in interruptible slices, so they never block input or drawing.
  const series = useDeferredValue(useStore((s) => s.metrics.series));
  const epochs = useDeferredValue(useStore((s) => s.metrics.epochs));
  const storeMarkers = useDeferredValue(useStore((s) => s.metrics.markers));
  const height = useStore((s) => s.ui.presenter) ? 165 : 220;
  const points = useMemo(() => downsample(series, 200), [series]);
  const runs = useStore((s) => s.runs.list);
  const overlayIds = useStore((s) => s.runs.overlay);
  const currentId = useStore((s) => s.runs.currentId);
  const overlays = useMemo(
    () =>
      runs
        .filter((r) => overlayIds.includes(r.id) && r.id !== currentId)
        .map((r, i) => ({ id: r.id, name: r.name, color: RUN_COLORS[i % RUN_COLORS.length], loss: r.series, test: r.epochs })),
    [runs, overlayIds, currentId],
  );
  const markers = useMemo(
    () => storeMarkers.map((m) => ({ batch: m.batch, kind: m.kind, short: tm(shortLabel(m.label)) })),
    [storeMarkers, tm],
  );
  return (
    <div className="charts">
      <Explain topic="loss" />
      <LossChart points={points} markers={markers} height={height} overlays={overlays} />
      <AccuracyChart train={points} test={epochs} markers={markers} height={height} overlays={overlays} />
      {storeMarkers.length > 0 && <Explain topic="lrChange" />}
      {storeMarkers.length > 0 && (
        <ul className="markers" aria-label={t('charts.changes')}>
          {storeMarkers.map((m, i) => (
            <li key={i} data-testid="chart.marker" data-batch={m.batch} className={m.kind}>
              {t('charts.afterBatch', { batch: m.batch, label: tm(m.label) })}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
