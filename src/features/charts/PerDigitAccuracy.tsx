// Test accuracy per digit after the last epoch, from its confusion matrix: where a left-out or mislabelled digit
// shows (a digit removed from training scores near 0 on its own test images).
import { useTranslation } from 'react-i18next';
import { useStore } from '../../store/store';

export default function PerDigitAccuracy() {
  const { t } = useTranslation();
  const confusion = useStore((s) => s.insight.confusion);
  const epoch = useStore((s) => s.insight.confusionEpoch);
  if (!confusion) return null;
  const acc = Array.from({ length: 10 }, (_, d) => {
    let n = 0;
    for (let p = 0; p < 10; p++) n += confusion[d * 10 + p];
    return n ? confusion[d * 11] / n : 0;
  });
  const data = Object.fromEntries(acc.map((a, d) => [`data-digit-${d}`, a.toFixed(4)]));
  return (
    <figure className="per-digit" data-testid="metrics.per-digit-accuracy" {...data}>
      <figcaption>{t('metrics.perDigit', { epoch })}</figcaption>
      <ol>
        {acc.map((a, d) => (
          <li
            key={d}
            className={a < 0.9 ? 'low' : ''}
            title={t('metrics.perDigitCell', { digit: d, percent: (100 * a).toFixed(1) })}
          >
            <span className="per-digit-d">{d}</span>
            <span className="per-digit-bar" aria-hidden="true">
              <span style={{ height: `${100 * a}%` }} />
            </span>
            <span className="per-digit-v">{(100 * a).toFixed(a < 0.995 ? 1 : 0)}</span>
          </li>
        ))}
      </ol>
    </figure>
  );
}
