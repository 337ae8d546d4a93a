// Train / Pause, Step and Reset: the page's primary actions, large in the header so they are in sight on a
// 1280×720 projector whatever the network column holds. Space and S do the same (useShortcuts).
import { useTranslation } from 'react-i18next';
import { getBridge } from '../bridge/workerBridge';
import { useStore } from '../store/store';
import { announce } from './announce';
import { useShortcut } from './useShortcut';
import { useTrainingState } from './useTrainingState';

export default function TrainButtons() {
  const { t } = useTranslation();
  const { canTrain, training } = useTrainingState();
  const paused = useStore((s) => s.status.state === 'paused');
  const bridge = getBridge();
  const locked = useStore((s) => s.ui.locked.includes('training')); // an exercise link locked these buttons
  useShortcut('Space', () => {
    if (locked) return;
    if (training) bridge.pause();
    else if (canTrain) bridge.start();
  });
  useShortcut('s', () => {
    if (!canTrain || locked) return;
    bridge.step();
    announce(t('announce.step'));
  });
  return (
    <div className="train-buttons" role="group" aria-label={t('train.heading')}>
      {training ? (
        <button data-testid="train.pause" className="primary big" onClick={bridge.pause} aria-keyshortcuts="Space">
          {t('train.pause')}
        </button>
      ) : (
        <button data-testid="train.start" className="primary big" disabled={!canTrain} onClick={bridge.start} aria-keyshortcuts="Space">
          {paused ? t('train.resume') : t('train.train')}
        </button>
      )}
      <button
        data-testid="train.step"
        className="big"
        disabled={!canTrain}
        onClick={bridge.step}
        title={t('train.stepTitle')}
        aria-keyshortcuts="S"
      >
        {t('train.step')}
      </button>
      <button
        data-testid="train.reset"
        className="big"
        disabled={!(canTrain || training)}
        onClick={bridge.reset}
        title={t('train.resetTitle')}
      >
        {t('train.reset')}
      </button>
    </div>
  );
}
