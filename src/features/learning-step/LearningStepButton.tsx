import { useTranslation } from 'react-i18next';
import { closeLearningStep, openLearningStep } from './actions';
import { useStore } from '../../store/store';

/** Opens (or closes) the learning-step view; it needs a model, so it waits for the data. */
export default function LearningStepButton() {
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
      onClick={() => (open ? closeLearningStep() : void openLearningStep())}
    >
      {t('step.open')}
    </button>
  );
}
