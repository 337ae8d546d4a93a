import { useTranslation } from 'react-i18next';
import { useStore } from '../../store/store';
import { selectModelReady } from '../../store/selectors';
import { openWhy } from './actions';

/** Opens the explanation views for what is on the pad (they need a model, so it waits for the data). */
export default function WhyButton() {
  const { t } = useTranslation();
  const open = useStore((s) => s.why.open);
  const ready = useStore(selectModelReady);
  return (
    <button className="link" data-testid="why.open" aria-expanded={open} disabled={!ready} onClick={openWhy}>
      {t('why.open')}
    </button>
  );
}
