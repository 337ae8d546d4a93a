// How the network read my digits after the last epoch: share right per digit, and the misread ones with their
// input picture and what they were read as.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import DigitPicture from '../../charts/DigitPicture';
import { useStore } from '../../store/store';
import { perLabel, selectReadingsCurrent } from './selectors';

/** Misread digits shown; the count says how many in all. */
const MAX_MISREAD = 30;

export default function MineReadings() {
  const { t } = useTranslation();
  const items = useStore((s) => s.mine.items);
  const predicted = useStore((s) => s.mine.predicted);
  const epoch = useStore((s) => s.mine.evalEpoch);
  const current = useStore(selectReadingsCurrent);
  const stats = useMemo(
    () =>
      current && predicted
        ? perLabel(
            items.map((x) => x.label),
            predicted,
          )
        : null,
    [current, items, predicted],
  );
  if (items.length === 0) return null;
  if (!stats || !predicted) return <p className="muted">{t('mine.notYet')}</p>;
  const right = stats.reduce((s, [r]) => s + r, 0);
  const misread = items.map((x, i) => ({ x, p: predicted[i] })).filter(({ x, p }) => x.label !== p);
  return (
    <div className="mine-readings">
      <p className="muted">{t('mine.accuracy', { epoch, right, count: items.length })}</p>
      <p className="mine-per-digit muted" aria-label={t('mine.perDigit')}>
        {stats.map(([r, n], d) =>
          n ? (
            <span key={d}>
              {d}: {r}/{n}
            </span>
          ) : null,
        )}
      </p>
      <h3>{t('mine.misread')}</h3>
      {misread.length === 0 ? (
        <p className="muted">{t('mine.noneMisread')}</p>
      ) : (
        <div className="mine-misread">
          {misread.slice(0, MAX_MISREAD).map(({ x, p }) => (
            <figure key={x.id}>
              <DigitPicture pixels={x.pixels} size={42} label={t('mine.misreadAs', { label: x.label, predicted: p })} />
              <figcaption>
                {x.label}→{p}
              </figcaption>
            </figure>
          ))}
          {misread.length > MAX_MISREAD && (
            <span className="muted">{t('mine.more', { n: misread.length - MAX_MISREAD })}</span>
          )}
        </div>
      )}
    </div>
  );
}
