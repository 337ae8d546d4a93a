import { useTranslation } from 'react-i18next';
import { closeStep, openStep } from '../../bridge/learningStep';
import { useStore } from '../../store/store';

/** Opens (or closes) the learning-step view; it needs a model, so it waits for the data. */
export default function StepButton() {
  const { t } = useTranslation();
  const open = useStore((s) => s.step.open);
  const state = useStore((s) => s.status.state);
  return (
    <button
      className="step-open"
      data-testid="step.open"
      title={t('step.openTitle')}
      aria-expanded={open}
      disabled={state === 'loading' || state === 'error'}
      onClick={() => (open ? closeStep() : void openStep())}
    >
      {t('step.open')}
    </button>
  );
}
