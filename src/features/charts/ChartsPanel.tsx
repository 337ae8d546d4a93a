import { useDeferredValue, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import AccuracyChart from '../../charts/AccuracyChart';
import { downsample } from '../../charts/downsample';
import LossChart from '../../charts/LossChart';
import { shortLabel } from '../../charts/markers';
import { RUN_COLORS } from '../../charts/palette';
import { useMsg } from '../../i18n/translate';
import { axisMapper, X_AXES, type XAxis } from '../../store/runs';
import { useStore } from '../../store/store';
import Explain from '../../ui/Explain';
import PerDigitAccuracy from './PerDigitAccuracy';

/** Charts get plain, downsampled arrays; the store is read here, never inside a chart. */
export default function ChartsPanel() {
  const { t } = useTranslation();
  const tm = useMsg();
  // Deferred: React renders the charts in interruptible slices, so they never block input or drawing.
  const series = useDeferredValue(useStore((s) => s.metrics.series));
  const epochs = useDeferredValue(useStore((s) => s.metrics.epochs));
  const storeMarkers = useDeferredValue(useStore((s) => s.metrics.markers));
  const height = useStore((s) => s.ui.presenter) ? 165 : 220;
  const runs = useStore((s) => s.runs.list);
  const overlayIds = useStore((s) => s.runs.overlay);
  const currentId = useStore((s) => s.runs.currentId);
  const train = useStore((s) => s.config.train);
  const [axis, setAxis] = useState<XAxis>('batches');
  // Each run's batches map to its own examples, epochs or seconds; the live run's through its record (or, before
  // its first store write, the current settings).
  const live = useMemo(
    () => axisMapper(runs.find((r) => r.id === currentId) ?? { timeline: [], config: train }, axis),
    [runs, currentId, train, axis],
  );
  const points = useMemo(() => downsample(series, 200).map((p) => ({ ...p, batch: live(p.batch) })), [series, live]);
  const testPoints = useMemo(() => epochs.map((e) => ({ ...e, batch: live(e.batch) })), [epochs, live]);
  const overlays = useMemo(
    () =>
      runs
        .filter((r) => overlayIds.includes(r.id) && r.id !== currentId)
        .map((r, i) => {
          const x = axisMapper(r, axis);
          return {
            id: r.id,
            name: r.name,
            color: RUN_COLORS[i % RUN_COLORS.length],
            loss: r.series.map((p) => ({ ...p, batch: x(p.batch) })),
            test: r.epochs.map((e) => ({ ...e, batch: x(e.batch) })),
          };
        }),
    [runs, overlayIds, currentId, axis],
  );
  const markers = useMemo(
    () => storeMarkers.map((m) => ({ batch: live(m.batch), kind: m.kind, short: tm(shortLabel(m.label)) })),
    [storeMarkers, tm, live],
  );
  const xAxis = useMemo(
    () =>
      axis === 'batches'
        ? undefined
        : {
            label: t(`charts.axis.${axis}`),
            name: (x: number) => t(`charts.at.${axis}`, { x: axis === 'epochs' ? x.toFixed(2) : Math.round(x) }),
            integers: axis === 'examples',
          },
    [axis, t],
  );
  return (
    <div className="charts">
      <Explain topic="loss" />
      <label className="field inline">
        <span>{t('charts.xAxis')}</span>
        <select data-testid="charts.x-axis" value={axis} onChange={(e) => setAxis(e.target.value as XAxis)}>
          {X_AXES.map((a) => (
            <option key={a} value={a}>
              {t(`charts.axis.${a}`)}
            </option>
          ))}
        </select>
      </label>
      <LossChart points={points} markers={markers} height={height} overlays={overlays} xAxis={xAxis} />
      <AccuracyChart
        train={points}
        test={testPoints}
        markers={markers}
        height={height}
        overlays={overlays}
        xAxis={xAxis}
        shiftName={train.testShift === 'none' ? '' : t(`data.shift.${train.testShift}`)}
      />
      <PerDigitAccuracy />
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
