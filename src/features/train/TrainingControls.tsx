import { useTranslation } from 'react-i18next';
import { useMsg } from '../../i18n/translate';
import { BACKENDS, type BackendChoice } from '../../protocol/toWorker';
import { useStore } from '../../store/store';
import { chooseBackend } from './actions';
import { selectNetworkProblem, selectTraining } from './selectors';

export default function TrainingControls() {
  const { t } = useTranslation();
  const tm = useMsg();
  const state = useStore((s) => s.status.state);
  const available = useStore((s) => s.status.availableBackends);
  const choice = useStore((s) => s.config.backendChoice);
  const batchInEpoch = useStore((s) => s.status.batchInEpoch);
  const batchesPerEpoch = useStore((s) => s.status.batchesPerEpoch);
  const batchSize = useStore((s) => s.config.train.batchSize);
  // Train, Pause, Step and Reset are in the header (TrainButtons); this panel says why they are disabled.
  const training = useStore(selectTraining);
  const networkProblem = useStore(selectNetworkProblem);
  const eps = useStore((s) => s.status.examplesPerSecond);
  const epochPct = batchesPerEpoch ? Math.round((100 * batchInEpoch) / batchesPerEpoch) : 0;
  const etaS = training && eps > 0 ? ((batchesPerEpoch - batchInEpoch) * batchSize) / eps : null;
  return (
    <div className="controls">
      <h2>{t('train.heading')}</h2>
      {networkProblem && <p className="field-error">{t('train.fixNetwork', { problem: tm(networkProblem) })}</p>}
      <div className="epoch-progress" aria-label={t('train.epochProgress', { percent: epochPct })}>
        <div className="progress small">
          <div className="progress-fill" style={{ width: `${epochPct}%` }} />
        </div>
        <span>
          {t('train.batchOfEpoch', { batch: batchInEpoch, total: batchesPerEpoch || '—' })}
          {etaS !== null && <span data-testid="status.eta">{t('train.eta', { seconds: Math.ceil(etaS) })}</span>}
        </span>
      </div>
      <label className="field">
        <span>{t('train.backend')}</span>
        <select
          data-testid="train.backend"
          value={choice}
          onChange={(e) => chooseBackend(e.target.value as BackendChoice)}
          disabled={state === 'loading'}
        >
          <option value="auto">{t('train.auto')}</option>
          {BACKENDS.filter((b) => available.includes(b)).map((b) => (
            <option key={b} value={b}>
              {b}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
