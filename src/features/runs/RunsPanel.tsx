// Every training run, kept: a sortable table; check runs to overlay them on the charts; rename, delete, restore a
// run's network and settings; export all runs as CSV or JSON (one row per run and epoch) for a notebook.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyExperiment } from '../experiment';
import { downloadFile } from '../../services/downloadFile';
import {
  bestAccuracy,
  mineAccuracyOf,
  runsToCsv,
  runsToJson,
  shiftedAccuracyOf,
  type RunRecord,
} from '../../store/runs';
import { nativePrompt } from '../../services/dialogs';
import { useStore } from '../../store/store';
import { deleteRun, renameRun, toggleOverlay } from './actions';

type SortKey = 'started' | 'name' | 'best' | 'time975';
const sorters: Record<SortKey, (a: RunRecord, b: RunRecord) => number> = {
  started: (a, b) => b.startedAt.localeCompare(a.startedAt),
  name: (a, b) => a.name.localeCompare(b.name),
  best: (a, b) => (bestAccuracy(b) ?? -1) - (bestAccuracy(a) ?? -1),
  time975: (a, b) => (a.reached['0.975']?.seconds ?? Infinity) - (b.reached['0.975']?.seconds ?? Infinity),
};

export default function RunsPanel() {
  const { t } = useTranslation();
  const list = useStore((s) => s.runs.list);
  const overlay = useStore((s) => s.runs.overlay);
  const currentId = useStore((s) => s.runs.currentId);
  const [sort, setSort] = useState<SortKey>('started');
  const rows = useMemo(() => [...list].sort(sorters[sort]), [list, sort]);
  // Columns for the data lab's extra test sets, once any run measured them.
  const withMine = list.some((r) => mineAccuracyOf(r) !== null);
  const withShifted = list.some((r) => shiftedAccuracyOf(r) !== null);
  const header = (key: SortKey, label: string) => (
    <th aria-sort={sort === key ? 'descending' : 'none'}>
      <button className="link" onClick={() => setSort(key)}>
        {label}
      </button>
    </th>
  );
  if (list.length === 0) return <p className="muted small runs-empty">{t('runs.empty')}</p>;
  return (
    <section className="runs" aria-label={t('runs.heading')}>
      <h3>{t('runs.heading')}</h3>
      <div className="table-scroll">
        <table className="runs-table">
          <thead>
            <tr>
              <th>{t('runs.show')}</th>
              {header('name', t('runs.name'))}
              {header('best', t('runs.best'))}
              {withMine && <th>{t('runs.mine')}</th>}
              {withShifted && <th>{t('runs.shifted')}</th>}
              {header('time975', t('runs.time975'))}
              {header('started', t('runs.started'))}
              <th>{t('runs.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const best = bestAccuracy(r);
              const hit = r.reached['0.975'];
              return (
                <tr
                  key={r.id}
                  data-testid="runs.item"
                  data-run-id={r.id}
                  className={r.id === currentId ? 'current' : undefined}
                >
                  <td>
                    <input
                      type="checkbox"
                      data-testid="runs.overlay"
                      aria-label={t('runs.overlayLabel', { name: r.name })}
                      checked={r.id === currentId || overlay.includes(r.id)}
                      disabled={r.id === currentId}
                      onChange={() => toggleOverlay(r.id)}
                    />
                  </td>
                  <td className="run-name">
                    <span className="run-name-text" title={r.name}>
                      {r.name}
                    </span>
                    {r.id === currentId && <span className="badge">{t('runs.live')}</span>}
                  </td>
                  <td data-testid="runs.best-acc">{best === null ? '' : best.toFixed(4)}</td>
                  {withMine && <td data-testid="runs.mydigits-acc">{mineAccuracyOf(r)?.toFixed(4) ?? ''}</td>}
                  {withShifted && <td data-testid="runs.shifted-acc">{shiftedAccuracyOf(r)?.toFixed(4) ?? ''}</td>}
                  <td>{hit ? t('runs.reachedAt', { seconds: hit.seconds, epoch: hit.epoch }) : '—'}</td>
                  <td>{new Date(r.startedAt).toLocaleTimeString()}</td>
                  <td>
                    <span className="layer-actions">
                      <button
                        onClick={() => {
                          const name = nativePrompt(t('runs.newName'), r.name);
                          if (name) renameRun(r.id, name);
                        }}
                      >
                        {t('runs.rename')}
                      </button>
                      <button
                        data-testid="runs.use-settings"
                        title={t('runs.restoreTitle')}
                        onClick={() => applyExperiment({ network: r.network, train: r.config }, 'run')}
                      >
                        {t('runs.restore')}
                      </button>
                      <button
                        aria-label={t('runs.deleteLabel', { name: r.name })}
                        disabled={r.id === currentId}
                        onClick={() => deleteRun(r.id)}
                      >
                        ✕
                      </button>
                    </span>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className="button-row">
        <button
          data-testid="runs.export-csv"
          onClick={() => downloadFile('mnist-playground-runs.csv', new Blob([runsToCsv(list)], { type: 'text/csv' }))}
        >
          {t('runs.exportCsv')}
        </button>
        <button
          onClick={() =>
            downloadFile('mnist-playground-runs.json', new Blob([runsToJson(list)], { type: 'application/json' }))
          }
        >
          {t('runs.exportJson')}
        </button>
      </div>
    </section>
  );
}
