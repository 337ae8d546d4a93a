import { useTranslation } from 'react-i18next';
import { closeLearningStep, openLearningStep } from './actions';
import { useStore } from '../../store/store';
import { selectModelReady } from '../../store/selectors';

/** Opens (or closes) the learning-step view; it needs a model, so it waits for the data. */
export default function LearningStepButton() {
  const { t } = useTranslation();
  const open = useStore((s) => s.learningStep.open);
  const modelReady = useStore(selectModelReady);
  return (
    <button
      className="step-open"
      data-testid="step.open"
      title={t('step.openTitle')}
      aria-expanded={open}
      disabled={!modelReady}
      onClick={() => (open ? closeLearningStep() : void openLearningStep())}
    >
      {t('step.open')}
    </button>
  );
}
