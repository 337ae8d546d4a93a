import { useTranslation } from 'react-i18next';
import PixelImage from '../../charts/PixelImage';
import { useStore } from '../../store/store';
import { selectPredictedDigit } from '../../store/selectors';
import { AugmentStrip } from '../experiment';

/**
 * The "why the network misreads your digit" lesson's view: the drawn digit as the model receives it, large,
 * with what it was read as, beside the training images as the current augmentation varies them.
 */
export default function MisreadView() {
  const { t } = useTranslation();
  const input = useStore((s) => s.draw.input);
  const probs = useStore((s) => s.draw.probs);
  const best = useStore(selectPredictedDigit);
  return (
    <div className="misread" data-testid="lesson.misread">
      <figure>
        {input ? (
          <PixelImage values={input} side={28} mode="gray" size={112} label={t('draw.preview')} />
        ) : (
          <div className="misread-empty">{t('lesson.misread.draw')}</div>
        )}
        <figcaption className="small">
          {input && best >= 0
            ? t('lesson.misread.readAs', { digit: best, percent: Math.round(100 * probs![best]) })
            : t('draw.previewCaption')}
        </figcaption>
      </figure>
      <AugmentStrip testId="lesson.misread-strip" />
    </div>
  );
}
