import { useTranslation } from 'react-i18next';
import { retryData } from './actions';
import { useMsg } from '../../i18n/translate';
import { useStore } from '../../store/store';

function Stat({
  label,
  testId,
  value,
  title,
  shown,
}: {
  label: string;
  testId: string;
  value: string;
  title?: string;
  shown?: string;
}) {
  return (
    <div className="stat" title={title}>
      <span className="stat-label">{label}</span>
      {/* The test-id element keeps the contract's plain value; a translated word, when different, sits beside it. */}
      {shown && shown !== value && <span className="stat-value">{shown} </span>}
      <span className={shown && shown !== value ? 'stat-code' : 'stat-value'} data-testid={testId} title={title}>
        {value}
      </span>
    </div>
  );
}

export default function StatusBar() {
  const { t } = useTranslation();
  const tm = useMsg();
  const state = useStore((s) => s.status.state);
  const backend = useStore((s) => s.status.backend);
  const backendNote = useStore((s) => s.status.backendNote);
  const epoch = useStore((s) => s.status.epoch);
  const batch = useStore((s) => s.status.batch);
  const eps = useStore((s) => s.status.examplesPerSecond);
  const testAcc = useStore((s) => s.metrics.epochs[s.metrics.epochs.length - 1]?.testAccuracy);
  const loss = useStore((s) => s.metrics.series[s.metrics.series.length - 1]?.loss);
  const error = useStore((s) => s.status.error);
  const canRetry = useStore((s) => s.status.canRetryData);
  const lastTest = testAcc === undefined ? '' : testAcc.toFixed(4);
  const lastLoss = loss === undefined ? '' : loss.toFixed(4);
  return (
    <div className="status-bar">
      <div className="stats">
        <Stat label={t('status.state')} testId="status.state" value={state} shown={t(`state.${state}`)} />
        <Stat
          label={t('status.backend')}
          testId="status.backend"
          value={backend ?? ''}
          title={backendNote ? tm(backendNote) : undefined}
        />
        <Stat label={t('status.epoch')} testId="status.epoch" value={String(epoch)} />
        <Stat label={t('status.batch')} testId="status.batch" value={String(batch)} />
        <Stat
          label={t('status.examplesPerSecond')}
          testId="status.examples-per-second"
          value={String(Math.round(eps))}
        />
        <Stat label={t('status.trainLoss')} testId="metrics.train-loss" value={lastLoss} />
        <Stat label={t('status.testAccuracy')} testId="metrics.test-accuracy" value={lastTest} />
      </div>
      {error && (
        <div className="error" role="alert">
          <span data-testid="status.error">{tm(error)}</span>
          {canRetry && (
            <button data-testid="data.retry" onClick={retryData}>
              {t('status.retry')}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
