// Train / Pause, Step and Reset: the page's primary actions, large in the header so they are in sight on a
// 1280×720 projector whatever the network column holds. Space and S do the same (useShortcuts).
import { useTranslation } from 'react-i18next';
import { useStore } from '../../store/store';
import { announce } from '../../ui/announce';
import { useShortcut } from '../../ui/useShortcut';
import { pauseTraining, resetTraining, startTraining, trainOneBatch } from './actions';
import { selectCanTrain, selectPaused, selectTraining } from './selectors';

export default function TrainButtons() {
  const { t } = useTranslation();
  const canTrain = useStore(selectCanTrain);
  const training = useStore(selectTraining);
  const paused = useStore(selectPaused);
  const locked = useStore((s) => s.ui.locked.includes('training')); // an exercise link locked these buttons
  useShortcut('Space', () => {
    if (locked) return;
    if (training) pauseTraining();
    else if (canTrain) startTraining();
  });
  useShortcut('s', () => {
    if (!canTrain || locked) return;
    trainOneBatch();
    announce(t('announce.step'));
  });
  return (
    <div className="train-buttons" role="group" aria-label={t('train.heading')}>
      {training ? (
        <button data-testid="train.pause" className="primary big" onClick={pauseTraining} aria-keyshortcuts="Space">
          {t('train.pause')}
        </button>
      ) : (
        <button
          data-testid="train.start"
          className="primary big"
          disabled={!canTrain}
          onClick={startTraining}
          aria-keyshortcuts="Space"
        >
          {paused ? t('train.resume') : t('train.train')}
        </button>
      )}
      <button
        data-testid="train.step"
        className="big"
        disabled={!canTrain}
        onClick={trainOneBatch}
        title={t('train.stepTitle')}
        aria-keyshortcuts="S"
      >
        {t('train.step')}
      </button>
      <button
        data-testid="train.reset"
        className="big"
        disabled={!(canTrain || training)}
        onClick={resetTraining}
        title={t('train.resetTitle')}
      >
        {t('train.reset')}
      </button>
    </div>
  );
}
