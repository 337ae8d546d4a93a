import DigitOptions from '../../ui/DigitOptions';
import { useTranslation } from 'react-i18next';
import { chooseStepSource, computeLearningStep, learningStepRate, setStepLabel, setStepRate } from './actions';
import { msg } from '../../model/msg';
import { useStore } from '../../store/store';
import NumberInput from '../../ui/NumberInput';

/** Which image, which true label, which η; and taking the live weights again. */
export default function StepSettings() {
  const { t } = useTranslation();
  const source = useStore((s) => s.learningStep.source);
  const label = useStore((s) => s.learningStep.label);
  const busy = useStore((s) => s.learningStep.busy);
  const lr = useStore((s) => s.learningStep.lr);
  const trainRate = useStore((s) => s.config.train.learningRate);
  const copiedAt = useStore((s) => s.learningStep.result?.copiedAtBatch ?? null);
  const testIndex = useStore((s) => s.learningStep.result?.testIndex ?? null);
  return (
    <div className="step-settings">
      <label className="field inline">
        <span>{t('step.source')}</span>
        <select
          data-testid="step.source"
          value={source}
          onChange={(e) => {
            chooseStepSource(e.target.value === 'drawing' ? 'drawing' : 'test-image');
            void computeLearningStep(false, e.target.value === 'drawing' ? undefined : 'random');
          }}
        >
          <option value="test-image">{t('step.source.test')}</option>
          <option value="drawing">{t('step.source.drawing')}</option>
        </select>
      </label>
      {source === 'drawing' ? (
        <label className="field inline">
          <span>{t('step.label')}</span>
          <select
            data-testid="step.label"
            value={label}
            onChange={(e) => {
              setStepLabel(Number(e.target.value));
              void computeLearningStep(false);
            }}
          >
            <DigitOptions />
          </select>
        </label>
      ) : (
        <span className="step-test-buttons">
          {testIndex !== null && <span className="muted">{t('step.testIndex', { index: testIndex })}</span>}
          <button disabled={busy} onClick={() => void computeLearningStep(false, 'random')} data-testid="step.another">
            {t('step.another')}
          </button>
          <button disabled={busy} onClick={() => void computeLearningStep(false, 'misread')} data-testid="step.misread">
            {t('step.misread')}
          </button>
        </span>
      )}
      <div className="step-lr">
        <NumberInput
          label={t('step.lr')}
          testId="step.lr"
          value={lr ?? trainRate}
          hint={lr === null ? t('step.lrTraining') : undefined}
          onCommit={(v) => {
            if (!(v > 0) || v > 1e6) return msg('step.badRate');
            setStepRate(v);
            void computeLearningStep(false);
            return null;
          }}
        />
      </div>
      <button
        disabled={busy}
        onClick={() => void computeLearningStep(true)}
        data-testid="step.refresh"
        title={t('step.refreshTitle')}
      >
        {t('step.refresh')}
      </button>
      {copiedAt !== null && (
        <span className="muted small">{t('step.copiedAt', { batch: copiedAt, rate: learningStepRate() })}</span>
      )}
    </div>
  );
}
