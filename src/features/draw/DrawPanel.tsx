import { useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { openLearningStep } from '../learning-step';
import { AddToMyDigits } from '../mydigits';
import { WhyButton } from '../why';
import { chartScheduler } from '../../charts/chartScheduler';
import { useStore } from '../../store/store';
import { selectModelReady } from '../../store/selectors';
import { drawingChanged, penDown, showTestImage } from './actions';
import DrawPad, { type DrawPadHandle } from './DrawPad';
import InputPreview from './InputPreview';
import PredictionBars from './PredictionBars';
import { announce } from '../../ui/announce';
import { useShortcut } from '../../ui/useShortcut';

export default function DrawPanel() {
  const { t } = useTranslation();
  const input = useStore((s) => s.draw.input);
  const probs = useStore((s) => s.draw.probs);
  const modelReady = useStore(selectModelReady);
  const pad = useRef<DrawPadHandle>(null);
  const [strokes, setStrokes] = useState(0);
  const shown = useStore((s) => s.draw.shown);
  const image = useMemo(() => (shown ? Float32Array.from(shown) : null), [shown]);
  // While the ink flows, charts (chartScheduler.ts) and training progress (client/inkHold.ts) wait.
  const onInking = useCallback((down: boolean) => {
    chartScheduler.setPaused(down);
    penDown(down);
  }, []);
  const locked = useStore((s) => s.ui.locked.includes('draw'));
  const stepHidden = useStore((s) => s.ui.hidden.includes('step'));
  useShortcut('c', () => {
    if (locked) return;
    pad.current?.clear();
    announce(t('announce.cleared'));
  });
  return (
    <div className="draw">
      <h2>{t('draw.heading')}</h2>
      <div className="draw-body">
        <div className="draw-input">
          <DrawPad ref={pad} onInput={drawingChanged} onStrokes={setStrokes} image={image} onInking={onInking} />
          <div className="button-row">
            <button data-testid="draw.clear" aria-keyshortcuts="C" onClick={() => pad.current?.clear()}>
              {t('draw.clear')}
            </button>
            <button data-testid="draw.undo" disabled={strokes === 0} onClick={() => pad.current?.undo()}>
              {t('draw.undo')}
            </button>
            <button
              data-testid="draw.sample"
              title={t('draw.sampleTitle')}
              disabled={!modelReady}
              onClick={() => void showTestImage()}
            >
              {t('draw.sample')}
            </button>
          </div>
          <AddToMyDigits strokes={() => pad.current?.strokes() ?? null} />
        </div>
        <div className="draw-results">
          <PredictionBars probs={probs} active={input !== null} />
          <InputPreview input={input} />
          <WhyButton />
          {input && !stepHidden && (
            <button className="link" data-testid="draw.step" onClick={() => void openLearningStep('drawing')}>
              {t('step.openDrawing')}
            </button>
          )}
        </div>
      </div>
    </div>
  );
}
