import { useTranslation } from 'react-i18next';
import DigitPicture from '../../charts/DigitPicture';
import type { Cell } from '../../store/store';

/** The test images of the chosen confusion cell, with the model's top three guesses for each. */
export default function MistakeGallery({ cell }: { cell: Cell }) {
  const { t } = useTranslation();
  const { actual, predicted, total, items } = cell;
  return (
    <div className="gallery" aria-live="polite">
      <h3>
        {actual === predicted
          ? t('insight.correct', { digit: actual, count: total })
          : t('insight.mistaken', { actual, predicted, count: total })}
        {total > items.length && <span className="muted">{t('insight.mostConfident', { n: items.length })}</span>}
      </h3>
      {items.length === 0 && <p className="muted">{t('insight.noImages')}</p>}
      <ul className="gallery-items">
        {items.map((it) => {
          const top = it.probs
            .map((p, d) => ({ p, d }))
            .sort((a, b) => b.p - a.p)
            .slice(0, 3);
          return (
            <li key={it.index} data-testid="insight.gallery-item">
              <DigitPicture
                pixels={it.pixels}
                size={56}
                label={t('insight.testImage', { index: it.index, digit: actual })}
              />
              <span className="gallery-probs">
                {top.map((t) => (
                  <span key={t.d}>
                    {t.d}: {(100 * t.p).toFixed(0)}%
                  </span>
                ))}
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
