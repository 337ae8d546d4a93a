// A sweep's results: final test accuracy against the value (log axis for values spread over decades), the best
// run, a table with time to 97.5% and speed, and "use this setting".
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import SeriesChart from '../../charts/SeriesChart';
import { RUN_COLORS } from '../../charts/palette';
import { applyBestSetting } from './actions';
import { bestRun, isLogSpaced, summarySeries } from '../../model/sweep';
import { useStore } from '../../store/store';
import { sweepResults, sweepRunName } from '../../store/sweepRuns';

const NO_MARKERS: never[] = [];

export default function SweepResults() {
  const { t } = useTranslation();
  const sweep = useStore((s) => s.sweep);
  const runs = useStore((s) => s.runs.list);
  const results = useMemo(() => sweepResults(sweep, runs), [sweep, runs]);
  const best = bestRun(results);
  const axis = sweep.axes[0];
  const log = axis ? isLogSpaced(axis.values) : false;
  const categorical = axis?.param === 'optimizer';
  const series = useMemo(
    () =>
      summarySeries(sweep.axes, results).map((g, i) => ({
        name: g.name ? `${t(`sweep.params.${sweep.axes[1].param}`)} ${g.name}` : t('sweep.finalAccuracy'),
        color: RUN_COLORS[i % RUN_COLORS.length],
        style: 'dots' as const,
        points: g.points.map((p) => ({ x: p.x, y: 100 * p.y })),
      })),
    [sweep.axes, results, t],
  );
  if (!axis || results.every((r) => r.finalAccuracy === null)) return null;
  const values = axis.values;
  // Room around the outermost values so their dots are not cut by the frame; y zoomed to the accuracies reached.
  const xs = series.flatMap((g) => g.points.map((p) => p.x));
  const ys = series.flatMap((g) => g.points.map((p) => p.y));
  const [lo, hi] = [Math.min(...xs), Math.max(...xs)];
  const xDomain: [number, number] | undefined = categorical
    ? [-0.5, values.length - 0.5]
    : log
      ? [lo / 1.6, hi * 1.6]
      : hi > lo
        ? [lo - 0.06 * (hi - lo), hi + 0.06 * (hi - lo)]
        : undefined;
  const yFloor = Math.max(0, Math.floor((Math.min(...ys) - 5) / 10) * 10);
  const format = (x: number) => (categorical ? String(values[Math.round(x)] ?? '') : String(+x.toPrecision(3)));
  return (
    <div className="sweep-results">
      <figure
        className="chart"
        data-testid="sweep.summary"
        aria-label={t('sweep.summaryTitle')}
        data-points={series.reduce((n, s) => n + s.points.length, 0)}
      >
        <figcaption>{t('sweep.summaryTitle')}</figcaption>
        <SeriesChart
          series={series}
          markers={NO_MARKERS}
          yDomain={[yFloor, 100]}
          xLabel={t(`sweep.params.${axis.param}`)}
          yLabel={t('sweep.finalAccuracyAxis')}
          format={(v) => `${+v.toFixed(2)}%`}
          xName={format}
          xFormat={format}
          xScale={log ? 'log' : 'linear'}
          xDomain={xDomain}
          integers={categorical}
          height={200}
        />
      </figure>
      {best !== null && (
        <p className="sweep-best">
          {t('sweep.bestIs')} <strong data-testid="sweep.best">{sweep.runValues[best].join(' / ')}</strong>{' '}
          {t('sweep.bestAccuracy', { percent: (100 * results[best].finalAccuracy!).toFixed(2) })}{' '}
          <button data-testid="sweep.use-best" onClick={() => applyBestSetting()}>
            {t('sweep.useBest')}
          </button>
        </p>
      )}
      <div className="table-scroll">
        <table className="runs-table">
          <thead>
            <tr>
              <th>{t('runs.name')}</th>
              <th>{t('sweep.finalAccuracy')}</th>
              <th>{t('runs.time975')}</th>
              <th>{t('sweep.speed')}</th>
            </tr>
          </thead>
          <tbody>
            {results.map((r, i) => {
              const run = runs.find((x) => x.id === sweep.runIds[i]);
              return (
                <tr key={sweep.runIds[i]} className={i === best ? 'current' : undefined}>
                  <td>{sweepRunName(sweep.axes, r.values)}</td>
                  <td>
                    {r.diverged ? t('sweep.diverged') : r.finalAccuracy === null ? '—' : r.finalAccuracy.toFixed(4)}
                  </td>
                  <td>{r.secondsTo975 === null ? '—' : t('sweep.seconds', { seconds: r.secondsTo975 })}</td>
                  <td>{run && run.seconds > 0 ? Math.round(run.examples / run.seconds).toLocaleString() : '—'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
