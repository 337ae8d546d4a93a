import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore, type AppState } from '../store/store';
import { selectConfidence, selectPredictedDigit } from '../store/selectors';
import { onAnnounce } from '../ui/announce';

/** How long a prediction must stay unchanged before it is read out: not on every stroke while drawing. */
const PREDICTION_SETTLE_MS = 700;

/**
 * The screen-reader voice of the page: one polite live region that speaks when training starts or pauses,
 * after every epoch (test accuracy), and the prediction once the drawing settles. The visible numbers
 * change several times a second and are deliberately not live regions themselves.
 */
export default function Announcer() {
  const { t } = useTranslation();
  const [text, setText] = useState('');

  useEffect(() => {
    let settle: ReturnType<typeof setTimeout> | undefined;
    const onChange = (s: AppState, prev: AppState) => {
      if (s.status.state !== prev.status.state) {
        if (s.status.state === 'training') setText(t('announce.state.training'));
        else if (s.status.state === 'paused') setText(t('announce.state.paused', { batch: s.status.batch }));
        else if (s.status.state === 'ready' && prev.status.state === 'loading') setText(t('announce.state.ready'));
      }
      const last = s.metrics.epochs[s.metrics.epochs.length - 1];
      if (last && last !== prev.metrics.epochs[prev.metrics.epochs.length - 1])
        setText(t('announce.epoch', { epoch: last.epoch, accuracy: (100 * last.testAccuracy).toFixed(2) }));
      if (s.draw.probs !== prev.draw.probs) {
        clearTimeout(settle);
        const digit = selectPredictedDigit(s);
        const confidence = selectConfidence(s);
        if (digit >= 0)
          settle = setTimeout(
            () => setText(t('announce.prediction', { digit, percent: (100 * confidence).toFixed(0) })),
            PREDICTION_SETTLE_MS,
          );
      }
    };
    const unsubscribe = useStore.subscribe(onChange);
    const unlisten = onAnnounce(setText);
    return () => {
      unsubscribe();
      unlisten();
      clearTimeout(settle);
    };
  }, [t]);

  return (
    <div className="sr-only" role="status" aria-live="polite" aria-atomic="true" data-testid="ui.announcer">
      {text}
    </div>
  );
}
