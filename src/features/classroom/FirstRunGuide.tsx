// The first-run guide: three short steps in a strip under the header (not a modal), advanced by what really
// happens — Train pressed, the loss falling, the first epoch — until a digit is drawn. Dismissed or finished, it
// stays closed (guideMemory.ts); the header's "?" brings it back. Off in presenter mode.
// Its height never changes while it is open: the strip reserves the room of its longest step (all steps are laid
// in one grid cell, the others hidden), and once done it stays done. A step advancing under the pen moved the pad
// by a line while people drew (npm run bench:draw counted the pad moving 23 times in 200 digits).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { rememberGuide } from '../../services/guideMemory';
import { GUIDE_STAGES, guideStage, stageNumber, type GuideStage } from './guide';
import { useStore } from '../../store/store';
import { dismissGuide } from './actions';

export default function FirstRunGuide() {
  const { t } = useTranslation();
  const open = useStore((s) => s.ui.guideOpen);
  const presenter = useStore((s) => s.ui.presenter);
  const series = useStore((s) => s.metrics.series);
  const epochs = useStore((s) => s.metrics.epochs.length);
  const drew = useStore((s) => s.draw.input !== null);
  const live = guideStage({ series, epochs, drewAfterEpoch: drew && epochs >= 1 });
  // Clearing the pad would take the guide back to "draw a digit": once done, it stays done.
  const [finished, setFinished] = useState(false);
  if (live === 'done' && !finished) setFinished(true); // state adjusted while rendering (no effect round trip)
  const stage: GuideStage = finished ? 'done' : live;
  useEffect(() => {
    if (open && live === 'done') rememberGuide('done');
  }, [open, live]);
  if (!open || presenter) return null;
  const n = stageNumber(stage);
  const text = (g: GuideStage) => (
    <>
      <strong>{t('guide.stepOf', { n: stageNumber(g), total: 3 })}</strong> {t(`guide.${g}`)}
    </>
  );
  return (
    <section className="guide" data-testid="guide" data-step={stage} aria-label={t('guide.heading')}>
      <ol className="guide-steps" aria-hidden="true">
        {[1, 2, 3].map((k) => (
          <li key={k} className={k < n || stage === 'done' ? 'done' : k === n ? 'now' : ''}>
            {k}
          </li>
        ))}
      </ol>
      <div className="guide-text">
        <p role="status" aria-live="polite">
          {text(stage)}
        </p>
        <div className="guide-reserve" aria-hidden="true">
          {GUIDE_STAGES.map((g) => (
            <p key={g}>{text(g)}</p>
          ))}
        </div>
      </div>
      <p className="guide-keys muted small">{t('guide.keys')}</p>
      <button data-testid="guide.dismiss" onClick={dismissGuide} className="guide-dismiss">
        <span>{stage === 'done' ? t('guide.close') : t('guide.dismiss')}</span>
        <span className="guide-reserve" aria-hidden="true">
          <span>{t('guide.close')}</span>
          <span>{t('guide.dismiss')}</span>
        </span>
      </button>
    </section>
  );
}
