// "A new version is ready — reload": shown when the service worker has a newer app waiting. Nothing reloads until
// the person asks, so an update never interrupts a training run.
import { useTranslation } from 'react-i18next';
import { applyUpdate } from '../services/offline';
import { useStore } from '../store/store';
import { selectTraining } from '../features/train';
import { postponeUpdate } from './actions';

export default function UpdateBanner() {
  const { t } = useTranslation();
  const ready = useStore((s) => s.ui.updateReady);
  const training = useStore(selectTraining);
  if (!ready) return null;
  return (
    <div className="notice update-banner" role="status" data-testid="ui.update-ready">
      <span>
        {t('app.updateReady')} {training && t('app.updateWhileTraining')}
      </span>
      <button className="primary" data-testid="ui.update-reload" onClick={applyUpdate}>
        {t('app.updateReload')}
      </button>
      <button onClick={postponeUpdate}>{t('app.updateLater')}</button>
    </div>
  );
}
