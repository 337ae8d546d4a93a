// The first-run guide: three short steps in a strip under the header (not a modal), advanced by what really
// happens — Train pressed, the loss falling, the first epoch — until a digit is drawn. Dismissed or finished, it
// stays closed (guideMemory.ts); the header's "?" brings it back. Off in presenter mode.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { rememberGuide } from '../../services/guideMemory';
import { guideStage, stageNumber } from './guide';
import { useStore } from '../../store/store';
import { dismissGuide } from './actions';

export default function FirstRunGuide() {
  const { t } = useTranslation();
  const open = useStore((s) => s.ui.guideOpen);
  const presenter = useStore((s) => s.ui.presenter);
  const series = useStore((s) => s.metrics.series);
  const epochs = useStore((s) => s.metrics.epochs.length);
  const drew = useStore((s) => s.draw.input !== null);
  const stage = guideStage({ series, epochs, drewAfterEpoch: drew && epochs >= 1 });
  useEffect(() => {
    if (open && stage === 'done') rememberGuide('done');
  }, [open, stage]);
  if (!open || presenter) return null;
  const n = stageNumber(stage);
  return (
    <section className="guide" data-testid="guide" data-step={stage} aria-label={t('guide.heading')}>
      <ol className="guide-steps" aria-hidden="true">
        {[1, 2, 3].map((k) => (
          <li key={k} className={k < n || stage === 'done' ? 'done' : k === n ? 'now' : ''}>
            {k}
          </li>
        ))}
      </ol>
      <p role="status" aria-live="polite" className="guide-text">
        <strong>{t('guide.stepOf', { n, total: 3 })}</strong> {t(`guide.${stage}`)}
      </p>
      <p className="guide-keys muted small">{t('guide.keys')}</p>
      <button data-testid="guide.dismiss" onClick={dismissGuide}>
        {stage === 'done' ? t('guide.close') : t('guide.dismiss')}
      </button>
    </section>
  );
}
