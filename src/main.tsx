// The composition root: reads the link, starts the services and the worker client, renders the page.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { offlineReady, updateWaiting } from './app/actions';
import App from './app/App';
import { installDebugHooks } from './app/installDebugHooks';
import { getClient } from './client';
import { loadExperimentFromUrl, syncUrl } from './features/experiment';
import { loadStoredDigits } from './features/mydigits';
import { trackRuns } from './features/runs';
import { selectUnsavedTraining } from './features/sessions';
import { initI18n } from './i18n/i18n';
import { registerOffline } from './services/offline';
import { guardUnsavedTraining } from './services/pageGuards';
import { useStore } from './store/store';
import './styles.css';

// The URL is read before the worker starts so it builds the shared experiment, not the default one.
loadExperimentFromUrl();
void initI18n(useStore.getState().ui.language);
syncUrl();
registerOffline({ ready: offlineReady, updateWaiting, trainedBatches: () => useStore.getState().status.batch });
guardUnsavedTraining(() => selectUnsavedTraining(useStore.getState()));
trackRuns();
void loadStoredDigits();
installDebugHooks(getClient());

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
