import { useTranslation } from 'react-i18next';
import { useStore } from '../../store/store';

/** Download progress of the MNIST files; visible only while they load. */
export default function DataProgress() {
  const { t } = useTranslation();
  const state = useStore((s) => s.status.state);
  const progress = useStore((s) => s.status.dataProgress);
  if (state !== 'loading') return null;
  if (progress >= 100)
    return (
      <div className="data-progress" role="status">
        {t('data.preparing')}
      </div>
    );
  return (
    <div className="data-progress">
      <label id="data-progress-label">{t('data.loading', { percent: progress })}</label>
      <div
        className="progress"
        role="progressbar"
        data-testid="data.progress"
        aria-labelledby="data-progress-label"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={progress}
      >
        <div className="progress-fill" style={{ width: `${progress}%` }} />
      </div>
    </div>
  );
}
