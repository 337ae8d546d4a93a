import { useTranslation } from 'react-i18next';
import type { Reading } from '../../store/store';

/** Ten small bars: how sure the network is of each digit for one input; the digit read is marked. */
export default function ReadingBars({ reading, label, testId }: { reading: Reading; label: string; testId: string }) {
  const { t } = useTranslation();
  return (
    <figure className="why-reading" data-testid={testId} data-predicted={reading.predicted}>
      <figcaption>
        {label}: <strong>{reading.predicted}</strong> ({(100 * reading.probs[reading.predicted]).toFixed(1)}%)
      </figcaption>
      <ul aria-label={t('draw.probabilities')}>
        {reading.probs.map((p, d) => (
          <li key={d} className={d === reading.predicted ? 'best' : ''} title={`${d}: ${(100 * p).toFixed(1)}%`}>
            <span className="why-bar" style={{ height: `${Math.max(1, 100 * p)}%` }} />
            <span>{d}</span>
          </li>
        ))}
      </ul>
    </figure>
  );
}
