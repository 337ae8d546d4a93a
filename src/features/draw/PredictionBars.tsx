import { useTranslation } from 'react-i18next';
import { argMax } from '../../model/argMax';
/** The predicted digit and one bar per class; values are also in data-value for tests and screen readers. */
export default function PredictionBars({ probs, active }: { probs: number[] | null; active: boolean }) {
  const { t } = useTranslation();
  const shown = active && probs ? probs : null;
  const best = shown ? argMax(shown) : -1;
  return (
    <div className="prediction">
      <div className="predicted">
        <span className="muted">{t('draw.prediction')}</span>
        <span className="predicted-digit" data-testid="draw.prediction">
          {best >= 0 ? String(best) : ''}
        </span>
        {best >= 0 && <span className="muted">{t('draw.sure', { percent: (100 * shown![best]).toFixed(1) })}</span>}
      </div>
      {!shown && (
        <p className="prediction-empty muted" data-testid="draw.empty">
          {t('draw.emptyHint')}
        </p>
      )}
      {shown && (
        <ul className="probs" aria-label={t('draw.probabilities')}>
          {Array.from({ length: 10 }, (_, d) => {
            const p = shown[d];
            return (
              <li key={d} data-testid={`draw.prob-${d}`} data-value={p.toFixed(4)} className={d === best ? 'best' : ''}>
                <span className="prob-digit">{d}</span>
                <span className="prob-bar" aria-hidden="true">
                  <span style={{ width: `${100 * p}%` }} />
                </span>
                <span className="prob-value">{(100 * p).toFixed(1)}%</span>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
