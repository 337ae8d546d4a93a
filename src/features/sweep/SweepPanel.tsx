// Compare…: hyperparameter sweeps. The form while none runs; progress with pause, resume and cancel while one
// does (its runs grow together on the charts above); the results when runs have finished.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { cancelSweep, pauseSweep, resumeSweep } from './actions';
import { useMsg } from '../../i18n/translate';
import { useStore } from '../../store/store';
import { sweepEta, sweepRunName } from '../../store/sweepRuns';
import SweepForm from './SweepForm';
import SweepResults from './SweepResults';

const clock = (s: number) => `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;

export default function SweepPanel() {
  const { t } = useTranslation();
  const tm = useMsg();
  const sweep = useStore((s) => s.sweep);
  const [open, setOpen] = useState(false);
  const active = sweep.state === 'running' || sweep.state === 'paused';
  // The ETA moves with the clock, not only with reports.
  const [now, setNow] = useState(0);
  useEffect(() => {
    if (sweep.state !== 'running') return;
    const id = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(id);
  }, [sweep.state]);
  const hyperLocked = useStore((s) => s.ui.locked.includes('hyper'));
  const finished = sweep.done.filter(Boolean).length;
  const eta = now ? sweepEta(sweep, now) : null;
  const cur = sweep.current;
  return (
    <section className="sweep" aria-label={t('sweep.heading')}>
      <div className="sweep-head">
        <h3>{t('sweep.heading')}</h3>
        <button
          data-testid="sweep.open"
          aria-expanded={open || active}
          disabled={active || hyperLocked}
          title={hyperLocked ? t('lock.sweepLocked') : undefined}
          onClick={() => setOpen(!open)}
        >
          {t('sweep.open')}
        </button>
      </div>
      {(open || active || sweep.state !== 'idle') && (
        <div className="sweep-body" role="group" aria-label={t('sweep.heading')}>
          <p className="muted small">{t('sweep.intro')}</p>
          {!active && open && <SweepForm />}
          {sweep.state !== 'idle' && (
            <div className="sweep-status" aria-live="polite">
              <p>
                {t(`sweep.state.${sweep.state}`)}:{' '}
                <strong data-testid="sweep.progress">{`${finished}/${sweep.runIds.length}`}</strong>{' '}
                {t('sweep.runsDone')}
                {active && cur !== null && !sweep.done[cur] && (
                  <>
                    {' · '}
                    {t('sweep.training', {
                      name: sweepRunName(sweep.axes, sweep.runValues[cur]),
                      percent: Math.round(100 * sweep.progress[cur]),
                    })}
                  </>
                )}
                {sweep.state === 'running' && eta !== null && <> · {t('sweep.eta', { time: clock(eta) })}</>}
              </p>
              {sweep.message && (
                <p className="field-error" role="alert">
                  {tm(sweep.message)}
                </p>
              )}
              {active && (
                <div className="button-row">
                  {sweep.state === 'running' ? (
                    <button data-testid="sweep.pause" onClick={pauseSweep}>
                      {t('sweep.pause')}
                    </button>
                  ) : (
                    <button data-testid="sweep.resume" onClick={resumeSweep}>
                      {t('sweep.resume')}
                    </button>
                  )}
                  <button data-testid="sweep.cancel" onClick={cancelSweep}>
                    {t('sweep.cancel')}
                  </button>
                </div>
              )}
            </div>
          )}
          <SweepResults />
        </div>
      )}
    </section>
  );
}
