import { useTranslation } from 'react-i18next';
import { useStore } from '../../store/store';
import { toggleGuide } from './actions';

/** "?" in the header: brings the first-run guide (and its list of keyboard shortcuts) back. */
export default function GuideButton() {
  const { t } = useTranslation();
  const open = useStore((s) => s.ui.guideOpen);
  return (
    <button
      className="help guide-open"
      data-testid="guide.open"
      aria-label={t('guide.open')}
      title={t('guide.open')}
      aria-expanded={open}
      onClick={toggleGuide}
    >
      ?
    </button>
  );
}
